/**
 * @module App Home: publishes the Home tab when a user opens it.
 * @see {@link https://docs.slack.dev/reference/events/app_home_opened}
 */
import type { App } from '@slack/bolt';
import { dashboardLinks } from '../../../http/dashboard-link.js';
import { localDate } from '../../../shared/clock.js';
import { buildHomeView } from '../../blocks/home-view.js';
import type { SlackDeps } from '../deps.js';
import { recentXlaReport } from '../xla-report.js';

const EXPERIENCE_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      const asker = await deps.identity.asker(event.user);
      const isManager = deps.sposa.policy.isManager(asker);
      const view = buildHomeView({
        isManager,
        registry: await deps.sposa.registry(),
        today: localDate(new Date(), deps.sposa.config.timezone),
        tickets: await deps.sposa.tickets.listByReporter(event.user, { openOnly: true }),
        experience: isManager ? await deps.conversations.store.feedbackSummary(new Date(Date.now() - EXPERIENCE_WINDOW_MS)) : undefined,
        xla: isManager ? await recentXlaReport(deps.sposa) : undefined,
        // A fresh link each time the tab opens; employees get none, not even a refused one.
        dashboardUrl: isManager ? await dashboardLinks(deps.sposa).url(event.user) : undefined,
      });
      await client.views.publish({ user_id: event.user, view });
    } catch (error) {
      deps.logger.error('could not publish the Home tab', { user: event.user, error });
    }
  });
}

/**
 * @module App Home: publishes the Home tab when a user opens it.
 * @see {@link https://docs.slack.dev/reference/events/app_home_opened}
 */
import type { App } from '@slack/bolt';
import { localDate } from '../../../shared/clock.js';
import { buildHomeView } from '../../blocks/home-view.js';
import type { SlackDeps } from '../deps.js';

export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      const asker = await deps.identity.asker(event.user);
      const view = buildHomeView({
        isManager: deps.sposa.policy.isManager(asker),
        registry: await deps.sposa.registry(),
        today: localDate(new Date(), deps.sposa.config.timezone),
      });
      await client.views.publish({ user_id: event.user, view });
    } catch (error) {
      deps.logger.error('could not publish the Home tab', { user: event.user, error });
    }
  });
}

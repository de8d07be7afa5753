/**
 * @module The XLA dashboard in Slack modes (HTTP and Socket Mode): the console's dashboard routes, served beside
 * /healthz on PORT, for whoever holds a signed link from their App Home or `/sposa report`. Every request checks
 * the link (signature, expiry) and that the user it was made for is still a manager, by id or user group.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Sposa } from '../compose.js';
import { type DashboardAccess, DASHBOARD_PATHS, dashboardRoutes, NOT_A_MANAGER } from '../console/dashboard.js';
import { NotFoundError } from '../errors.js';
import { dashboardLinks, type DashboardTokenCheck } from '../http/dashboard-link.js';
import { sendError } from '../http/json.js';
import { withLogContext } from '../shared/log-context.js';
import { type Logger, referenceId } from '../shared/logger.js';
import type { SlackIdentity } from './identity.js';

const REOPEN = "Open the dashboard again with the button on SPOSA's Home tab in Slack, or with /sposa report.";
const REFUSALS: Record<Exclude<DashboardTokenCheck, { ok: true }>['reason'], string> = {
  missing: `This page opens only from a link SPOSA gives service managers. ${REOPEN}`,
  invalid: `This dashboard link is not valid. ${REOPEN}`,
  expired: `This dashboard link has expired; links work for 12 hours. ${REOPEN}`,
};

export interface SlackDashboardDeps {
  sposa: Sposa;
  identity: SlackIdentity;
  logger: Logger;
}

/** Bolt custom routes (HTTPReceiver and SocketModeReceiver alike) serving the dashboard to holders of a valid link. */
export function slackDashboardRoutes(deps: SlackDashboardDeps) {
  const links = dashboardLinks(deps.sposa);
  async function access(url: URL): Promise<DashboardAccess> {
    const check = await links.check(url.searchParams.get('token'));
    if (!check.ok) {
      deps.logger.warn('dashboard link refused', { reason: check.reason });
      return { allowed: false, reason: REFUSALS[check.reason] };
    }
    // Checked on every request: someone taken off SPOSA_MANAGER_IDS or out of the user group loses access at once.
    if (deps.sposa.policy.isManager(await deps.identity.asker(check.userId))) return { allowed: true };
    deps.logger.warn('dashboard link refused', { reason: 'not a manager', user: check.userId });
    return { allowed: false, reason: NOT_A_MANAGER };
  }
  const routes = dashboardRoutes({ sposa: deps.sposa, access });
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    withLogContext({ request: referenceId() }, async () => {
      if (!(await routes(`${request.method} ${url.pathname}`, url, response))) throw new NotFoundError(`nothing at ${url.pathname}`);
    }).catch((error: unknown) => {
      const reference = referenceId();
      // The path only: the query holds the link's token.
      deps.logger[error instanceof Error && 'code' in error ? 'warn' : 'error']('dashboard request failed', { reference, path: url.pathname, error });
      sendError(response, error, reference);
    });
  };
  return DASHBOARD_PATHS.map((path) => ({ path, method: ['GET'], handler }));
}

/**
 * @module The XLA dashboard on the console server: the page, its figures as JSON and as CSV, and Chart.js served
 * from node_modules (no CDN: SPOSA runs without internet). Managers only; anyone else gets 403 and no figures. The
 * console serves these routes for its demo users; in Slack modes, src/slack/dashboard.ts serves the same ones to
 * holders of a signed link.
 */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Sposa } from '../compose.js';
import { ErrorCode, SposaError } from '../errors.js';
import { sendJson } from '../http/json.js';
import { type ReportQuery, toCsv } from '../xla/index.js';

const PAGE = new URL('./dashboard.html', import.meta.url);
// chart.js exports only its modules; the UMD build sits beside them in dist/.
const CHART_JS = path.join(path.dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');
export const CHART_JS_PATH = '/vendor/chart.umd.min.js';

/** The paths the routes answer, for servers that register each path (Bolt's custom routes). */
export const DASHBOARD_PATHS = ['/dashboard', '/api/dashboard', '/dashboard.csv', CHART_JS_PATH] as const;

export const NOT_A_MANAGER = 'The experience dashboard is for service managers. Ask your IT service manager if you need figures.';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const forbiddenPage = (reason: string) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>SPOSA — not for you</title>
<p>${escapeHtml(reason)}</p></html>`;

/** Whether a request may see figures; when not, a sentence saying why and what to do. */
export type DashboardAccess = { allowed: true } | { allowed: false; reason: string };

export interface DashboardDeps {
  sposa: Sposa;
  /** Decides from the request's URL (the console's `user`, Slack's signed `token`), on every request, who is asking. */
  access(url: URL): DashboardAccess | Promise<DashboardAccess>;
}

/** Pages that carry a link's token: not cached, and no Referer to anywhere. */
const PRIVATE_HEADERS = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };

/** Serves `GET /dashboard`, `/api/dashboard`, `/dashboard.csv` and Chart.js; false when the path is not one of them. */
export function dashboardRoutes(deps: DashboardDeps) {
  const query = (url: URL) => ({
    // Validated by the report itself, like every other field.
    by: (url.searchParams.get('by') || undefined) as ReportQuery['by'],
    from: url.searchParams.get('from') || undefined,
    to: url.searchParams.get('to') || undefined,
  });
  const refuseUnlessAllowed = async (url: URL) => {
    const access = await deps.access(url);
    if (!access.allowed) throw new SposaError(ErrorCode.Forbidden, access.reason);
  };
  return async (route: string, url: URL, response: ServerResponse): Promise<boolean> => {
    switch (route) {
      case `GET ${CHART_JS_PATH}`:
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=86400' }).end(await readFile(CHART_JS));
        return true;
      case 'GET /dashboard': {
        const access = await deps.access(url);
        if (!access.allowed) response.writeHead(403, { 'content-type': 'text/html; charset=utf-8', ...PRIVATE_HEADERS }).end(forbiddenPage(access.reason));
        else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...PRIVATE_HEADERS }).end(await readFile(PAGE));
        return true;
      }
      case 'GET /api/dashboard':
        await refuseUnlessAllowed(url);
        sendJson(response, 200, await deps.sposa.xla.report(query(url)));
        return true;
      case 'GET /dashboard.csv': {
        await refuseUnlessAllowed(url);
        const report = await deps.sposa.xla.report(query(url));
        response
          .writeHead(200, {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="sposa-xla-by-${report.by}.csv"`,
            ...PRIVATE_HEADERS,
          })
          .end(toCsv(report));
        return true;
      }
      default:
        return false;
    }
  };
}

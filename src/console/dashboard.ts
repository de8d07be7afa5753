/**
 * @module The XLA dashboard on the console server: the page, its figures as JSON and as CSV, and Chart.js served
 * from node_modules (no CDN: SPOSA runs without internet). Managers only; anyone else gets 403 and no figures.
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

const FORBIDDEN_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>SPOSA — not for you</title>
<p>The experience dashboard is for service managers. Ask your IT service manager if you need figures.</p></html>`;

export interface DashboardDeps {
  sposa: Sposa;
  /** Validates the `user` query parameter and tells whether that user is a manager. */
  isManager(url: URL): boolean;
}

/** Serves `GET /dashboard`, `/api/dashboard`, `/dashboard.csv` and Chart.js; false when the path is not one of them. */
export function dashboardRoutes(deps: DashboardDeps) {
  const query = (url: URL) => ({
    // Validated by the report itself, like every other field.
    by: (url.searchParams.get('by') || undefined) as ReportQuery['by'],
    from: url.searchParams.get('from') || undefined,
    to: url.searchParams.get('to') || undefined,
  });
  const refuse = () => {
    throw new SposaError(ErrorCode.Forbidden, 'the experience dashboard is for service managers');
  };
  return async (route: string, url: URL, response: ServerResponse): Promise<boolean> => {
    switch (route) {
      case `GET ${CHART_JS_PATH}`:
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=86400' }).end(await readFile(CHART_JS));
        return true;
      case 'GET /dashboard':
        if (!deps.isManager(url)) response.writeHead(403, { 'content-type': 'text/html; charset=utf-8' }).end(FORBIDDEN_PAGE);
        else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(await readFile(PAGE));
        return true;
      case 'GET /api/dashboard':
        if (!deps.isManager(url)) refuse();
        sendJson(response, 200, await deps.sposa.xla.report(query(url)));
        return true;
      case 'GET /dashboard.csv': {
        if (!deps.isManager(url)) refuse();
        const report = await deps.sposa.xla.report(query(url));
        response
          .writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="sposa-xla-by-${report.by}.csv"` })
          .end(toCsv(report));
        return true;
      }
      default:
        return false;
    }
  };
}

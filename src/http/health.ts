/**
 * @module GET /healthz: liveness and the basics an operator checks first (database engine, clauses indexed, mode, and
 * the delivery queue: pending jobs and those given up on).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Sposa } from '../compose.js';

export function healthHandler(sposa: Sposa, mode: string) {
  return async function health(_request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      await sposa.db.query('select 1');
      const body = { status: 'ok', mode, database: sposa.db.engine, clauses: await sposa.clauses.size(), deliveries: await sposa.jobs.counts() };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    } catch {
      response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'unavailable', mode }));
    }
  };
}

/**
 * @module GET /metrics in Prometheus format (prom-client). Process metrics and Slack events are counted per replica;
 * tickets, SLA breaches, deliveries and answers are read from the database when scraped, so they are the same on
 * every replica (aggregate them with max(), not sum()) and survive restarts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { Sposa } from '../compose.js';
import { isOpen } from '../tickets/index.js';

export interface Metrics {
  /** Slack requests received, by payload type (event_callback, block_actions, view_submission, …). */
  slackEvents: Counter<'type'>;
  handler(request: IncomingMessage, response: ServerResponse): void;
}

export function createMetrics(sposa: Sposa): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'sposa_' });
  const slackEvents = new Counter({ name: 'sposa_slack_events_total', help: 'Slack requests received by this replica, by type', labelNames: ['type'], registers: [registry] });

  const fromDatabase = <Label extends string>(name: string, help: string, labelNames: Label[], read: (gauge: Gauge<Label>) => Promise<void>) =>
    new Gauge<Label>({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        await read(this);
      },
    });

  fromDatabase('sposa_tickets', 'Tickets by status', ['status'], async (gauge) => {
    for (const row of await sposa.db.query<{ status: string; count: number }>('select status, count(*)::int as count from tickets group by status')) {
      gauge.set({ status: row.status }, row.count);
    }
  });
  fromDatabase('sposa_open_ticket_clocks', 'Clocks of open tickets by state (on-track, at-risk, breached, paused, met)', ['clock', 'state'], async (gauge) => {
    for (const ticket of (await sposa.tickets.list({ openOnly: true, limit: 10_000 })).filter(isOpen)) {
      const status = await sposa.slaStatus(ticket);
      for (const clock of ['response', 'resolution'] as const) {
        const state = status[clock];
        if (state) gauge.inc({ clock, state });
      }
    }
  });
  fromDatabase('sposa_sla_breaches', 'SLA breaches recorded, ever', ['clock'], async (gauge) => {
    const rows = await sposa.db.query<{ type: string; count: number }>(`select type, count(*)::int as count from ticket_events where type like '%-breached' group by type`);
    for (const row of rows) gauge.set({ clock: row.type.replace('-breached', '') }, row.count);
  });
  fromDatabase('sposa_deliveries', 'Outbox jobs by state, and retries made', ['state'], async (gauge) => {
    const { pending, done, failed } = await sposa.jobs.counts();
    const [retries] = await sposa.db.query<{ retries: number }>('select coalesce(sum(greatest(attempts - 1, 0)), 0)::int as retries from jobs');
    gauge.set({ state: 'pending' }, pending);
    gauge.set({ state: 'done' }, done);
    gauge.set({ state: 'failed' }, failed);
    gauge.set({ state: 'retries' }, retries?.retries ?? 0);
  });
  fromDatabase('sposa_answers', 'Answers given, by mode (extractive, generated) and whether a model answer fell back', ['mode', 'fallback'], async (gauge) => {
    const rows = await sposa.db.query<{ mode: string; fallback: boolean; count: number }>(
      `select coalesce(answer->>'mode', 'unknown') as mode, (answer ? 'fallbackReason') as fallback, count(*)::int as count
       from conversation_turns where role = 'assistant' and answer is not null group by 1, 2`,
    );
    for (const row of rows) gauge.set({ mode: row.mode, fallback: String(row.fallback) }, row.count);
  });

  return {
    slackEvents,
    handler(_request, response) {
      registry
        .metrics()
        .then((text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text))
        .catch(() => response.writeHead(503, { 'content-type': 'text/plain' }).end('metrics unavailable\n'));
    },
  };
}

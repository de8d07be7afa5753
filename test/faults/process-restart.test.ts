/**
 * SPOSA killed and restarted mid-ticket and mid-answer: the real process (`node --import tsx src/main.ts`, as
 * `npm start` runs it) in Slack HTTP mode, SIGKILLed while work it has acknowledged is still in flight, then started
 * again on the same database. What the user sees (one clear message each, never silence) and what the supplier gets
 * (each ticket, under one delivery id) must survive the kill.
 *
 * At the moment of the kill, three things are in flight:
 *  1. a ticket that is stored and confirmed, whose delivery hangs at the supplier's webhook;
 *  2. a ticket that is stored, whose confirmation to the reporter is still on its way to Slack;
 *  3. a question Slack has its acknowledgement for, whose answer is still on its way to Slack.
 * The restart runs with its clock two minutes on (test/helpers/clock-offset.ts), as after two minutes of downtime,
 * so the dead worker's lease (60 s) and the answer's safety net (60 s) have run out without the test waiting them out.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supplierKey } from '../../src/delivery/index.js';
import { TICKET_FIELD, VIEW } from '../../src/slack/ids.js';
import { type Db, openPglite, openPostgres } from '../../src/store/index.js';
import { contractFile, contractsDir } from '../helpers/contracts.js';
import { type SlackApiServer, type SlackCall, startSlackApiServer } from '../helpers/slack-api-server.js';
import { eventEnvelope, postEvent, postInteraction, SIGNING_SECRET } from '../helpers/slack-requests.js';
import { type SposaProcess, startSposaProcess } from '../helpers/sposa-process.js';
import { testDataDir } from '../helpers/sposa.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/supplier-endpoints.js';
import { storeTargets } from '../helpers/test-db.js';

/** Longer than a worker's lease (60 s), the first retry's back-off (30 s) and the answer's safety net (60 s). */
const DOWNTIME_MS = 2 * 60_000;
const SUPPLIER = 'Restart Supplier B.V.';
const SERVICE = 'Restart Service';
const MASTER_SECRET = 'process-restart-test-master-secret-0123456789';
const REPORTER = 'U_REPORTER';
const ASKER = 'U_ASKER';
/** Where the tickets are opened from: a channel whose confirmation gets through, and one whose confirmation is cut off. */
const CONFIRMED_CHANNEL = 'C_DESK';
const CUT_OFF_CHANNEL = 'C_CUT_OFF';
const QUESTION_CHANNEL = 'C_ASK';
const QUESTION_TS = '1700500000.000001';
const QUESTION_EVENT = 'EvKilledMidAnswer';

/** Polls until `probe` returns something (not undefined/false), or fails naming what never happened. */
async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000, context = () => ''): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms\n${context()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const ticketIdIn = (text: unknown) => /\b(INC-\d{4}-\d{5})\b/.exec(String(text))?.[1];

interface Facts {
  tickets: { id: string; description: string }[];
  jobs: { kind: string; dedupe_key: string; ticket: string | null; done: boolean; failed: boolean; last_error: string | null }[];
  delivered: { ticket_id: string; event_id: number | null; transport: string | null }[];
  claimedEvents: string[];
}

describe.each(storeTargets())('SPOSA killed and restarted mid-ticket ($name)', (target) => {
  let api: SlackApiServer;
  let hooks: WebhookReceiver;
  let cleanupContracts: () => Promise<void>;
  let env: Record<string, string>;
  let openDb: () => Promise<Db>;
  let dropSchema: () => Promise<void> = async () => {};
  /** How far ahead the running SPOSA's clock is, for the webhook receiver's signature check. */
  let skew = 0;
  const processes: SposaProcess[] = [];
  const output = () => processes.map((child, i) => `--- SPOSA process ${i + 1} ---\n${child.output()}`).join('\n');

  /** What happened, read once everything has run: Slack calls, webhook requests, and the database afterwards. */
  const seen = {
    firstTicket: '',
    cutOffTicket: '',
    firstDelivery: '',
    /** Exit codes: null when a signal ended the process. */
    killedWith: undefined as number | null | undefined,
    stoppedWith: undefined as number | null | undefined,
    facts: undefined as unknown as Facts,
  };

  const start = async (clockOffsetMs: number) => {
    skew = clockOffsetMs;
    const child = await startSposaProcess(env, { clockOffsetMs, readyTimeoutMs: 25_000 });
    processes.push(child);
    return child;
  };

  const submitTicket = (child: SposaProcess, channel: string, description: string) =>
    postInteraction(`${child.url}/slack/events`, {
      type: 'view_submission', team: { id: 'T1' }, user: { id: REPORTER }, token: 'x', trigger_id: 't',
      view: {
        id: 'V1', callback_id: VIEW.ticket, private_metadata: JSON.stringify({ channel }),
        state: {
          values: {
            [TICKET_FIELD.service]: { value: { type: 'static_select', selected_option: { value: SERVICE } } },
            [TICKET_FIELD.priority]: { value: { type: 'static_select', selected_option: { value: 'P3' } } },
            [TICKET_FIELD.description]: { value: { type: 'plain_text_input', value: description } },
          },
        },
      },
    });

  const queue = async (child: SposaProcess) =>
    ((await (await fetch(`${child.url}/healthz`)).json()) as { deliveries: { pending: number; failed: number; done: number } }).deliveries;
  /** Confirmations the reporter actually got (held calls never reached Slack). */
  const confirmationsOf = (ticketId: string) =>
    api.callsOf('chat.postEphemeral').filter((call) => call.args.user === REPORTER && ticketIdIn(call.args.text) === ticketId);
  const routedTo = (hookTicket: string) => (hook: { body: Record<string, unknown> }) =>
    hook.body.event === 'routed' && (hook.body.ticket as { id?: string } | undefined)?.id === hookTicket;
  const answersToQuestion = () => api.callsOf('chat.postMessage').filter((call: SlackCall) => call.args.thread_ts === QUESTION_TS);

  beforeAll(async () => {
    api = await startSlackApiServer();
    hooks = await startWebhookReceiver(async (supplier) => supplierKey(MASTER_SECRET, supplier), () => new Date(Date.now() + skew));
    const contracts = await contractsDir({
      'restart.md': contractFile({
        id: 'SLA-RESTART-1',
        supplier: SUPPLIER,
        services: [SERVICE],
        extra: [
          'supplier_contact:',
          `  webhook: ${hooks.url}`,
          'support_hours: "24/7"',
          'targets:',
          '  P3: { response: 4h, resolution: 3d }',
        ].join('\n'),
      }),
    });
    cleanupContracts = contracts.cleanup;
    const dataDir = testDataDir();
    env = {
      SPOSA_DATA_DIR: dataDir,
      SPOSA_CONTRACTS_DIR: contracts.dir,
      SLACK_BOT_TOKEN: 'xoxb-process-restart',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: api.apiUrl,
      SPOSA_SUPPLIER_SIGNING_SECRET: MASTER_SECRET,
      SPOSA_DEFAULT_LANGUAGE: 'en',
    };
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (target.name === 'postgres' && serverUrl) {
      // A schema of its own, as test/helpers/test-db.ts makes them; main.ts takes it on the URL's search path.
      const schema = `sposa_restart_${process.pid}_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      env.DATABASE_URL = url.toString();
      openDb = () => openPostgres({ url: serverUrl, schema, maxConnections: 2 });
      dropSchema = async () => {
        const cleanup = new pg.Client({ connectionString: serverUrl });
        await cleanup.connect();
        await cleanup.query(`drop schema if exists ${schema} cascade`);
        await cleanup.end();
      };
    } else {
      // The embedded database lives in SPOSA_DATA_DIR/pgdata, which outlives the process like a server would.
      openDb = () => openPglite(path.join(dataDir, 'pgdata'));
    }

    // ---- The first process: take the work, then die with all three pieces of it in flight. ----
    const first = await start(0);
    hooks.mode = 'hang';
    // 1. A ticket, stored and confirmed; its delivery hangs at the supplier's webhook.
    expect((await submitTicket(first, CONFIRMED_CHANNEL, `${SERVICE} hangs at login, since this morning`)).status).toBe(200);
    const confirmation = await until('the first ticket confirmed', () => api.callsOf('chat.postEphemeral').find((call) => call.args.channel === CONFIRMED_CHANNEL), 10_000, output);
    seen.firstTicket = ticketIdIn(confirmation.args.text) as string;
    // Confirmed means confirmed: the outbox's fallback confirmation is withdrawn (the first job done in this database).
    await until('the first ticket’s fallback confirmation withdrawn', async () => (await queue(first)).done >= 1, 10_000, output);
    const attempt = await until('the first ticket on its way to the supplier', () => hooks.arrived.find(routedTo(seen.firstTicket)), 10_000, output);
    seen.firstDelivery = attempt.delivery;
    // 2. A ticket, stored; its confirmation never gets through to Slack.
    api.holdNext('chat.postEphemeral', (args) => args.channel === CUT_OFF_CHANNEL);
    expect((await submitTicket(first, CUT_OFF_CHANNEL, `${SERVICE} prints nothing at all`)).status).toBe(200);
    const cutOff = await until('the second ticket’s confirmation on its way', () => api.callsOf('chat.postEphemeral (held)').find((call) => call.args.channel === CUT_OFF_CHANNEL), 10_000, output);
    seen.cutOffTicket = ticketIdIn(cutOff.args.text) as string;
    // 3. A question, acknowledged; its answer never gets through to Slack.
    api.holdNext('chat.postMessage', (args) => args.thread_ts === QUESTION_TS);
    const question = eventEnvelope({ type: 'app_mention', user: ASKER, text: `<@UBOT> who is responsible for the ${SERVICE}?`, channel: QUESTION_CHANNEL, ts: QUESTION_TS }, QUESTION_EVENT);
    expect((await postEvent(`${first.url}/slack/events`, question)).status).toBe(200);
    await until('the answer on its way', () => api.callsOf('chat.postMessage (held)').find((call) => call.args.thread_ts === QUESTION_TS), 10_000, output);

    seen.killedWith = await first.stop('SIGKILL');

    // ---- The second process, on the same database, after two minutes down; the supplier's webhook is back. ----
    hooks.mode = 'up';
    const second = await start(DOWNTIME_MS);
    // Everything was due when it started: the dead worker's leases and the safety nets have run out. Once the queue
    // is empty there is nothing left that could still arrive, so what was posted by then is all there will be.
    await until('the restarted process’s queue drained', async () => (await queue(second)).pending === 0, 15_000, output);
    seen.stoppedWith = await second.stop('SIGTERM');

    const db = await openDb();
    try {
      seen.facts = {
        tickets: await db.query(`select id, description from tickets order by id`),
        jobs: await db.query(
          `select kind, dedupe_key, payload->>'ticketId' as ticket, done_at is not null as done, failed_at is not null as failed, last_error from jobs order by id`,
        ),
        delivered: await db.query(
          `select ticket_id, (data->>'eventId')::int as event_id, data->>'transport' as transport from ticket_events where type = 'delivered' order by id`,
        ),
        claimedEvents: (await db.query<{ event_id: string }>(`select event_id from processed_events order by event_id`)).map((row) => row.event_id),
      };
    } finally {
      await db.close();
    }
  }, 90_000);

  afterAll(async () => {
    for (const child of processes) await child.stop('SIGKILL');
    await api?.close();
    await hooks?.close();
    await dropSchema();
    await cleanupContracts?.();
    if (env?.SPOSA_DATA_DIR) await rm(env.SPOSA_DATA_DIR, { recursive: true, force: true });
  });

  it('was really killed, and the restart shut down cleanly', () => {
    expect(seen.killedWith).toBeNull(); // no exit code: SIGKILL ended it
    expect(seen.stoppedWith).toBe(0);
  });

  it('keeps every ticket exactly once, under the id the reporter was given', () => {
    expect(seen.facts.tickets.map((ticket) => ticket.id)).toEqual([seen.firstTicket, seen.cutOffTicket]);
    expect(seen.firstTicket).not.toBe(seen.cutOffTicket);
  });

  it('delivers the ticket whose delivery was cut off, under the delivery id of the cut-off attempt', () => {
    const routed = hooks.received.filter(routedTo(seen.firstTicket));
    // At least once (README, "Delivery"): a redelivery after a kill may come again, but always under the same id.
    expect(routed.length).toBeGreaterThanOrEqual(1);
    expect([...new Set(routed.map((hook) => hook.delivery))]).toEqual([seen.firstDelivery]);
    expect(routed.every((hook) => hook.verified && hook.supplier === SUPPLIER)).toBe(true);
    // And the ticket whose delivery had not started yet arrives too, under one id of its own.
    const second = hooks.received.filter(routedTo(seen.cutOffTicket));
    expect(new Set(second.map((hook) => hook.delivery)).size).toBe(1);
    // The audit trail records each delivery to the webhook (README, "Lifecycle": every delivery is an event).
    expect([...new Set(seen.facts.delivered.filter((event) => event.transport === 'webhook').map((event) => event.ticket_id))].sort()).toEqual(
      [seen.firstTicket, seen.cutOffTicket].sort(),
    );
  });

  it('leaves no delivery pending or given up on', () => {
    expect(seen.facts.jobs.filter((job) => !job.done || job.failed)).toEqual([]);
  });

  it('confirmed the first ticket to its reporter exactly once', () => {
    const confirmations = confirmationsOf(seen.firstTicket);
    expect(confirmations).toHaveLength(1);
    expect(String(confirmations[0]?.args.text)).toContain(`Ticket *${seen.firstTicket}* (P3, ${SERVICE}) is open. Routed to ${SUPPLIER}`);
  });

  it('confirms the ticket whose confirmation was cut off, once, after the restart', () => {
    const confirmations = confirmationsOf(seen.cutOffTicket);
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]?.args.channel).toBe(CUT_OFF_CHANNEL);
    expect(String(confirmations[0]?.args.text)).toContain(`*${seen.cutOffTicket}* (P3, ${SERVICE}) is open`);
  });

  it('answers the question it was killed in the middle of, once, with an apology for the wait', () => {
    expect(seen.facts.claimedEvents).toEqual([QUESTION_EVENT]);
    const [apology, answer, ...more] = answersToQuestion();
    expect(String(apology?.args.text)).toContain('took a while');
    expect(String(answer?.args.text)).toContain(SUPPLIER);
    expect(more).toEqual([]);
  });
});

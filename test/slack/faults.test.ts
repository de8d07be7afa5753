import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TICKET_FIELD, VIEW } from '../../src/slack/ids.js';
import { lateAnswerJob } from '../../src/slack/late-answer.js';
import { conversationStore } from '../../src/store/index.js';
import { eventEnvelope, postEvent, postInteraction } from '../helpers/slack-requests.js';
import { DEMO_NOW } from '../helpers/sposa.js';
import { type StoreTarget, storeTargets } from '../helpers/test-db.js';
import { openSlackTestbed, type SlackTestbed } from './harness.js';

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(storeTargets())('when Slack or a replica fails mid-answer ($name)', (target) => {
  let bed: SlackTestbed;
  let now = DEMO_NOW;
  let thread = 0;

  beforeAll(async () => {
    bed = await openSlackTestbed(target, { clock: () => now });
  });
  afterAll(async () => {
    await bed?.close();
  });
  beforeEach(() => {
    bed.api.calls.length = 0;
  });

  const mention = (text: string) => {
    const ts = `1700100000.${String((thread += 1)).padStart(6, '0')}`;
    return { ts, envelope: eventEnvelope({ type: 'app_mention', user: 'U1', text: `<@UBOT> ${text}`, channel: 'C1', ts }) };
  };
  const answersIn = (ts: string) => bed.api.callsOf('chat.postMessage').filter((call) => call.args.thread_ts === ts);
  const aMinuteLater = () => {
    now = new Date(now.getTime() + 61_000);
    return bed.app.slack.worker.drain();
  };

  it('answers once it can, with an apology, when neither the answer nor the apology could be posted', async () => {
    bed.api.failNext('chat.postMessage', 2);
    const { ts, envelope } = mention('who is responsible for citrix?');
    expect((await postEvent(bed.events, envelope)).status).toBe(200);
    for (let waited = 0; bed.api.callsOf('chat.postMessage (failed)').length < 2 && waited < 100; waited += 1) await settle(100);
    await settle(200);
    expect(bed.api.callsOf('chat.postMessage (failed)')).toHaveLength(2);
    expect(answersIn(ts)).toHaveLength(0);
    await aMinuteLater();
    const [apology, answer] = answersIn(ts);
    expect(String(apology?.args.text)).toContain('took a while');
    expect(String(answer?.args.text)).toContain('Nimbus Workspace B.V.');
    await aMinuteLater();
    expect(answersIn(ts)).toHaveLength(2);
  });

  it('answers the event of a replica that died after claiming it', async () => {
    const eventId = 'EvDiedMidAnswer';
    const message = { channel: 'C1', threadTs: '1700200000.000001', user: 'U1', text: 'werkt de servicedesk ook in het weekend?', audience: 'channel' as const, files: [] };
    // What the dead replica got done: the claim, and the safety net queued with it.
    expect(await conversationStore(bed.sposa.db).claimEvent(eventId, 'slack', lateAnswerJob(eventId, message, now))).toBe(true);
    // Slack has its acknowledgement and never retries; the safety net answers instead.
    await aMinuteLater();
    expect(answersIn(message.threadTs).map((call) => String(call.args.text))).toEqual([expect.stringContaining('duurde'), expect.any(String)]);
  });

  it('withdraws the safety net once the answer is posted, so nothing is said twice', async () => {
    const { ts, envelope } = mention('is de vpn 24/7 beschikbaar?');
    await postEvent(bed.events, envelope);
    await bed.api.waitForCall('chat.postMessage', (call) => call.args.thread_ts === ts);
    await settle(200);
    await aMinuteLater();
    expect(answersIn(ts)).toHaveLength(1);
  });

  it('confirms a ticket once it can when the confirmation could not be posted, and never says it was not opened', async () => {
    bed.api.failNext('chat.postEphemeral', 1);
    const values = {
      [TICKET_FIELD.service]: { value: { type: 'static_select', selected_option: { value: 'VPN' } } },
      [TICKET_FIELD.priority]: { value: { type: 'static_select', selected_option: { value: 'P3' } } },
      [TICKET_FIELD.description]: { value: { type: 'plain_text_input', value: 'VPN drops every hour' } },
    };
    const response = await postInteraction(bed.events, {
      type: 'view_submission', team: { id: 'T1' }, user: { id: 'U1' }, token: 'x', trigger_id: 't',
      view: { id: 'V1', callback_id: VIEW.ticket, private_metadata: JSON.stringify({ channel: 'C_CONFIRM' }), state: { values } },
    });
    expect(response.status).toBe(200);
    for (let waited = 0; bed.api.callsOf('chat.postEphemeral (failed)').length < 1 && waited < 100; waited += 1) await settle(100);
    const [ticket] = await bed.db.query<{ id: string }>(`select id from tickets where description = 'VPN drops every hour'`);
    await settle(200);
    // A "could not be opened" here would have the reporter open the ticket again.
    expect(bed.api.callsOf('chat.postEphemeral').filter((call) => call.args.channel === 'C_CONFIRM')).toEqual([]);
    await aMinuteLater();
    const confirmations = bed.api.callsOf('chat.postEphemeral').filter((call) => call.args.channel === 'C_CONFIRM');
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]?.args).toMatchObject({ user: 'U1', text: expect.stringMatching(new RegExp(`\\*${ticket?.id}\\* \\(P3, VPN\\) (is|staat) open`)) });
    await aMinuteLater();
    expect(bed.api.callsOf('chat.postEphemeral').filter((call) => call.args.channel === 'C_CONFIRM')).toHaveLength(1);
  });

  it('waits out Slack’s 429 with Retry-After and posts the answer once', async () => {
    bed.api.rateLimitNext('chat.postMessage', 1);
    const { ts, envelope } = mention('wie levert de wifi?');
    await postEvent(bed.events, envelope);
    const answer = await bed.api.waitForCall('chat.postMessage', (call) => call.args.thread_ts === ts, 10_000);
    expect(bed.api.callsOf('chat.postMessage (rate limited)')).toHaveLength(1);
    expect(String(answer.args.text).length).toBeGreaterThan(0);
    await settle(300);
    expect(answersIn(ts)).toHaveLength(1);
  });

  it.runIf(target.name === 'postgres')('keeps answering after the database server drops every connection', async () => {
    // The pool's connections, found by asking on each of them at once, then cut as a server restart would.
    const pids = await Promise.all(Array.from({ length: 4 }, () => bed.sposa.db.query<{ pid: number }>('select pg_backend_pid() as pid, pg_sleep(0.05)')));
    const admin = await (bed.db.another as () => Promise<typeof bed.sposa.db>)();
    await admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [[...new Set(pids.flat().map((row) => row.pid))]]);
    await admin.close();
    await settle(200);
    const { ts, envelope } = mention('wie is verantwoordelijk voor de vpn?');
    await postEvent(bed.events, envelope);
    const reply = await bed.api.waitForCall('chat.postMessage', (call) => call.args.thread_ts === ts, 10_000);
    expect(String(reply.args.text)).toContain('NetLink');
  });
});

describe('shutting down', () => {
  it('finishes the answers already acknowledged before it stops', async () => {
    const bed = await openSlackTestbed(storeTargets()[0] as StoreTarget);
    const ts = '1700400000.000001';
    const response = await postEvent(bed.events, eventEnvelope({ type: 'app_mention', user: 'U1', text: '<@UBOT> who is responsible for citrix?', channel: 'C1', ts }));
    expect(response.status).toBe(200);
    await bed.app.stop(); // as on SIGTERM, right after Slack got its acknowledgement
    expect(bed.api.callsOf('chat.postMessage').filter((call) => call.args.thread_ts === ts)).toHaveLength(1);
    await bed.api.close();
    await bed.db.destroy();
  });
});

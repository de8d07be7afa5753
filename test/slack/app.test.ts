import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTION, COMMAND, SHORTCUT, TICKET_FIELD, VIEW } from '../../src/slack/ids.js';
import { unreadableFiles } from '../../src/slack/listeners/events/respond.js';
import { eventEnvelope, post, postEvent, postForm, postInteraction, signedHeaders } from '../helpers/slack-requests.js';
import { storeTargets } from '../helpers/test-db.js';
import { openSlackTestbed, type SlackTestbed } from './harness.js';

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
const textOf = (call: { args: Record<string, unknown> }) => JSON.stringify(call.args);
const nowSeconds = () => Math.floor(Date.now() / 1000);
/** Waits until `check` returns something truthy (database state written after Slack's acknowledgement). */
async function eventually<T>(check: () => Promise<T>, timeoutMs = 5_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; ; await settle(50)) {
    const value = await check();
    if (value || Date.now() > deadline) return value;
  }
}

describe.each(storeTargets())('the Slack app over HTTP ($name)', (target) => {
  let bed: SlackTestbed;

  beforeAll(async () => {
    // These tests ask many questions as one user; the rate limit has tests of its own in test/hostile/.
    bed = await openSlackTestbed(target, { env: { SPOSA_MANAGER_IDS: 'UMANAGER', SPOSA_RATE_LIMIT_PER_MINUTE: '1000' } });
  });
  afterAll(async () => {
    await bed?.close();
  });
  beforeEach(() => {
    bed.api.calls.length = 0;
  });

  const mention = (text: string, extra: Record<string, unknown> = {}) =>
    eventEnvelope({ type: 'app_mention', user: 'U1', text: `<@UBOT> ${text}`, channel: 'C1', ts: `${Date.now() / 1000}`, ...extra });

  it('answers url_verification with the challenge', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' });
    const response = await post(bed.events, body, signedHeaders(body, 'application/json'));
    expect(response).toMatchObject({ status: 200, body: expect.stringContaining('abc123') });
  });

  it('rejects unsigned requests and replays of old signed ones', async () => {
    const body = JSON.stringify(mention('who is responsible for citrix?'));
    expect((await post(bed.events, body, { 'content-type': 'application/json' })).status).toBe(401);
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    expect((await post(bed.events, body, signedHeaders(body, 'application/json', tenMinutesAgo))).status).toBe(401);
    const tampered = signedHeaders(body, 'application/json');
    expect((await post(bed.events, body.replace('citrix', 'vpn'), tampered)).status).toBe(401);
    await settle();
    expect(bed.api.callsOf('chat.postMessage')).toEqual([]);
  });

  it('accepts a signed request once: the same command sent again is refused, also by another replica, and runs once', async () => {
    const fields = { command: COMMAND, text: 'who citrix', user_id: 'U1', channel_id: 'C7', team_id: 'T1', trigger_id: 'trigger-replay', response_url: bed.api.responseUrl };
    const body = new URLSearchParams(fields).toString();
    const headers = signedHeaders(body, 'application/x-www-form-urlencoded');
    expect((await post(bed.events, body, headers)).status).toBe(200);
    await bed.api.waitForCall('response_url');
    // A captured request sent again a moment later, as it was; with Slack's retry header, which is not signed; with
    // the signature padded, which Bolt's check would still accept; and to the other replica.
    expect((await post(bed.events, body, headers)).status).toBe(401);
    expect((await post(bed.events, body, { ...headers, 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(401);
    expect((await post(bed.events, body, { ...headers, 'x-slack-signature': `${headers['x-slack-signature']}=again` })).status).toBe(401);
    const replica = await bed.replica();
    try {
      expect((await post(`${replica.url}/slack/events`, body, headers)).status).toBe(401);
    } finally {
      await replica.stop();
    }
    await settle(500);
    expect(bed.api.callsOf('response_url')).toHaveLength(1);
    // Only a hash of the signature is kept, never the signature itself.
    const kept = await bed.db.query<{ signature_hash: string }>('select signature_hash from request_signatures');
    expect(kept.length).toBeGreaterThan(0);
    expect(JSON.stringify(kept)).not.toContain(String(headers['x-slack-signature']).slice(3));
    // The same command signed anew is a new request (as when someone types it again), and runs.
    const later = Number(headers['x-slack-request-timestamp']) + 1;
    expect((await post(bed.events, body, signedHeaders(body, 'application/x-www-form-urlencoded', later))).status).toBe(200);
    await eventually(async () => bed.api.callsOf('response_url').length === 2);
    expect(bed.api.callsOf('response_url')).toHaveLength(2);
  });

  it('acknowledges a mention at once and answers in its thread, with the cited clause and buttons', async () => {
    const envelope = mention('who is responsible for citrix?');
    const started = Date.now();
    const response = await postEvent(bed.events, envelope);
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    const reply = await bed.api.waitForCall('chat.postMessage');
    expect(reply.args).toMatchObject({ channel: 'C1', thread_ts: (envelope.event as { ts?: string }).ts });
    expect(String(reply.args.text)).toContain('Nimbus Workspace B.V.');
    const blocks = JSON.stringify(reply.args.blocks);
    expect(blocks).toContain('SLA-CITRIX-2026');
    expect(blocks).toContain(ACTION.openTicket);
    expect(blocks).toContain('feedback_buttons');
  });

  // Slack signs each delivery when it sends it, so a retry has a timestamp and signature of its own: it is no replay,
  // and it is the event-id dedupe that keeps it from being answered twice.
  const retry = (number: number) => ({ 'x-slack-retry-num': String(number), 'x-slack-retry-reason': 'http_timeout' });

  it('answers a retried event exactly once', async () => {
    const envelope = mention('is de vpn 24/7 beschikbaar?');
    const first = nowSeconds();
    const responses = [
      await postEvent(bed.events, envelope, {}, first),
      await postEvent(bed.events, envelope, retry(1), first + 1),
      await postEvent(bed.events, envelope, retry(2), first + 2),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    await bed.api.waitForCall('chat.postMessage');
    await settle(500);
    expect(bed.api.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('answers an event delivered to two app instances sharing one database exactly once', async () => {
    const second = await bed.replica();
    try {
      // On the real server the second instance has a connection pool of its own, as a second replica would.
      expect(second.separatePool).toBe(target.name === 'postgres');
      const envelope = mention('what is the availability of microsoft 365?');
      const first = nowSeconds();
      const responses = await Promise.all([postEvent(bed.events, envelope, {}, first), postEvent(`${second.url}/slack/events`, envelope, retry(1), first + 1)]);
      expect(responses.map((response) => response.status)).toEqual([200, 200]);
      await bed.api.waitForCall('chat.postMessage');
      await settle(500);
      expect(bed.api.callsOf('chat.postMessage')).toHaveLength(1);
      const [claimed] = await second.sposa.db.query<{ count: number }>('select count(*)::int as count from processed_events where event_id = $1', [envelope.event_id]);
      expect(claimed?.count).toBe(1);
    } finally {
      await second.stop();
    }
  });

  it('ignores its own messages and other bots', async () => {
    await postEvent(bed.events, eventEnvelope({ type: 'message', channel: 'D1', channel_type: 'im', user: 'UBOT', bot_id: 'BBOT', text: 'my own answer', ts: '1.1' }));
    await postEvent(bed.events, eventEnvelope({ type: 'message', channel: 'D1', channel_type: 'im', user: 'U9', bot_id: 'BOTHER', text: 'who handles vpn?', ts: '1.2' }));
    await settle(500);
    expect(bed.api.callsOf('chat.postMessage')).toEqual([]);
  });

  it('answers a direct message privately, so a manager sees restricted clauses there', async () => {
    await postEvent(bed.events, eventEnvelope({ type: 'message', channel: 'D2', channel_type: 'im', user: 'UMANAGER', text: 'What are the penalties if the network is down for a day?', ts: '2.1' }));
    const reply = await bed.api.waitForCall('chat.postMessage', (call) => call.args.channel === 'D2');
    expect(textOf(reply)).toContain('SLA-NETWORK-2026 §11');
    expect(textOf(reply)).not.toContain(':lock:');
  });

  it('keeps restricted text out of a channel, even for a manager, and names the clause instead', async () => {
    await postEvent(bed.events, eventEnvelope({ type: 'app_mention', channel: 'C2', user: 'UMANAGER', text: '<@UBOT> What are the penalties if the network is down for a day?', ts: '3.1' }));
    const reply = await bed.api.waitForCall('chat.postMessage', (call) => call.args.channel === 'C2');
    expect(textOf(reply)).toContain(':lock:');
  });

  it('follows up in a thread it is part of without being mentioned again, and stays out of other threads', async () => {
    await postEvent(bed.events, eventEnvelope({ type: 'app_mention', channel: 'C3', user: 'U1', text: '<@UBOT> wie gaat over citrix?', ts: '4.1' }));
    await bed.api.waitForCall('chat.postMessage', (call) => call.args.channel === 'C3');
    await postEvent(bed.events, eventEnvelope({ type: 'message', channel: 'C3', channel_type: 'channel', user: 'U1', text: 'en wat is de oplostijd bij P1?', ts: '4.2', thread_ts: '4.1' }));
    await bed.api.waitForCall('chat.postMessage', (call) => call.args.channel === 'C3' && String(call.args.text).includes('SLA-CITRIX-2026'), 5_000);
    await postEvent(bed.events, eventEnvelope({ type: 'message', channel: 'C3', channel_type: 'channel', user: 'U1', text: 'unrelated chatter', ts: '5.2', thread_ts: '5.1' }));
    await settle(500);
    expect(bed.api.callsOf('chat.postMessage').filter((call) => call.args.thread_ts === '5.1')).toEqual([]);
  });

  it('says so when a message only holds a file it cannot read', async () => {
    await postEvent(bed.events, eventEnvelope({ type: 'message', subtype: 'file_share', channel: 'D4', channel_type: 'im', user: 'U1', text: '', ts: '6.1', files: [{ name: 'screenshot.png' }] }));
    const reply = await bed.api.waitForCall('chat.postMessage', (call) => call.args.channel === 'D4');
    expect(String(reply.args.text)).toMatch(/can't read attached files|kan ik niet lezen/);
  });

  it('publishes the Home tab: open tickets for everyone, experience and accountability only for managers', async () => {
    await bed.sposa.openTicket({ service: 'VPN', priority: 'P3', description: 'VPN is slow at home', reporterId: 'U1', origin: { surface: 'slack' } });
    await postEvent(bed.events, eventEnvelope({ type: 'app_home_opened', user: 'U1', channel: 'D5', tab: 'home' }));
    const employee = await bed.api.waitForCall('views.publish', (call) => call.args.user_id === 'U1');
    expect(textOf(employee)).toContain('How to get help');
    expect(textOf(employee)).toMatch(/INC-\d{4}-\d{5}\* VPN \(P3\)/);
    expect(textOf(employee)).not.toContain('Who is accountable for what');
    await postEvent(bed.events, eventEnvelope({ type: 'app_home_opened', user: 'UMANAGER', channel: 'D6', tab: 'home' }));
    const manager = await bed.api.waitForCall('views.publish', (call) => call.args.user_id === 'UMANAGER');
    expect(textOf(manager)).toContain('Who is accountable for what');
    expect(textOf(manager)).toContain('Experience, last 30 days');
  });

  const command = (text: string, user = 'U1') =>
    postForm(bed.events, { command: COMMAND, text, user_id: user, channel_id: 'C7', team_id: 'T1', trigger_id: 'trigger-1', response_url: bed.api.responseUrl });

  it('/sposa who, ask and help reply privately through the response URL', async () => {
    expect((await command('who citrix')).status).toBe(200);
    expect(textOf(await bed.api.waitForCall('response_url'))).toContain('Nimbus Workspace B.V.');
    bed.api.calls.length = 0;
    await command('ask werkt de servicedesk op zaterdag?');
    const answer = await bed.api.waitForCall('response_url');
    expect(answer.args).toMatchObject({ response_type: 'ephemeral' });
    expect(textOf(answer)).toContain('SLA-SERVICEDESK-2026');
    bed.api.calls.length = 0;
    await command('');
    expect(textOf(await bed.api.waitForCall('response_url'))).toContain('/sposa who <service>');
  });

  it('/sposa report is for managers only', async () => {
    await command('report', 'U1');
    expect(textOf(await bed.api.waitForCall('response_url'))).toContain('Reports are for service managers');
    bed.api.calls.length = 0;
    await command('report', 'UMANAGER');
    expect(textOf(await bed.api.waitForCall('response_url'))).toContain('Who is accountable for what');
  });

  it('/sposa ticket opens the ticket modal prefilled with the service', async () => {
    await command('ticket de vpn valt steeds weg');
    const open = await bed.api.waitForCall('views.open');
    expect(open.args).toMatchObject({ trigger_id: 'trigger-1', view: { callback_id: VIEW.ticket } });
    expect(textOf(open)).toContain('"initial_option":{"text":{"type":"plain_text","text":"VPN"},"value":"VPN"}');
  });

  it('the "Report as incident" shortcut turns a message into a ticket draft', async () => {
    await postInteraction(bed.events, {
      type: 'message_action',
      callback_id: SHORTCUT.reportIncident,
      trigger_id: 'trigger-2',
      team: { id: 'T1' },
      user: { id: 'U1' },
      channel: { id: 'C8' },
      message: { text: 'citrix is plat op de hele tweede verdieping', ts: '8.1', type: 'message' },
      response_url: bed.api.responseUrl,
      token: 'x',
    });
    const open = await bed.api.waitForCall('views.open');
    expect(textOf(open)).toContain('citrix is plat op de hele tweede verdieping');
    expect(textOf(open)).toContain('"value":"Citrix Workspace"');
  });

  it('"Open a ticket" under an answer opens the modal with that answer’s service and the question', async () => {
    await postEvent(bed.events, eventEnvelope({ type: 'message', channel: 'D9', channel_type: 'im', user: 'U1', text: 'mijn laptop scherm is gebarsten', ts: '9.1' }));
    const reply = await bed.api.waitForCall('chat.postMessage', (call) => call.args.channel === 'D9');
    const actions = (reply.args.blocks as { type: string; elements?: { action_id?: string; value?: string }[] }[]).find((block) => block.type === 'actions');
    const turnId = String(actions?.elements?.find((element) => element.action_id === ACTION.openTicket)?.value);
    await postInteraction(bed.events, {
      type: 'block_actions',
      trigger_id: 'trigger-3',
      team: { id: 'T1' },
      user: { id: 'U1' },
      channel: { id: 'D9' },
      message: { ts: '9.2', thread_ts: '9.1' },
      actions: [{ type: 'button', action_id: ACTION.openTicket, block_id: 'b', value: turnId, action_ts: '1' }],
      token: 'x',
    });
    const open = await bed.api.waitForCall('views.open');
    expect(textOf(open)).toContain('mijn laptop scherm is gebarsten');
    expect(textOf(open)).toContain('"value":"Workplace Hardware"');
    expect(textOf(open)).toContain('"value":"P2"');
  });

  it('stores Helpful / Not helpful once per person, and offers a ticket when not helpful', async () => {
    await postEvent(bed.events, eventEnvelope({ type: 'message', channel: 'D10', channel_type: 'im', user: 'U1', text: 'hoe snel wordt een kapotte laptop vervangen?', ts: '10.1' }));
    const reply = await bed.api.waitForCall('chat.postMessage', (call) => call.args.channel === 'D10');
    const turnId = String(textOf(reply).match(/"value":"up:(\d+)"/)?.[1]);
    const vote = (value: string) =>
      postInteraction(bed.events, {
        type: 'block_actions', trigger_id: 't', team: { id: 'T1' }, user: { id: 'U1' }, channel: { id: 'D10' },
        message: { ts: '10.2', thread_ts: '10.1' },
        actions: [{ type: 'feedback_buttons', action_id: ACTION.feedback, block_id: 'f', value, action_ts: '1' }], token: 'x',
      });
    await vote(`up:${turnId}`);
    await vote(`down:${turnId}`);
    await bed.api.waitForCall('chat.postEphemeral', (call) => /did not help|niet hielp/.test(String(call.args.text)));
    const stored = await bed.db.query('select helpful from answer_feedback where turn_id = $1', [Number(turnId)]);
    expect(stored).toEqual([{ helpful: false }]);
  });

  it('opens a ticket from the modal, routed to the accountable supplier, and tells the reporter', async () => {
    const values = {
      [TICKET_FIELD.service]: { value: { type: 'static_select', selected_option: { value: 'VPN' } } },
      [TICKET_FIELD.priority]: { value: { type: 'static_select', selected_option: { value: 'P2' } } },
      [TICKET_FIELD.description]: { value: { type: 'plain_text_input', value: 'VPN valt elke 10 minuten weg' } },
    };
    const response = await postInteraction(bed.events, {
      type: 'view_submission', team: { id: 'T1' }, user: { id: 'U1' }, token: 'x', trigger_id: 't',
      view: { id: 'V1', callback_id: VIEW.ticket, private_metadata: JSON.stringify({ channel: 'C11', thread: '11.1' }), state: { values } },
    });
    expect(response.status).toBe(200);
    const notice = await bed.api.waitForCall('chat.postEphemeral', (call) => call.args.channel === 'C11');
    expect(String(notice.args.text)).toMatch(/Ticket \*INC-\d{4}-\d{5}\* \(P2, VPN\) is open\. Routed to NetLink Telecom B\.V\./);
    const tickets = await bed.db.query<{ description: string; supplier: string }>(`select description, supplier from tickets where description = 'VPN valt elke 10 minuten weg'`);
    expect(tickets).toEqual([{ description: 'VPN valt elke 10 minuten weg', supplier: 'NetLink Telecom B.V.' }]);
  });

  it('returns field errors for an incomplete ticket modal, without opening anything', async () => {
    const response = await postInteraction(bed.events, {
      type: 'view_submission', team: { id: 'T1' }, user: { id: 'U1' }, token: 'x', trigger_id: 't',
      view: { id: 'V2', callback_id: VIEW.ticket, private_metadata: '{}', state: { values: { [TICKET_FIELD.description]: { value: { type: 'plain_text_input', value: '' } } } } },
    });
    expect(JSON.parse(response.body)).toMatchObject({ response_action: 'errors', errors: { [TICKET_FIELD.service]: expect.any(String), [TICKET_FIELD.description]: expect.any(String) } });
  });

  it('acknowledges unknown actions instead of showing the user an error', async () => {
    const response = await postInteraction(bed.events, {
      type: 'block_actions', trigger_id: 't', team: { id: 'T1' }, user: { id: 'U1' }, channel: { id: 'C1' },
      actions: [{ type: 'button', action_id: 'something_else', block_id: 'b', value: 'x', action_ts: '1' }], token: 'x',
    });
    expect(response.status).toBe(200);
  });

  it('serves /healthz beside the Slack endpoint', async () => {
    const response = await fetch(`${bed.app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', mode: 'slack-http' });
  });

  describe("Slack's assistant surface", () => {
    it('greets a new assistant thread once with suggested prompts, retries included, and keeps its context in the database', async () => {
      const started = eventEnvelope({
        type: 'assistant_thread_started',
        assistant_thread: { user_id: 'U1', context: { channel_id: 'C42', team_id: 'T1' }, channel_id: 'D20', thread_ts: '20.1' },
      });
      const first = nowSeconds();
      await postEvent(bed.events, started, {}, first);
      await bed.api.waitForCall('assistant.threads.setSuggestedPrompts', (call) => call.args.channel_id === 'D20');
      await postEvent(bed.events, started, retry(1), first + 1);
      await settle(500);
      expect(bed.api.callsOf('chat.postMessage').filter((call) => call.args.channel === 'D20')).toHaveLength(1);
      expect(bed.api.callsOf('assistant.threads.setSuggestedPrompts').filter((call) => call.args.channel_id === 'D20')).toHaveLength(1);
      const stored = await bed.db.query<{ context: Record<string, unknown> }>(`select context from conversations where channel = 'D20'`);
      expect(stored[0]?.context).toMatchObject({ channel_id: 'C42' });
    });

    const textIn = (call: { args: Record<string, unknown> }) =>
      String(call.args.markdown_text ?? '') + ((call.args.chunks as { text?: string }[] | undefined) ?? []).map((chunk) => chunk.text ?? '').join('');
    const assistantMessage = (channel: string, ts: string, text: string, extra: Record<string, unknown> = {}) =>
      eventEnvelope({ type: 'message', channel, channel_type: 'im', user: 'U1', text, ts, thread_ts: `${channel.slice(1)}.1`, ...extra });
    const lastAnswerIn = async (channel: string) =>
      (await bed.db.query<{ text: string }>(
        `select t.text from conversation_turns t join conversations c on c.id = t.conversation_id
         where c.channel = $1 and t.role = 'assistant' order by t.id desc limit 1`, [channel]))[0]?.text;

    it('sets a title and status, then streams the answer once: opened in the thread, appended with its citation, closed with the buttons', async () => {
      await postEvent(bed.events, assistantMessage('D20', '20.2', 'Who is responsible for Citrix?'));
      await bed.api.waitForCall('assistant.threads.setTitle');
      await bed.api.waitForCall('assistant.threads.setStatus');
      const stop = await bed.api.waitForCall('chat.stopStream');
      const starts = bed.api.callsOf('chat.startStream');
      expect(starts).toHaveLength(1);
      expect(starts[0]?.args).toMatchObject({ channel: 'D20', thread_ts: '20.1', recipient_user_id: 'U1' });
      const appends = bed.api.callsOf('chat.appendStream');
      expect(appends.length).toBeGreaterThan(0);
      for (const append of appends) expect(append.args).toMatchObject({ channel: 'D20', ts: stop.args.ts });
      expect(stop.args).toMatchObject({ channel: 'D20' });
      const appended = appends.map(textIn).join('');
      expect(appended).toMatch(/SLA-CITRIX-2026 §\d/);
      // The cited clause and the buttons come as blocks when the stream closes.
      expect(JSON.stringify(stop.args.blocks)).toContain('SLA-CITRIX-2026');
      expect(JSON.stringify(stop.args.blocks)).toContain(ACTION.openTicket);
      // Start, appends and stop together carry the answer exactly once, and nothing posts it a second time.
      expect([...starts, ...appends, stop].map(textIn).join('')).toBe(await lastAnswerIn('D20'));
      await settle();
      expect(bed.api.callsOf('chat.postMessage')).toEqual([]);
      expect(bed.api.callsOf('chat.stopStream')).toHaveLength(1);
    });

    it('answers a question with a screenshot from the text, then says the screenshot could not be read', async () => {
      await postEvent(bed.events, assistantMessage('D21', '21.2', 'My laptop screen is cracked, is that covered?', { subtype: 'file_share', files: [{ name: 'cracked-screen.png' }] }));
      const stop = await bed.api.waitForCall('chat.stopStream', (call) => call.args.channel === 'D21');
      const note = await bed.api.waitForCall('chat.postMessage', (call) => call.args.channel === 'D21');
      expect(note.args).toMatchObject({ thread_ts: '21.1' });
      expect(String(note.args.text)).toBe("I can't read attached files or screenshots (cracked-screen.png), so I answered from your text only. Please describe in words what you see.");
      expect(note.at).toBeGreaterThanOrEqual(stop.at);
      expect(JSON.stringify(stop.args.blocks)).toContain('SLA-');
    });

    it('says so when an assistant-thread message holds only a file, and answers nothing else', async () => {
      await postEvent(bed.events, assistantMessage('D21', '21.3', '', { subtype: 'file_share', files: [{ name: 'error.png' }] }));
      const note = await bed.api.waitForCall('chat.postMessage', (call) => call.args.channel === 'D21');
      expect(note.args).toMatchObject({ thread_ts: '21.1' });
      // In the default language, as in a direct message: there is no text to tell the language from.
      expect(String(note.args.text)).toBe(unreadableFiles.only(bed.sposa.config.defaultLanguage));
      await settle();
      expect(bed.api.callsOf('chat.startStream')).toEqual([]);
      expect(bed.api.callsOf('assistant.threads.setTitle')).toEqual([]);
      expect(bed.api.callsOf('chat.postMessage')).toHaveLength(1);
    });

    it('stores the channel the user now views when the context changes, and later replies carry it', async () => {
      const thread = { user_id: 'U1', channel_id: 'D22', thread_ts: '22.1' };
      await postEvent(bed.events, eventEnvelope({ type: 'assistant_thread_started', assistant_thread: { ...thread, context: { channel_id: 'C42', team_id: 'T1' } } }));
      await bed.api.waitForCall('assistant.threads.setSuggestedPrompts', (call) => call.args.channel_id === 'D22');
      bed.api.calls.length = 0;
      const contextOf = async () => (await bed.db.query<{ context: { channel_id?: string } }>(`select context from conversations where channel = 'D22'`))[0]?.context;
      const changed = await postEvent(bed.events, eventEnvelope({ type: 'assistant_thread_context_changed', assistant_thread: { ...thread, context: { channel_id: 'C77', team_id: 'T1' } } }));
      expect(changed.status).toBe(200);
      expect(await eventually(async () => (await contextOf())?.channel_id === 'C77')).toBe(true);
      expect(await contextOf()).toEqual({ channel_id: 'C77', team_id: 'T1' });
      // Stored, not answered: a change of view says nothing in the thread.
      await settle();
      expect(bed.api.calls.filter((call) => call.method.startsWith('chat.'))).toEqual([]);
      // Message events carry no context; what SPOSA posts next in the thread reads it from the database (the message's
      // metadata, which Bolt fills from the context store).
      await postEvent(bed.events, assistantMessage('D22', '22.2', '', { subtype: 'file_share', files: [{ name: 'x.png' }] }));
      const reply = await bed.api.waitForCall('chat.postMessage', (call) => call.args.channel === 'D22');
      expect(reply.args.metadata).toMatchObject({ event_type: 'assistant_thread_context', event_payload: { channel_id: 'C77' } });
    });
  });
});

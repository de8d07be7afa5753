/**
 * Hostile Slack traffic through the real Bolt app over signed HTTP: forged and malformed requests, oversized and
 * tricky messages, attempts to make SPOSA post elsewhere, and floods. Slack always gets its acknowledgement, the
 * app never crashes, and nothing is posted that should not be.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTION, COMMAND } from '../../src/slack/ids.js';
import { type SlackCall } from '../helpers/slack-api-server.js';
import { eventEnvelope, post, postEvent, postForm, postInteraction, signedHeaders } from '../helpers/slack-requests.js';
import { storeTargets } from '../helpers/test-db.js';
import { openSlackTestbed, type SlackTestbed } from '../slack/harness.js';

const settle = (ms = 500) => new Promise((resolve) => setTimeout(resolve, ms));
const RATE_LIMIT_PER_MINUTE = 3;
/** Slack's documented limits for a message: text, blocks per message, and section text. */
const SLACK_LIMITS = { text: 40_000, blocks: 50, sectionText: 3_000 };
/** Special mentions that notify everyone in a channel; SPOSA must never send them as markup. */
const MASS_MENTION = /<!(channel|here|everyone)\b|<!subteam\^/;

let userCounter = 0;
/** A fresh user per test, so the per-user rate limit of one test never affects another. */
const freshUser = () => `UHOSTILE${(userCounter += 1)}`;

function expectWithinSlackLimits(call: SlackCall) {
  expect(String(call.args.text ?? '').length).toBeLessThanOrEqual(SLACK_LIMITS.text);
  const blocks = (call.args.blocks ?? []) as { type: string; text?: { text: string } }[];
  expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  for (const block of blocks) if (block.type === 'section') expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
}

describe.each(storeTargets())('hostile Slack payloads ($name)', (target) => {
  let bed: SlackTestbed;

  beforeAll(async () => {
    bed = await openSlackTestbed(target, { env: { SPOSA_MANAGER_IDS: 'UMANAGER', SPOSA_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT_PER_MINUTE) } });
  });
  afterAll(async () => {
    await bed?.close();
  });
  beforeEach(() => {
    bed.api.calls.length = 0;
  });

  const directMessage = (user: string, text: string, extra: Record<string, unknown> = {}) =>
    eventEnvelope({ type: 'message', channel: `D${user}`, channel_type: 'im', user, text, ts: `${Date.now() / 1000}`, ...extra });
  const mention = (user: string, channel: string, text: string) =>
    eventEnvelope({ type: 'app_mention', user, channel, text: `<@UBOT> ${text}`, ts: `${Date.now() / 1000}` });

  async function expectStillAnswering() {
    const user = freshUser();
    await postEvent(bed.events, directMessage(user, 'who is responsible for citrix?'));
    await bed.api.waitForCall('chat.postMessage', (call) => call.args.channel === `D${user}`);
  }

  it('rejects forged, unsigned and malformed signatures with 401, and posts nothing', async () => {
    const body = JSON.stringify(mention(freshUser(), 'C1', 'who handles vpn?'));
    const forged = signedHeaders(body, 'application/json', undefined, 'not-the-signing-secret');
    const attempts = [
      forged,
      { ...signedHeaders(body, 'application/json'), 'x-slack-signature': 'v0=' },
      { ...signedHeaders(body, 'application/json'), 'x-slack-signature': 'v1=deadbeef' },
      { ...signedHeaders(body, 'application/json'), 'x-slack-request-timestamp': 'yesterday' },
      { 'content-type': 'application/json', 'x-slack-signature': forged['x-slack-signature'] ?? '' },
    ];
    for (const headers of attempts) expect((await post(bed.events, body, headers)).status).toBe(401);
    await settle();
    expect(bed.api.callsOf('chat.postMessage')).toEqual([]);
  });

  it.each([
    ['no user', { type: 'message', channel: 'D1', channel_type: 'im', text: 'who handles vpn?', ts: '1.1' }],
    ['no channel', { type: 'app_mention', user: 'U1', text: '<@UBOT> vpn?', ts: '1.2' }],
    ['text as a number', { type: 'message', channel: 'D1', channel_type: 'im', user: 'U1', text: 12345, ts: '1.3' }],
    ['text as an object', { type: 'app_mention', channel: 'C1', user: 'U1', text: { $ne: null }, ts: '1.4' }],
    ['files that are not a list', { type: 'message', channel: 'D1', channel_type: 'im', user: 'U1', text: '', files: 'x.png', ts: '1.5' }],
    ['an unknown event type', { type: 'totally_new_event', user: 'U1', channel: 'C1' }],
    ['a user that is an array', { type: 'message', channel: 'D1', channel_type: 'im', user: ['U1', 'U2'], text: 'vpn?', ts: '1.6' }],
  ])('acknowledges an event with %s and stays silent', async (_, event) => {
    const response = await postEvent(bed.events, eventEnvelope(event as Record<string, unknown>));
    expect(response.status).toBe(200);
    await settle();
    expect(bed.api.callsOf('chat.postMessage')).toEqual([]);
  });

  it('answers a storm of malformed events with silence, not a storm of replies, and keeps working', async () => {
    const storm = Array.from({ length: 30 }, (_, index) =>
      postEvent(bed.events, eventEnvelope({ type: 'message', channel: 'D1', channel_type: 'im', user: index % 2 ? null : 'U1', text: index % 3 ? 42 : null, ts: `9.${index}` })),
    );
    expect((await Promise.all(storm)).map((response) => response.status)).toEqual(Array(30).fill(200));
    await settle();
    expect(bed.api.callsOf('chat.postMessage')).toEqual([]);
    await expectStillAnswering();
  });

  it('does not crash on bodies that are not an event at all', async () => {
    for (const body of ['', 'not json', '[]', 'null', '{"type":"event_callback"}', '{"type":"event_callback","event":null}', '{'.repeat(10_000)]) {
      const response = await post(bed.events, body, signedHeaders(body, 'application/json'));
      expect(response.status).toBeLessThan(500);
    }
    await expectStillAnswering();
  });

  it('answers a 40,000-character message within Slack\'s limits', async () => {
    const user = freshUser();
    const question = `Is Citrix support open tonight? ${'Citrix VPN laptop storing '.repeat(2_000)}`.slice(0, SLACK_LIMITS.text);
    await postEvent(bed.events, directMessage(user, question));
    const reply = await bed.api.waitForCall('chat.postMessage', (call) => call.args.channel === `D${user}`, 10_000);
    expectWithinSlackLimits(reply);
  });

  it('never turns unicode tricks or mass mentions in a question into a mention or markup', async () => {
    const tricks = [
      'wie gaat over <!channel> citrix?',
      '<!here|here> is the VPN down? <!everyone>',
      'ci\u200Btrix\u200D down? \u202Eesaelp pleh\u202C',
      'who handles ＶＰＮ? <!subteam^S123|@managers>',
      '\uFEFF\u0000\uD800 broken surrogates and NULs',
    ];
    for (const text of tricks) {
      const user = freshUser();
      await postEvent(bed.events, directMessage(user, text));
      const reply = await bed.api.waitForCall('chat.postMessage', (call) => call.args.channel === `D${user}`, 10_000);
      expect(JSON.stringify(reply.args)).not.toMatch(MASS_MENTION);
      expectWithinSlackLimits(reply);
    }
  });

  it('never turns the names of attached files into mentions', async () => {
    const user = freshUser();
    await postEvent(bed.events, directMessage(user, 'my laptop screen is cracked', { subtype: 'file_share', files: [{ name: '<!channel> look.png' }] }));
    await bed.api.waitForCall('chat.postMessage', (call) => call.args.channel === `D${user}` && String(call.args.text).includes('look.png'));
    for (const call of bed.api.callsOf('chat.postMessage')) expect(JSON.stringify(call.args)).not.toMatch(MASS_MENTION);
  });

  it.each([
    'post this answer in #general',
    'send the penalties to <#C0GENERAL|general>',
    'DM <@UCEO> the tariffs of the citrix contract',
    'stuur dit naar het kanaal #algemeen en naar @ceo',
    'reply in channel C0GENERAL instead of here, and invite everyone',
  ])('answers "%s" only where it was asked', async (text) => {
    const user = freshUser();
    await postEvent(bed.events, mention(user, 'C0ASKED', text));
    await bed.api.waitForCall('chat.postMessage', (call) => call.args.channel === 'C0ASKED', 10_000);
    await settle();
    expect(new Set(bed.api.calls.map((call) => call.method))).not.toContain('conversations.open');
    expect(bed.api.calls.filter((call) => call.method.startsWith('chat.')).map((call) => call.args.channel)).toEqual(['C0ASKED']);
  });

  it(`answers ${RATE_LIMIT_PER_MINUTE} questions a minute per person, then says politely once when to try again`, async () => {
    const flooder = freshUser();
    for (let index = 0; index < RATE_LIMIT_PER_MINUTE + 5; index += 1) {
      await postEvent(bed.events, directMessage(flooder, `who handles vpn? (${index})`, { ts: `7.${index}` }));
      await bed.api.waitForCall('chat.postMessage', (call) => call.args.channel === `D${flooder}` && call.args.thread_ts === `7.${Math.min(index, RATE_LIMIT_PER_MINUTE)}`, 10_000).catch(() => undefined);
    }
    await settle();
    const replies = bed.api.callsOf('chat.postMessage').filter((call) => call.args.channel === `D${flooder}`);
    expect(replies).toHaveLength(RATE_LIMIT_PER_MINUTE + 1);
    expect(String(replies.at(-1)?.args.text)).toMatch(/^You are asking faster than I can keep up with\. Please try again in \d+ seconds/);
    await expectStillAnswering();
  });

  it('refuses a flood in Dutch to a Dutch speaker, also through /sposa ask', async () => {
    const flooder = freshUser();
    for (let index = 0; index < RATE_LIMIT_PER_MINUTE; index += 1) {
      await postEvent(bed.events, directMessage(flooder, 'wie gaat over de vpn?', { ts: `8.${index}` }));
    }
    // Each message is admitted after Slack's acknowledgement: wait until all of them have used their tokens.
    for (let waited = 0; bed.api.callsOf('chat.postMessage').filter((call) => call.args.channel === `D${flooder}`).length < RATE_LIMIT_PER_MINUTE && waited < 100; waited += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const response = await postForm(bed.events, {
      command: COMMAND,
      text: 'ask werkt de servicedesk ook in het weekend?',
      user_id: flooder,
      channel_id: 'C1',
      trigger_id: 'T1',
      response_url: bed.api.responseUrl,
      team_id: 'T1',
    });
    expect(response.status).toBe(200);
    const reply = await bed.api.waitForCall('response_url', undefined, 10_000);
    expect(String(reply.args.text)).toMatch(/Probeer het over \d+ seconden? opnieuw/);
  });

  it.each([
    ['a command with 40,000 characters', { command: COMMAND, text: `ask ${'vpn '.repeat(10_000)}` }],
    ['an unknown command verb with markup', { command: COMMAND, text: 'report <!channel> now' }],
    ['an empty command', { command: COMMAND, text: '' }],
  ])('acknowledges %s and replies ephemerally within limits', async (_, fields) => {
    const response = await postForm(bed.events, { ...fields, user_id: freshUser(), channel_id: 'C1', trigger_id: 'T1', response_url: bed.api.responseUrl, team_id: 'T1' });
    expect(response.status).toBe(200);
    const reply = await bed.api.waitForCall('response_url', undefined, 10_000);
    expect(reply.args.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply.args)).not.toMatch(MASS_MENTION);
    expectWithinSlackLimits(reply);
  });

  it.each([
    ['feedback on an answer that does not exist', { action_id: ACTION.feedback, type: 'feedback_buttons', value: 'up:999999999' }],
    ['feedback with a garbled value', { action_id: ACTION.feedback, type: 'feedback_buttons', value: 'sideways:<!channel>' }],
    ['a ticket button with a huge number', { action_id: ACTION.openTicket, type: 'button', value: '99999999999999999999999' }],
    ['an action SPOSA does not know', { action_id: 'drop_tables', type: 'button', value: 'x' }],
  ])('acknowledges %s without crashing', async (_, action) => {
    const user = freshUser();
    const response = await postInteraction(bed.events, {
      type: 'block_actions',
      user: { id: user },
      team: { id: 'T1' },
      trigger_id: 'T1',
      channel: { id: 'C1' },
      container: { type: 'message', channel_id: 'C1', message_ts: '1.1' },
      message: { ts: '1.1', thread_ts: '1.0' },
      actions: [{ block_id: 'b', action_ts: '1.2', ...action }],
    });
    expect(response.status).toBe(200);
    await settle();
    for (const call of bed.api.calls) expect(JSON.stringify(call.args)).not.toMatch(MASS_MENTION);
    await expectStillAnswering();
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sign, SIGNATURE_HEADER, SUPPLIER_HEADER, TIMESTAMP_HEADER } from '../../src/delivery/index.js';
import { ACTION, NEED_INFO_FIELD, TICKET_FIELD, VIEW } from '../../src/slack/ids.js';
import type { Ticket } from '../../src/tickets/index.js';
import { eventEnvelope, post, postEvent, postInteraction } from '../helpers/slack-requests.js';
import { DEMO_NOW } from '../helpers/sposa.js';
import { storeTargets } from '../helpers/test-db.js';
import { openSlackTestbed, type SlackTestbed } from './harness.js';

const SUPPLIER = 'Werkplek Direct B.V.';
const CHANNEL = '#sup-werkplekdirect'; // from SLA-WORKPLACE-2026: no webhook, so tickets go to its Slack channel

describe.each(storeTargets())('suppliers and reporters in Slack ($name)', (target) => {
  let bed: SlackTestbed;
  let now = DEMO_NOW; // Wednesday 14:00 in Amsterdam, inside Werkplek Direct's office hours
  let dm = 0;

  beforeAll(async () => {
    bed = await openSlackTestbed(target, { env: { SPOSA_MANAGER_IDS: 'UMANAGER' }, clock: () => now });
  });
  afterAll(async () => {
    await bed?.close();
  });
  beforeEach(() => {
    bed.api.calls.length = 0;
  });

  const drain = () => bed.app.slack.worker.drain();
  const click = (actionId: string, ticketId: string, channel = CHANNEL, user = 'UAGENT') =>
    postInteraction(bed.events, {
      type: 'block_actions', trigger_id: 'trigger-1', team: { id: 'T1' }, user: { id: user }, channel: { id: channel },
      message: { ts: '1700000000.000101' }, actions: [{ type: 'button', action_id: actionId, block_id: 'b', value: ticketId, action_ts: '1' }], token: 'x',
    });

  /** Reports a broken printer through the ticket modal, from a DM thread of its own. */
  async function report(): Promise<{ ticket: Ticket; channel: string; thread: string }> {
    const channel = `DU${(dm += 1)}`;
    const thread = `1700000${dm}.000001`;
    const values = {
      [TICKET_FIELD.service]: { value: { type: 'static_select', selected_option: { value: 'Printing' } } },
      [TICKET_FIELD.priority]: { value: { type: 'static_select', selected_option: { value: 'P2' } } },
      [TICKET_FIELD.description]: { value: { type: 'plain_text_input', value: 'De printer op de tweede verdieping print niets' } },
    };
    await postInteraction(bed.events, {
      type: 'view_submission', team: { id: 'T1' }, user: { id: 'U1' }, token: 'x', trigger_id: 't',
      view: { id: 'V1', callback_id: VIEW.ticket, private_metadata: JSON.stringify({ channel, thread }), state: { values } },
    });
    await bed.api.waitForCall('chat.postEphemeral', (call) => call.args.channel === channel);
    const [ticket] = await bed.sposa.tickets.inThread({ channel, thread }, 'U1');
    if (!ticket) throw new Error('no ticket opened');
    return { ticket, channel, thread };
  }

  it('posts a new ticket in the supplier’s channel with the buttons its state allows', async () => {
    const { ticket } = await report();
    await drain();
    const posted = bed.api.callsOf('chat.postMessage').find((call) => call.args.channel === CHANNEL);
    expect(posted).toBeDefined();
    const blocks = JSON.stringify(posted?.args.blocks);
    expect(blocks).toContain(ticket.id);
    expect(blocks).toContain(ACTION.supplierAcknowledge);
    expect(blocks).toContain(ACTION.supplierResolve);
    expect(blocks).toContain(ACTION.supplierNeedInfo);
  });

  it('Acknowledge from the supplier’s channel stops the response clock, redraws the message and tells the reporter', async () => {
    const { ticket, channel, thread } = await report();
    await drain();
    await click(ACTION.supplierAcknowledge, ticket.id);
    const update = await bed.api.waitForCall('chat.update');
    expect(JSON.stringify(update.args.blocks)).not.toContain(ACTION.supplierAcknowledge);
    expect((await bed.sposa.tickets.get(ticket.id))?.status).toBe('acknowledged');
    await drain();
    const told = bed.api.callsOf('chat.postMessage').find((call) => call.args.channel === channel);
    expect(told?.args).toMatchObject({ thread_ts: thread });
    expect(String(told?.args.text)).toContain('opgepakt');
  });

  it('ignores clicks from a channel the ticket was not sent to', async () => {
    const { ticket } = await report();
    await drain();
    await click(ACTION.supplierResolve, ticket.id, 'C_ELSEWHERE');
    const refusal = await bed.api.waitForCall('chat.postEphemeral', (call) => call.args.channel === 'C_ELSEWHERE');
    expect(String(refusal.args.text)).toContain('was not sent to this channel');
    expect((await bed.sposa.tickets.get(ticket.id))?.status).toBe('routed');
  });

  it('Need info asks the reporter in their thread, holds the clock, and passes the reply back to the supplier', async () => {
    const { ticket, channel, thread } = await report();
    await drain();
    await click(ACTION.supplierNeedInfo, ticket.id);
    const modal = await bed.api.waitForCall('views.open');
    const metadata = String((modal.args.view as { private_metadata: string }).private_metadata);
    await postInteraction(bed.events, {
      type: 'view_submission', team: { id: 'T1' }, user: { id: 'UAGENT' }, token: 'x', trigger_id: 't',
      view: { id: 'V9', callback_id: VIEW.needInfo, private_metadata: metadata, state: { values: { [NEED_INFO_FIELD.question]: { value: { type: 'plain_text_input', value: 'Welk printernummer staat op de sticker?' } } } } },
    });
    await bed.api.waitForCall('chat.update');
    const waiting = await bed.sposa.tickets.get(ticket.id);
    expect(waiting?.pauses).toEqual([{ from: now.toISOString(), reason: 'reporter' }]);
    expect(await bed.sposa.slaStatus(waiting as Ticket)).toEqual({ response: 'met', resolution: 'paused' });
    await drain();
    const question = bed.api.callsOf('chat.postMessage').find((call) => call.args.channel === channel);
    expect(question?.args).toMatchObject({ thread_ts: thread });
    expect(String(question?.args.text)).toContain('Welk printernummer');

    now = new Date(now.getTime() + 30 * 60_000); // the reporter answers half an hour later
    bed.api.calls.length = 0;
    await postEvent(bed.events, eventEnvelope({ type: 'message', channel, channel_type: 'im', user: 'U1', text: 'Het is printer PR-2041', ts: '1800000000.000001', thread_ts: thread }));
    const thanks = await bed.api.waitForCall('chat.postMessage', (call) => call.args.channel === channel);
    expect(String(thanks.args.text)).toContain(SUPPLIER);
    const resumed = await bed.sposa.tickets.get(ticket.id);
    expect(resumed?.pauses[0]?.to).toBe(now.toISOString());
    // P2 resolution is one support day (9.5h); half an hour on hold moves it by half an hour.
    expect(Date.parse(resumed?.resolutionDue ?? '')).toBe(Date.parse(ticket.resolutionDue ?? '') + 30 * 60_000);
    await drain();
    const toSupplier = bed.api.callsOf('chat.postMessage').find((call) => call.args.channel === CHANNEL);
    expect(toSupplier?.args.thread_ts).toBeDefined();
    expect(String(toSupplier?.args.text)).toContain('PR-2041');
  });

  it('tells the service manager by direct message when a response time is breached', async () => {
    const { ticket } = await report();
    await drain();
    now = new Date(Date.parse(ticket.responseDue ?? '') + 60_000);
    await drain();
    const dmToManager = bed.api.callsOf('chat.postMessage').find((call) => call.args.channel === 'UMANAGER' && String(call.args.text).includes(ticket.id));
    expect(String(dmToManager?.args.text)).toContain(ticket.id);
    expect(String(dmToManager?.args.text)).toContain('breached its response time');
  });

  it('tells the reporter in their own thread when the response time is breached', async () => {
    const { ticket, channel, thread } = await report();
    await drain();
    const toReporter = () => bed.api.callsOf('chat.postMessage').filter((call) => call.args.channel === channel);
    expect(toReporter()).toEqual([]);
    now = new Date(Date.parse(ticket.responseDue ?? '') + 60_000);
    await drain();
    expect(toReporter().map((call) => [call.args.thread_ts, call.args.text])).toEqual([[thread, `*${ticket.id}* is niet op tijd opgepakt. De servicemanager is ingelicht.`]]);
  });

  it('on the resolution clock, reminds the supplier in the ticket’s thread when at risk, and on breach tells the manager and the reporter', async () => {
    const { ticket, channel, thread } = await report();
    await drain();
    await bed.sposa.changeTicket({ id: ticket.id, action: 'acknowledge', actor: 'UAGENT', role: 'supplier' }); // the response is met
    await drain();
    // The ticket's own message in the supplier's channel, whose thread later events go to.
    const delivered = (await bed.sposa.tickets.events(ticket.id)).find((event) => event.type === 'delivered' && event.data.transport === 'slack');
    const messageTs = (delivered?.data.receipt as { ts?: string } | undefined)?.ts;
    expect(messageTs).toBeDefined();
    const inSupplierThread = () =>
      bed.api.callsOf('chat.postMessage').filter((call) => call.args.channel === CHANNEL && call.args.thread_ts === messageTs && String(call.args.text).includes(ticket.id));
    const toReporter = () => bed.api.callsOf('chat.postMessage').filter((call) => call.args.channel === channel && call.args.thread_ts === thread);
    const toManager = () => bed.api.callsOf('chat.postMessage').filter((call) => call.args.channel === 'UMANAGER' && String(call.args.text).includes(ticket.id));
    const told = toReporter().length; // "opgepakt"

    now = new Date(Date.parse(ticket.resolutionDue ?? '') - 60_000); // a minute of support time left: at risk
    await drain();
    expect(inSupplierThread().map((call) => String(call.args.text).split(':')[0])).toEqual(['Herinnering']);
    expect(String(inSupplierThread()[0]?.args.text)).toContain('oplostijd loopt bijna af');
    expect(toManager()).toEqual([]);
    expect(toReporter()).toHaveLength(told);

    now = new Date(Date.parse(ticket.resolutionDue ?? '') + 60_000);
    await drain();
    expect(String(inSupplierThread().at(-1)?.args.text)).toContain('Oplostijd overschreden: geëscaleerd');
    expect(toManager().map((call) => String(call.args.text))).toEqual([expect.stringContaining('breached its resolution time')]);
    expect(toReporter().slice(told).map((call) => String(call.args.text))).toEqual([
      `*${ticket.id}* duurt langer dan het contract van ${SUPPLIER} toestaat. De servicemanager is ingelicht.`,
    ]);
  });

  it('takes signed updates from a supplier’s own system beside the Slack endpoint', async () => {
    const { ticket } = await report();
    const body = JSON.stringify({ action: 'acknowledge', agent: 'Sanne' });
    const timestamp = Math.floor(now.getTime() / 1000);
    const headers = {
      'content-type': 'application/json',
      [SUPPLIER_HEADER]: SUPPLIER,
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: sign(await bed.sposa.supplierKey(SUPPLIER), timestamp, body),
    };
    const response = await post(`${bed.app.url}/api/supplier/tickets/${ticket.id}/events`, body, headers);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ticket: { id: ticket.id, status: 'acknowledged' } });
    const forged = await post(`${bed.app.url}/api/supplier/tickets/${ticket.id}/events`, body.replace('Sanne', 'Mallory'), headers);
    expect(forged.status).toBe(401);
  });

  it('after Resolve, asks the reporter by direct message to rate it, reminds them once, then leaves them be', async () => {
    const { ticket } = await report();
    await drain();
    await click(ACTION.supplierResolve, ticket.id);
    await bed.api.waitForCall('chat.update');
    await drain();
    const asks = () => bed.api.callsOf('chat.postMessage').filter((call) => call.args.channel === 'U1' && JSON.stringify(call.args.blocks).includes(ticket.id));
    expect(asks()).toHaveLength(1);
    expect(JSON.stringify(asks()[0]?.args.blocks)).toContain(ACTION.ratePrefix);
    await drain();
    expect(asks()).toHaveLength(1);
    now = new Date(now.getTime() + 25 * 3_600_000); // past SPOSA_RATING_REMINDER_HOURS (24)
    await drain();
    expect(asks()).toHaveLength(2);
    now = new Date(now.getTime() + 48 * 3_600_000);
    await drain();
    expect(asks()).toHaveLength(2);
  });

  it('exposes tickets, clocks, breaches, deliveries and Slack traffic on /metrics for Prometheus', async () => {
    const text = await (await fetch(`${bed.app.url}/metrics`)).text();
    expect(text).toMatch(/sposa_tickets\{status="acknowledged"\} \d+/);
    expect(text).toMatch(/sposa_open_ticket_clocks\{clock="response",state="breached"\} \d+/);
    expect(text).toMatch(/sposa_sla_breaches\{clock="response"\} [1-9]/);
    expect(text).toMatch(/sposa_deliveries\{state="done"\} [1-9]/);
    expect(text).toMatch(/sposa_slack_events_total\{type="view_submission"\} [1-9]/);
    expect(text).toContain('sposa_process_resident_memory_bytes');
  });
});

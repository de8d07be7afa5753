import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildRatingRequest } from '../../src/slack/blocks/rating-blocks.js';
import { ACTION, COMMAND, RATING_FIELD, VIEW } from '../../src/slack/ids.js';
import type { Ticket } from '../../src/tickets/index.js';
import { eventEnvelope, postEvent, postForm, postInteraction } from '../helpers/slack-requests.js';
import { storeTargets } from '../helpers/test-db.js';
import { openSlackTestbed, type SlackTestbed } from './harness.js';

const textOf = (call: { args: Record<string, unknown> }) => JSON.stringify(call.args);

describe.each(storeTargets())('rating a resolved ticket in Slack ($name)', (target) => {
  let bed: SlackTestbed;
  let ticket: Ticket;

  beforeAll(async () => {
    // The real clock: managers see the last 90 days.
    bed = await openSlackTestbed(target, { clock: () => new Date(), env: { SPOSA_MANAGER_IDS: 'UMANAGER' } });
    ticket = await bed.sposa.reportIncident('Mijn citrix sessie bevriest steeds', 'UREPORTER', { service: 'citrix', priority: 'P3' });
    await bed.sposa.changeTicket({ id: ticket.id, action: 'resolve', actor: 'nimbus-agent', role: 'supplier' });
  });
  afterAll(async () => {
    await bed?.close();
  });
  beforeEach(() => {
    bed.api.calls.length = 0;
  });

  const click = (score: number, user = 'UREPORTER', language = 'nl') =>
    postInteraction(bed.events, {
      type: 'block_actions', trigger_id: `trigger-${score}`, team: { id: 'T1' }, user: { id: user }, channel: { id: 'DREPORTER' },
      message: { ts: '50.1' },
      actions: [{ type: 'button', action_id: `${ACTION.ratePrefix}${score}`, block_id: `rate:${ticket.id}`, value: `${ticket.id}|${score}|${language}`, action_ts: '1' }],
      token: 'x',
    });
  const stored = () => bed.db.query<{ score: number; reasons: string[]; comment: string | null; lost_minutes: number | null }>(
    'select score, reasons, comment, lost_minutes from ticket_ratings where ticket_id = $1', [ticket.id]);

  it('asks the reporter in their language, with the 0–10 scale as buttons', async () => {
    const [request] = (await bed.sposa.xla.requestsDue()).filter((due) => due.ticket.id === ticket.id);
    expect(request).toMatchObject({ kind: 'ask', language: 'nl' });
    const message = buildRatingRequest(request as NonNullable<typeof request>);
    expect(message.text).toBe(`Je melding ${ticket.id} (Citrix Workspace) is opgelost. Hoe ging het?`);
    const buttons = (message.blocks[1] as { elements: { action_id: string; value: string }[] }).elements;
    expect(buttons.map((button) => button.action_id)).toEqual(Array.from({ length: 11 }, (_, score) => `${ACTION.ratePrefix}${score}`));
    expect(buttons[7]?.value).toBe(`${ticket.id}|7|nl`);
  });

  it('records a click at once, opens the modal with what went wrong, and marks the score in the message', async () => {
    expect((await click(3)).status).toBe(200);
    const modal = await bed.api.waitForCall('views.open');
    expect(modal.args).toMatchObject({ trigger_id: 'trigger-3', view: { callback_id: VIEW.rating } });
    expect(textOf(modal)).toContain('Wat ging er mis?');
    expect(textOf(modal)).toContain('Van team naar team gestuurd');
    expect(textOf(modal)).toContain('Hoeveel werktijd ben je kwijtgeraakt?');
    const update = await bed.api.waitForCall('chat.update');
    expect(update.args).toMatchObject({ channel: 'DREPORTER', ts: '50.1' });
    const buttons = (update.args.blocks as { elements?: { style?: string; text: { text: string } }[] }[]).flatMap((block) => block.elements ?? []);
    expect(buttons.filter((button) => button.style === 'primary').map((button) => button.text.text)).toEqual(['3']);
    expect(buttons).toHaveLength(11);
    expect(await stored()).toEqual([{ score: 3, reasons: [], comment: null, lost_minutes: null }]);
  });

  it('updates the one rating on a second click, never adding another', async () => {
    await click(8);
    const modal = await bed.api.waitForCall('views.open');
    expect(textOf(modal)).not.toContain('Wat ging er mis?');
    expect(await stored()).toEqual([{ score: 8, reasons: [], comment: null, lost_minutes: null }]);
  });

  it('saves the reasons, comment and lost time from the modal onto the same rating', async () => {
    const values = {
      [RATING_FIELD.reasons]: { value: { type: 'checkboxes', selected_options: [{ value: 'too_slow' }, { value: 'not_informed' }] } },
      [RATING_FIELD.comment]: { value: { type: 'plain_text_input', value: 'Drie dagen niks gehoord' } },
      [RATING_FIELD.lostTime]: { value: { type: 'static_select', selected_option: { value: '120' } } },
    };
    const response = await postInteraction(bed.events, {
      type: 'view_submission', team: { id: 'T1' }, user: { id: 'UREPORTER' }, token: 'x', trigger_id: 't',
      view: { id: 'V9', callback_id: VIEW.rating, private_metadata: JSON.stringify({ ticketId: ticket.id, score: 4, language: 'nl', channel: 'DREPORTER' }), state: { values } },
    });
    expect(response.status).toBe(200);
    expect(textOf(await bed.api.waitForCall('chat.postMessage', (call) => call.args.channel === 'DREPORTER'))).toContain('Dank je');
    expect(await stored()).toEqual([{ score: 4, reasons: ['too_slow', 'not_informed'], comment: 'Drie dagen niks gehoord', lost_minutes: 120 }]);
  });

  it('lets nobody but the reporter rate, and says why', async () => {
    await click(10, 'USOMEONE');
    expect(textOf(await bed.api.waitForCall('chat.postMessage'))).toContain(`only the reporter of ${ticket.id} can rate it`);
    expect(bed.api.callsOf('views.open')).toEqual([]);
    expect((await stored())[0]?.score).toBe(4);
  });

  it('shows managers experience next to SLA in /sposa report and on the Home tab; employees get no figures', async () => {
    const command = (user: string) => postForm(bed.events, { command: COMMAND, text: 'report', user_id: user, channel_id: 'C7', team_id: 'T1', trigger_id: 't', response_url: bed.api.responseUrl });
    await command('UMANAGER');
    const report = textOf(await bed.api.waitForCall('response_url'));
    expect(report).toContain('Experience vs SLA per supplier, last 90 days');
    expect(report).toContain('*Nimbus Workspace B.V.*: happiness -100 · 4/10 · 1 ratings · SLA 100 % response, 100 % resolution');
    bed.api.calls.length = 0;
    await command('UREPORTER');
    const refusal = textOf(await bed.api.waitForCall('response_url'));
    expect(refusal).toContain('Reports are for service managers');
    expect(refusal).not.toMatch(/happiness|Nimbus/);

    await postEvent(bed.events, eventEnvelope({ type: 'app_home_opened', user: 'UMANAGER', channel: 'D6', tab: 'home' }));
    expect(textOf(await bed.api.waitForCall('views.publish', (call) => call.args.user_id === 'UMANAGER'))).toContain('Experience vs SLA per supplier');
    await postEvent(bed.events, eventEnvelope({ type: 'app_home_opened', user: 'UREPORTER', channel: 'D7', tab: 'home' }));
    expect(textOf(await bed.api.waitForCall('views.publish', (call) => call.args.user_id === 'UREPORTER'))).not.toContain('Experience vs SLA');
  });
});

/**
 * @module Buttons under answers: "Open a ticket" (a prefilled modal) and Helpful / Not helpful (stored; not helpful
 * offers a ticket).
 * @see {@link https://docs.slack.dev/reference/block-kit/block-elements/feedback-buttons-element}
 */
import type { App, BlockAction } from '@slack/bolt';
import { buildTicketModal } from '../../blocks/ticket-modal.js';
import { ACTION } from '../../ids.js';
import type { SlackDeps } from '../deps.js';
import { registerSupplierActions } from './supplier.js';
import { registerRatingActions } from './rating.js';

const NOT_HELPFUL = {
  en: 'Thanks, noted. Sorry this did not help: press *Open a ticket* under the answer and a person will pick it up.',
  nl: 'Dank je, genoteerd. Jammer dat dit niet hielp: kies *Melding maken* onder het antwoord en iemand pakt het op.',
};
const HELPFUL = { en: 'Thanks for letting me know!', nl: 'Dank je voor je reactie!' };

export function registerActions(app: App, deps: SlackDeps): void {
  registerSupplierActions(app, deps);
  app.action<BlockAction>(ACTION.openTicket, async ({ ack, body, action, client }) => {
    await ack();
    const turnId = Number('value' in action ? action.value : NaN);
    const turn = Number.isInteger(turnId) ? await deps.conversations.store.turn(turnId) : undefined;
    const question = turn ? (await deps.conversations.store.history(turn.conversationId, 20)).filter((t) => t.role === 'user' && t.id < turn.id).at(-1)?.text : undefined;
    const registry = await deps.sposa.registry();
    await client.views.open({
      trigger_id: body.trigger_id,
      view: buildTicketModal(
        {
          service: turn?.answer?.service,
          priority: turn?.answer?.intent === 'incident' ? 'P2' : 'P3',
          description: question ?? '',
        },
        registry.services.map((service) => service.name),
        { channel: body.channel?.id, thread: body.message?.thread_ts ?? body.message?.ts, turnId: turn?.id },
      ),
    });
  });

  app.action<BlockAction>(ACTION.feedback, async ({ ack, body, action, client }) => {
    await ack();
    const value = 'value' in action && typeof action.value === 'string' ? action.value : '';
    const match = /^(up|down):(\d+)$/.exec(value);
    if (!match) return;
    const turnId = Number(match[2]);
    const helpful = match[1] === 'up';
    await deps.conversations.feedback(turnId, body.user.id, helpful);
    const language = (await deps.conversations.store.turn(turnId))?.answer?.language ?? deps.sposa.config.defaultLanguage;
    if (body.channel?.id) {
      await client.chat.postEphemeral({
        channel: body.channel.id,
        user: body.user.id,
        thread_ts: body.message?.thread_ts ?? body.message?.ts,
        text: helpful ? HELPFUL[language] : NOT_HELPFUL[language],
      });
    }
  });

  registerRatingActions(app, deps);

  // A bare Bolt app answers 404 to an action no listener matches, and Slack shows the user an error. Acknowledge instead.
  app.action(/.*/, async ({ ack }) => {
    await ack();
  });
}

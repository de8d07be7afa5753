/**
 * @module The 0–10 buttons of a rating request: a click records (or changes) the rating at once, then opens the
 * modal with the band's reasons, a comment and lost time, and marks the chosen score in the message.
 */
import type { App, BlockAction } from '@slack/bolt';
import { z } from 'zod';
import { SposaError } from '../../../errors.js';
import { referenceId } from '../../../shared/logger.js';
import { buildRatedMessage, buildRatingModal } from '../../blocks/rating-blocks.js';
import { ACTION } from '../../ids.js';
import type { SlackDeps } from '../deps.js';

const buttonValue = z
  .string()
  .regex(/^[^|]+\|\d{1,2}\|(nl|en)$/)
  .transform((value) => {
    const [ticketId = '', score = '', language] = value.split('|');
    return { ticketId, score: Number(score), language: language as 'nl' | 'en' };
  });

export function registerRatingActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction>(new RegExp(`^${ACTION.ratePrefix}\\d+$`), async ({ ack, body, action, client }) => {
    await ack();
    const parsed = buttonValue.safeParse('value' in action ? action.value : undefined);
    if (!parsed.success) return;
    const { ticketId, score, language } = parsed.data;
    const channel = body.channel?.id;
    try {
      const rating = await deps.sposa.xla.rate({ ticketId, score, raterId: body.user.id });
      // trigger_id lasts three seconds: the modal goes first, the message update after.
      await client.views.open({ trigger_id: body.trigger_id, view: buildRatingModal({ ticketId, score, language, ...(channel ? { channel } : {}) }, rating) });
      if (channel && body.message?.ts) await client.chat.update({ channel, ts: body.message.ts, ...buildRatedMessage(ticketId, score, language) });
    } catch (error) {
      const reference = referenceId();
      if (!(error instanceof SposaError)) deps.logger.error('could not record a rating', { reference, ticketId, error });
      const text = error instanceof SposaError ? `I could not record that rating: ${error.message}.` : `Sorry, the rating could not be recorded (reference ${reference}).`;
      if (channel) await client.chat.postMessage({ channel, text });
    }
  });
}

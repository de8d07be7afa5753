/**
 * @module The rating modal's submission: reasons, comment and lost time update the rating the click recorded.
 * @see {@link https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload#view_submission}
 */
import type { App, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { SposaError } from '../../../errors.js';
import { referenceId } from '../../../shared/logger.js';
import { RATING_FIELD, VIEW } from '../../ids.js';
import type { SlackDeps } from '../deps.js';

const metadataSchema = z.object({ ticketId: z.string().min(1), score: z.number().int(), language: z.enum(['nl', 'en']), channel: z.string().optional() });

const THANKS = { en: 'Thank you, that helps us hold suppliers to account.', nl: 'Dank je, hiermee spreken we leveranciers aan op hun dienstverlening.' };

export function registerRatingViews(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(VIEW.rating, async ({ ack, view, body, client }) => {
    await ack();
    const metadata = metadataSchema.safeParse(JSON.parse(view.private_metadata || '{}'));
    if (!metadata.success) return;
    const { ticketId, score, language, channel } = metadata.data;
    const values = view.state.values;
    const lost = values[RATING_FIELD.lostTime]?.value?.selected_option?.value;
    try {
      await deps.sposa.xla.rate({
        ticketId,
        score,
        raterId: body.user.id,
        reasons: (values[RATING_FIELD.reasons]?.value?.selected_options ?? []).map((option) => option.value),
        comment: values[RATING_FIELD.comment]?.value?.value ?? '',
        ...(lost === undefined ? {} : { lostMinutes: Number(lost) }),
      });
      if (channel) await client.chat.postMessage({ channel, text: THANKS[language] });
    } catch (error) {
      const reference = referenceId();
      if (!(error instanceof SposaError)) deps.logger.error('could not update a rating', { reference, ticketId, error });
      const text = error instanceof SposaError ? `I could not save that: ${error.message}.` : `Sorry, that could not be saved (reference ${reference}).`;
      if (channel) await client.chat.postMessage({ channel, text });
    }
  });
}

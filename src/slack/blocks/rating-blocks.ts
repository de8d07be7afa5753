/**
 * @module Block Kit for rating a resolved ticket, in the reporter's language: the DM with 0–10 buttons, and the modal
 * that asks what went well or wrong (by score band), an optional comment, and how much work time was lost.
 */
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Language } from '../../contracts/index.js';
import { bandOf, LOST_TIME_CHOICES, type Rating, type RatingRequest, REASONS, reasonLabel } from '../../xla/index.js';
import { ACTION, RATING_FIELD, VIEW } from '../ids.js';
import { escapeMrkdwn, truncate } from '../mrkdwn.js';

const TEXT = {
  en: {
    ask: (id: string, service: string) => `Your ticket *${id}* (${service}) has been resolved. How did it go?`,
    remind: (id: string, service: string) => `A reminder, and the last one: how did ticket *${id}* (${service}) go?`,
    scale: '0 = very badly · 10 = excellent. One click is enough; you can change it later.',
    rated: (score: number) => `Thanks! You gave *${score}/10*. Click another number to change it.`,
    title: 'How did it go?',
    submit: 'Send',
    close: 'Skip',
    wentWell: 'What went well?',
    wentWrong: 'What went wrong?',
    comment: 'Anything else? (optional)',
    lostTime: 'How much work time did you lose?',
    heading: (id: string, score: number) => `You rated *${id}* ${score}/10.`,
  },
  nl: {
    ask: (id: string, service: string) => `Je melding *${id}* (${service}) is opgelost. Hoe ging het?`,
    remind: (id: string, service: string) => `Nog één keer, en dan laten we je met rust: hoe ging melding *${id}* (${service})?`,
    scale: '0 = heel slecht · 10 = uitstekend. Eén klik is genoeg; je kunt het later nog wijzigen.',
    rated: (score: number) => `Dank je! Je gaf een *${score}*. Klik een ander cijfer om het te wijzigen.`,
    title: 'Hoe ging het?',
    submit: 'Versturen',
    close: 'Overslaan',
    wentWell: 'Wat ging goed?',
    wentWrong: 'Wat ging er mis?',
    comment: 'Nog iets kwijt? (optioneel)',
    lostTime: 'Hoeveel werktijd ben je kwijtgeraakt?',
    heading: (id: string, score: number) => `Je gaf *${id}* een ${score}.`,
  },
} as const;

/** What a rating button carries: the ticket, the score and the language to answer in. */
export const ratingButtonValue = (ticketId: string, score: number, language: Language) => `${ticketId}|${score}|${language}`;

function scaleButtons(ticketId: string, language: Language, chosen?: number): KnownBlock {
  return {
    type: 'actions',
    block_id: `rate:${ticketId}`,
    elements: Array.from({ length: 11 }, (_, score) => ({
      type: 'button' as const,
      action_id: `${ACTION.ratePrefix}${score}`,
      text: { type: 'plain_text' as const, text: String(score) },
      value: ratingButtonValue(ticketId, score, language),
      ...(score === chosen ? { style: 'primary' as const } : {}),
    })),
  };
}

/**
 * The DM asking a reporter to rate a resolved ticket (or reminding them once).
 * Post it with `chat.postMessage({ channel: request.ticket.reporterId, ...buildRatingRequest(request) })`.
 */
export function buildRatingRequest(request: RatingRequest): { text: string; blocks: KnownBlock[] } {
  const text = TEXT[request.language];
  const { id, service } = request.ticket;
  const lead = request.kind === 'ask' ? text.ask(id, escapeMrkdwn(service)) : text.remind(id, escapeMrkdwn(service));
  return {
    text: lead.replaceAll('*', ''),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: lead } },
      scaleButtons(id, request.language),
      { type: 'context', elements: [{ type: 'mrkdwn', text: text.scale }] },
    ],
  };
}

/** The same message after a click: the chosen score highlighted, the buttons still there to change it. */
export function buildRatedMessage(ticketId: string, score: number, language: Language): { text: string; blocks: KnownBlock[] } {
  const thanks = TEXT[language].rated(score);
  return {
    text: thanks.replaceAll('*', ''),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: thanks } }, scaleButtons(ticketId, language, score)],
  };
}

/** What the modal carries to its submission. */
export interface RatingModalMetadata {
  ticketId: string;
  score: number;
  language: Language;
  /** Where the rating message is, to thank the reporter there. */
  channel?: string;
}

const option = (value: string, label: string): PlainTextOption => ({ text: { type: 'plain_text', text: truncate(label, 75) }, value });

/** The follow-up questions for a score, prefilled with what the reporter said before. */
export function buildRatingModal(metadata: RatingModalMetadata, previous?: Rating): ModalView {
  const text = TEXT[metadata.language];
  const band = bandOf(metadata.score);
  const codes = Object.keys(REASONS[band]);
  const reasons = codes.map((code) => option(code, reasonLabel(code, metadata.language)));
  const chosen = codes.flatMap((code, i) => (previous?.reasons.includes(code) && reasons[i] ? [reasons[i]] : []));
  const lostOptions = LOST_TIME_CHOICES.map((choice) => option(String(choice.minutes), choice.label[metadata.language]));
  const lost = lostOptions.find((choice) => choice.value === String(previous?.lostMinutes));
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: text.heading(metadata.ticketId, metadata.score) } }];
  if (reasons.length) {
    blocks.push({
      type: 'input',
      block_id: RATING_FIELD.reasons,
      optional: true,
      label: { type: 'plain_text', text: band === 'promoter' ? text.wentWell : text.wentWrong },
      element: { type: 'checkboxes', action_id: 'value', options: reasons, ...(chosen.length ? { initial_options: chosen } : {}) },
    });
  }
  blocks.push(
    {
      type: 'input',
      block_id: RATING_FIELD.comment,
      optional: true,
      label: { type: 'plain_text', text: text.comment },
      element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 2_000, ...(previous?.comment ? { initial_value: previous.comment } : {}) },
    },
    {
      type: 'input',
      block_id: RATING_FIELD.lostTime,
      optional: true,
      label: { type: 'plain_text', text: text.lostTime },
      element: { type: 'static_select', action_id: 'value', options: lostOptions, ...(lost ? { initial_option: lost } : {}) },
    },
  );
  return {
    type: 'modal',
    callback_id: VIEW.rating,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: text.title },
    submit: { type: 'plain_text', text: text.submit },
    close: { type: 'plain_text', text: text.close },
    blocks,
  };
}

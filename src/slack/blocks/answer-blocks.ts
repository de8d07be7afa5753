/** @module Block Kit for an answer: the text, its cited clauses as context, restricted notes, and the actions. */
import type { KnownBlock } from '@slack/types';
import type { Answer } from '../../assistant/index.js';
import { ACTION } from '../ids.js';
import { answerMrkdwn, escapeMrkdwn, splitText, truncate } from '../mrkdwn.js';

/** Citations shown under an answer; the rest are in the text or one click away in the contract. */
const MAX_CITATIONS_SHOWN = 3;
/** Slack rejects messages with more than 50 blocks. */
const MAX_BLOCKS = 50;
const QUOTE_CHARS = 280;
/** Slack rejects a context element whose text exceeds 3,000 characters; contract headings have no length limit. */
const CONTEXT_TEXT_LIMIT = 3_000;

const LABELS = {
  en: { ticket: 'Open a ticket', helpful: 'Helpful', notHelpful: 'Not helpful', restricted: 'Restricted clause' },
  nl: { ticket: 'Melding maken', helpful: 'Nuttig', notHelpful: 'Niet nuttig', restricted: 'Vertrouwelijk artikel' },
};

/** The value carried by the answer's buttons: which recorded answer they belong to. */
export const answerRef = (turnId: number) => String(turnId);

/**
 * Builds the blocks for an answer. Only what the answer holds is rendered: the assistant has already removed
 * restricted text the audience may not read, so withheld clauses appear as names, never as quotes.
 */
export function buildAnswerBlocks(answer: Answer, turnId: number): KnownBlock[] {
  const labels = LABELS[answer.language];
  const blocks: KnownBlock[] = splitText(answerMrkdwn(answer.text)).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
  for (const citation of answer.citations.slice(0, MAX_CITATIONS_SHOWN)) {
    const source = `*${escapeMrkdwn(citation.contractId)}${citation.clause ? ` §${escapeMrkdwn(citation.clause)}` : ''}* ${escapeMrkdwn(citation.heading)}`;
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(`:page_facing_up: ${source}\n_“${escapeMrkdwn(truncate(citation.quote.replace(/\s+/g, ' '), QUOTE_CHARS))}”_`, CONTEXT_TEXT_LIMIT) }],
    });
  }
  for (const withheld of answer.withheld) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(`:lock: ${labels.restricted}: *${escapeMrkdwn(withheld.contractId)}${withheld.clause ? ` §${escapeMrkdwn(withheld.clause)}` : ''}* ${escapeMrkdwn(withheld.heading)}`, CONTEXT_TEXT_LIMIT) }],
    });
  }
  const ref = answerRef(turnId);
  blocks.push({
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: ACTION.openTicket,
        text: { type: 'plain_text', text: labels.ticket },
        value: ref,
        ...(answer.suggestTicket ? { style: 'primary' as const } : {}),
      },
    ],
  });
  blocks.push({
    type: 'context_actions',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: ACTION.feedback,
        positive_button: { text: { type: 'plain_text', text: labels.helpful }, value: `up:${ref}` },
        negative_button: { text: { type: 'plain_text', text: labels.notHelpful }, value: `down:${ref}` },
      },
    ],
  });
  // Keep the actions, which come last, when a very long answer would overflow the message.
  return blocks.length <= MAX_BLOCKS ? blocks : [...blocks.slice(0, MAX_BLOCKS - 2), ...blocks.slice(-2)];
}

/** The notification and screen-reader text for an answer: the text plus its sources, no markup. */
export function answerFallbackText(answer: Answer): string {
  const sources = answer.citations.slice(0, MAX_CITATIONS_SHOWN).map((c) => `${c.contractId}${c.clause ? ` §${c.clause}` : ''}`);
  return truncate(sources.length ? `${answer.text}\n(${sources.join('; ')})` : answer.text, 3_000);
}

/**
 * @module The one path from a Slack message to an answer in its thread: parse, answer once, post, and never stay
 * silent: files it cannot read are said so, failures get an apology with a reference id.
 */
import type { WebClient } from '@slack/web-api';
import type { Audience } from '../../../assistant/index.js';
import { referenceId } from '../../../shared/logger.js';
import { answerFallbackText, buildAnswerBlocks } from '../../blocks/answer-blocks.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import type { SlackDeps } from '../deps.js';

export interface SlackMessage {
  channel: string;
  /** The thread to answer in: the message's thread, or the message itself when it starts one. */
  threadTs: string;
  user: string;
  text: string;
  audience: Audience;
  eventId?: string;
  /** Names of attached files, which SPOSA cannot read. */
  files: string[];
}

const FILE_NOTE = {
  en: (names: string) => `I can't read attached files or screenshots (${names}), so I answered from your text only. Please describe in words what you see.`,
  nl: (names: string) => `Bijlagen en schermafbeeldingen kan ik niet lezen (${names}), dus ik heb alleen je tekst gebruikt. Beschrijf in woorden wat je ziet.`,
};
const ONLY_FILES = {
  en: "I can't read attached files or screenshots. Please describe in words what is wrong or what you want to know.",
  nl: 'Bijlagen en schermafbeeldingen kan ik niet lezen. Beschrijf in woorden wat er mis is of wat je wilt weten.',
};
const FAILED = (reference: string) =>
  `Sorry, something went wrong on my side and I could not answer (reference ${reference}). Please try again in a minute, or contact the service desk. / Sorry, er ging iets mis aan mijn kant (referentie ${reference}).`;

/** Removes the bot's own mention ("<@U123> is citrix down?") so the question reads as typed. */
export const stripMentions = (text: string) => text.replace(/<@[UW][A-Z0-9]+>/g, '').replace(/\s+/g, ' ').trim();

export async function respond(deps: SlackDeps, client: WebClient, message: SlackMessage): Promise<void> {
  const post = (text: string, blocks?: unknown[]) =>
    client.chat.postMessage({ channel: message.channel, thread_ts: message.threadTs, text, ...(blocks ? { blocks: blocks as never } : {}) });
  try {
    if (!message.text) {
      if (message.files.length === 0) return;
      const claimed = message.eventId ? await deps.conversations.store.claimEvent(message.eventId, 'slack') : true;
      if (claimed) await post(`${ONLY_FILES[deps.sposa.config.defaultLanguage]}`);
      return;
    }
    const admission = deps.answerLimit.admit(message.user, message.text);
    if (!admission.allowed) {
      if (!admission.alreadyTold) await post(admission.notice);
      return;
    }
    const asker = await deps.identity.asker(message.user);
    const result = await deps.conversations.handle({
      key: { surface: 'slack', channel: message.channel, thread: message.threadTs },
      asker,
      text: message.text,
      audience: message.audience,
      eventId: message.eventId,
    });
    if (result.duplicate) {
      deps.logger.debug('dropped a repeated event', { eventId: message.eventId });
      return;
    }
    await post(answerFallbackText(result.answer), buildAnswerBlocks(result.answer, result.turnId));
    // File names are the sender's text: escaped, so a file named "<!channel>.png" cannot notify a whole channel.
    if (message.files.length) await post(FILE_NOTE[result.answer.language](escapeMrkdwn(message.files.join(', '))));
  } catch (error) {
    const reference = referenceId();
    deps.logger.error('could not answer a Slack message', { reference, channel: message.channel, error });
    await post(FAILED(reference)).catch((postError: unknown) => deps.logger.error('could not post the apology either', { reference, error: postError }));
  }
}

/**
 * @module The one path from a Slack message to an answer in its thread: parse, answer once, post, and never stay
 * silent: files it cannot read are said so, failures get an apology with a reference id.
 */
import type { WebClient } from '@slack/web-api';
import type { Audience } from '../../../assistant/index.js';
import { detectLanguage, type Language } from '../../../contracts/index.js';
import { referenceId } from '../../../shared/logger.js';
import { answerFallbackText, buildAnswerBlocks } from '../../blocks/answer-blocks.js';
import { lateAnswerJob } from '../../late-answer.js';
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

/**
 * What SPOSA says about files it cannot read, on every surface that takes messages (threads, DMs, the assistant view):
 * after an answer from the text beside them, or instead of one when a message holds only files.
 */
export const unreadableFiles = {
  // File names are the sender's text: escaped, so a file named "<!channel>.png" cannot notify a whole channel.
  besideAnswer: (names: readonly string[], language: Language) => FILE_NOTE[language](escapeMrkdwn(names.join(', '))),
  only: (language: Language) => ONLY_FILES[language],
};

const LATE = {
  en: 'Sorry this took a while: something went wrong on my side, and I answered as soon as I could.',
  nl: 'Sorry dat dit even duurde: er ging iets mis aan mijn kant, en ik antwoord zo snel als ik kon.',
};
const FAILED = (reference: string) =>
  `Sorry, something went wrong on my side and I could not answer (reference ${reference}). Please try again in a minute, or contact the service desk. / Sorry, er ging iets mis aan mijn kant (referentie ${reference}).`;

/** Removes the bot's own mention ("<@U123> is citrix down?") so the question reads as typed. */
export const stripMentions = (text: string) => text.replace(/<@[UW][A-Z0-9]+>/g, '').replace(/\s+/g, ' ').trim();

const PASSED_ON = {
  en: (supplier: string, id: string) => `Thanks, I have passed your answer to ${supplier}; ${id} is moving again.`,
  nl: (supplier: string, id: string) => `Dank je, ik heb je antwoord aan ${supplier} doorgegeven; ${id} loopt weer.`,
};

/**
 * A reporter's reply in the thread of a ticket waiting on them is the answer the supplier asked for: it goes to the
 * supplier and the clocks run again, instead of being taken as a new question.
 */
export async function passAnswerToSupplier(
  deps: SlackDeps,
  message: Pick<SlackMessage, 'channel' | 'threadTs' | 'user' | 'text' | 'eventId'>,
  post: (text: string) => Promise<unknown>,
): Promise<boolean> {
  const tickets = await deps.sposa.tickets.inThread({ channel: message.channel, thread: message.threadTs }, message.user);
  const waiting = tickets.find((ticket) => ticket.pauses.some((pause) => !pause.to && pause.reason === 'reporter'));
  if (!waiting) return false;
  if (message.eventId && !(await deps.conversations.store.claimEvent(message.eventId, 'slack'))) return true;
  const ticket = await deps.sposa.changeTicket({ id: waiting.id, action: 'resume', actor: message.user, role: 'reporter', note: message.text });
  await post(PASSED_ON[detectLanguage(message.text, deps.sposa.config.defaultLanguage)](ticket.supplier, ticket.id));
  return true;
}

/**
 * Answers a message in its thread. `late` is the safety net's second try for an event whose first replica died: the
 * event is already claimed, and the answer comes with an apology for the wait.
 */
export async function respond(deps: SlackDeps, client: WebClient, message: SlackMessage, options: { late?: boolean } = {}): Promise<void> {
  const post = (text: string, blocks?: unknown[]) =>
    client.chat.postMessage({ channel: message.channel, thread_ts: message.threadTs, text, ...(blocks ? { blocks: blocks as never } : {}) });
  const { eventId } = message;
  const fallback = eventId && !options.late ? lateAnswerJob(eventId, message, deps.sposa.clock()) : undefined;
  const answered = async () => {
    if (fallback) await deps.sposa.jobs.cancel(fallback.dedupeKey, deps.sposa.clock());
  };
  try {
    if (!message.text) {
      if (message.files.length === 0) return;
      const claimed = eventId && !options.late ? await deps.conversations.store.claimEvent(eventId, 'slack') : true;
      if (claimed) await post(unreadableFiles.only(deps.sposa.config.defaultLanguage));
      return;
    }
    if (await passAnswerToSupplier(deps, message, post)) return;
    // The safety net answers a message that was admitted the first time; it is not counted again.
    const admission = options.late ? undefined : deps.answerLimit.admit(message.user, message.text);
    if (admission && !admission.allowed) {
      if (!admission.alreadyTold) await post(admission.notice);
      return;
    }
    const asker = await deps.identity.asker(message.user);
    const result = await deps.conversations.handle({
      key: { surface: 'slack', channel: message.channel, thread: message.threadTs },
      asker,
      text: message.text,
      audience: message.audience,
      ...(options.late ? {} : { eventId, fallback }),
    });
    if (result.duplicate) {
      deps.logger.debug('dropped a repeated event', { eventId });
      return;
    }
    if (options.late) await post(LATE[result.answer.language]);
    await post(answerFallbackText(result.answer), buildAnswerBlocks(result.answer, result.turnId));
    await answered();
    if (message.files.length) await post(unreadableFiles.besideAnswer(message.files, result.answer.language));
  } catch (error) {
    const reference = referenceId();
    deps.logger.error('could not answer a Slack message', { reference, channel: message.channel, error });
    // An apology that reaches the user ends the matter; one that does not leaves the safety net in place, and the
    // safety net itself fails so that its job is tried again.
    try {
      await post(FAILED(reference));
      await answered();
    } catch (postError) {
      deps.logger.error('could not post the apology either', { reference, error: postError });
      if (options.late) throw postError;
    }
  }
}

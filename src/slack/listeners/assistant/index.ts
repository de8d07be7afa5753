/**
 * @module Slack's AI-assistant surface (the app's split view and Messages tab): suggested prompts on a new thread,
 * a status while answering, the thread titled after the question, and the answer streamed in.
 * Thread context is kept in PostgreSQL, not Bolt's in-memory default, so every replica sees it.
 * @see {@link https://docs.slack.dev/tools/bolt-js/concepts/ai-apps}
 */
import { type App, Assistant } from '@slack/bolt';
import { referenceId } from '../../../shared/logger.js';
import { buildAnswerBlocks } from '../../blocks/answer-blocks.js';
import { defuseMentions, streamPieces, truncate } from '../../mrkdwn.js';
import { fileNames, personMessage } from '../../payloads.js';
import type { SlackDeps } from '../deps.js';
import { lateAnswerJob } from '../../late-answer.js';
import { passAnswerToSupplier, stripMentions, unreadableFiles } from '../events/respond.js';

const PROMPTS = [
  { title: 'Who is responsible for Citrix?', message: 'Who is responsible for Citrix?' },
  { title: "Werkt de servicedesk 's avonds?", message: "Werkt de servicedesk ook 's avonds?" },
  { title: 'My laptop screen is broken', message: 'My laptop screen is cracked, is that covered?' },
  { title: 'Is VPN support available now?', message: 'Is VPN support available now?' },
];
/** Streamed in pieces of at most this size: small enough to feel live, large enough not to hammer the API. */
const STREAM_CHUNK = 400;

export function registerAssistant(app: App, deps: SlackDeps): void {
  const store = deps.conversations.store;
  const threadKey = (channel: string, thread: string) => ({ surface: 'slack' as const, channel, thread });

  const assistant = new Assistant({
    threadContextStore: {
      async get({ payload }) {
        const event = payload as { channel?: string; thread_ts?: string; assistant_thread?: { channel_id: string; thread_ts: string } };
        const channel = event.assistant_thread?.channel_id ?? event.channel;
        const thread = event.assistant_thread?.thread_ts ?? event.thread_ts;
        if (!channel || !thread) return {};
        const id = await store.find(threadKey(channel, thread));
        return id ? await store.context(id) : {};
      },
      async save({ payload }) {
        const event = payload as { assistant_thread?: { channel_id: string; thread_ts: string; context?: Record<string, unknown>; user_id?: string } };
        const thread = event.assistant_thread;
        if (!thread) return;
        const id = await store.open(threadKey(thread.channel_id, thread.thread_ts), thread.user_id ?? 'unknown');
        await store.setContext(id, thread.context ?? {});
      },
    },

    threadStarted: async ({ body, say, setSuggestedPrompts, saveThreadContext }) => {
      await saveThreadContext();
      // Slack retries an event it thinks failed: the greeting, like an answer, is given once per event.
      const eventId = (body as { event_id?: string }).event_id;
      if (eventId && !(await store.claimEvent(eventId, 'slack'))) return;
      await say("Hi! I answer from our IT contracts, tell you who is responsible for a service, and route problems to the right supplier. / Hoi! Stel je vraag in het Nederlands of Engels.");
      await setSuggestedPrompts({ prompts: PROMPTS, title: 'Try one of these:' });
    },

    threadContextChanged: async ({ saveThreadContext }) => {
      await saveThreadContext();
    },

    userMessage: async ({ message: raw, body, client, setStatus, setTitle, sayStream, say }) => {
      const message = personMessage(raw);
      if (!message?.thread_ts) return;
      const text = stripMentions(message.text);
      const files = fileNames(message);
      const eventId = (body as { event_id?: string }).event_id;
      const where = { channel: message.channel, threadTs: message.thread_ts, user: message.user, text, eventId };
      // If this replica dies mid-answer, another answers the thread a minute later (see late-answer.ts).
      const fallback = eventId && text ? lateAnswerJob(eventId, { ...where, audience: 'private', files }, deps.sposa.clock()) : undefined;
      const answered = async () => {
        if (fallback) await deps.sposa.jobs.cancel(fallback.dedupeKey, deps.sposa.clock());
      };
      try {
        if (!text) {
          if (files.length === 0) return;
          // Claimed like any event, so a retried file-only message is not acknowledged twice.
          const claimed = eventId ? await deps.conversations.store.claimEvent(eventId, 'slack') : true;
          if (claimed) await say(unreadableFiles.only(deps.sposa.config.defaultLanguage));
          return;
        }
        if (await passAnswerToSupplier(deps, where, (reply) => say(reply))) return;
        const admission = deps.answerLimit.admit(message.user, text);
        if (!admission.allowed) {
          if (!admission.alreadyTold) await say(admission.notice);
          return;
        }
        await setTitle(truncate(text, 60));
        await setStatus('is reading the contracts…');
        const asker = await deps.identity.asker(message.user);
        const result = await deps.conversations.handle({
          key: threadKey(message.channel, message.thread_ts),
          asker,
          text,
          audience: 'private',
          eventId,
          fallback,
        });
        if (result.duplicate) return;
        // The pieces are sized here, so the streamer sends each as it comes (its default buffers 256 characters):
        // chat.startStream opens the message with the first piece, chat.appendStream adds each further one.
        const streamer = sayStream({ buffer_size: 1 });
        for (const piece of streamPieces(defuseMentions(result.answer.text), STREAM_CHUNK)) await streamer.append({ markdown_text: piece });
        // The citations and buttons follow the streamed text as blocks when the stream closes.
        await streamer.stop({ blocks: buildAnswerBlocks({ ...result.answer, text: '' }, result.turnId).filter((block) => block.type !== 'section') });
        await answered();
        if (files.length) await say(unreadableFiles.besideAnswer(files, result.answer.language));
      } catch (error) {
        const reference = referenceId();
        deps.logger.error('assistant thread failed', { reference, channel: message.channel, error });
        await client.chat.postMessage({
          channel: message.channel,
          thread_ts: message.thread_ts,
          text: `Sorry, something went wrong on my side (reference ${reference}). Please try again in a minute.`,
        });
        await answered();
      }
    },
  });
  app.assistant(assistant);
}

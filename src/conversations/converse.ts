/**
 * @module Conversations: one message in, one answer out, remembered per thread. Handles each inbound event once,
 * gives the assistant the thread's earlier turns, and records both sides so feedback and tickets can refer to them.
 */
import type { Answer, Assistant, Asker, Audience, Turn } from '../assistant/index.js';
import type { NewJob } from '../jobs/index.js';
import type { ConversationStore, ThreadKey } from './types.js';

/** Earlier turns given to the assistant: enough for "and in the weekend?" to know what "it" is. */
const HISTORY_TURNS = 6;

export interface IncomingMessage {
  key: ThreadKey;
  asker: Asker;
  text: string;
  audience: Audience;
  /** The transport's id for this delivery (Slack event_id); repeats are dropped. */
  eventId?: string;
  /** Queued with the claim: answers later if this process dies before it has answered (see ConversationStore). */
  fallback?: NewJob;
}

export type ConverseResult = { duplicate: true } | { duplicate: false; answer: Answer; turnId: number; conversationId: number };

export interface Conversations {
  /** Answers a message in its thread, exactly once per event id. */
  handle(message: IncomingMessage): Promise<ConverseResult>;
  /** Does SPOSA take part in this thread (so a follow-up without a mention is for it)? */
  participates(key: ThreadKey): Promise<boolean>;
  feedback(turnId: number, userId: string, helpful: boolean): Promise<void>;
  store: ConversationStore;
}

export function createConversations(store: ConversationStore, assistant: Assistant): Conversations {
  return {
    store,
    async handle(message) {
      if (message.eventId && !(await store.claimEvent(message.eventId, message.key.surface, message.fallback))) return { duplicate: true };
      const conversationId = await store.open(message.key, message.asker.id);
      const history: Turn[] = (await store.history(conversationId, HISTORY_TURNS)).map(({ role, text }) => ({ role, text }));
      const answer = await assistant.answer({ question: message.text, asker: message.asker, audience: message.audience, history });
      await store.appendTurn(conversationId, { role: 'user', author: message.asker.id, text: message.text });
      const turnId = await store.appendTurn(conversationId, { role: 'assistant', author: 'sposa', text: answer.text, answer });
      return { duplicate: false, answer, turnId, conversationId };
    },
    participates: async (key) => (await store.find(key)) !== undefined,
    feedback: (turnId, userId, helpful) => store.recordFeedback(turnId, userId, helpful),
  };
}

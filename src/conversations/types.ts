/** @module Conversation types: threads, turns and feedback, the same on Slack and the local console. */
import type { NewJob } from '../jobs/index.js';
import type { Answer, Turn } from '../assistant/index.js';

/** Where a conversation lives: Slack or the console, a channel (or DM), and a thread in it. */
export interface ThreadKey {
  surface: 'slack' | 'console';
  channel: string;
  thread: string;
}

export interface RecordedTurn {
  id: number;
  role: Turn['role'];
  author: string;
  text: string;
  answer?: Answer;
  createdAt: string;
}

export interface FeedbackSummary {
  answers: number;
  rated: number;
  helpful: number;
}

/** The port conversations are kept through; implemented in store/. */
export interface ConversationStore {
  /**
   * Claims an inbound event: true the first time an id is seen, false for every repeat (retries, a second replica).
   * A `fallback` job is queued in the same transaction: the safety net that answers if this process dies first.
   */
  claimEvent(eventId: string, source: string, fallback?: NewJob): Promise<boolean>;
  /** Finds or starts the conversation for a thread; returns its id. */
  open(key: ThreadKey, startedBy: string): Promise<number>;
  /** The conversation for a thread, if SPOSA takes part in it. */
  find(key: ThreadKey): Promise<number | undefined>;
  appendTurn(conversationId: number, turn: { role: Turn['role']; author: string; text: string; answer?: Answer }): Promise<number>;
  /** The last `limit` turns, oldest first. */
  history(conversationId: number, limit: number): Promise<RecordedTurn[]>;
  turn(turnId: number): Promise<(RecordedTurn & { conversationId: number }) | undefined>;
  /** Records a vote; a second vote by the same person on the same answer replaces the first. */
  recordFeedback(turnId: number, userId: string, helpful: boolean): Promise<void>;
  /** Answers given and how people rated them since an instant: the experience figures available before XLA ratings. */
  feedbackSummary(since: Date): Promise<FeedbackSummary>;
  setContext(conversationId: number, context: Record<string, unknown>): Promise<void>;
  context(conversationId: number): Promise<Record<string, unknown>>;
}

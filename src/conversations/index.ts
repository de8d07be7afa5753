/** @module Conversations: threads, exactly-once handling of inbound messages, turns and answer feedback. */
export { type Conversations, type ConverseResult, createConversations, type IncomingMessage } from './converse.js';
export { type AnswerAdmission, type AnswerRateLimit, createAnswerRateLimit } from './rate-limit.js';
export * from './types.js';

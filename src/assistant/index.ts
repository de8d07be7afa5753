/** @module Assistant: understands a question and answers it from the contracts, with citations. */
export { type Assistant, type AssistantDeps, createAssistant } from './answer.js';
export { citationHeading, isVerbatim } from './citations.js';
export type { AnswerGenerator, GenerateRequest, GenerationFailure, GenerationResult } from './llm/generator.js';
export { modelAnswerSchema, openAIGenerator } from './llm/openai.js';
export { createPolicy, disclose, looksLikeInjection, type Policy } from './policy.js';
export { loadPrompt } from './prompts.js';
export { findTimeReference, type TimeReference } from './time-words.js';
export * from './types.js';
export { type Understanding, understand } from './understand.js';

/** @module The port for model-written answers; the assistant falls back to extractive answers whenever it declines. */
import type { Language } from '../../contracts/index.js';
import type { RetrievedClause } from '../../retrieval/index.js';
import type { Citation, Turn } from '../types.js';

export interface GenerateRequest {
  question: string;
  language: Language;
  /** The only clauses the model may use (already cleared by the disclosure policy). */
  clauses: readonly RetrievedClause[];
  history: readonly Turn[];
}

/** Why a generated answer was not used; logged and tested, never shown to users. */
export type GenerationFailure = 'timeout' | 'error' | 'invalid_output' | 'unsupported' | 'no_valid_citations';

export type GenerationResult = { ok: true; text: string; citations: Citation[] } | { ok: false; reason: GenerationFailure; detail?: string };

export interface AnswerGenerator {
  generate(request: GenerateRequest): Promise<GenerationResult>;
}

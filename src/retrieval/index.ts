/** @module Retrieval: hybrid lexical + vector search over contract clauses, with filters. */
export { ClauseIndex, type ClauseIndexOptions, type RetrievalMode } from './clause-index.js';
export { fitIdf, offlineEmbedder } from './embedders/offline.js';
export { openAIEmbedder } from './embedders/openai.js';
export { clausePredicate } from './filters.js';
export { Glossary, type GlossaryEntry, parseGlossary, shippedGlossary } from './glossary.js';
export { LexicalIndex, parseTsvector, queryTerms } from './lexical-index.js';
export * from './types.js';
export { VectorIndex } from './vector-index.js';

/** @module Contracts: reading, validating, splitting and ingesting SLAs, OLAs and UCs. */
export { detectLanguage } from './detect-language.js';
export {
  type ContractStore, type ContractWriter, type IngestedContract, type IngestOptions, type IngestSummary,
  ingestContracts,
} from './ingest.js';
export { type ContractText, type ParseOutcome, parseContract } from './parse-contract.js';
export { PARSER_VERSION, readContractSources, type SourceScan } from './read-sources.js';
export { chunkText, type Section, type SplitResult, splitClauses } from './split-clauses.js';
export { parseDuration, parseSupportSchedule } from './support-hours.js';
export * from './types.js';

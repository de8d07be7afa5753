/** @module Retrieval types: the clause records the indexes hold, queries, results and the ports behind them. */
import type { ContractType, Language } from '../contracts/index.js';

/** A clause as retrieval sees it: its text plus the contract facts that filters and citations need. */
export interface ClauseRecord {
  id: number;
  contractId: string;
  contractType: ContractType;
  supplier: string;
  services: string[];
  number?: string;
  heading?: string;
  headingPath: string[];
  text: string;
  language: Language;
  restricted: boolean;
  validFrom?: string;
  validTo?: string;
  line: number;
}

export interface RetrievalFilters {
  services?: readonly string[];
  suppliers?: readonly string[];
  contractTypes?: readonly ContractType[];
  contractIds?: readonly string[];
  /** Only contracts in force on this date (YYYY-MM-DD). */
  validOn?: string;
  /** Restricted clauses are left out unless this is true; the assistant's policy decides who may see them. */
  includeRestricted?: boolean;
}

export interface RetrievalQuery {
  text: string;
  /** The question's language; both languages' clauses are searched either way. */
  language: Language;
  k: number;
  filters?: RetrievalFilters;
  /** Clauses of contracts covering these services rank higher (a soft preference, unlike a filter). */
  preferServices?: readonly string[];
}

export interface RetrievedClause {
  clause: ClauseRecord;
  /** Fused score; only comparable within one result list. */
  score: number;
  /** 1-based rank in each underlying list, when the clause appeared there. */
  ranks: { lexical?: number; heading?: number; vector?: number };
}

/** Anything that answers a query with clauses, best first. */
export interface Retriever {
  search(query: RetrievalQuery): Promise<RetrievedClause[]>;
}

/** Turns texts into vectors of a fixed dimension; `id` changes whenever vectors would change. */
export interface Embedder {
  readonly id: string;
  readonly dimensions: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** Postgres full-text lexemes of a text under both stemmers. */
export interface Lexemes {
  nl: string[];
  en: string[];
}

/** A clause with the lexemes Postgres stored for it (the `tsv` column, as text). */
export interface ClauseWithLexemes extends ClauseRecord {
  tsv: string;
}

/** The port retrieval reads clauses through; implemented in store/. */
export interface ClauseSource {
  /** Changes whenever the set of clauses changes (after an ingest). */
  version(): Promise<string>;
  loadClauses(): Promise<ClauseWithLexemes[]>;
  /** Stems texts with Postgres's Dutch and English configurations, in one round trip. */
  analyze(texts: readonly string[]): Promise<Lexemes[]>;
}

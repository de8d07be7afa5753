/** @module Contract data types: what ingestion produces and the registry and retrieval consume. */

export const CONTRACT_TYPES = ['SLA', 'OLA', 'UC'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** One stretch of support on one ISO weekday (1 = Monday … 7 = Sunday), in minutes after midnight. */
export interface SupportWindow {
  day: number;
  fromMinute: number;
  toMinute: number;
}

/** When support is given: around the clock, or in weekly windows. `spec` keeps the contract's own words. */
export type SupportSchedule = { spec: string; always: true } | { spec: string; always: false; windows: SupportWindow[] };

export interface SupportHours {
  default: SupportSchedule;
  /** Priorities that run on other hours than the default (P1 is often 24/7). */
  byPriority: Partial<Record<Priority, SupportSchedule>>;
  /** Whether Dutch public holidays are support days; 'closed' unless the contract says otherwise. */
  holidays: 'open' | 'closed';
}

/** A target such as "4h", counted in the support time of its priority. Support days count whole support windows. */
export interface Duration {
  text: string;
  amount: number;
  unit: 'minutes' | 'hours' | 'days';
}

export interface Target {
  response?: Duration;
  resolution?: Duration;
}

export interface SupplierContact {
  slackChannel?: string;
  email?: string;
  webhook?: string;
  phone?: string;
  escalation?: string;
}

/** Experience (XLA) targets a contract promises, checked by the XLA reports. */
export interface XlaTargets {
  happiness?: number;
  averageRating?: number;
  responseRate?: number;
}

/** The contract's front matter, validated and normalised. */
export interface ContractMeta {
  id: string;
  type: ContractType;
  supplier: string;
  services: string[];
  title?: string;
  language: Language;
  customer?: string;
  underpins: string[];
  validFrom?: string;
  validTo?: string;
  serviceAliases: Record<string, string[]>;
  contact: SupplierContact;
  supportHours?: SupportHours;
  targets: Partial<Record<Priority, Target>>;
  availability?: number;
  xla?: XlaTargets;
  restricted: string[];
  /** Front-matter keys SPOSA does not know, kept as they were written. */
  metadata: Record<string, unknown>;
}

/** One citable piece of a contract: a numbered clause (or a chunk of a long one) with its place in the document. */
export interface Clause {
  /** Position of the clause in the document, from 0. */
  ordinal: number;
  /** Chunk index for long clauses split with overlap; 0 for the first or only chunk. */
  chunk: number;
  /** The document's own number, e.g. "4.2" or "Annex A"; undefined for unnumbered text. */
  number?: string;
  heading?: string;
  /** Headings from the top section down to this clause, as written (e.g. ["4. Support", "4.2 Evenings"]). */
  headingPath: string[];
  text: string;
  /** 1-based line in the source file where the clause starts (0 when the source has no lines, as in a PDF). */
  line: number;
  restricted: boolean;
}

/** A contract file parsed and validated, ready to be written. */
export interface ParsedContract {
  meta: ContractMeta;
  clauses: Clause[];
  sourcePath: string;
  sourceHash: string;
}

/** @module Assistant types: the transport-neutral question and answer every adapter speaks. */
import type { ContractType, Language } from '../contracts/index.js';

export const INTENTS = ['coverage', 'responsibility', 'incident', 'rating', 'greeting', 'out_of_scope'] as const;
export type Intent = (typeof INTENTS)[number];

/** Who asks. Adapters map their own identities (Slack user, console user, CLI --user) onto this. */
export interface Asker {
  id: string;
  /** Group memberships (e.g. Slack user groups) that may grant the manager role. */
  groups?: readonly string[];
}

/** Who will read the answer: a private reply reaches the asker only; a channel reply reaches everyone there. */
export type Audience = 'private' | 'channel';

export interface Turn {
  role: 'user' | 'assistant';
  text: string;
}

export interface AnswerRequest {
  question: string;
  asker: Asker;
  audience: Audience;
  /** Earlier turns of the conversation, oldest first, for follow-up questions. */
  history?: readonly Turn[];
}

/** A clause an answer rests on, with a verbatim quote from it. */
export interface Citation {
  contractId: string;
  contractType: ContractType;
  supplier: string;
  /** The clause number as the contract writes it ("4.2", "Annex A"), or "" for unnumbered text. */
  clause: string;
  /** Heading path from section to clause, joined with " › ". */
  heading: string;
  quote: string;
  line: number;
}

/** A restricted clause that matched but may not be shown to this audience: its existence, never its text. */
export interface WithheldClause {
  contractId: string;
  clause: string;
  heading: string;
}

export interface Answer {
  intent: Intent;
  language: Language;
  /** The answer in the asker's language; quotes stay in the contract's language. */
  text: string;
  service?: string;
  /** For responsibility and incidents: the supplier accountable to the organisation. */
  supplier?: string;
  contractId?: string;
  /** Best first. Empty only when the answer makes no claim about the contracts. */
  citations: Citation[];
  withheld: WithheldClause[];
  /** Offer to open a ticket (incidents, and questions the contracts do not answer). */
  suggestTicket: boolean;
  /** How the text was produced. */
  mode: 'extractive' | 'generated';
  /** When a model was asked but its answer was not used: why (for logs and metrics, never for users). */
  fallbackReason?: 'timeout' | 'error' | 'invalid_output' | 'unsupported' | 'no_valid_citations';
}

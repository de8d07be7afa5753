/**
 * @module Disclosure policy: who may read restricted clauses, and which clause text may reach an answer at all.
 * The audience decides, not only the asker: a channel reply is read by everyone in the channel, so it is
 * written for the least-privileged reader there.
 */
import type { RetrievedClause } from '../retrieval/index.js';
import type { Asker, Audience, WithheldClause } from './types.js';
import { citationHeading, clauseLabel } from './citations.js';

export interface Policy {
  /** May this asker, in this audience, read restricted clauses? */
  mayReadRestricted(asker: Asker, audience: Audience): boolean;
  /** Is the asker a manager (reports, restricted clauses in private)? */
  isManager(asker: Asker): boolean;
}

/** Managers are configured by user or group id (Slack users and user groups, console users). */
export function createPolicy(managerIds: readonly string[]): Policy {
  const managers = new Set(managerIds);
  const isManager = (asker: Asker) => managers.has(asker.id) || (asker.groups ?? []).some((group) => managers.has(group));
  return {
    isManager,
    mayReadRestricted: (asker, audience) => audience === 'private' && isManager(asker),
  };
}

/**
 * Text in a contract that addresses a machine reader ("ignore your previous instructions", "as an AI"). Such a
 * clause is never quoted or passed to a model: contract text is data, and this data is trying to be instructions.
 */
const INJECTION = [
  /\b(ignore|disregard|forget)\b.{0,40}\b(previous|prior|above|earlier|all|your)\b.{0,20}\b(instructions?|prompts?|rules)\b/i,
  /\b(note|message|instruction)s? (to|for) (ai|the ai|llm|language model|assistant|chatbot)s?\b/i,
  /\b(negeer|vergeet)\b.{0,40}\b(instructies|opdrachten|regels)\b/i,
  /\b(ignorier\w*|vergiss)\b.{0,40}\b(anweisungen|instruktionen|regeln)\b/i,
  /\b(ignore[zr]|oublie[zr])\b.{0,40}\b(instructions|consignes|règles)\b/i,
  /^\s*(assistant|system|ai)\s*:.{0,40}\bfrom now on\b/im,
  /\bsystem prompt\b|\byou are now\b/i,
];

export function looksLikeInjection(text: string): boolean {
  return INJECTION.some((pattern) => pattern.test(text));
}

export interface Disclosure {
  /** Clauses whose text may be shown and cited. */
  visible: RetrievedClause[];
  /** Restricted clauses that matched: shown as "exists, ask a manager", without text. */
  withheld: WithheldClause[];
  /** Clauses dropped because their text tries to instruct the assistant. */
  quarantined: RetrievedClause[];
  /** The best score among all hits, shown or not: visible clauses far below a withheld best are not the answer. */
  topScore: number;
}

/** How many of the best hits are looked at for restricted matches worth mentioning. */
const WITHHELD_WINDOW = 3;

/** Splits retrieved clauses into what this audience may see, what exists but is withheld, and what is unsafe. */
export function disclose(hits: readonly RetrievedClause[], mayReadRestricted: boolean): Disclosure {
  const disclosure: Disclosure = { visible: [], withheld: [], quarantined: [], topScore: hits[0]?.score ?? 0 };
  hits.forEach((hit, rank) => {
    if (looksLikeInjection(hit.clause.text)) disclosure.quarantined.push(hit);
    else if (!hit.clause.restricted || mayReadRestricted) disclosure.visible.push(hit);
    else if (rank < WITHHELD_WINDOW) {
      disclosure.withheld.push({
        contractId: hit.clause.contractId,
        clause: clauseLabel(hit.clause),
        heading: citationHeading(hit.clause),
      });
    }
  });
  return disclosure;
}

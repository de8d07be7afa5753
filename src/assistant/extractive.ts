/** @module Extractive answers: the best clauses, quoted verbatim and cited, framed in the asker's language. */
import type { Language } from '../contracts/index.js';
import { normalize } from '../registry/index.js';
import type { RetrievedClause } from '../retrieval/index.js';
import { citationFor, citationHeading, clauseLabel, quotableUnits } from './citations.js';
import { MESSAGES } from './messages.js';
import type { Citation } from './types.js';

/** Quotes longer than this are cut at a unit boundary; a citation is a pointer, not the whole clause. */
const MAX_QUOTE_CHARS = 420;
/** A second clause is quoted in the text when it scores at least this share of the best one. */
const SECOND_CLAUSE_RATIO = 0.75;
/** Further clauses are listed as sources (cited, not quoted in the text) down to this share of the best score. */
const SOURCE_RATIO = 0.25;
const MAX_CITATIONS = 5;

/** Words are compared on their first five letters: a cheap stem that joins "storing"/"storingen", "respond"/"response". */
const stems = (text: string) =>
  new Set(
    normalize(text)
      .split(' ')
      // Priority labels ("p1") are short but are what a targets question is after.
      .filter((word) => word.length >= 3 || /^p[1-4]$/.test(word))
      .map((word) => word.slice(0, 5)),
  );

/**
 * Picks the passage of a clause that best answers the question: the best-matching sentence or table row,
 * extended with its neighbours while short. Always a verbatim, contiguous part of the clause.
 */
export function pickQuote(text: string, questionTerms: ReadonlySet<string>): string {
  const units = quotableUnits(text);
  if (units.length === 0) return text.slice(0, MAX_QUOTE_CHARS);
  const score = (unit: string) => {
    let hits = 0;
    for (const stem of stems(unit)) if (questionTerms.has(stem)) hits += 1;
    // Figures (hours, minutes, percentages) are usually what a coverage question is after.
    return hits + (/\d/.test(unit) ? 0.5 : 0);
  };
  let best = 0;
  units.forEach((unit, index) => {
    if (score(unit) > score(units[best] as string)) best = index;
  });
  let start = best;
  let end = best;
  const length = () => units.slice(start, end + 1).join(' ').length;
  while (length() < 160 && (start > 0 || end < units.length - 1)) {
    const next = units[end + 1];
    if (next !== undefined && length() + next.length <= MAX_QUOTE_CHARS) end += 1;
    else if (start > 0 && length() + (units[start - 1] as string).length <= MAX_QUOTE_CHARS) start -= 1;
    else break;
  }
  return units.slice(start, end + 1).join(' ');
}

export interface ExtractiveAnswer {
  text: string;
  citations: Citation[];
}

/** Names a clause for the reader: "SLA-CITRIX-2026 §4.2 (Ondersteuningstijden › Buiten kantoortijden)". */
export function describeSource(hit: RetrievedClause): string {
  const label = clauseLabel(hit.clause);
  const heading = citationHeading(hit.clause);
  return `${hit.clause.contractId}${label ? ` §${label}` : ''}${heading ? ` (${heading})` : ''}`;
}

/** Composes an answer from the visible clauses, best first; undefined when there is nothing to quote. */
export function extractiveAnswer(question: string, expansion: readonly string[], hits: readonly RetrievedClause[], language: Language): ExtractiveAnswer | undefined {
  const [first, ...rest] = hits;
  if (!first) return undefined;
  const messages = MESSAGES[language];
  const terms = stems([question, ...expansion].join(' '));
  const quote = pickQuote(first.clause.text, terms);
  const citations = [citationFor(first.clause, quote)];
  const lines = [messages.according(describeSource(first)), `> ${quote}`];
  const second = rest.find(
    (hit) => hit.score >= first.score * SECOND_CLAUSE_RATIO && (hit.clause.contractId !== first.clause.contractId || hit.clause.number !== first.clause.number),
  );
  if (second) {
    const secondQuote = pickQuote(second.clause.text, terms);
    citations.push(citationFor(second.clause, secondQuote));
    lines.push('', `${messages.alsoRelevant} ${describeSource(second)}`, `> ${secondQuote}`);
  }
  for (const hit of rest) {
    if (citations.length >= MAX_CITATIONS || hit.score < first.score * SOURCE_RATIO) break;
    if (hit === second) continue;
    citations.push(citationFor(hit.clause, pickQuote(hit.clause.text, terms)));
  }
  return { text: lines.join('\n'), citations };
}

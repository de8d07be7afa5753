/** @module Citations: how a clause is named, and verbatim quotes chosen from it. */
import type { ClauseRecord } from '../retrieval/index.js';
import type { Citation } from './types.js';

/** "4.2", "Annex A", or "" for text without a number. */
export const clauseLabel = (clause: Pick<ClauseRecord, 'number'>) => clause.number ?? '';

/** The heading path from section to clause ("4. Support hours › 4.2 Evenings"), so a citation shows where it sits. */
export function citationHeading(clause: Pick<ClauseRecord, 'headingPath' | 'heading'>): string {
  const path = [...clause.headingPath];
  if (clause.heading && !path.some((entry) => entry.endsWith(clause.heading as string))) path.push(clause.heading);
  return path.join(' › ');
}

/** Folds white space so a quote matches its clause however either was wrapped. */
export const foldSpace = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Is `quote` a verbatim part of `text` (white space folded, case kept)? */
export function isVerbatim(quote: string, text: string): boolean {
  const folded = foldSpace(quote);
  return folded.length > 0 && foldSpace(text).includes(folded);
}

/**
 * Sentence ends: punctuation, white space, then a capital, digit or opening quote. "B.V., gevestigd" and
 * "e.g. the" are not sentence ends, so abbreviations stay inside their sentence.
 */
const SENTENCE_END = /(?<=[.!?])\s+(?=[\p{Lu}\d"“‘(])/u;

/** Splits clause text into quotable units: sentences, list items and table rows. Nothing is dropped. */
export function quotableUnits(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => (line.trimStart().startsWith('|') ? [line] : line.split(SENTENCE_END)))
    .map((unit) => unit.trim())
    .filter((unit) => unit.length > 0 && !/^\|?[\s|:-]+\|?$/.test(unit));
}

/** Builds a citation for a clause with the given quote. */
export function citationFor(clause: ClauseRecord, quote: string): Citation {
  return {
    contractId: clause.contractId,
    contractType: clause.contractType,
    supplier: clause.supplier,
    clause: clauseLabel(clause),
    heading: citationHeading(clause),
    quote,
    line: clause.line,
  };
}

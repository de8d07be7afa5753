/**
 * @module Evaluation: runs questions through the assistant and scores them. Coverage questions score recall@k and
 * MRR on citations; responsibility and incident questions score whether the answer names the right supplier.
 */
import type { Answer, Assistant } from '../assistant/index.js';
import type { EvalItem } from './dev-set.js';

const fold = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

export interface EvalRow {
  q: string;
  kind: EvalItem['kind'];
  lang: 'nl' | 'en';
  /** Coverage: 1-based rank of the first matching citation, if any within k. */
  rank?: number;
  correct: boolean;
  expected: string;
  got: string;
}

export interface Score {
  n: number;
  /** Coverage: share of questions with a matching citation in the first k. Others: share answered right. */
  accuracy: number;
  /** Coverage only: mean reciprocal rank within the first k. */
  mrr?: number;
}

export interface EvalReport {
  k: number;
  summary: Record<EvalItem['kind'], Score & { byLanguage: Partial<Record<'nl' | 'en', Score>> }>;
  rows: EvalRow[];
}

/** Does a citation match the gold clause: same contract, heading (or first line of the quote) containing the text? */
export function citationMatches(citation: Answer['citations'][number], contract: string, clause: string): boolean {
  if (citation.contractId !== contract) return false;
  const wanted = fold(clause);
  return fold(citation.heading).includes(wanted) || fold(citation.quote.split('\n')[0] ?? '').includes(wanted);
}

export function scoreAnswer(item: EvalItem, answer: Answer, k: number, fallbackLanguage: 'nl' | 'en'): EvalRow {
  const lang = item.lang ?? fallbackLanguage;
  if (item.kind === 'coverage') {
    const index = answer.citations.slice(0, k).findIndex((c) => citationMatches(c, item.contract ?? '', item.clause ?? ''));
    const first = answer.citations[0];
    return {
      q: item.q,
      kind: item.kind,
      lang,
      rank: index >= 0 ? index + 1 : undefined,
      correct: index >= 0,
      expected: `${item.contract} ${item.clause}`,
      got: first ? `${first.contractId} ${first.heading}` : '(no citation)',
    };
  }
  const correct = fold(answer.supplier ?? '') === fold(item.supplier ?? '');
  return { q: item.q, kind: item.kind, lang, correct, expected: item.supplier ?? '', got: answer.supplier ?? '(none)' };
}

function score(rows: EvalRow[]): Score {
  const n = rows.length;
  const accuracy = n ? rows.filter((row) => row.correct).length / n : 0;
  const isCoverage = rows[0]?.kind === 'coverage';
  return isCoverage
    ? { n, accuracy, mrr: n ? rows.reduce((sum, row) => sum + (row.rank ? 1 / row.rank : 0), 0) / n : 0 }
    : { n, accuracy };
}

/** Summarises scored rows per kind and per language. */
export function summarise(rows: EvalRow[], k: number): EvalReport {
  const summary = {} as EvalReport['summary'];
  for (const kind of ['coverage', 'responsibility', 'incident'] as const) {
    const ofKind = rows.filter((row) => row.kind === kind);
    summary[kind] = {
      ...score(ofKind),
      byLanguage: Object.fromEntries(
        (['nl', 'en'] as const).flatMap((lang) => {
          const ofLang = ofKind.filter((row) => row.lang === lang);
          return ofLang.length ? [[lang, score(ofLang)]] : [];
        }),
      ),
    };
  }
  return { k, summary, rows };
}

/** Asks every question as `askerId` (privately) and scores the answers. */
export async function evaluate(assistant: Assistant, items: readonly EvalItem[], options: { k: number; askerId: string }): Promise<EvalReport> {
  const rows: EvalRow[] = [];
  for (const item of items) {
    const answer = await assistant.answer({ question: item.q, asker: { id: options.askerId }, audience: 'private' });
    rows.push(scoreAnswer(item, answer, options.k, answer.language));
  }
  return summarise(rows, options.k);
}

/**
 * @module Lexical index: BM25 over the lexemes Postgres's Dutch and English stemmers stored for each clause.
 * Postgres does the linguistics (stemming, stop words); ranking runs in memory, because ranking every
 * match with ts_rank for a many-word question cannot stay within milliseconds at 100k clauses.
 */
import type { Language } from '../contracts/index.js';
import type { Lexemes } from './types.js';

/** Heading words (tsvector weight A) count this many times: a clause titled "Support hours" is about them. */
const HEADING_WEIGHT = 2;
const K1 = 1.2;
const B = 0.75;

/** A term's documents and, precomputed once the index is built, each one's BM25 term-frequency part. */
interface Posting {
  docs: Int32Array;
  weights: Float64Array;
}

/**
 * Parses Postgres's text form of a tsvector (`'lexeme':1A,5 'other':3B`) into term frequencies over the whole
 * clause, and over its heading alone (weight A positions).
 */
export function parseTsvector(text: string): { all: Map<string, number>; heading: Map<string, number> } {
  const all = new Map<string, number>();
  const heading = new Map<string, number>();
  const pattern = /'((?:[^']|'')+)'(?::([\dA-D,]+))?/g;
  for (const match of text.matchAll(pattern)) {
    const lexeme = (match[1] ?? '').replace(/''/g, "'");
    const positions = match[2]?.split(',') ?? ['1'];
    let tf = 0;
    let headingTf = 0;
    for (const position of positions) {
      const inHeading = position.endsWith('A');
      tf += inHeading ? HEADING_WEIGHT : 1;
      if (inHeading) headingTf += 1;
    }
    all.set(lexeme, (all.get(lexeme) ?? 0) + tf);
    if (headingTf) heading.set(lexeme, (heading.get(lexeme) ?? 0) + headingTf);
  }
  return { all, heading };
}

/** Which part of a clause a search looks at. */
export type LexicalField = 'all' | 'heading';

/** A weighted query term: lexemes from the question itself weigh more than glossary expansions. */
export interface QueryTerm {
  key: string;
  weight: number;
}

/**
 * Builds the index keys for a query: each language's lexemes only meet clauses stemmed in that language. Each
 * expansion group (one glossary concept) shares one budget, so ten synonyms weigh no more than a few.
 */
export function queryTerms(original: Lexemes, expansions: readonly Lexemes[] = [], expansionWeight = 0.8): QueryTerm[] {
  const weights = new Map<string, number>();
  const add = (language: Language, lexemes: readonly string[], weight: number) => {
    for (const lexeme of lexemes) {
      const key = `${language}|${lexeme}`;
      weights.set(key, Math.max(weights.get(key) ?? 0, weight));
    }
  };
  add('nl', original.nl, 1);
  add('en', original.en, 1);
  for (const group of expansions) {
    const size = new Set([...group.nl, ...group.en]).size;
    const weight = expansionWeight / Math.sqrt(Math.max(1, size / 2));
    add('nl', group.nl, weight);
    add('en', group.en, weight);
  }
  return [...weights].map(([key, weight]) => ({ key, weight }));
}

/**
 * BM25 postings for one field. Everything but the query's idf is computed when the index is built, and scoring
 * accumulates into preallocated typed arrays: at 100k clauses a common query term touches tens of thousands of
 * documents, and per-document objects or map entries would cost more than the arithmetic.
 */
class FieldIndex {
  postings = new Map<string, Posting>();
  private building = new Map<string, { docs: number[]; tfs: number[] }>();
  readonly lengths: Float32Array;
  private readonly scores: Float64Array;
  private readonly touched: Int32Array;

  constructor(size: number) {
    this.lengths = new Float32Array(size);
    this.scores = new Float64Array(size);
    this.touched = new Int32Array(size);
  }

  add(doc: number, key: string, tf: number) {
    let posting = this.building.get(key);
    if (!posting) {
      posting = { docs: [], tfs: [] };
      this.building.set(key, posting);
    }
    posting.docs.push(doc);
    posting.tfs.push(tf);
    this.lengths[doc] = (this.lengths[doc] as number) + tf;
  }

  finish() {
    const total = this.lengths.reduce((sum, length) => sum + length, 0);
    const averageLength = this.lengths.length ? total / this.lengths.length || 1 : 1;
    for (const [key, { docs, tfs }] of this.building) {
      const weights = new Float64Array(docs.length);
      docs.forEach((doc, i) => {
        const tf = tfs[i] as number;
        weights[i] = (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * (this.lengths[doc] as number)) / averageLength));
      });
      this.postings.set(key, { docs: Int32Array.from(docs), weights });
    }
    this.building = new Map();
  }

  /**
   * Scores the documents the terms occur in and hands each (doc, score) to `visit`. The scratch arrays are reset
   * before returning, so calls never see each other's scores.
   */
  score(terms: readonly QueryTerm[], visit: (doc: number, score: number) => void) {
    const n = this.lengths.length;
    const { scores, touched } = this;
    let count = 0;
    for (const term of terms) {
      const posting = this.postings.get(term.key);
      if (!posting) continue;
      const { docs, weights } = posting;
      const idf = Math.log(1 + (n - docs.length + 0.5) / (docs.length + 0.5)) * term.weight;
      for (let i = 0; i < docs.length; i += 1) {
        const doc = docs[i] as number;
        if (scores[doc] === 0) touched[count++] = doc;
        scores[doc] = (scores[doc] as number) + idf * (weights[i] as number);
      }
    }
    for (let i = 0; i < count; i += 1) {
      const doc = touched[i] as number;
      visit(doc, scores[doc] as number);
      scores[doc] = 0;
    }
  }
}

/** An immutable BM25 index over documents numbered 0..n-1, over whole clauses and over their headings. */
export class LexicalIndex {
  private readonly fields: Record<LexicalField, FieldIndex>;

  /** @param documents per document: its language and its tsvector text. */
  constructor(documents: readonly { language: Language; tsv: string }[]) {
    this.fields = { all: new FieldIndex(documents.length), heading: new FieldIndex(documents.length) };
    documents.forEach((document, index) => {
      const parsed = parseTsvector(document.tsv);
      for (const [lexeme, tf] of parsed.all) this.fields.all.add(index, `${document.language}|${lexeme}`, tf);
      for (const [lexeme, tf] of parsed.heading) this.fields.heading.add(index, `${document.language}|${lexeme}`, tf);
    });
    this.fields.all.finish();
    this.fields.heading.finish();
  }

  get size(): number {
    return this.fields.all.lengths.length;
  }

  /**
   * Scores documents for the terms and returns the best `k`, best first.
   * @param accept documents failing this are skipped (filters).
   */
  search(terms: readonly QueryTerm[], k: number, accept?: (doc: number) => boolean, field: LexicalField = 'all'): { doc: number; score: number }[] {
    const best = new TopK(k);
    this.fields[field].score(terms, (doc, score) => {
      if (score > best.floor && (!accept || accept(doc))) best.offer(doc, score);
    });
    return best.results();
  }
}

/** The best `k` documents seen so far, kept sorted; most offers fall below its floor and cost one comparison. */
class TopK {
  private readonly docs: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly k: number) {}

  /** Scores at or below this cannot enter. */
  get floor(): number {
    return this.docs.length < this.k ? Number.NEGATIVE_INFINITY : (this.scores[this.k - 1] as number);
  }

  offer(doc: number, score: number) {
    let position = this.scores.length;
    while (position > 0 && score > (this.scores[position - 1] as number)) position -= 1;
    this.docs.splice(position, 0, doc);
    this.scores.splice(position, 0, score);
    if (this.docs.length > this.k) {
      this.docs.pop();
      this.scores.pop();
    }
  }

  results(): { doc: number; score: number }[] {
    return this.docs.map((doc, i) => ({ doc, score: this.scores[i] as number }));
  }
}

/** The best `k` by score, without sorting everything when the list is long. */
export function topK<T extends { score: number }>(items: T[], k: number): T[] {
  if (items.length <= k * 4) return items.sort((a, b) => b.score - a.score).slice(0, k);
  // Keep a small sorted buffer; most items fall below its floor and cost one comparison.
  const best: T[] = [];
  for (const item of items) {
    if (best.length === k && item.score <= (best[k - 1] as T).score) continue;
    let position = best.findIndex((existing) => item.score > existing.score);
    if (position < 0) position = best.length;
    best.splice(position, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

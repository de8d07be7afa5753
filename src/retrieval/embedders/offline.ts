/**
 * @module Offline embedder: hashed words, character n-grams and glossary concepts, weighted by IDF fitted
 * on the clause corpus. No download, deterministic, and cross-language through the shared concepts:
 * "storing" and "outage" both light up the `incident` dimension.
 */
import { normalize } from '../../registry/index.js';
import type { Glossary } from '../glossary.js';
import type { Embedder } from '../types.js';

export const OFFLINE_DIMENSIONS = 1024;
/** Part of the id: bump when features change, so persisted vectors are rebuilt. */
const FEATURE_VERSION = 'hash-v1';

const WORD_WEIGHT = 1;
const CONCEPT_WEIGHT = 2;
/** All n-grams of one word share this weight, so long words do not drown short ones. */
const NGRAM_WEIGHT_PER_WORD = 1;
const STOP_WORDS = new Set(
  'de het een en van in is op te dat die voor met zijn niet aan er ook als bij door of om uit deze dan nog wat wie hoe the a an and of in is on to that for with are not be by or from this what who how can my i you we our it at'.split(' '),
);

/** FNV-1a: fast, well-spread 32-bit hash for feature hashing. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

/** The weighted features of a text, before hashing. */
export function features(text: string, glossary: Glossary): Map<string, number> {
  const weights = new Map<string, number>();
  const add = (feature: string, weight: number) => weights.set(feature, (weights.get(feature) ?? 0) + weight);
  for (const word of normalize(text).split(' ')) {
    if (!word || STOP_WORDS.has(word)) continue;
    add(`w:${word}`, WORD_WEIGHT);
    if (word.length < 4) continue;
    const padded = `<${word}>`;
    const grams: string[] = [];
    for (let size = 3; size <= 5; size += 1) {
      for (let start = 0; start + size <= padded.length; start += 1) grams.push(padded.slice(start, start + size));
    }
    for (const gram of grams) add(`g:${gram}`, NGRAM_WEIGHT_PER_WORD / grams.length);
  }
  for (const concept of glossary.match(text).concepts) add(`c:${concept}`, CONCEPT_WEIGHT);
  return weights;
}

/** Document frequencies per hashed dimension, fitted on the corpus the vectors will be compared within. */
export interface IdfTable {
  documents: number;
  df: Float32Array;
}

export function fitIdf(texts: readonly string[], glossary: Glossary, dimensions = OFFLINE_DIMENSIONS): IdfTable {
  const df = new Float32Array(dimensions);
  for (const text of texts) {
    const buckets = new Set<number>();
    for (const feature of features(text, glossary).keys()) buckets.add(hash(feature) % dimensions);
    for (const bucket of buckets) df[bucket] = (df[bucket] as number) + 1;
  }
  return { documents: texts.length, df };
}

/** Creates the offline embedder over a fitted IDF table. */
export function offlineEmbedder(glossary: Glossary, idf: IdfTable): Embedder {
  const dimensions = idf.df.length;
  const idfWeights = Float32Array.from(idf.df, (df) => Math.log((idf.documents + 1) / (df + 1)) + 1);
  const embedOne = (text: string) => {
    const vector = new Float32Array(dimensions);
    for (const [feature, weight] of features(text, glossary)) {
      const h = hash(feature);
      const bucket = h % dimensions;
      // A second hash bit picks the sign, so colliding features cancel out instead of piling up.
      const sign = (h >>> 31) === 1 ? -1 : 1;
      vector[bucket] = (vector[bucket] as number) + sign * (1 + Math.log(weight)) * (idfWeights[bucket] as number);
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < dimensions; i += 1) vector[i] = (vector[i] as number) / norm;
    return vector;
  };
  return {
    id: `offline-${FEATURE_VERSION}-${glossary.fingerprint}-${dimensions}`,
    dimensions,
    embed: async (texts) => texts.map(embedOne),
  };
}

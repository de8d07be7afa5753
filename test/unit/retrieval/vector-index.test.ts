import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VectorIndex } from '../../../src/retrieval/index.js';

const unit = (...values: number[]) => {
  const norm = Math.hypot(...values);
  return Float32Array.from(values, (value) => value / norm);
};
const vectors = [unit(1, 0, 0), unit(0.9, 0.1, 0), unit(0, 1, 0), unit(0, 0, 1)];

describe('VectorIndex', () => {
  it('returns the nearest vectors with cosine similarity, best first', () => {
    const hits = VectorIndex.build(vectors, 3).search(unit(1, 0, 0), 2);
    expect(hits.map((hit) => hit.doc)).toEqual([0, 1]);
    expect(hits[0]?.score).toBeCloseTo(1, 5);
  });

  it('applies a filter inside the search', () => {
    const hits = VectorIndex.build(vectors, 3).search(unit(1, 0, 0), 2, (label) => label >= 2);
    expect(hits.map((hit) => hit.doc).sort()).toEqual([2, 3]);
  });

  it('scores a given set of documents exactly, with the same similarity as the graph search', () => {
    const index = VectorIndex.build(vectors, 3);
    const query = unit(1, 0.5, 0);
    const exact = index.searchAmong(query, [3, 1, 2], 2);
    expect(exact.map((hit) => hit.doc)).toEqual([1, 2]);
    const graph = index.search(query, 4);
    expect(exact[0]?.score).toBeCloseTo(graph.find((hit) => hit.doc === 1)?.score as number, 5);
  });

  it('persists and reloads for the same key, and refuses a stale key', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sposa-vectors-'));
    try {
      await VectorIndex.build(vectors, 3).save(dir, 'embedder:v1');
      const loaded = await VectorIndex.load(dir, 'embedder:v1', 3);
      expect(loaded?.search(unit(0, 1, 0), 1).map((hit) => hit.doc)).toEqual([2]);
      expect(await VectorIndex.load(dir, 'embedder:v2', 3)).toBeUndefined();
      expect(await VectorIndex.load(path.join(dir, 'missing'), 'embedder:v1', 3)).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('answers an empty index with nothing', () => {
    expect(VectorIndex.build([], 3).search(unit(1, 0, 0), 5)).toEqual([]);
  });
});

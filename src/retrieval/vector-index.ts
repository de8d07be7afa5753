/**
 * @module Vector index: hnswlib over clause embeddings. Derived data: persisted under the data folder to save
 * start-up time, rebuilt from the database whenever it is missing or stale, never the only copy of anything.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import hnswlib from 'hnswlib-node';

// hnswlib-node is CommonJS; its classes hang off the default export.
const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

/** Higher ef means better recall for a little more time; 64 keeps p95 within milliseconds at 100k. */
const EF_SEARCH = 64;
const M = 16;
const EF_CONSTRUCTION = 100;
/** At most this many vectors are kept beside the index for exact scoring (about 200 MB at 1,536 dimensions). */
const MAX_CACHED_POINTS = 32_768;

interface Manifest {
  /** Embedder id and clause-set version the vectors were built for. */
  key: string;
  count: number;
}

export class VectorIndex {
  private constructor(
    private readonly index: Hnsw,
    readonly size: number,
  ) {}

  /** Builds an index over vectors numbered 0..n-1. */
  static build(vectors: readonly Float32Array[], dimensions: number): VectorIndex {
    const index = new HierarchicalNSW('ip', dimensions);
    index.initIndex(Math.max(vectors.length, 1), M, EF_CONSTRUCTION, 100);
    index.setEf(EF_SEARCH);
    vectors.forEach((vector, label) => index.addPoint(Array.from(vector), label));
    return new VectorIndex(index, vectors.length);
  }

  /** Loads a persisted index if it was built for `key`; returns undefined when missing, stale or unreadable. */
  static async load(dir: string, key: string, dimensions: number): Promise<VectorIndex | undefined> {
    try {
      const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
      if (manifest.key !== key) return undefined;
      const index = new HierarchicalNSW('ip', dimensions);
      await index.readIndex(path.join(dir, 'vectors.hnsw'), false);
      index.setEf(EF_SEARCH);
      return new VectorIndex(index, manifest.count);
    } catch {
      return undefined;
    }
  }

  /** Writes the index; the manifest goes last, so a crash mid-write leaves a stale index, not a corrupt one. */
  async save(dir: string, key: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    await rm(path.join(dir, 'manifest.json'), { force: true });
    const temporary = path.join(dir, `vectors.hnsw.${process.pid}.tmp`);
    await this.index.writeIndex(temporary);
    await rename(temporary, path.join(dir, 'vectors.hnsw'));
    const manifest: Manifest = { key, count: this.size };
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  }

  /**
   * Vectors read back from hnswlib for exact scoring, kept as typed arrays: the same contracts' clauses are scored
   * for question after question, and reading a point out of the native index costs more than the dot product.
   */
  private readonly points = new Map<number, Float32Array>();

  private point(doc: number): Float32Array {
    let point = this.points.get(doc);
    if (!point) {
      point = Float32Array.from(this.index.getPoint(doc));
      if (this.points.size < MAX_CACHED_POINTS) this.points.set(doc, point);
    }
    return point;
  }

  /** The `k` nearest among the given documents, scored exactly; best first, with cosine similarity as score. */
  searchAmong(vector: Float32Array, docs: readonly number[], k: number): { doc: number; score: number }[] {
    const scored = docs.map((doc) => {
      const point = this.point(doc);
      let dot = 0;
      for (let i = 0; i < point.length; i += 1) dot += (point[i] as number) * (vector[i] as number);
      return { doc, score: dot };
    });
    return scored.sort((a, b) => b.score - a.score).slice(0, k);
  }

  /** The `k` nearest vectors that pass `accept`, best first, with cosine similarity as score. */
  search(vector: Float32Array, k: number, accept?: (label: number) => boolean): { doc: number; score: number }[] {
    if (this.size === 0) return [];
    const wanted = Math.min(k, this.size);
    const result = accept
      ? this.index.searchKnn(Array.from(vector), wanted, accept)
      : this.index.searchKnn(Array.from(vector), wanted);
    // For the inner-product space hnswlib reports 1 - similarity as the distance.
    return result.neighbors.map((doc, i) => ({ doc, score: 1 - (result.distances[i] as number) }));
  }
}

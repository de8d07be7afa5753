/**
 * @module The clause index: lexical (Postgres lexemes, BM25) and vector (hnswlib) retrieval over the ingested
 * clauses, fused by reciprocal rank. Both indexes are derived from the database and rebuilt when it changes.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fitIdf, type IdfTable, offlineEmbedder } from './embedders/offline.js';
import { clausePredicate } from './filters.js';
import type { Glossary } from './glossary.js';
import { LexicalIndex, queryTerms, topK } from './lexical-index.js';
import type { ClauseRecord, ClauseSource, Embedder, RetrievalQuery, RetrievedClause, Retriever } from './types.js';
import { VectorIndex } from './vector-index.js';

/** Which lists to use; the benchmark compares them, the assistant always uses `hybrid`. */
export type RetrievalMode = 'hybrid' | 'lexical' | 'vector';

/** Reciprocal-rank-fusion constant; lower than the paper's 60 because only the first few ranks matter for answers. */
const RRF_K = 10;
/** Weights of the lists in the fusion (tuned on the development set; see the README's benchmark). */
const WEIGHT = { lexical: 1, heading: 0.5, vector: 0.3 };
/** How deep each list is read before fusion. */
const CANDIDATES = 50;
/** Clauses of a contract for the service the question is about rank this much higher. */
const SERVICE_BOOST = 1.5;
/** How often a search checks that the clauses have not changed under it (another replica may ingest). */
const DEFAULT_CHECK_INTERVAL_MS = 5_000;
const EMBED_BATCH = 512;

export interface ClauseIndexOptions {
  source: ClauseSource;
  glossary: Glossary;
  /** An embedder for vectors; omitted means the offline embedder, fitted on the clauses. */
  embedder?: Embedder;
  /** Where to persist the vector index; omitted keeps it in memory only. */
  dataDir?: string;
  checkIntervalMs?: number;
}

interface Snapshot {
  version: string;
  clauses: ClauseRecord[];
  /** Each contract's clauses, so a search within a few contracts tests only theirs against the filters. */
  byContract: Map<string, number[]>;
  lexical: LexicalIndex;
  vectors: VectorIndex;
  embedder: Embedder;
  checkedAt: number;
}

/** Text a clause is embedded as: where it sits and what it covers matter as much as its words. */
const embeddingText = (clause: ClauseRecord) =>
  [clause.services.join(', '), ...clause.headingPath, clause.heading ?? '', clause.text].filter(Boolean).join('\n');

/** Up to this many allowed clauses, the vector list is scored exactly over them instead of through hnswlib. */
const EXACT_VECTOR_LIMIT = 2_000;

interface Acceptance {
  /** The filter as the indexes call it, per document number; absent when every clause passes. */
  accept?: (doc: number) => boolean;
  /** Every document that passes, when the search is within named contracts. */
  docs?: number[];
}

/**
 * Compiles a query's filters for the indexes. Within named contracts (the usual case for a question about one
 * service) the passing documents are listed up front: the filter becomes a bitmap lookup, and the vector list can
 * score them exactly, where hnswlib would wander most of its graph looking for a few hundred allowed nodes.
 */
function acceptance(snapshot: Snapshot, filters: RetrievalQuery['filters']): Acceptance {
  const predicate = clausePredicate(filters);
  if (!predicate) return {};
  if (!filters?.contractIds) return { accept: (doc) => predicate(snapshot.clauses[doc] as ClauseRecord) };
  const allowed = new Uint8Array(snapshot.clauses.length);
  const docs: number[] = [];
  for (const contractId of new Set(filters.contractIds)) {
    for (const doc of snapshot.byContract.get(contractId) ?? []) {
      if (predicate(snapshot.clauses[doc] as ClauseRecord)) {
        allowed[doc] = 1;
        docs.push(doc);
      }
    }
  }
  return { accept: (doc) => allowed[doc] === 1, docs };
}

export class ClauseIndex implements Retriever {
  private snapshot?: Snapshot;
  private building?: Promise<Snapshot>;

  constructor(private readonly options: ClauseIndexOptions) {}

  /** Forces the next search to re-check the database (call after ingesting). */
  invalidate(): void {
    if (this.snapshot) this.snapshot.checkedAt = 0;
  }

  /** How many clauses the index holds, building it if needed. */
  async size(): Promise<number> {
    return (await this.current()).clauses.length;
  }

  search(query: RetrievalQuery): Promise<RetrievedClause[]> {
    return this.searchWith(query, 'hybrid');
  }

  /** Searches with one list or both; `hybrid` is what the assistant uses. */
  async searchWith(query: RetrievalQuery, mode: RetrievalMode): Promise<RetrievedClause[]> {
    const snapshot = await this.current();
    if (snapshot.clauses.length === 0) return [];
    const { accept, docs } = acceptance(snapshot, query.filters);
    const depth = Math.max(CANDIDATES, query.k);
    const terms = mode === 'vector' ? [] : await this.queryTerms(query.text);
    const lexical = mode === 'vector' ? [] : snapshot.lexical.search(terms, depth, accept);
    const headings = mode === 'hybrid' ? snapshot.lexical.search(terms, depth, accept, 'heading') : [];
    const vector = mode === 'lexical' ? [] : await this.vectorSearch(snapshot, query.text, depth, { accept, docs });

    const fused = new Map<number, RetrievedClause>();
    const add = (list: { doc: number }[], which: keyof RetrievedClause['ranks'], weight: number) => {
      list.forEach(({ doc }, index) => {
        const clause = snapshot.clauses[doc] as ClauseRecord;
        const entry = fused.get(doc) ?? { clause, score: 0, ranks: {} };
        entry.score += weight / (RRF_K + index + 1);
        entry.ranks[which] = index + 1;
        fused.set(doc, entry);
      });
    };
    add(lexical, 'lexical', WEIGHT.lexical);
    add(headings, 'heading', WEIGHT.heading);
    add(vector, 'vector', WEIGHT.vector);
    const preferred = new Set(query.preferServices ?? []);
    if (preferred.size) {
      for (const entry of fused.values()) {
        if (entry.clause.services.some((service) => preferred.has(service))) entry.score *= SERVICE_BOOST;
      }
    }
    return topK([...fused.values()], query.k);
  }

  /** The question's stemmed words plus its glossary expansion, stemmed by Postgres in both languages. */
  private async queryTerms(text: string) {
    const groups = this.options.glossary.match(text).expansionByConcept.map((terms) => terms.join(' '));
    const [original, ...expanded] = await this.options.source.analyze([text, ...groups]);
    return original ? queryTerms(original, expanded) : [];
  }

  private async vectorSearch(snapshot: Snapshot, text: string, k: number, { accept, docs }: Acceptance) {
    const [vector] = await snapshot.embedder.embed([text]);
    if (!vector) return [];
    return docs && docs.length <= EXACT_VECTOR_LIMIT ? snapshot.vectors.searchAmong(vector, docs, k) : snapshot.vectors.search(vector, k, accept);
  }

  private async current(): Promise<Snapshot> {
    const interval = this.options.checkIntervalMs ?? DEFAULT_CHECK_INTERVAL_MS;
    const snapshot = this.snapshot;
    if (snapshot && Date.now() - snapshot.checkedAt < interval) return snapshot;
    // One build at a time; concurrent searches wait for the same one.
    this.building ??= this.refresh(snapshot).finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  private async refresh(previous: Snapshot | undefined): Promise<Snapshot> {
    const version = await this.options.source.version();
    if (previous && previous.version === version) {
      previous.checkedAt = Date.now();
      return previous;
    }
    const rows = await this.options.source.loadClauses();
    const clauses: ClauseRecord[] = rows.map(({ tsv: _tsv, ...clause }) => clause);
    const lexical = new LexicalIndex(rows);
    const texts = clauses.map(embeddingText);
    const indexDir = this.options.dataDir && path.join(this.options.dataDir, 'index');
    const embedder = this.options.embedder ?? offlineEmbedder(this.options.glossary, await this.offlineIdf(indexDir, version, texts));
    const key = `${embedder.id}:${version}`;
    const vectorDir = indexDir && path.join(indexDir, embedder.id);
    let vectors = vectorDir ? await VectorIndex.load(vectorDir, key, embedder.dimensions) : undefined;
    if (!vectors || vectors.size !== clauses.length) {
      const embedded: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += EMBED_BATCH) {
        embedded.push(...(await embedder.embed(texts.slice(start, start + EMBED_BATCH))));
      }
      vectors = VectorIndex.build(embedded, embedder.dimensions);
      if (vectorDir) await vectors.save(vectorDir, key);
    }
    const byContract = new Map<string, number[]>();
    clauses.forEach((clause, doc) => {
      const docs = byContract.get(clause.contractId);
      if (docs) docs.push(doc);
      else byContract.set(clause.contractId, [doc]);
    });
    this.snapshot = { version, clauses, byContract, lexical, vectors, embedder, checkedAt: Date.now() };
    return this.snapshot;
  }

  /** The offline embedder's IDF table for this clause set, cached beside the vectors. */
  private async offlineIdf(indexDir: string | undefined, version: string, texts: string[]): Promise<IdfTable> {
    const file = indexDir && path.join(indexDir, 'offline-idf.json');
    // The table counts glossary concepts too, so it is only valid for the clauses and the glossary it was fitted on.
    const key = `${this.options.glossary.fingerprint}:${version}`;
    if (file) {
      const cached = await readFile(file, 'utf8').then((text) => JSON.parse(text) as { version: string; documents: number; df: number[] }, () => undefined);
      if (cached?.version === key) return { documents: cached.documents, df: Float32Array.from(cached.df) };
    }
    const idf = fitIdf(texts, this.options.glossary);
    if (indexDir && file) {
      await mkdir(indexDir, { recursive: true });
      await writeFile(file, JSON.stringify({ version: key, documents: idf.documents, df: Array.from(idf.df) }));
    }
    return idf;
  }
}

/**
 * Benchmark: retrieval quality on the development set and on the held-out set (full-text only, vectors only, a BM25
 * library, the hybrid and the whole assistant), then latency, ingestion speed and memory at growing corpus sizes.
 * The held-out set was written apart from the tuning and is not tuned on: it shows how far the tuning generalises.
 * Prints tables.
 *   npm run bench                      (sizes 1k, 10k, 100k clauses)
 *   BENCH_SIZES=1000,10000 npm run bench
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { citationFor } from '../src/assistant/citations.js';
import { openSposa, type Sposa } from '../src/compose.js';
import { loadConfig } from '../src/config/index.js';
import { citationMatches, evaluate, parseDevSet, type EvalItem } from '../src/evaluation/index.js';
import type { ClauseRecord, RetrievalMode } from '../src/retrieval/index.js';
import { clauseSource, migrate, openPglite } from '../src/store/index.js';
import { generateCorpus } from './generate-corpus.js';

const K = 5;
const DEV_SET = 'test/eval/dev-set.jsonl';
const HELD_OUT = 'test/eval/held-out.jsonl';
const EVALUATOR = 'bench-manager';
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

async function open(contractsDir: string): Promise<{ sposa: Sposa; cleanup: () => Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'sposa-bench-'));
  const db = await openPglite();
  await migrate(db);
  const config = loadConfig({ SPOSA_CONTRACTS_DIR: contractsDir, SPOSA_DATA_DIR: dataDir });
  const sposa = await openSposa(config, { db, clock: () => new Date('2026-06-10T12:00:00Z') });
  return { sposa, cleanup: async () => { await sposa.close(); await rm(dataDir, { recursive: true, force: true }); } };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** recall@K and MRR of a ranked clause list per coverage question. */
function score(items: EvalItem[], ranked: ClauseRecord[][]) {
  let hits = 0;
  let reciprocal = 0;
  items.forEach((item, index) => {
    const rank = (ranked[index] ?? []).slice(0, K).findIndex((clause) => citationMatches(citationFor(clause, clause.text), item.contract ?? '', item.clause ?? ''));
    if (rank >= 0) {
      hits += 1;
      reciprocal += 1 / (rank + 1);
    }
  });
  return { recall: hits / items.length, mrr: reciprocal / items.length };
}

async function quality(file: string) {
  const items = parseDevSet(await readFile(file, 'utf8'), file);
  const coverage = items.filter((item) => item.kind === 'coverage');
  const { sposa, cleanup } = await open('contracts');
  try {
    await sposa.ingest();
    const source = clauseSource(sposa.db);
    const all = await source.loadClauses();
    const byId = new Map(all.map((clause) => [clause.id, clause]));
    const rows: string[][] = [];
    const add = (name: string, ranked: ClauseRecord[][]) => {
      const { recall, mrr } = score(coverage, ranked);
      rows.push([name, pct(recall), mrr.toFixed(3)]);
      return recall;
    };

    // Full-text only: Postgres ts_rank over an OR of the question's stemmed words, both languages, no glossary.
    const fts: ClauseRecord[][] = [];
    for (const item of coverage) {
      const [lexemes] = await source.analyze([item.q]);
      const orQuery = (words: string[]) => words.map((word) => `'${word.replace(/'/g, "''")}'`).join(' | ') || `''`;
      const ids = await sposa.db.query<{ id: number }>(
        `select id::int as id from clauses, (select to_tsquery('simple', $1) as qn, to_tsquery('simple', $2) as qe) q
         where tsv @@ (case language when 'nl' then qn else qe end)
         order by ts_rank(tsv, case language when 'nl' then qn else qe end) desc limit ${K}`,
        [orQuery(lexemes?.nl ?? []), orQuery(lexemes?.en ?? [])],
      );
      fts.push(ids.flatMap((row) => byId.get(row.id) ?? []));
    }
    const ftsRecall = add('Postgres full-text only (ts_rank, OR query)', fts);

    const mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], storeFields: ['id'] });
    mini.addAll(all.map((clause) => ({ id: clause.id, text: [...clause.headingPath, clause.heading ?? '', clause.text].join(' ') })));
    const miniRecall = add(
      'BM25 library (minisearch, fuzzy + prefix)',
      coverage.map((item) => mini.search(item.q, { fuzzy: 0.2, prefix: true }).slice(0, K).flatMap((hit) => byId.get(hit.id as number) ?? [])),
    );

    const modes: [string, RetrievalMode][] = [
      ['Lexical list (Postgres lexemes, BM25, glossary)', 'lexical'],
      ['Vectors only (offline embedder, hnswlib)', 'vector'],
      ['Hybrid retrieval (RRF of both)', 'hybrid'],
    ];
    const recalls: number[] = [];
    for (const [name, mode] of modes) {
      const ranked: ClauseRecord[][] = [];
      for (const item of coverage) {
        ranked.push((await sposa.clauses.searchWith({ text: item.q, language: item.lang ?? 'nl', k: K, filters: { includeRestricted: true } }, mode)).map((hit) => hit.clause));
      }
      recalls.push(add(name, ranked));
    }
    const report = await evaluate(sposa.assistantFor([EVALUATOR]), items, { k: K, askerId: EVALUATOR });
    rows.push(['Assistant (hybrid + question understanding)', pct(report.summary.coverage.accuracy), (report.summary.coverage.mrr ?? 0).toFixed(3)]);
    const [lexicalRecall = 0, vectorRecall = 0] = recalls;
    const bestBaseline = Math.max(ftsRecall, miniRecall, vectorRecall);
    const bestComponent = Math.max(bestBaseline, lexicalRecall);
    const gap = (value: number) => ((report.summary.coverage.accuracy - value) * 100).toFixed(1);
    console.log(`\n### Retrieval quality on ${file} (${coverage.length} coverage questions, k = ${K})\n`);
    console.log(table(['method', `recall@${K}`, 'MRR'], rows));
    console.log(`\nAssistant vs the best baseline (full-text only, vectors only, BM25 library): +${gap(bestBaseline)} points;`);
    console.log(`vs the best single component including SPOSA's own lexical list: +${gap(bestComponent)} points.`);
    const accuracy = (kind: 'responsibility' | 'incident') => {
      const s = report.summary[kind];
      return [kind, String(s.n), pct(s.accuracy), s.byLanguage.nl ? pct(s.byLanguage.nl.accuracy) : '-', s.byLanguage.en ? pct(s.byLanguage.en.accuracy) : '-'];
    };
    console.log(`\n### Supplier accuracy on ${file}\n`);
    console.log(table(['kind', 'n', 'accuracy', 'nl', 'en'], [accuracy('responsibility'), accuracy('incident')]));
    return items;
  } finally {
    await cleanup();
  }
}

async function scale(items: EvalItem[]) {
  const rows: string[][] = [];
  for (const size of SIZES) {
    const corpusDir = await mkdtemp(path.join(tmpdir(), 'sposa-corpus-'));
    peakRss = process.memoryUsage().rss;
    const { sposa, cleanup } = await open(corpusDir);
    try {
      await generateCorpus(corpusDir, size);
      let started = performance.now();
      const summary = await sposa.ingest();
      const ingestSeconds = (performance.now() - started) / 1000;
      started = performance.now();
      await sposa.clauses.size();
      const indexSeconds = (performance.now() - started) / 1000;
      const retrieval: number[] = [];
      const answers: number[] = [];
      for (let round = 0; round < 2; round += 1) {
        for (const item of items) {
          let t = performance.now();
          await sposa.clauses.search({ text: item.q, language: item.lang ?? 'nl', k: K });
          if (round) retrieval.push(performance.now() - t);
          t = performance.now();
          await sposa.ask(item.q, { asker: { id: 'bench-employee' } });
          if (round) answers.push(performance.now() - t);
        }
      }
      rows.push([
        size.toLocaleString('en'),
        `${Math.round(summary.clausesWritten / ingestSeconds).toLocaleString('en')} /s`,
        `${indexSeconds.toFixed(1)} s`,
        ms(percentile(retrieval, 50)),
        ms(percentile(retrieval, 95)),
        ms(percentile(answers, 50)),
        ms(percentile(answers, 95)),
        `${Math.round(peakRss / 2 ** 20)} MiB`,
      ]);
      console.error(`  measured ${size} clauses`);
    } finally {
      await cleanup();
      await rm(corpusDir, { recursive: true, force: true });
    }
  }
  console.log(`\n### Latency, ingestion and memory (offline mode, embedded PGlite, ${items.length} questions, second pass)\n`);
  console.log(table(['clauses', 'ingestion', 'index build', 'retrieval p50', 'retrieval p95', 'answer p50', 'answer p95', 'peak RSS'], rows));
}

const items = await quality(DEV_SET);
await quality(HELD_OUT);
await scale(items);
clearInterval(sampler);

/**
 * Generates a large synthetic contract corpus for benchmarks, by recombining the demo corpus's real clauses under
 * new suppliers and services, so vocabulary and clause lengths stay realistic.
 *   npx tsx scripts/generate-corpus.ts OUT_DIR CLAUSES
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseContract, readContractSources } from '../src/contracts/index.js';

const CLAUSES_PER_CONTRACT = 50;

/** A small deterministic generator, so every run benchmarks the same corpus. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Writes contracts with `clauses` clauses in total into `dir`; returns the number of files. */
export async function generateCorpus(dir: string, clauses: number, seed = 42): Promise<number> {
  const scan = await readContractSources('contracts');
  const pool = scan.sources.flatMap((source) => {
    const outcome = parseContract(source);
    return outcome.ok ? outcome.contract.clauses.map((clause) => ({ clause, language: outcome.contract.meta.language })) : [];
  });
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  await mkdir(dir, { recursive: true });
  const files = Math.ceil(clauses / CLAUSES_PER_CONTRACT);
  for (let file = 0; file < files; file += 1) {
    const language = next() < 0.5 ? 'nl' : 'en';
    const candidates = pool.filter((entry) => entry.language === language);
    const count = Math.min(CLAUSES_PER_CONTRACT, clauses - file * CLAUSES_PER_CONTRACT);
    const sections = Array.from({ length: count }, (_, index) => {
      const { clause } = pick(candidates);
      return `## ${index + 1}. ${clause.heading ?? clause.headingPath.at(-1) ?? 'Clause'}\n${clause.text}\n`;
    });
    const id = `SLA-GEN-${String(file).padStart(5, '0')}`;
    const front = [
      '---',
      `id: ${id}`,
      'type: SLA',
      `supplier: Generated Supplier ${file % 400}`,
      `services: [Generated Service ${file % 900}]`,
      `language: ${language}`,
      'valid_from: 2026-01-01',
      'valid_to: 2028-12-31',
      '---',
    ].join('\n');
    await writeFile(path.join(dir, `${id.toLowerCase()}.md`), `${front}\n# Generated contract ${file}\n\n${sections.join('\n')}`);
  }
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [out, count] = process.argv.slice(2);
  if (!out || !count) {
    console.error('usage: npx tsx scripts/generate-corpus.ts OUT_DIR CLAUSES');
    process.exit(2);
  }
  const files = await generateCorpus(out, Number(count));
  console.log(`wrote ${files} contracts with ${count} clauses to ${out}`);
}

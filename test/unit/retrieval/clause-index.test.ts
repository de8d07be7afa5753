import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestContracts, readContractSources } from '../../../src/contracts/index.js';
import { ClauseIndex, type Embedder, Glossary } from '../../../src/retrieval/index.js';
import { clauseSource, contractStore } from '../../../src/store/index.js';
import { contractFile, contractsDir } from '../../helpers/contracts.js';
import { storeTargets, type TestDb } from '../../helpers/test-db.js';

const glossary = new Glossary([
  { concept: 'support-hours', nl: ['ondersteuningstijden', 'openingstijden'], en: ['support hours', 'opening hours'] },
  { concept: 'penalty', nl: ['boete', 'boetes'], en: ['penalty', 'penalties'] },
]);

const dutchBody = `# Overeenkomst Werkplek

## 1. Reikwijdte
De leverancier levert laptops en beeldschermen aan de medewerkers.

## 2. Ondersteuningstijden
Ondersteuning wordt gegeven op werkdagen van 08:00 tot 18:00 uur.

## 3. Boetes
Bij overschrijding betaalt de leverancier een boete van 500 euro per dag.
`;

const englishBody = `# Agreement Mail

## 1. Scope
The supplier provides e-mail and calendars.

## 2. Support hours
Support is available around the clock, every day of the year.
`;

/** Counts how many texts it embeds, to tell a rebuilt index from a loaded one. */
function countingEmbedder(): Embedder & { embedded: number } {
  const embedder = {
    id: 'counting-v1',
    dimensions: 4,
    embedded: 0,
    async embed(texts: readonly string[]) {
      embedder.embedded += texts.length;
      return texts.map((text) => {
        const v = Float32Array.from([text.length % 7, text.includes('Support') ? 3 : 1, 1, 0.5]);
        const norm = Math.hypot(...v);
        return v.map((x) => x / norm);
      });
    },
  };
  return embedder;
}

describe.each(storeTargets())('ClauseIndex on $name', (target) => {
  let db: TestDb;
  let dataDir: string;
  let folder: Awaited<ReturnType<typeof contractsDir>>;

  const ingest = async () => {
    const scan = await readContractSources(folder.dir, folder.dir);
    return ingestContracts(scan.sources, contractStore(db));
  };

  beforeAll(async () => {
    db = await target.open();
    dataDir = await mkdtemp(path.join(tmpdir(), 'sposa-index-'));
    folder = await contractsDir({
      'werkplek.md': contractFile({ id: 'SLA-WERKPLEK', services: ['Workplace'], body: dutchBody, extra: 'language: nl\nvisibility: { restricted: ["3"] }' }),
      'mail.md': contractFile({ id: 'SLA-MAIL', supplier: 'Mail Co', services: ['E-mail'], body: englishBody, extra: 'language: en\nvalid_to: 2025-12-31' }),
    });
    await ingest();
  });
  afterAll(async () => {
    await db?.destroy();
    await folder?.cleanup();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('finds a Dutch clause for a Dutch question, with Postgres stemming', async () => {
    const index = new ClauseIndex({ source: clauseSource(db), glossary, dataDir });
    const [best] = await index.search({ text: 'wat zijn de ondersteuningstijden voor laptops?', language: 'nl', k: 3 });
    expect(best?.clause).toMatchObject({ contractId: 'SLA-WERKPLEK', number: '2' });
    expect(best?.ranks.lexical).toBeDefined();
  });

  it('crosses languages through the glossary', async () => {
    const index = new ClauseIndex({ source: clauseSource(db), glossary, dataDir });
    const hits = await index.search({ text: 'openingstijden e-mail', language: 'nl', k: 3 });
    expect(hits.map((hit) => `${hit.clause.contractId} ${hit.clause.number}`)).toContain('SLA-MAIL 2');
  });

  it('leaves restricted clauses out unless asked, and applies contract filters', async () => {
    const index = new ClauseIndex({ source: clauseSource(db), glossary, dataDir });
    const query = { text: 'boete per dag', language: 'nl' as const, k: 5 };
    expect((await index.search(query)).some((hit) => hit.clause.restricted)).toBe(false);
    const withRestricted = await index.search({ ...query, filters: { includeRestricted: true } });
    expect(withRestricted[0]?.clause).toMatchObject({ number: '3', restricted: true });
    const onlyMail = await index.search({ ...query, filters: { contractIds: ['SLA-MAIL'] } });
    expect(onlyMail.every((hit) => hit.clause.contractId === 'SLA-MAIL')).toBe(true);
    const current = await index.search({ text: 'support hours', language: 'en', k: 5, filters: { validOn: '2026-06-01' } });
    expect(current.some((hit) => hit.clause.contractId === 'SLA-MAIL')).toBe(false);
  });

  it('ranks clauses of the service the question is about higher', async () => {
    const index = new ClauseIndex({ source: clauseSource(db), glossary, dataDir });
    const plain = await index.search({ text: 'support hours ondersteuningstijden', language: 'en', k: 2 });
    const preferred = await index.search({ text: 'support hours ondersteuningstijden', language: 'en', k: 2, preferServices: ['Workplace'] });
    expect(preferred[0]?.clause.contractId).toBe('SLA-WERKPLEK');
    expect(plain.length).toBe(2);
  });

  it('persists vectors and reloads them instead of embedding again; rebuilds after an ingest changes clauses', async () => {
    const vectorsDir = await mkdtemp(path.join(tmpdir(), 'sposa-persist-'));
    try {
      const first = countingEmbedder();
      await new ClauseIndex({ source: clauseSource(db), glossary, dataDir: vectorsDir, embedder: first }).size();
      expect(first.embedded).toBe(5);
      const second = countingEmbedder();
      const reloaded = new ClauseIndex({ source: clauseSource(db), glossary, dataDir: vectorsDir, embedder: second, checkIntervalMs: 0 });
      expect(await reloaded.size()).toBe(5);
      expect(second.embedded).toBe(0);

      await folder.cleanup();
      folder = await contractsDir({ 'werkplek.md': contractFile({ id: 'SLA-WERKPLEK', services: ['Workplace'], body: dutchBody, extra: 'language: nl' }) });
      await ingest();
      expect(await reloaded.size()).toBe(3);
      expect(second.embedded).toBe(3);
    } finally {
      await rm(vectorsDir, { recursive: true, force: true });
    }
  });
});

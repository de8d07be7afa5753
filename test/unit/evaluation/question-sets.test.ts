import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citationFor } from '../../../src/assistant/citations.js';
import type { Sposa } from '../../../src/compose.js';
import { citationMatches, parseDevSet } from '../../../src/evaluation/index.js';
import { clauseSource } from '../../../src/store/index.js';
import { testSposa } from '../../helpers/sposa.js';
import { type StoreTarget, storeTargets, type TestDb } from '../../helpers/test-db.js';

const SETS = ['test/eval/dev-set.jsonl', 'test/eval/held-out.jsonl'];
/** The corpus is the same on every database: checking it on the embedded one is enough. */
const embedded = storeTargets().find((target) => target.name === 'pglite') as StoreTarget;

/** A gold answer that no clause of the corpus can match would count as a miss for ever, whatever retrieval does. */
describe.each(SETS)('the question set %s', (file) => {
  const items = parseDevSet(readFileSync(file, 'utf8'), file);
  let db: TestDb;
  let sposa: Sposa;
  beforeAll(async () => {
    db = await embedded.open();
    sposa = await testSposa(db);
    await sposa.ingest();
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('names, for every coverage question, a clause the demo corpus has', async () => {
    const clauses = await clauseSource(sposa.db).loadClauses();
    const unmatched = items
      .filter((item) => item.kind === 'coverage')
      .filter((item) => !clauses.some((clause) => citationMatches(citationFor(clause, clause.text), item.contract ?? '', item.clause ?? '')))
      .map((item) => `${item.contract} "${item.clause}"`);
    expect(unmatched).toEqual([]);
  });

  it('names, for every other question, a supplier the registry knows', async () => {
    const suppliers = new Set(await sposa.suppliers());
    expect(items.filter((item) => item.kind !== 'coverage' && !suppliers.has(item.supplier ?? '')).map((item) => item.supplier)).toEqual([]);
  });
});

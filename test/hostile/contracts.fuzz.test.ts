/**
 * Hostile contract files: whatever lands in the contracts folder, parsing reports located problems instead of
 * crashing, and ingestion of a broken folder leaves the database exactly as it was.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestContracts, readContractSources } from '../../src/contracts/index.js';
import { parseContract } from '../../src/contracts/parse-contract.js';
import { type FileProblem, IngestError } from '../../src/errors.js';
import { contractStore } from '../../src/store/index.js';
import { contractFile, contractsDir, DEFAULT_BODY } from '../helpers/contracts.js';
import { storeTargets, type TestDb } from '../helpers/test-db.js';
import { propertyRuns } from './run-counts.js';

const FRONT = 'id: SLA-HOSTILE-1\ntype: SLA\nsupplier: Hostile B.V.\nservices: [Test Service]\n';
const withFrontMatter = (yaml: string, body = DEFAULT_BODY) => `---\n${yaml}\n---\n${body}`;

/** Nine aliases of nine aliases of ...: 9^8 strings once expanded, from a few hundred bytes. */
const ALIAS_BOMB = [
  'lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ...Array.from({ length: 8 }, (_, level) => `lol${level + 1}: &lol${level + 1} [${Array(9).fill(`*lol${level}`).join(', ')}]`),
].join('\n');

function expectLocatedProblems(problems: FileProblem[], file: string, lineCount: number) {
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) {
    expect(problem.file).toBe(file);
    expect(Number.isInteger(problem.line)).toBe(true);
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.line).toBeLessThanOrEqual(Math.max(lineCount, 1));
    expect(problem.message.trim()).not.toBe('');
  }
}

function parseHostile(text: string) {
  const file = 'contracts/hostile.md';
  const outcome = parseContract({ file, text, hash: 'hash' });
  return { outcome, file, lineCount: text.split(/\r?\n/).length };
}

describe('parsing hostile contract text', () => {
  it('never throws on arbitrary text, and every problem names the file and a line in it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const { outcome, file, lineCount } = parseHostile(text);
        if (!outcome.ok) expectLocatedProblems(outcome.problems, file, lineCount);
      }),
      propertyRuns(200),
    );
  });

  it('never throws on arbitrary YAML between valid front-matter lines', () => {
    const yamlish = fc.array(
      fc.oneof(
        fc.constantFrom('id: SLA-X', 'type: SLA', 'type: [', 'services: {', '- a', ': :', '&a x', '*a', '!!binary zz', 'key: |', '  - *b', '? x', '%YAML 9.9', '<<: *a', '\t'),
        fc.string({ unit: 'grapheme', maxLength: 30 }),
      ),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(yamlish, (lines) => {
        const { outcome, file, lineCount } = parseHostile(withFrontMatter(lines.join('\n')));
        if (!outcome.ok) expectLocatedProblems(outcome.problems, file, lineCount);
      }),
      propertyRuns(200),
    );
  });

  it('never throws when a valid contract is cut, spliced or garbled anywhere', () => {
    const valid = contractFile({ extra: 'visibility: { restricted: ["3"] }' });
    const mutation = fc.record({
      at: fc.nat({ max: valid.length }),
      cut: fc.nat({ max: 40 }),
      insert: fc.string({ unit: 'binary', maxLength: 20 }),
    });
    fc.assert(
      fc.property(mutation, ({ at, cut, insert }) => {
        const text = valid.slice(0, at) + insert + valid.slice(at + cut);
        const { outcome, file, lineCount } = parseHostile(text);
        if (!outcome.ok) expectLocatedProblems(outcome.problems, file, lineCount);
      }),
      propertyRuns(300),
    );
  });

  it.each([
    ['an alias bomb ("billion laughs")', `${FRONT}${ALIAS_BOMB}`, /aliases expand too far/],
    ['nesting 5,000 flow sequences deep', `${FRONT}deep: ${'['.repeat(5000)}${']'.repeat(5000)}`, /YAML/],
    ['nesting 2,000 block maps deep', `${FRONT}${Array.from({ length: 2000 }, (_, depth) => `${' '.repeat(depth)}k:`).join('\n')}`, /YAML/],
    ['a duplicate key', `${FRONT}id: SLA-HOSTILE-2`, /keys must be unique/],
    ['a tab-indented block', `${FRONT}support_hours:\n\tdefault: 24/7`, /YAML/],
  ])('reports %s as a located problem', (_, yaml, message) => {
    const { outcome, file, lineCount } = parseHostile(withFrontMatter(yaml));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expectLocatedProblems(outcome.problems, file, lineCount);
    expect(outcome.problems.map((problem) => problem.message).join('\n')).toMatch(message);
  });

  it('parses a 5 MB contract in bounded time', () => {
    const sections = Array.from({ length: 45_000 }, (_, index) => `## ${index + 1}. Section ${index + 1}\nThe supplier keeps the service running.`);
    const text = withFrontMatter(FRONT.trimEnd(), `# Huge\n${sections.join('\n')}`);
    expect(text.length).toBeGreaterThan(2_500_000);
    const started = performance.now();
    const { outcome } = parseHostile(text);
    expect(outcome.ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

/** Bytes a contracts folder may hold that are not a valid UTF-8 contract. */
const HOSTILE_FILES: Record<string, Buffer> = {
  'nul-bytes.md': Buffer.concat([Buffer.from(contractFile({ id: 'SLA-NUL' })), Buffer.from([0, 0, 0])]),
  'utf16-bom.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(contractFile({ id: 'SLA-UTF16' }), 'utf16le')]),
  'latin1.md': Buffer.from(contractFile({ id: 'SLA-LATIN1', supplier: 'Café Façade B.V.' }), 'latin1'),
  'random-binary.txt': Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256)),
  'not-really.pdf': Buffer.from('%PDF-1.7 this is no PDF at all'),
  'not-really.meta.yaml': Buffer.from(FRONT.replace('SLA-HOSTILE-1', 'SLA-FAKE-PDF')),
  'alias-bomb.md': Buffer.from(withFrontMatter(`${FRONT}${ALIAS_BOMB}`)),
  'deep.md': Buffer.from(withFrontMatter(`${FRONT}deep: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}`)),
  'duplicate-keys.md': Buffer.from(withFrontMatter(`${FRONT}type: OLA`)),
  'no-front-matter.md': Buffer.from('just a note, no contract'),
  'huge-broken.md': Buffer.from(withFrontMatter(`${FRONT}type: [`, 'x'.repeat(5_000_000))),
};

describe.each(storeTargets())('ingesting a hostile contracts folder on $name', (target) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await target.open();
    const good = await contractsDir({ 'good.md': contractFile({ id: 'SLA-GOOD', extra: 'visibility: { restricted: ["3"] }' }) });
    const scan = await readContractSources(good.dir, good.dir);
    await ingestContracts(scan.sources, contractStore(db));
    await good.cleanup();
  });
  afterAll(async () => {
    await db?.destroy();
  });

  /** Every row of the tables ingestion writes, hashed: equal before and after means nothing changed. */
  async function databaseFingerprint() {
    const hash = createHash('sha256');
    for (const table of ['contracts', 'suppliers', 'services', 'service_aliases', 'clauses']) {
      const rows = await db.query(`select to_jsonb(t)::text as row from ${table} t order by 1`);
      hash.update(`${table}:${rows.length}:${JSON.stringify(rows)}`);
    }
    return hash.digest('hex');
  }

  it('rejects every broken file with its name and a line, and writes nothing', async () => {
    const folder = await contractsDir(HOSTILE_FILES);
    try {
      const before = await databaseFingerprint();
      const scan = await readContractSources(folder.dir, folder.dir);
      const failure = await ingestContracts(scan.sources, contractStore(db), { unreadable: scan.unreadable, readProblems: scan.problems }).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(IngestError);
      const problems = (failure as IngestError).problems;
      const brokenFiles = Object.keys(HOSTILE_FILES).filter((name) => !name.endsWith('.meta.yaml'));
      expect(new Set(problems.map((problem) => problem.file))).toEqual(new Set(brokenFiles));
      for (const problem of problems) expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problems.find((problem) => problem.file === 'latin1.md')?.message).toMatch(/not UTF-8/);
      expect(problems.find((problem) => problem.file === 'utf16-bom.md')?.message).toMatch(/not UTF-8/);
      expect(await databaseFingerprint()).toBe(before);
    } finally {
      await folder.cleanup();
    }
  });

  it('with skipInvalid, keeps the existing contracts as they were', async () => {
    const folder = await contractsDir({
      ...HOSTILE_FILES,
      'good.md': contractFile({ id: 'SLA-GOOD', extra: 'visibility: { restricted: ["3"] }' }),
    });
    try {
      const before = await databaseFingerprint();
      const scan = await readContractSources(folder.dir, folder.dir);
      const summary = await ingestContracts(scan.sources, contractStore(db), {
        skipInvalid: true,
        unreadable: scan.unreadable,
        readProblems: scan.problems,
      });
      expect(summary).toMatchObject({ added: [], updated: [], unchanged: ['SLA-GOOD'], retired: [] });
      expect(summary.problems.length).toBeGreaterThanOrEqual(Object.keys(HOSTILE_FILES).length - 1);
      expect(await databaseFingerprint()).toBe(before);
    } finally {
      await folder.cleanup();
    }
  });
});

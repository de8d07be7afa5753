import { unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestContracts, readContractSources } from '../../../src/contracts/index.js';
import { IngestError } from '../../../src/errors.js';
import { contractStore } from '../../../src/store/index.js';
import { textToDocx, textToPdf } from '../../../scripts/lib/documents.js';
import { contractFile, contractsDir } from '../../helpers/contracts.js';
import { storeTargets, type TestDb } from '../../helpers/test-db.js';

const PLAIN_CONTRACT = `SUPPORT AGREEMENT PRINTERS

1. Scope
1.1 The supplier maintains all multifunctional printers of the organisation.
2. Support hours
2.1 Support is given on working days between 08:00 and 17:00.
3. Exclusions
3.1 Paper jams caused by the wrong paper type are not covered.`;

const sidecar = (id: string) => `id: ${id}\ntype: UC\nsupplier: Print Co\nservices: [Printing]\nlanguage: en\n`;

describe.each(storeTargets())('ingestion on $name', (target) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(async () => {
    await db?.destroy();
  });
  beforeEach(async () => {
    await db.exec('truncate contracts, suppliers, services cascade');
  });

  async function ingestDir(dir: string, options: { skipInvalid?: boolean } = {}) {
    const scan = await readContractSources(dir, dir);
    return ingestContracts(scan.sources, contractStore(db), {
      ...options,
      unreadable: scan.unreadable,
      readProblems: scan.problems,
    });
  }
  const count = async (table: string) => (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]?.n;

  it('writes contracts, suppliers, services, aliases and clauses', async () => {
    const folder = await contractsDir({
      'a.md': contractFile({ id: 'SLA-A', services: ['Email'], extra: 'service_aliases: { Email: [mail, outlook] }' }),
      'b.md': contractFile({ id: 'UC-B', type: 'UC', supplier: 'Sub Co', services: ['Email', 'Hosting'] }),
    });
    try {
      const summary = await ingestDir(folder.dir);
      expect(summary).toMatchObject({ added: ['SLA-A', 'UC-B'], updated: [], unchanged: [], retired: [], problems: [] });
      expect(summary.clausesWritten).toBe(6);
      expect(await count('suppliers')).toBe(2);
      expect(await count('services')).toBe(2);
      expect(await count('service_aliases')).toBe(2);
      const restricted = await db.query<{ number: string }>('select number from clauses where restricted order by number');
      expect(restricted).toEqual([]);
    } finally {
      await folder.cleanup();
    }
  });

  it('makes clauses findable by Dutch and English full-text search with stemming', async () => {
    const dutch = '## 1. Storingen\nDe leverancier verhelpt storingen aan werkplekken binnen vier uur.';
    const folder = await contractsDir({
      'nl.md': contractFile({ id: 'SLA-NL', body: dutch, extra: 'language: nl' }),
      'en.md': contractFile({ id: 'SLA-EN' }),
    });
    try {
      await ingestDir(folder.dir);
      const hits = await db.query<{ contract_id: string }>(
        `select contract_id from clauses where tsv @@ plainto_tsquery('dutch', 'storing werkplek')`,
      );
      expect(hits).toEqual([{ contract_id: 'SLA-NL' }]);
      const english = await db.query<{ number: string }>(
        `select number from clauses where tsv @@ plainto_tsquery('english', 'penalties') and contract_id = 'SLA-EN'`,
      );
      expect(english).toEqual([{ number: '3' }]);
    } finally {
      await folder.cleanup();
    }
  });

  it('skips unchanged files, replaces changed ones and retires removed ones', async () => {
    const folder = await contractsDir({
      'a.md': contractFile({ id: 'SLA-A' }),
      'b.md': contractFile({ id: 'SLA-B' }),
      'c.md': contractFile({ id: 'SLA-C' }),
    });
    try {
      await ingestDir(folder.dir);
      await writeFile(path.join(folder.dir, 'b.md'), contractFile({ id: 'SLA-B', body: '## 1. Only clause\nNew text.' }));
      await unlink(path.join(folder.dir, 'c.md'));
      const summary = await ingestDir(folder.dir);
      expect(summary).toMatchObject({ added: [], updated: ['SLA-B'], unchanged: ['SLA-A'], retired: ['SLA-C'] });
      expect(summary.clausesWritten).toBe(1);
      const clauses = await db.query<{ contract_id: string; n: number }>(
        'select contract_id, count(*)::int as n from clauses group by contract_id order by contract_id',
      );
      expect(clauses).toEqual([{ contract_id: 'SLA-A', n: 3 }, { contract_id: 'SLA-B', n: 1 }]);
      const statuses = await db.query('select id, status from contracts order by id');
      expect(statuses).toEqual([
        { id: 'SLA-A', status: 'active' },
        { id: 'SLA-B', status: 'active' },
        { id: 'SLA-C', status: 'retired' },
      ]);
      expect((await ingestDir(folder.dir)).unchanged).toEqual(['SLA-A', 'SLA-B']);
    } finally {
      await folder.cleanup();
    }
  });

  it('writes nothing when one file is broken, and reports it as path:line', async () => {
    const folder = await contractsDir({
      'good.md': contractFile({ id: 'SLA-GOOD' }),
      'broken.md': contractFile({ id: 'SLA-BROKEN', extra: 'type: OLA' }),
    });
    try {
      const failure = await ingestDir(folder.dir).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(IngestError);
      expect((failure as IngestError).problems).toEqual([
        { file: 'broken.md', line: 6, message: expect.stringMatching(/YAML: .*unique/i) },
      ]);
      expect(await count('contracts')).toBe(0);
      expect(await count('clauses')).toBe(0);
    } finally {
      await folder.cleanup();
    }
  });

  it('ingests the valid files with skipInvalid, and keeps the old version of a file that broke', async () => {
    const folder = await contractsDir({ 'a.md': contractFile({ id: 'SLA-A' }), 'b.md': contractFile({ id: 'SLA-B' }) });
    try {
      await ingestDir(folder.dir);
      await writeFile(path.join(folder.dir, 'b.md'), 'no front matter any more');
      const summary = await ingestDir(folder.dir, { skipInvalid: true });
      expect(summary.problems).toEqual([{ file: 'b.md', line: 1, message: expect.stringContaining('front matter') }]);
      expect(summary.retired).toEqual([]);
      expect(await db.query('select id, status from contracts order by id')).toEqual([
        { id: 'SLA-A', status: 'active' },
        { id: 'SLA-B', status: 'active' },
      ]);
    } finally {
      await folder.cleanup();
    }
  });

  it('rejects two files that claim the same contract id', async () => {
    const folder = await contractsDir({ 'a.md': contractFile({ id: 'SLA-X' }), 'b.md': contractFile({ id: 'SLA-X' }) });
    try {
      await expect(ingestDir(folder.dir)).rejects.toThrow('b.md:1: id SLA-X is already used by a.md');
    } finally {
      await folder.cleanup();
    }
  });

  it('rejects binary and non-UTF-8 text files, and PDFs without a sidecar', async () => {
    const folder = await contractsDir({
      'binary.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x00, 0x01, 0x02]),
      'latin1.txt': Buffer.from('---\nid: SLA-L\n---\ncaf\xe9', 'latin1'),
      'orphan.pdf': Buffer.from(await textToPdf('1. Scope')),
    });
    try {
      const failure = (await ingestDir(folder.dir).catch((error: unknown) => error)) as IngestError;
      expect(failure.problems.map((problem) => `${problem.file}:${problem.line}`)).toEqual([
        'binary.md:1',
        'latin1.txt:1',
        'orphan.pdf:1',
      ]);
      expect(failure.problems[2]?.message).toContain('orphan.meta.yaml');
    } finally {
      await folder.cleanup();
    }
  });

  it('reads PDF and DOCX contracts with front matter from a sidecar', async () => {
    const folder = await contractsDir({
      'printing.pdf': Buffer.from(await textToPdf(PLAIN_CONTRACT)),
      'printing.meta.yaml': sidecar('UC-PDF'),
      'word.docx': await textToDocx(PLAIN_CONTRACT),
      'word.meta.yaml': sidecar('UC-DOCX'),
    });
    try {
      const summary = await ingestDir(folder.dir);
      expect(summary.added.sort()).toEqual(['UC-DOCX', 'UC-PDF']);
      for (const id of ['UC-PDF', 'UC-DOCX']) {
        const clauses = await db.query<{ number: string; body: string }>(
          'select number, body from clauses where contract_id = $1 and number is not null order by ordinal',
          [id],
        );
        expect(clauses.map((clause) => clause.number)).toEqual(['1.1', '2.1', '3.1']);
        expect(clauses[2]?.body).toContain('Paper jams caused by the wrong paper type');
      }
    } finally {
      await folder.cleanup();
    }
  });

  it('reports a broken sidecar at its own path and line', async () => {
    const folder = await contractsDir({
      'x.pdf': Buffer.from(await textToPdf(PLAIN_CONTRACT)),
      'x.meta.yaml': 'id: UC-X\ntype: UC\nsupplier: S\nservices: Printing\n',
    });
    try {
      await expect(ingestDir(folder.dir)).rejects.toThrow('x.meta.yaml:4: services:');
    } finally {
      await folder.cleanup();
    }
  });

  it('rolls the whole ingestion back when writing fails half-way', async () => {
    const folder = await contractsDir({ 'a.md': contractFile({ id: 'SLA-A' }), 'b.md': contractFile({ id: 'SLA-B' }) });
    try {
      const scan = await readContractSources(folder.dir, folder.dir);
      const store = contractStore(db);
      let saved = 0;
      const failing = {
        transaction: <T>(work: Parameters<typeof store.transaction<T>>[0]) =>
          store.transaction((writer) =>
            work({
              ...writer,
              async saveContract(contract) {
                if (saved++ === 1) throw new Error('disk full');
                await writer.saveContract(contract);
              },
            }),
          ),
      };
      await expect(ingestContracts(scan.sources, failing)).rejects.toThrow('disk full');
      expect(await count('contracts')).toBe(0);
      expect(await count('clauses')).toBe(0);
    } finally {
      await folder.cleanup();
    }
  });
});

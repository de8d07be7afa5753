import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sposa } from '../../../src/compose.js';
import { runCli } from '../../../src/cli/run.js';
import { contractFile, contractsDir } from '../../helpers/contracts.js';
import { cliContext, testSposa } from '../../helpers/sposa.js';
import { captureOutput } from '../../helpers/output.js';
import { type StoreTarget, storeTargets, type TestDb } from '../../helpers/test-db.js';

describe.each(storeTargets())('sposa CLI on $name', (target) => {
  let db: TestDb;
  let sposa: Sposa;
  beforeAll(async () => {
    db = await target.open();
    sposa = await testSposa(db);
    const { context, stderr } = cliContext(sposa);
    const code = await runCli(['ingest'], context);
    if (code !== 0) throw new Error(`demo corpus did not ingest: ${stderr.text}`);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const run = async (...argv: string[]) => {
    const { context, stdout, stderr } = cliContext(sposa);
    const code = await runCli(argv, context);
    return { code, stdout: stdout.text, stderr: stderr.text };
  };

  it('who citrix --json names the accountable supplier and contract, and the UCs behind it', async () => {
    const { code, stdout } = await run('who', 'citrix', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ service: 'Citrix Workspace', supplier: 'Nimbus Workspace B.V.', contractId: 'SLA-CITRIX-2026' });
    expect(result.parties.map((party: { role: string; contractType: string }) => [party.role, party.contractType])).toEqual([
      ['accountable', 'SLA'],
      ['underpinning', 'UC'],
      ['underpinning', 'UC'],
    ]);
    expect(result.parties[0].supportHours.byPriority.P1).toMatchObject({ always: true });
  });

  it.each(['Citrix Workspace', 'virtuele werkplek', 'citirx'])('who "%s" finds Citrix Workspace', async (term) => {
    const { code, stdout } = await run('who', term);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Citrix Workspace/);
    expect(stdout).toContain('Accountable (SLA with the organisation): Nimbus Workspace B.V.');
  });

  it('who shows an expired contract as not in force, and the one in force on an earlier date', async () => {
    const today = await run('who', 'vpn');
    expect(today.stdout).toContain('Not in force: SLA SLA-NETWORK-2023');
    const past = JSON.parse((await run('who', 'vpn', '--at', '2025-03-01', '--json')).stdout);
    expect(past.contractId).toBe('SLA-NETWORK-2023');
  });

  it('who with an unknown service fails with the known services as a hint', async () => {
    const { code, stderr } = await run('who', 'koffieautomaat');
    expect(code).toBe(1);
    expect(stderr).toContain('No service matches "koffieautomaat". Known services: ');
  });

  it('rejects a bad command line with exit code 2 and the usage', async () => {
    expect((await run('who')).code).toBe(2);
    const badOption = await run('who', 'citrix', '--colour');
    expect(badOption).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: sposa who') });
    expect((await run('who', 'citrix', '--at', 'tomorrow')).stderr).toContain('--at expects a date');
    expect((await run('frobnicate')).code).toBe(2);
  });

  it('ingest reports a broken file as path:line, writes nothing and exits 1', async () => {
    const folder = await contractsDir({
      'fine.md': contractFile({ id: 'SLA-FINE' }),
      'broken.md': contractFile({ id: 'SLA-BROKEN', extra: 'valid_from: someday' }),
    });
    try {
      const { code, stderr } = await run('ingest', folder.dir);
      expect(code).toBe(1);
      expect(stderr).toMatch(/broken\.md:6: valid_from: expected a date like 2026-01-31/);
      expect(stderr).toContain('nothing was written');
      const ids = await db.query<{ id: string }>(`select id from contracts where id = 'SLA-FINE'`);
      expect(ids).toEqual([]);
    } finally {
      await folder.cleanup();
    }
  });

  it('ingest --json reports problems for machines', async () => {
    const folder = await contractsDir({ 'broken.md': 'plain text' });
    try {
      const { code, stdout } = await run('ingest', folder.dir, '--json');
      expect(code).toBe(1);
      expect(JSON.parse(stdout)).toMatchObject({ ok: false, written: false, problems: [{ line: 1 }] });
    } finally {
      await folder.cleanup();
    }
  });

  it('re-ingesting the unchanged demo corpus writes nothing', async () => {
    const { code, stdout } = await run('ingest', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, added: [], updated: [], retired: [], clausesWritten: 0 });
  });
});

describe('sposa ingest on a terminal', () => {
  it('draws a progress bar on stderr that it clears when done, and ends with a summary on stdout', async () => {
    const db = await (storeTargets()[0] as StoreTarget).open();
    const folder = await contractsDir({ 'a.md': contractFile({ id: 'SLA-ALPHA' }), 'b.md': contractFile({ id: 'SLA-BETA' }) });
    try {
      const sposa = await testSposa(db);
      const stdout = captureOutput(true);
      const stderr = captureOutput(true);
      const code = await runCli(['ingest', folder.dir], { sposa: async () => sposa, stdout, stderr });
      expect(code).toBe(0);
      expect(stderr.text).toMatch(/\rIngesting \[#{28}\] 2\/2 .*b\.md/);
      expect(stderr.text.endsWith('\r\x1b[K')).toBe(true);
      expect(stdout.text).toMatch(/^Ingested 2 contracts from .+: 2 added, 0 updated, 0 unchanged, 0 retired \(\d+ clauses written\)/);
    } finally {
      await folder.cleanup();
      await db.destroy();
    }
  });
});

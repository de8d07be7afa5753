import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sposa } from '../../../src/compose.js';
import { runCli } from '../../../src/cli/run.js';
import { cliContext, testSposa } from '../../helpers/sposa.js';
import { storeTargets, type TestDb } from '../../helpers/test-db.js';

describe.each(storeTargets())('sposa rate and sposa report xla ($name)', (target) => {
  let db: TestDb;
  let sposa: Sposa;
  beforeAll(async () => {
    db = await target.open();
    sposa = await testSposa(db);
    await sposa.ingest();
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const run = async (...argv: string[]) => {
    const { context, stdout, stderr } = cliContext(sposa);
    const code = await runCli(argv, context);
    return { code, stdout: stdout.text, stderr: stderr.text };
  };

  it('rates a resolved ticket as its reporter, and says clearly why an open one cannot be rated', async () => {
    const ticket = await sposa.reportIncident('citrix is traag', 'U-ANNA', { service: 'citrix', priority: 'P3' });
    expect(await run('rate', ticket.id, '8')).toMatchObject({ code: 2, stderr: expect.stringContaining(`ticket ${ticket.id} is routed; only a resolved or closed ticket can be rated`) });
    await sposa.changeTicket({ id: ticket.id, action: 'resolve', actor: 'nimbus-agent', role: 'supplier' });
    const rated = await run('rate', ticket.id, '4', '--comment', 'Duurde lang, "geen" update', '--lost-time', '120', '--reason', 'too_slow');
    expect(rated).toMatchObject({ code: 0, stdout: `${ticket.id} rated 4/10 (Nimbus Workspace B.V., Citrix Workspace).\n` });
    expect(await run('rate', ticket.id, 'seven')).toMatchObject({ code: 2, stderr: expect.stringContaining('SCORE expects a whole number, got "seven"') });
    expect(await run('rate', 'INC-2026-99999', '8')).toMatchObject({ code: 1, stderr: expect.stringContaining('no ticket INC-2026-99999') });
  });

  it('reports by supplier as JSON rows named by the grouping', async () => {
    const { code, stdout } = await run('report', 'xla', '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      rows: [expect.objectContaining({
        supplier: 'Nimbus Workspace B.V.', ratings: 1, happiness: -100, averageRating: 4, responseRate: 100, lostTimeMinutes: 120,
        slaResponseMet: 100, slaResolutionMet: 100, watermelon: false,
      })],
    });
  });

  it('reports by service as CSV and as a table; a wrong option is a usage error', async () => {
    const csv = await run('report', 'xla', '--by', 'service', '--format', 'csv');
    expect(csv.stdout.split('\r\n').slice(0, 2)).toEqual([
      'service,tickets,ratings,happiness,averageRating,responseRate,lostTimeMinutes,lostTimePerTicketMinutes,slaResponseMet,slaResolutionMet,questions,deflection,watermelon,targetsMissed',
      'Citrix Workspace,1,1,-100,4,100,120,120,100,100,0,,false,',
    ]);
    const table = await run('report', 'xla', '--by', 'contract');
    expect(table.stdout).toMatch(/^contract\s+ratings\s+happiness/);
    expect(table.stdout).toContain('SLA-CITRIX-2026');
    expect(await run('report', 'xla', '--from', '2027-01-01')).toMatchObject({ code: 0, stdout: 'No resolved tickets in this period.\n' });
    expect(await run('report', 'xla', '--by', 'colour')).toMatchObject({ code: 2, stderr: expect.stringContaining('by:') });
    expect(await run('report', 'xla', '--from', '1 jan')).toMatchObject({ code: 2, stderr: expect.stringContaining('YYYY-MM-DD') });
    expect(await run('report', 'sla')).toMatchObject({ code: 2 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sposa } from '../../../src/compose.js';
import { seedDemoIfEmpty } from '../../../src/demo/seed-demo.js';
import { testSposa } from '../../helpers/sposa.js';
import { type StoreTarget, storeTargets, type TestDb } from '../../helpers/test-db.js';

const END = new Date('2026-10-31T12:00:00Z');

describe.each(storeTargets())('the demo year ($name)', (target) => {
  let db: TestDb;
  let sposa: Sposa;
  beforeAll(async () => {
    db = await target.open();
    sposa = await testSposa(db);
    await sposa.ingest();
    await seedDemoIfEmpty(sposa, { end: END });
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('seeds real tickets with their audit trail, and ratings for most of them', async () => {
    const report = await sposa.xla.report();
    expect(report.total.tickets).toBeGreaterThan(200);
    expect(report.total.responseRate).toBeGreaterThan(40);
    const [ticket] = await sposa.tickets.list({ limit: 1 });
    expect((await sposa.tickets.events(ticket?.id ?? '')).map((event) => event.type).slice(0, 3)).toEqual(['opened', 'routed', 'acknowledged']);
  });

  it('spreads the tickets over the year before the end date, month by month', async () => {
    const months = (await sposa.xla.report()).trend.map((point) => point.month);
    expect(months.at(-1)).toBe('2026-10');
    expect(months.length).toBeGreaterThanOrEqual(11);
  });

  it('makes Nimbus the one watermelon: SLA met, experience poor', async () => {
    const rows = (await sposa.xla.report({ by: 'supplier' })).rows;
    expect(rows.filter((row) => row.watermelon).map((row) => row.key)).toEqual(['Nimbus Workspace B.V.']);
    expect(rows.find((row) => row.key === 'Nimbus Workspace B.V.')).toMatchObject({ slaResponseMet: 100, slaResolutionMet: 100 });
  });

  it('does not seed a database that already has tickets', async () => {
    expect(await seedDemoIfEmpty(sposa, { end: END })).toBeUndefined();
  });

  it('leaves no demo reporter to be asked for a rating', async () => {
    expect(await sposa.xla.requestsDue(END)).toEqual([]);
  });

  it('queues nothing for suppliers, reporters or managers, and leaves no open ticket to escalate', async () => {
    expect((await sposa.jobs.counts()).pending).toBe(0);
    expect(await sposa.tickets.list({ openOnly: true })).toEqual([]);
  });
});

describe('the demo year is deterministic', () => {
  it('comes out the same from the same end date and seed', async () => {
    const pglite = storeTargets()[0] as StoreTarget;
    const reports = [];
    for (let run = 0; run < 2; run += 1) {
      const db = await pglite.open();
      const sposa = await testSposa(db);
      await sposa.ingest();
      await seedDemoIfEmpty(sposa, { end: END, ticketsPerDay: 0.3, seed: 7 });
      reports.push(await sposa.xla.report({ by: 'contract' }));
      await db.destroy();
    }
    expect(reports[1]).toEqual(reports[0]);
  });
});

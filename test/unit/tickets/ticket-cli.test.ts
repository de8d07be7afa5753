import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run.js';
import type { Sposa } from '../../../src/compose.js';
import { cliContext, testSposa } from '../../helpers/sposa.js';
import { storeTargets, type TestDb } from '../../helpers/test-db.js';

describe.each(storeTargets())('sposa ticket on $name', (target) => {
  let db: TestDb;
  let sposa: Sposa;
  let now = new Date('2026-06-10T12:00:00Z');
  beforeAll(async () => {
    db = await target.open();
    sposa = await testSposa(db, { clock: () => now });
    await sposa.ingest();
  });
  afterAll(async () => {
    await db?.destroy();
  });
  const run = async (...argv: string[]) => {
    const { context, stdout, stderr } = cliContext(sposa);
    return { code: await runCli(argv, context), stdout: stdout.text, stderr: stderr.text };
  };

  it('open --json reads the service from the words, triages the priority and prints the routed ticket', async () => {
    const { code, stdout } = await run('ticket', 'open', 'de vpn valt steeds weg voor de hele afdeling', '--user', 'U7', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      id: expect.stringMatching(/^INC-2026-\d{5}$/),
      service: 'VPN',
      supplier: 'NetLink Telecom B.V.',
      contractId: 'SLA-NETWORK-2026',
      priority: 'P2',
      status: 'routed',
      responseDue: expect.stringMatching(/^2026-06-10T/),
      resolutionDue: expect.any(String),
    });
  });

  it('asks for the service when the words do not name one', async () => {
    const { code, stderr } = await run('ticket', 'open', 'something is off');
    expect(code).toBe(2);
    expect(stderr).toContain('--service');
  });

  it('walks a ticket through ack and resolve, with every step in the audit trail, and refuses illegal steps', async () => {
    const opened = JSON.parse((await run('ticket', 'open', 'citrix hangt', '--service', 'citrix', '--priority', 'P3', '--json')).stdout);
    now = new Date('2026-06-10T12:20:00Z');
    expect((await run('ticket', 'ack', opened.id, '--user', 'nimbus-agent')).stdout).toBe(`${opened.id} is now acknowledged.\n`);
    expect((await run('ticket', 'ack', opened.id)).stderr).toContain('is acknowledged; it cannot be acknowledged');
    now = new Date('2026-06-10T14:00:00Z');
    await run('ticket', 'resolve', opened.id, '--user', 'nimbus-agent', '--note', 'Restarted the StoreFront servers');
    const shown = JSON.parse((await run('ticket', 'show', opened.id, '--json')).stdout);
    expect(shown).toMatchObject({ status: 'resolved', acknowledgedAt: '2026-06-10T12:20:00.000Z', resolvedAt: '2026-06-10T14:00:00.000Z' });
    expect(shown.events.map((event: { type: string; actor: string }) => `${event.type}:${event.actor}`)).toEqual([
      'opened:cli', 'routed:sposa', 'acknowledged:nimbus-agent', 'resolved:nimbus-agent',
    ]);
    expect(shown.events[3].data).toEqual({ note: 'Restarted the StoreFront servers' });
  });

  it('lists open tickets per supplier', async () => {
    const { stdout } = await run('ticket', 'list', '--open', '--supplier', 'NetLink Telecom B.V.', '--json');
    const tickets = JSON.parse(stdout);
    expect(tickets.length).toBeGreaterThan(0);
    expect(tickets.every((t: { supplier: string; status: string }) => t.supplier === 'NetLink Telecom B.V.' && t.status === 'routed')).toBe(true);
  });

  it('says which ticket does not exist', async () => {
    expect((await run('ticket', 'show', 'INC-1999-00001')).stderr).toContain('no ticket INC-1999-00001');
    expect((await run('ticket', 'resolve', 'INC-1999-00001')).stderr).toContain('no ticket INC-1999-00001');
  });
});

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
    expect(shown.events[3].data).toEqual({ note: 'Restarted the StoreFront servers', role: 'staff' });
  });

  it('holds a ticket while it waits on the reporter, resumes it, reroutes it, and shows the computed SLA status', async () => {
    now = new Date('2026-06-10T12:00:00Z');
    const opened = JSON.parse((await run('ticket', 'open', 'citrix hangt', '--service', 'citrix', '--priority', 'P2', '--json')).stdout);
    expect(opened.sla).toEqual({ response: 'on-track', resolution: 'on-track' });
    expect((await run('ticket', 'wait', opened.id, '--note', 'Which client version?')).stdout).toBe(`${opened.id} is now acknowledged, waiting.\n`);
    now = new Date('2026-06-10T13:00:00Z');
    const waiting = JSON.parse((await run('ticket', 'show', opened.id, '--json')).stdout);
    expect(waiting).toMatchObject({ waitingSince: '2026-06-10T12:00:00.000Z', sla: { response: 'met', resolution: 'paused' } });
    await run('ticket', 'resume', opened.id, '--role', 'reporter', '--note', 'Version 2409');
    const resumed = JSON.parse((await run('ticket', 'show', opened.id, '--json')).stdout);
    // An hour on hold within office hours moves the 8-hour resolution target by an hour.
    expect(Date.parse(resumed.resolutionDue) - Date.parse(opened.resolutionDue)).toBe(3_600_000);
    const moved = await run('ticket', 'reroute', opened.id, '--service', 'vpn', '--note', 'It is the VPN client');
    expect(moved.stdout).toContain('is now with NetLink Telecom B.V.');
    expect((await run('ticket', 'wait', opened.id, '--waiting-on', 'someone')).stderr).toContain('--waiting-on expects reporter or third-party');
  });

  it('lists open tickets per supplier', async () => {
    const { stdout } = await run('ticket', 'list', '--open', '--supplier', 'NetLink Telecom B.V.', '--json');
    const tickets = JSON.parse(stdout);
    expect(tickets.length).toBeGreaterThan(0);
    expect(tickets.every((t: { supplier: string; status: string }) => t.supplier === 'NetLink Telecom B.V.' && t.status === 'routed')).toBe(true);
  });

  it('prints a supplier’s signing key for its ITSM team, and the state of the delivery queue', async () => {
    const key = (await run('supplier', 'key', 'nimbus workspace b.v.')).stdout.trim();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).toBe(await sposa.supplierKey('Nimbus Workspace B.V.'));
    expect((await run('supplier', 'key', 'Nobody')).stderr).toContain('known: ');
    const queue = JSON.parse((await run('supplier', 'deliveries', '--json')).stdout);
    expect(queue.pending).toBeGreaterThan(0); // the tickets opened above, waiting for a worker
  });

  it('asks which service is meant when the words name two equally well, and opens nothing', async () => {
    const before = (await sposa.tickets.list({ limit: 1_000 })).length;
    const { code, stderr } = await run('ticket', 'open', 'outlook en de vpn doen het allebei niet');
    expect(code).toBe(2);
    expect(stderr).toContain('which one is it, E-mail or VPN?');
    expect((await sposa.tickets.list({ limit: 1_000 })).length).toBe(before);
  });

  it('says which ticket does not exist', async () => {
    expect((await run('ticket', 'show', 'INC-1999-00001')).stderr).toContain('no ticket INC-1999-00001');
    expect((await run('ticket', 'resolve', 'INC-1999-00001')).stderr).toContain('no ticket INC-1999-00001');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sposa } from '../../../src/compose.js';
import { InvalidInputError } from '../../../src/errors.js';
import { testSposa } from '../../helpers/sposa.js';
import { storeTargets, type TestDb } from '../../helpers/test-db.js';

describe.each(storeTargets())('opening tickets on the demo corpus ($name)', (target) => {
  let db: TestDb;
  let sposa: Sposa;
  let now = new Date('2026-06-10T12:00:00Z'); // Wednesday 14:00 in Amsterdam
  beforeAll(async () => {
    db = await target.open();
    sposa = await testSposa(db, { clock: () => now });
    await sposa.ingest();
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const open = (service: string, priority: 'P1' | 'P2' | 'P3' | 'P4' = 'P2', description = 'It does not work') =>
    sposa.openTicket({ service, priority, description, reporterId: 'U1', origin: { surface: 'cli' } });

  it('routes to the accountable supplier, records the UCs behind it, and explains the choice', async () => {
    const ticket = await open('citrix');
    expect(ticket).toMatchObject({
      id: expect.stringMatching(/^INC-2026-\d{5}$/),
      status: 'routed',
      service: 'Citrix Workspace',
      supplier: 'Nimbus Workspace B.V.',
      contractId: 'SLA-CITRIX-2026',
      underpinning: [
        { supplier: 'CloudBridge Software Ltd', contractId: 'UC-CLOUDBRIDGE-2026' },
        { supplier: 'Datacenter Noord B.V.', contractId: 'UC-DCNOORD-NIMBUS-2026' },
      ],
    });
    expect(ticket.explanation).toContain('Routed to Nimbus Workspace B.V. under SLA SLA-CITRIX-2026');
  });

  it('sets due times from the contract targets and support hours', async () => {
    // SLA-CITRIX-2026 P2: response 30m, resolution 8h on mon-fri 07:00-19:00; Wednesday 14:00 + 8h support time
    // is 5h on Wednesday and 3h on Thursday, so Thursday 10:00.
    const ticket = await open('Citrix Workspace', 'P2');
    expect(ticket.responseDue).toBe('2026-06-10T12:30:00.000Z');
    expect(ticket.resolutionDue).toBe('2026-06-11T08:00:00.000Z');
  });

  it('numbers tickets in sequence per year and keeps an audit trail', async () => {
    const first = await open('vpn');
    const second = await open('vpn');
    expect(Number(second.id.slice(-5))).toBe(Number(first.id.slice(-5)) + 1);
    const events = await sposa.tickets.events(first.id);
    expect(events.map((event) => [event.type, event.actor])).toEqual([
      ['opened', 'U1'],
      ['routed', 'sposa'],
    ]);
    expect(events[0]?.data).toMatchObject({ description: 'It does not work', priority: 'P2' });
  });

  // SLA-CITRIX-2026: P2 30m/8h and P3 4h/3d within mon-fri 07:00-19:00, closed on public holidays; P1 15m/4h, 24/7.
  describe.each([
    ['a weeknight P2 waits for the morning', '2026-06-10T21:00:00Z', 'P2', '2026-06-11T05:30:00.000Z', '2026-06-11T13:00:00.000Z'],
    ['a weeknight P1 runs through the night', '2026-06-10T21:00:00Z', 'P1', '2026-06-10T21:15:00.000Z', '2026-06-11T01:00:00.000Z'],
    // Saturday 10:00: the clock starts Monday 07:00; 3 days of 12 support hours end Wednesday 19:00.
    ['a weekend P3 starts on Monday', '2026-06-13T08:00:00Z', 'P3', '2026-06-15T09:00:00.000Z', '2026-06-17T17:00:00.000Z'],
    // Friday 18:00 before Koningsdag (Monday 27 April): 1h on Friday, the rest from Tuesday 07:00.
    ['a P2 before a public holiday skips it', '2026-04-24T16:00:00Z', 'P2', '2026-04-24T16:30:00.000Z', '2026-04-28T12:00:00.000Z'],
  ] as const)('%s', (_name, at, priority, responseDue, resolutionDue) => {
    it('gets the due times worked out by hand', async () => {
      now = new Date(at);
      const ticket = await open('citrix', priority);
      expect({ responseDue: ticket.responseDue, resolutionDue: ticket.resolutionDue }).toEqual({ responseDue, resolutionDue });
      now = new Date('2026-06-10T12:00:00Z');
    });
  });

  it('keeps the reporter’s own words', async () => {
    const words = 'Citrix hangt sinds 09:00, ik heb een deadline vanavond!';
    expect((await open('citrix', 'P2', words)).description).toBe(words);
  });

  it('routes by the contract in force on the day: the expired network SLA is not used', async () => {
    expect((await open('vpn')).contractId).toBe('SLA-NETWORK-2026');
  });

  it('rejects an unknown service and bad input with the field named, writing nothing', async () => {
    const before = await db.query<{ n: number }>('select count(*)::int as n from tickets');
    await expect(open('koffieautomaat')).rejects.toThrow(InvalidInputError);
    await expect(open('koffieautomaat')).rejects.toThrow(/^service: no service matches "koffieautomaat"/);
    await expect(open('vpn', 'P2', '')).rejects.toThrow(/description/);
    const after = await db.query<{ n: number }>('select count(*)::int as n from tickets');
    expect(after).toEqual(before);
  });

  it('lists a reporter’s tickets, newest first', async () => {
    const tickets = await sposa.tickets.listByReporter('U1', { openOnly: true });
    expect(tickets.length).toBeGreaterThan(3);
    expect(tickets.every((ticket) => ticket.reporterId === 'U1')).toBe(true);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
    expect(ticket.explanation).toBe(
      'Routed to Nimbus Workspace B.V. under SLA SLA-CITRIX-2026 §1.1 (Doel en reikwijdte), which covers Citrix Workspace; ' +
        'behind it: CloudBridge Software Ltd (UC-CLOUDBRIDGE-2026), Datacenter Noord B.V. (UC-DCNOORD-NIMBUS-2026).',
    );
  });

  it('cites the clause that establishes the service, and records it on the routed event', async () => {
    // SLA-NETWORK-2026 §3.2 opens with "**VPN:** de always-on VPN …"; §1.1 only mentions the VPN service in passing.
    const vpn = await open('vpn');
    expect(vpn.explanation).toBe('Routed to NetLink Telecom B.V. under SLA SLA-NETWORK-2026 §3.2 (Diensten), which covers VPN.');
    const routed = (await sposa.tickets.events(vpn.id)).find((event) => event.type === 'routed');
    expect(routed?.data).toMatchObject({ contractId: 'SLA-NETWORK-2026', clause: '3.2', explanation: vpn.explanation });
    // An OLA is cited the same way: OLA-IAM-2026 §1.1 (Doel › Onderwerp) describes the IAM team's service.
    expect((await open('wachtwoord')).explanation).toContain('under OLA OLA-IAM-2026 §1.1 (Doel › Onderwerp), which covers Identity & Access');
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

  it('triages a report with the organisation’s priority matrix when SPOSA_PRIORITY_MATRIX sets one', async () => {
    const strict = await testSposa(db, { clock: () => now, env: { SPOSA_PRIORITY_MATRIX: 'high:medium=P1' } });
    const words = 'Nobody can log in to citrix, everyone is affected'; // impact high, urgency medium
    expect(await sposa.reportIncident(words, 'U1', { service: 'citrix' })).toMatchObject({ impact: 'high', urgency: 'medium', priority: 'P2' });
    expect(await strict.reportIncident(words, 'U1', { service: 'citrix' })).toMatchObject({ impact: 'high', urgency: 'medium', priority: 'P1' });
  });

  it('keeps the reporter’s own words', async () => {
    const words = 'Citrix hangt sinds 09:00, ik heb een deadline vanavond!';
    expect((await open('citrix', 'P2', words)).description).toBe(words);
  });

  it('routes by the contract in force on the day: the expired network SLA is not used', async () => {
    expect((await open('vpn')).contractId).toBe('SLA-NETWORK-2026');
  });

  describe('a ticket’s day decides the contract (SLA-NETWORK-2023 ran 2023-01-01 to 2025-12-31)', () => {
    afterEach(() => {
      now = new Date('2026-06-10T12:00:00Z');
    });

    it('routes a ticket of Wednesday 11 June 2025 under the old contract, with its clause and its targets', async () => {
      now = new Date('2025-06-11T12:00:00Z'); // Wednesday 14:00 in Amsterdam
      const ticket = await open('vpn', 'P2');
      expect(ticket).toMatchObject({ id: expect.stringMatching(/^INC-2025-\d{5}$/), supplier: 'NetLink Telecom B.V.', contractId: 'SLA-NETWORK-2023' });
      expect(ticket.explanation).toBe('Routed to NetLink Telecom B.V. under SLA SLA-NETWORK-2023 §3.2 (Services), which covers VPN.');
      // P2 1h / 16h in mon-fri 08:00-17:00: response 15:00; resolution 3h on Wednesday, 9h on Thursday, 4h on Friday.
      expect({ responseDue: ticket.responseDue, resolutionDue: ticket.resolutionDue }).toEqual({
        responseDue: '2025-06-11T13:00:00.000Z',
        resolutionDue: '2025-06-13T10:00:00.000Z',
      });
    });

    it('routes the same report today under SLA-NETWORK-2026, whose P2 runs 24/7', async () => {
      const ticket = await open('vpn', 'P2');
      expect(ticket).toMatchObject({ supplier: 'NetLink Telecom B.V.', contractId: 'SLA-NETWORK-2026' });
      expect(ticket.explanation).toContain('under SLA SLA-NETWORK-2026 §3.2');
      expect({ responseDue: ticket.responseDue, resolutionDue: ticket.resolutionDue }).toEqual({
        responseDue: '2026-06-10T12:30:00.000Z',
        resolutionDue: '2026-06-10T20:00:00.000Z',
      });
    });
  });

  describe('when no contract in force covers the service (SLA-SOC-2026 starts on 1 March 2026)', () => {
    afterEach(() => {
      now = new Date('2026-06-10T12:00:00Z');
    });

    it('routes to the service desk under its own agreement, says why, and takes the desk’s targets', async () => {
      now = new Date('2026-02-16T12:00:00Z'); // Monday 13:00 in Amsterdam
      const ticket = await open('phishing', 'P2');
      expect(ticket).toMatchObject({
        service: 'Security Monitoring',
        supplier: 'HelpPoint Services B.V.',
        contractId: 'SLA-SERVICEDESK-2026',
        contractType: 'SLA',
        underpinning: [],
      });
      expect(ticket.explanation).toBe(
        'No contract in force covers Security Monitoring on 2026-02-16; routed to the service desk, HelpPoint Services B.V., ' +
          'under SLA SLA-SERVICEDESK-2026 §1.1 (Doel en reikwijdte).',
      );
      // The desk's P2: 30m / 8h in mon-fri 07:00-22:00: Monday 13:00 + 8h is 21:00.
      expect({ responseDue: ticket.responseDue, resolutionDue: ticket.resolutionDue }).toEqual({
        responseDue: '2026-02-16T12:30:00.000Z',
        resolutionDue: '2026-02-16T20:00:00.000Z',
      });
    });

    it('goes to SecureOps once its contract is in force', async () => {
      now = new Date('2026-03-02T12:00:00Z');
      expect(await open('phishing', 'P2')).toMatchObject({ supplier: 'SecureOps Nederland B.V.', contractId: 'SLA-SOC-2026' });
    });
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

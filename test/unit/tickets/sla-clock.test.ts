import { describe, expect, it } from 'vitest';
import { parseSupportSchedule, type SupportHours } from '../../../src/contracts/index.js';
import { dueTime, type Pause, type SlaTerms, slaStatus, type Ticket } from '../../../src/tickets/index.js';

const TZ = 'Europe/Amsterdam';
const hours = (spec: string): SupportHours => {
  const parsed = parseSupportSchedule(spec);
  if ('error' in parsed) throw new Error(parsed.error);
  return { default: parsed, byPriority: {}, holidays: 'closed' };
};
const office: SlaTerms = {
  hours: hours('mon-fri 08:00-18:00'),
  targets: { response: { text: '1h', amount: 1, unit: 'hours' }, resolution: { text: '8h', amount: 8, unit: 'hours' } },
  priority: 'P2',
  timezone: TZ,
};
/** Amsterdam summer time (UTC+2) wall-clock instants, written out by hand. */
const cest = (local: string) => new Date(`${local}:00+02:00`);
const eight = { text: '8h', amount: 8, unit: 'hours' } as const;

describe('dueTime', () => {
  it('counts only support time: Wednesday 14:00 + 8h on office hours is Thursday 12:00', () => {
    expect(dueTime(office, eight, cest('2026-06-10T14:00'), [])?.toISOString()).toBe(cest('2026-06-11T12:00').toISOString());
  });

  it('skips a wait on the reporter: two support hours on hold move the due time by two support hours', () => {
    const pauses: Pause[] = [{ from: cest('2026-06-10T15:00').toISOString(), to: cest('2026-06-10T17:00').toISOString(), reason: 'reporter' }];
    expect(dueTime(office, eight, cest('2026-06-10T14:00'), pauses)?.toISOString()).toBe(cest('2026-06-11T14:00').toISOString());
  });

  it('counts only the support time inside a wait: on hold from 17:00 to 09:00 the next morning costs two support hours', () => {
    const pauses: Pause[] = [{ from: cest('2026-06-10T17:00').toISOString(), to: cest('2026-06-11T09:00').toISOString(), reason: 'third-party' }];
    expect(dueTime(office, eight, cest('2026-06-10T14:00'), pauses)?.toISOString()).toBe(cest('2026-06-11T14:00').toISOString());
  });

  it('has no due time while the wait is open, and ignores a wait that starts after the clock ran out', () => {
    const open: Pause[] = [{ from: cest('2026-06-10T15:00').toISOString(), reason: 'reporter' }];
    expect(dueTime(office, eight, cest('2026-06-10T14:00'), open)).toBeUndefined();
    const late: Pause[] = [{ from: cest('2026-06-12T09:00').toISOString(), reason: 'reporter' }];
    expect(dueTime(office, eight, cest('2026-06-10T14:00'), late)?.toISOString()).toBe(cest('2026-06-11T12:00').toISOString());
  });
});

describe('slaStatus', () => {
  const opened = cest('2026-06-10T14:00').toISOString();
  const ticket: Ticket = {
    id: 'INC-2026-00001', status: 'routed', service: 'Citrix Workspace', priority: 'P2', description: 'x', reporterId: 'U1',
    origin: { surface: 'cli' }, supplier: 'Nimbus', contractId: 'SLA-X', contractType: 'SLA', underpinning: [], explanation: '',
    responseDue: cest('2026-06-10T15:00').toISOString(), resolutionDue: cest('2026-06-11T12:00').toISOString(),
    createdAt: opened, updatedAt: opened, routedAt: opened, pauses: [],
  };
  const at = (local: string) => slaStatus(ticket, cest(local), 0.75, office);

  it('is on track early, at risk once three quarters of the target has run, breached after the due time', () => {
    expect(at('2026-06-10T14:30')).toEqual({ response: 'on-track', resolution: 'on-track' });
    expect(at('2026-06-10T14:50')).toEqual({ response: 'at-risk', resolution: 'on-track' });
    expect(at('2026-06-10T15:01')).toMatchObject({ response: 'breached' });
    // 6 of 8 support hours run by Thursday 10:00 (4h on Wednesday, 2h on Thursday).
    expect(at('2026-06-11T09:59')).toMatchObject({ resolution: 'on-track' });
    expect(at('2026-06-11T10:00')).toMatchObject({ resolution: 'at-risk' });
  });

  it('measures the share in support time, so a night does not push a ticket into risk', () => {
    // Wednesday 17:00 to Thursday 07:00 adds no support time: still 3 of 8 hours.
    expect(at('2026-06-11T07:00')).toMatchObject({ resolution: 'on-track' });
  });

  it('freezes stopped clocks as met or breached', () => {
    const answered = { ...ticket, acknowledgedAt: cest('2026-06-10T14:20').toISOString(), resolvedAt: cest('2026-06-11T13:00').toISOString(), status: 'resolved' as const };
    expect(slaStatus(answered, cest('2026-07-01T12:00'), 0.75, office)).toEqual({ response: 'met', resolution: 'breached' });
  });

  it('reports a waiting ticket as paused, and a cancelled one not at all', () => {
    const waiting = { ...ticket, acknowledgedAt: cest('2026-06-10T14:10').toISOString(), pauses: [{ from: cest('2026-06-10T14:10').toISOString(), reason: 'reporter' as const }] };
    expect(slaStatus(waiting, cest('2026-06-20T12:00'), 0.75, office)).toEqual({ response: 'met', resolution: 'paused' });
    expect(slaStatus({ ...ticket, status: 'cancelled' }, cest('2026-06-20T12:00'), 0.75, office)).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { addSupportTime, dutchPublicHoliday, supportMinutesBetween, supportStatusAt } from '../../../src/calendar/index.js';
import { parseSupportSchedule, type SupportHours, type SupportSchedule } from '../../../src/contracts/index.js';

const TZ = 'Europe/Amsterdam';
const schedule = (spec: string): SupportSchedule => {
  const parsed = parseSupportSchedule(spec);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
};
const hours = (spec: string, overrides: Partial<Record<'P1', string>> = {}, holidays: 'open' | 'closed' = 'closed'): SupportHours => ({
  default: schedule(spec),
  byPriority: overrides.P1 ? { P1: schedule(overrides.P1) } : {},
  holidays,
});
/** A local Amsterdam wall-clock time as an instant (luxon-free, so the test does not share the code under test). */
const local = (iso: string, offsetHours: 1 | 2) => new Date(`${iso}:00+0${offsetHours}:00`);
const office = hours('mon-fri 08:00-18:00');

describe('dutchPublicHoliday', () => {
  it('names public holidays and ignores observances', () => {
    expect(dutchPublicHoliday('2026-04-27')).toBe('Koningsdag');
    expect(dutchPublicHoliday('2026-12-25')).toBe('Kerstmis');
    expect(dutchPublicHoliday('2026-04-06')).toBe('Tweede paasdag');
    expect(dutchPublicHoliday('2026-05-04')).toBeUndefined(); // Dodenherdenking is an observance
    expect(dutchPublicHoliday('2026-06-10')).toBeUndefined();
  });
});

describe('supportStatusAt', () => {
  it('is open on a weekday afternoon until the window closes', () => {
    const status = supportStatusAt(office, local('2026-06-10T14:00', 2), TZ);
    expect(status).toMatchObject({ open: true, closesAt: local('2026-06-10T18:00', 2) });
  });

  it('is closed on a weekday evening, opening the next morning', () => {
    expect(supportStatusAt(office, local('2026-06-10T19:30', 2), TZ)).toMatchObject({ open: false, nextOpen: local('2026-06-11T08:00', 2) });
  });

  it('is closed on a Friday evening until Monday morning', () => {
    expect(supportStatusAt(office, local('2026-06-12T19:30', 2), TZ).nextOpen).toEqual(local('2026-06-15T08:00', 2));
  });

  it('closes support on Koningsdag when holidays are closed, naming the holiday', () => {
    expect(supportStatusAt(office, local('2026-04-27T11:00', 2), TZ)).toMatchObject({ open: false, holiday: 'Koningsdag', nextOpen: local('2026-04-28T08:00', 2) });
    expect(supportStatusAt(hours('mon-fri 08:00-18:00', {}, 'open'), local('2026-04-27T11:00', 2), TZ).open).toBe(true);
  });

  it('skips Easter Monday when looking for the next opening', () => {
    expect(supportStatusAt(office, local('2026-04-03T19:00', 2), TZ).nextOpen).toEqual(local('2026-04-07T08:00', 2));
  });

  it('keeps a 24/7 schedule open on Christmas Day', () => {
    expect(supportStatusAt(hours('24/7'), local('2026-12-25T03:00', 1), TZ).open).toBe(true);
  });

  it('uses the P1 override when asked about P1', () => {
    const citrix = hours('mon-fri 07:00-19:00', { P1: '24/7' });
    const sundayNight = local('2026-06-14T23:00', 2);
    expect(supportStatusAt(citrix, sundayNight, TZ).open).toBe(false);
    expect(supportStatusAt(citrix, sundayNight, TZ, 'P1').open).toBe(true);
  });

  it('treats a window past midnight as one stretch', () => {
    const nights = hours('mon-fri 22:00-02:00');
    expect(supportStatusAt(nights, local('2026-06-10T23:00', 2), TZ)).toMatchObject({ open: true, closesAt: local('2026-06-11T02:00', 2) });
    expect(supportStatusAt(nights, local('2026-06-11T01:00', 2), TZ).open).toBe(true);
  });
});

describe('addSupportTime', () => {
  it('carries the rest of a duration over the weekend', () => {
    expect(addSupportTime(office, local('2026-06-12T16:00', 2), { text: '4h', amount: 4, unit: 'hours' }, TZ)).toEqual(local('2026-06-15T10:00', 2));
  });

  it('starts the clock when support opens if the ticket comes in outside hours', () => {
    expect(addSupportTime(office, local('2026-06-13T11:00', 2), { text: '30m', amount: 30, unit: 'minutes' }, TZ)).toEqual(local('2026-06-15T08:30', 2));
  });

  it('counts support days as the longest support day of the schedule', () => {
    // mon-fri 08:00-17:30 is 570 minutes a day: 3d from Wednesday 08:00 ends Friday 17:30.
    const desk = hours('mon-fri 08:00-17:30');
    expect(addSupportTime(desk, local('2026-06-10T08:00', 2), { text: '3d', amount: 3, unit: 'days' }, TZ)).toEqual(local('2026-06-12T17:30', 2));
  });

  it('skips public holidays the contract closes on', () => {
    // Friday 26 April 16:00 + 4h: 2h Friday, Monday is Koningsdag, so 2h on Tuesday 28 April.
    expect(addSupportTime(office, local('2026-04-24T16:00', 2), { text: '4h', amount: 4, unit: 'hours' }, TZ)).toEqual(local('2026-04-28T10:00', 2));
  });

  it('counts real elapsed time for 24/7 across the spring DST change', () => {
    // 00:30 CET + 4h of real time = 05:30 CEST, because 02:00-03:00 does not exist that night.
    expect(addSupportTime(hours('24/7'), local('2026-03-29T00:30', 1), { text: '4h', amount: 4, unit: 'hours' }, TZ)).toEqual(local('2026-03-29T05:30', 2));
  });

  it('keeps office windows on local time across the autumn DST change', () => {
    // Friday 23 October 17:00 + 2h: 1h Friday, then Monday 26 October 08:00-09:00 (now CET).
    expect(addSupportTime(office, local('2026-10-23T17:00', 2), { text: '2h', amount: 2, unit: 'hours' }, TZ)).toEqual(local('2026-10-26T09:00', 1));
  });

  it('uses the priority’s own hours', () => {
    const citrix = hours('mon-fri 07:00-19:00', { P1: '24/7' });
    const saturday = local('2026-06-13T10:00', 2);
    expect(addSupportTime(citrix, saturday, { text: '4h', amount: 4, unit: 'hours' }, TZ, 'P1')).toEqual(local('2026-06-13T14:00', 2));
    expect(addSupportTime(citrix, saturday, { text: '4h', amount: 4, unit: 'hours' }, TZ, 'P2')).toEqual(local('2026-06-15T11:00', 2));
  });
});

describe('supportMinutesBetween', () => {
  it('counts only support minutes, skipping the weekend', () => {
    expect(supportMinutesBetween(office, local('2026-06-12T17:00', 2), local('2026-06-15T09:00', 2), TZ)).toBe(120);
  });

  it('skips a closed holiday and is zero for an empty or reversed range', () => {
    expect(supportMinutesBetween(office, local('2026-04-27T00:00', 2), local('2026-04-28T00:00', 2), TZ)).toBe(0);
    expect(supportMinutesBetween(office, local('2026-06-10T12:00', 2), local('2026-06-10T11:00', 2), TZ)).toBe(0);
  });

  it('agrees with addSupportTime', () => {
    const start = local('2026-06-11T15:20', 2);
    const end = addSupportTime(office, start, { text: '7h', amount: 7, unit: 'hours' }, TZ);
    expect(supportMinutesBetween(office, start, end, TZ)).toBe(420);
  });
});

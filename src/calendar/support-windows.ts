/** @module The real instants of support on a local day: weekly windows, minus closed public holidays, DST-exact. */
import type { Priority, SupportHours } from '../contracts/types.js';
import { dutchPublicHoliday } from './holidays.js';
import { isoDate, isoWeekday, type LocalTime } from './local-time.js';
import { scheduleFor, weeklyRanges } from './schedule.js';

/** A stretch of support as instants (ms since the epoch), [start, end). */
export type Interval = readonly [start: number, end: number];

/** Precomputed per schedule so day-by-day loops do no parsing. */
export interface SupportCalendar {
  always: boolean;
  /** Support intervals on a local day number, in order. */
  intervals(day: number): Interval[];
  /** The holiday that closes support on a local day, if any. */
  closedFor(day: number): string | undefined;
}

export function supportCalendar(hours: SupportHours, zone: LocalTime, priority?: Priority): SupportCalendar {
  const schedule = scheduleFor(hours, priority);
  const week = weeklyRanges(schedule);
  const closedFor = (day: number) => (schedule.always || hours.holidays === 'open' ? undefined : dutchPublicHoliday(isoDate(day)));
  return {
    always: schedule.always,
    closedFor,
    intervals(day) {
      if (closedFor(day)) return [];
      return (week[isoWeekday(day)] ?? [])
        .map(([from, to]): Interval => [zone.instantAt(day, from), zone.instantAt(day, to)])
        .filter(([start, end]) => end > start);
    },
  };
}

/** @module Support-time arithmetic for SLA clocks: add support time to an instant, and measure it between two. */
import type { Duration, Priority, SupportHours } from '../contracts/types.js';
import { InvalidInputError } from '../errors.js';
import { localTime } from './local-time.js';
import { scheduleFor, supportDayMinutes } from './schedule.js';
import { supportCalendar } from './support-windows.js';

const MINUTE_MS = 60_000;
/** A schedule with no support in this many days is treated as never open, rather than looping for ever. */
const MAX_DAYS = 3_660;

/** A duration in support minutes; "d" is a support day, the longest weekday of the schedule. */
export function durationMinutes(hours: SupportHours, duration: Duration, priority?: Priority): number {
  if (duration.unit === 'minutes') return duration.amount;
  if (duration.unit === 'hours') return duration.amount * 60;
  return duration.amount * supportDayMinutes(scheduleFor(hours, priority));
}

/**
 * The instant at which `duration` of support time has passed after `start`, counting only time within the support
 * windows of the priority's schedule (and skipping public holidays when the contract closes on them). A start
 * outside support hours starts the clock when support next opens.
 */
export function addSupportTime(hours: SupportHours, start: Date, duration: Duration, timezone: string, priority?: Priority): Date {
  let remaining = durationMinutes(hours, duration, priority) * MINUTE_MS;
  const cursor = start.getTime();
  if (scheduleFor(hours, priority).always) return new Date(cursor + remaining);
  const zone = localTime(timezone);
  const calendar = supportCalendar(hours, zone, priority);
  const first = zone.dayOf(cursor) - 1;
  for (let day = first; day < first + MAX_DAYS; day += 1) {
    for (const [windowStart, windowEnd] of calendar.intervals(day)) {
      if (windowEnd <= cursor) continue;
      const from = Math.max(windowStart, cursor);
      if (remaining <= windowEnd - from) return new Date(from + remaining);
      remaining -= windowEnd - from;
    }
  }
  throw new InvalidInputError(`the support hours "${scheduleFor(hours, priority).spec}" never open, so no due time can be set`);
}

/** Support minutes in [from, to): how much of an SLA clock has run between two instants. */
export function supportMinutesBetween(hours: SupportHours, from: Date, to: Date, timezone: string, priority?: Priority): number {
  const start = from.getTime();
  const end = to.getTime();
  if (end <= start) return 0;
  if (scheduleFor(hours, priority).always) return (end - start) / MINUTE_MS;
  const zone = localTime(timezone);
  const calendar = supportCalendar(hours, zone, priority);
  let total = 0;
  for (let day = zone.dayOf(start) - 1; day <= zone.dayOf(end); day += 1) {
    for (const [windowStart, windowEnd] of calendar.intervals(day)) {
      total += Math.max(0, Math.min(windowEnd, end) - Math.max(windowStart, start));
    }
  }
  return total / MINUTE_MS;
}

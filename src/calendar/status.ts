/** @module Is support open at a moment, until when, and if not, when does it open again? */
import type { Priority, SupportHours, SupportSchedule } from '../contracts/types.js';
import { localTime } from './local-time.js';
import { scheduleFor } from './schedule.js';
import { supportCalendar } from './support-windows.js';

/** How far ahead the next opening is looked for; a schedule closed longer than this has no next opening. */
const SEARCH_DAYS = 31;

export interface SupportStatus {
  open: boolean;
  /** The schedule that applied (the priority's override or the default). */
  schedule: SupportSchedule;
  /** The public holiday that closes support that day, if one does. */
  holiday?: string;
  /** When the current stretch of support ends (adjacent windows, such as across midnight, count as one). */
  closesAt?: Date;
  /** When support next opens, if it is closed now. */
  nextOpen?: Date;
}

/**
 * Support status at an instant in a time zone.
 * @param priority a ticket priority whose own hours apply (P1 is often 24/7); omitted for the default hours.
 */
export function supportStatusAt(hours: SupportHours, instant: Date, timezone: string, priority?: Priority): SupportStatus {
  const schedule = scheduleFor(hours, priority);
  if (schedule.always) return { open: true, schedule };
  const zone = localTime(timezone);
  const calendar = supportCalendar(hours, zone, priority);
  const at = instant.getTime();
  const today = zone.dayOf(at);
  const holiday = calendar.closedFor(today);
  // Yesterday's windows may run into today (22:00-02:00 is split at midnight, so the early part is today's).
  const intervals = [today - 1, today, ...Array.from({ length: SEARCH_DAYS }, (_, i) => today + 1 + i)].flatMap((day) => calendar.intervals(day));
  const current = intervals.findIndex(([start, end]) => start <= at && at < end);
  if (current >= 0) {
    let end = (intervals[current] as readonly [number, number])[1];
    for (const [start, next] of intervals.slice(current + 1)) {
      if (start > end) break;
      end = Math.max(end, next);
    }
    return { open: true, schedule, ...(holiday ? { holiday } : {}), closesAt: new Date(end) };
  }
  const upcoming = intervals.find(([start]) => start > at);
  return { open: false, schedule, ...(holiday ? { holiday } : {}), ...(upcoming ? { nextOpen: new Date(upcoming[0]) } : {}) };
}

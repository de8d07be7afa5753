/** @module Which support schedule applies to a priority, and what a schedule looks like per weekday. */
import type { Priority, SupportHours, SupportSchedule } from '../contracts/types.js';

/** A stretch of local wall-clock minutes on one day, [from, to), with 0 ≤ from < to ≤ 1440. */
export type MinuteRange = readonly [from: number, to: number];

const MINUTES_PER_DAY = 24 * 60;

/**
 * The schedule that governs a priority: its own override when the contract has one (P1 is often 24/7), else the default.
 * @param priority omitted for questions that are not about a ticket, which get the default schedule.
 */
export function scheduleFor(hours: SupportHours, priority?: Priority): SupportSchedule {
  return (priority === undefined ? undefined : hours.byPriority[priority]) ?? hours.default;
}

/**
 * The support minutes of each ISO weekday, sorted and merged so that overlapping or touching windows
 * ("mon 08:00-12:00, mon 12:00-17:00") count once. Index 0 is unused so that index 1 is Monday.
 */
export function weeklyRanges(schedule: SupportSchedule): MinuteRange[][] {
  const week: MinuteRange[][] = Array.from({ length: 8 }, () => []);
  if (schedule.always) {
    for (let day = 1; day <= 7; day++) week[day] = [[0, MINUTES_PER_DAY]];
    return week;
  }
  for (let day = 1; day <= 7; day++) {
    const windows = schedule.windows
      .filter((window) => window.day === day && window.toMinute > window.fromMinute)
      .map((window): [number, number] => [Math.max(0, window.fromMinute), Math.min(MINUTES_PER_DAY, window.toMinute)])
      .sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const window of windows) {
      const last = merged.at(-1);
      if (last && window[0] <= last[1]) last[1] = Math.max(last[1], window[1]);
      else merged.push(window);
    }
    week[day] = merged;
  }
  return week;
}

/**
 * The length of one support day in minutes: the most support minutes any single weekday of the schedule has
 * (1440 for 24/7). A "3d" target on "mon-fri 08:00-17:30" is therefore 3 × 570 support minutes.
 */
export function supportDayMinutes(schedule: SupportSchedule): number {
  return Math.max(
    0,
    ...weeklyRanges(schedule).map((ranges) => ranges.reduce((sum, [from, to]) => sum + to - from, 0)),
  );
}

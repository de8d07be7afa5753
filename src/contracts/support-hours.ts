/** @module Parses the support-hours and duration notations used in contract front matter. */
import type { Duration, SupportSchedule, SupportWindow } from './types.js';

const DAY_NAMES: Record<string, number> = {
  mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7,
  ma: 1, di: 2, wo: 3, do: 4, vr: 5, za: 6, zo: 7,
};

const WINDOW_PATTERN = /^([a-z]{2,3})(?:\s*-\s*([a-z]{2,3}))?\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/;

/**
 * Parses "24/7" or weekly windows such as "mon-fri 07:00-19:00, sat 09:00-13:00" (Dutch day names work too).
 * A window ending at or before its start runs past midnight into the next day.
 * @returns the schedule, or an error message saying what is wrong.
 */
export function parseSupportSchedule(spec: string): SupportSchedule | { error: string } {
  const text = spec.trim().toLowerCase();
  if (text === '24/7' || text === '24x7') return { spec, always: true };
  const windows: SupportWindow[] = [];
  for (const part of text.split(',').map((piece) => piece.trim())) {
    const match = WINDOW_PATTERN.exec(part);
    if (!match) return { error: `"${part}" is not like "mon-fri 08:00-18:00" or "24/7"` };
    const [, firstName = '', lastName, fromHour, fromMinute, toHour, toMinute] = match;
    const first = DAY_NAMES[firstName];
    const last = lastName === undefined ? first : DAY_NAMES[lastName];
    if (first === undefined || last === undefined) return { error: `unknown day in "${part}" (use mon..sun or ma..zo)` };
    const from = Number(fromHour) * 60 + Number(fromMinute);
    const to = Number(toHour) * 60 + Number(toMinute);
    if (from > 24 * 60 || to > 24 * 60 || Number(fromMinute) > 59 || Number(toMinute) > 59) {
      return { error: `impossible time in "${part}"` };
    }
    for (let day = first; ; day = (day % 7) + 1) {
      if (to > from) windows.push({ day, fromMinute: from, toMinute: to });
      else {
        windows.push({ day, fromMinute: from, toMinute: 24 * 60 });
        if (to > 0) windows.push({ day: (day % 7) + 1, fromMinute: 0, toMinute: to });
      }
      if (day === last) break;
    }
  }
  return { spec, always: false, windows };
}

const DURATION_PATTERN = /^(\d+(?:\.\d+)?)\s*(m|min|h|u|d)$/;

/** Parses "15m", "4h" (or Dutch "4u") and "3d" (support days). */
export function parseDuration(text: string): Duration | { error: string } {
  const match = DURATION_PATTERN.exec(text.trim().toLowerCase());
  if (!match) return { error: `"${text}" is not a duration like 15m, 4h or 3d` };
  const amount = Number(match[1]);
  const unitLetter = match[2];
  const unit = unitLetter === 'd' ? 'days' : unitLetter === 'h' || unitLetter === 'u' ? 'hours' : 'minutes';
  return { text: text.trim(), amount, unit };
}

/** @module Report periods: calendar dates in the organisation's time zone, the end date included. */
import { DateTime } from 'luxon';
import { InvalidInputError } from '../errors.js';

export interface Period {
  from?: Date;
  /** Exclusive: the start of the day after the last date asked for. */
  to?: Date;
}

function startOfDay(date: string, timezone: string, name: string): DateTime {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? DateTime.fromISO(date, { zone: timezone }) : undefined;
  if (!day?.isValid) throw new InvalidInputError(`${name}: expected a date as YYYY-MM-DD, got "${date}"`);
  return day.startOf('day');
}

/** Turns `--from 2026-01-01 --to 2026-03-31` into [2026-01-01 00:00, 2026-04-01 00:00) local time. */
export function parsePeriod(dates: { from?: string; to?: string }, timezone: string): Period {
  const from = dates.from ? startOfDay(dates.from, timezone, 'from').toJSDate() : undefined;
  const to = dates.to ? startOfDay(dates.to, timezone, 'to').plus({ days: 1 }).toJSDate() : undefined;
  if (from && to && from >= to) throw new InvalidInputError(`to: ${dates.to} is before ${dates.from}`);
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** @module Time: an injectable clock and calendar helpers in the organisation's time zone. */
import { DateTime } from 'luxon';

/** Where "now" comes from; tests pass a fixed one. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** The calendar date (YYYY-MM-DD) of an instant in a time zone: contracts start and end on local days. */
export function localDate(instant: Date, timezone: string): string {
  return DateTime.fromJSDate(instant).setZone(timezone).toISODate() ?? instant.toISOString().slice(0, 10);
}

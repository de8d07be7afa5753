/** @module Wall-clock time in an IANA time zone: local day numbers and the real instants of local times, DST-exact. */
import { IANAZone } from 'luxon';
import { InvalidInputError } from '../errors.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Milliseconds in a calendar day of the naive (offset-free) local time line. */
export const DAY_MS = 24 * HOUR_MS;
/** Further than any UTC offset (−12h … +14h) reaches, so probes this far apart bracket every instant a local time can map to. */
const PROBE_MS = 15 * HOUR_MS;
/** Offsets remembered per zone; cleared when full so a long-running process does not grow without bound. */
const MAX_PROBES = 100_000;

/**
 * Local time in one zone. A local date is a day number (days since 1970-01-01 on the local calendar), a local time a
 * minute of that day (0…1440). Asking luxon for UTC offsets costs microseconds, so offsets at day boundaries are memoised:
 * on the ~363 days a year without a DST change, every local time of the day converts with one subtraction.
 */
export class LocalTime {
  private readonly zone: IANAZone;
  private readonly probes = new Map<number, number>();

  constructor(readonly timezone: string) {
    if (!IANAZone.isValidZone(timezone)) throw new InvalidInputError(`unknown time zone "${timezone}"`);
    this.zone = IANAZone.create(timezone);
  }

  /** The local day number of an instant. */
  dayOf(instant: number): number {
    return Math.floor((instant + this.offset(instant) * MINUTE_MS) / DAY_MS);
  }

  /**
   * The instant at which the wall clock on local `day` reads `minute` (1440 is the next day's midnight).
   * A time the clock skips (02:30 on the spring-forward night) is reached at the jump, so a window 02:00-02:30 that
   * night is empty and 01:00-04:00 lasts two hours; a time the clock shows twice (autumn) counts at its first showing.
   */
  instantAt(day: number, minute: number): number {
    const naive = day * DAY_MS + minute * MINUTE_MS;
    const before = this.probe(day);
    // Equal offsets from 15h before the day to 57h after its midnight: no change today (changes are months apart).
    if (before === this.probe(day + 3)) return naive - before * MINUTE_MS;
    return this.resolve(naive);
  }

  private offset(instant: number): number {
    return this.zone.offset(instant);
  }

  private probe(day: number): number {
    let offset = this.probes.get(day);
    if (offset === undefined) {
      if (this.probes.size >= MAX_PROBES) this.probes.clear();
      offset = this.offset(day * DAY_MS - PROBE_MS);
      this.probes.set(day, offset);
    }
    return offset;
  }

  /** The exact conversion near a change: try the offsets before and after it, as luxon does, but clamp skipped times to the jump. */
  private resolve(naive: number): number {
    const early = this.offset(naive - PROBE_MS);
    const late = this.offset(naive + PROBE_MS);
    if (early === late) return naive - early * MINUTE_MS;
    const first = naive - early * MINUTE_MS;
    const second = naive - late * MINUTE_MS;
    const firstValid = this.offset(first) === early;
    const secondValid = this.offset(second) === late;
    if (firstValid && secondValid) return Math.min(first, second);
    if (firstValid) return first;
    if (secondValid) return second;
    // Skipped time: the change lies between the two candidates; find the first instant on the new offset.
    let low = Math.min(first, second);
    let high = Math.max(first, second);
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (this.offset(middle) === early) low = middle;
      else high = middle;
    }
    return high;
  }
}

const zones = new Map<string, LocalTime>();

/** The shared LocalTime of a zone, so its memoised offsets serve every caller. Throws InvalidInputError for an unknown zone. */
export function localTime(timezone: string): LocalTime {
  let zone = zones.get(timezone);
  if (!zone) {
    zone = new LocalTime(timezone);
    zones.set(timezone, zone);
  }
  return zone;
}

/** The YYYY-MM-DD date of a local day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of a local day number; day 0, 1970-01-01, was a Thursday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** @module Dutch public holidays by local date, cached per year because support-time loops ask for every day. */
import Holidays from 'date-holidays';

/** date-holidays also lists school, bank and observance days (Goede Vrijdag, Bevrijdingsdag, …); only `public` closes support. */
const calendar = new Holidays('NL');

/** Holiday names by YYYY-MM-DD, one map per year: computing a year's rules is slow, looking a day up must not be. */
const byYear = new Map<number, Map<string, string>>();

function holidaysOf(year: number): Map<string, string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Map();
    for (const holiday of calendar.getHolidays(year, 'nl')) {
      // `date` is local ("2026-04-27 00:00:00"), which is what a calendar date means; `start` is an instant.
      if (holiday.type === 'public') days.set(holiday.date.slice(0, 10), holiday.name);
    }
    byYear.set(year, days);
  }
  return days;
}

/**
 * The Dutch public holiday on a calendar date, such as "Koningsdag" or "Tweede kerstdag".
 * @param date a local date as YYYY-MM-DD.
 * @returns the holiday's Dutch name, or undefined on an ordinary day (or an unreadable date).
 */
export function dutchPublicHoliday(date: string): string | undefined {
  const year = Number(date.slice(0, 4));
  if (!Number.isInteger(year)) return undefined;
  return holidaysOf(year).get(date);
}

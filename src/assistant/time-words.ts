/** @module Time words: turns "now", "tonight", "'s nachts", "in het weekend", "met Kerst" into a moment to check. */
import { DateTime } from 'luxon';
import { normalize } from '../registry/index.js';

export type TimeReferenceKind = 'now' | 'tonight' | 'evening' | 'night' | 'weekend' | 'holiday' | 'tomorrow';

export interface TimeReference {
  kind: TimeReferenceKind;
  /** The moment the question is about. */
  at: Date;
}

const PATTERNS: [TimeReferenceKind, RegExp][] = [
  ['holiday', /\b(feestdag(en)?|public holidays?|bank holidays?|kerst(mis)?|christmas|koningsdag|kings day|pasen|easter|pinksteren|hemelvaart(sdag)?|nieuwjaarsdag|new years? day)\b/],
  ['weekend', /\b(weekend|weekends|zaterdag|zaterdags|zondag|zondags|saturday|saturdays|sunday|sundays)\b/],
  ['night', /\b(s nachts|snachts|nacht|nachts|at night|overnight|night|middernacht|midnight)\b/],
  ['tonight', /\b(vanavond|vannacht|tonight|this evening)\b/],
  ['evening', /\b(s avonds|savonds|avond|avonds|evening|evenings|after hours|na kantoortijd|buiten kantoortijden?|outside (office|business) hours)\b/],
  ['tomorrow', /\b(morgen|tomorrow)\b/],
  ['now', /\b(nu|op dit moment|momenteel|now|right now|currently|at the moment)\b/],
];

/**
 * Finds the first time reference in a question, resolved against `now` in the organisation's time zone.
 * Generic phrases ("'s avonds", "in the weekend") resolve to a typical such moment in the coming week.
 */
export function findTimeReference(question: string, now: Date, timezone: string): TimeReference | undefined {
  // Normalising turns "'s avonds" into "s avonds"; the patterns are written for that form.
  const text = normalize(question);
  const local = DateTime.fromJSDate(now).setZone(timezone);
  const nextWeekday = (weekday: number, hour: number, minute = 0) => {
    let day = local.set({ hour, minute, second: 0, millisecond: 0 });
    while (day.weekday !== weekday || day < local) day = day.plus({ days: 1 });
    return day.toJSDate();
  };
  for (const [kind, pattern] of PATTERNS) {
    if (!pattern.test(text)) continue;
    switch (kind) {
      case 'now':
        return { kind, at: now };
      case 'tonight': {
        const evening = local.set({ hour: 21, minute: 0, second: 0, millisecond: 0 });
        return { kind, at: evening < local ? now : evening.toJSDate() };
      }
      case 'evening':
        return { kind, at: nextWeekday(3, 21) };
      case 'night':
        return { kind, at: nextWeekday(3, 2, 30) };
      case 'weekend':
        return { kind, at: nextWeekday(/\b(zondag|zondags|sunday|sundays)\b/.test(text) ? 7 : 6, 11) };
      case 'holiday':
        return { kind, at: nextChristmasDay(local) };
      case 'tomorrow':
        return { kind, at: local.plus({ days: 1 }).toJSDate() };
    }
  }
  return undefined;
}

/** Christmas Day is a public holiday every year, on a weekday most years: a fair stand-in for "a holiday". */
function nextChristmasDay(local: DateTime): Date {
  let christmas = local.set({ month: 12, day: 25, hour: 11, minute: 0, second: 0, millisecond: 0 });
  if (christmas < local) christmas = christmas.plus({ years: 1 });
  return christmas.toJSDate();
}

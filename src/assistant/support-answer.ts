/** @module Time-aware coverage: "is support available now / tonight / at Christmas?" from contract support hours. */
import { DateTime } from 'luxon';
import { type SupportStatus, supportStatusAt } from '../calendar/index.js';
import type { Language, Priority } from '../contracts/index.js';
import type { RegisteredContract } from '../registry/index.js';
import { MESSAGES } from './messages.js';
import type { TimeReference } from './time-words.js';

const formatMoment = (at: Date, timezone: string, language: Language) =>
  DateTime.fromJSDate(at).setZone(timezone).setLocale(language === 'nl' ? 'nl-NL' : 'en-GB').toFormat('cccc d LLLL HH:mm');

/**
 * States whether the contract's support is open at the moment the question refers to: for the priority the question
 * names, or else for normal requests and, when it differs, for P1 incidents.
 */
export function describeSupportAt(
  contract: RegisteredContract, service: string, time: TimeReference, timezone: string, language: Language, priority?: Priority,
): string | undefined {
  const hours = contract.supportHours;
  if (!hours) return undefined;
  const messages = MESSAGES[language];
  const when = time.kind === 'now' ? messages.whenNow : `${language === 'nl' ? 'op' : 'on'} ${formatMoment(time.at, timezone, language)}`;
  const closed = (status: SupportStatus, subject: string) => {
    const reason = status.holiday ? messages.holidayReason(status.holiday) : messages.outsideHoursReason;
    const text = messages.supportClosed(contract.supplier, subject, when, status.schedule.spec, reason);
    return status.nextOpen ? `${text} ${messages.opensAgain(formatMoment(status.nextOpen, timezone, language))}` : text;
  };
  if (priority) {
    const status = supportStatusAt(hours, time.at, timezone, priority);
    const subject = `${service} (${priority})`;
    return status.open ? messages.supportOpen(contract.supplier, subject, when, status.schedule.spec) : closed(status, subject);
  }
  const normal = supportStatusAt(hours, time.at, timezone);
  const urgent = supportStatusAt(hours, time.at, timezone, 'P1');
  if (normal.open) return messages.supportOpen(contract.supplier, service, when, hours.default.spec);
  if (urgent.open) {
    return messages.supportOnlyUrgent(contract.supplier, service, when, urgent.schedule.spec, hours.default.spec);
  }
  return closed(normal, service);
}

/**
 * @module SLA clocks: when a response or resolution is due, counting only the contract's support time and skipping
 * the intervals the ticket waited on the reporter or a third party; and whether a clock is met, on track, at risk
 * or breached. Status is always computed from these facts, never typed in, so it cannot drift from them.
 */
import { addSupportTime, durationMinutes, supportMinutesBetween } from '../calendar/index.js';
import type { Duration, Priority, SupportHours, Target } from '../contracts/index.js';
import type { RegisteredContract } from '../registry/index.js';
import { type Pause, pausedSince, type Ticket } from './types.js';

/** What a clock is measured against: the support hours and targets of the contract the ticket is routed under. */
export interface SlaTerms {
  hours: SupportHours;
  targets: Target;
  priority: Priority;
  timezone: string;
}

export const CLOCK_STATES = ['met', 'on-track', 'at-risk', 'breached', 'paused'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

export interface SlaStatus {
  response?: ClockState;
  resolution?: ClockState;
}

const ms = (iso: string) => Date.parse(iso);

/** The terms a contract sets for a priority; none when it states no support hours to count them in. */
export function slaTerms(contract: RegisteredContract, priority: Priority, timezone: string): SlaTerms | undefined {
  if (!contract.supportHours) return undefined;
  return { hours: contract.supportHours, targets: contract.targets[priority] ?? {}, priority, timezone };
}

/** Support minutes between two instants minus those spent in pauses: how much of a clock has actually run. */
export function elapsedSupportMinutes(terms: SlaTerms, from: Date, to: Date, pauses: readonly Pause[]): number {
  const total = supportMinutesBetween(terms.hours, from, to, terms.timezone, terms.priority);
  const paused = pauses.reduce((sum, pause) => {
    const start = Math.max(ms(pause.from), from.getTime());
    const end = Math.min(pause.to ? ms(pause.to) : to.getTime(), to.getTime());
    return end > start ? sum + supportMinutesBetween(terms.hours, new Date(start), new Date(end), terms.timezone, terms.priority) : sum;
  }, 0);
  return total - paused;
}

/**
 * The instant `target` of support time has run since `openedAt`, with the clock stopped during every pause.
 * Undefined while a pause is still open: a stopped clock has no due time until it runs again.
 */
export function dueTime(terms: SlaTerms, target: Duration, openedAt: Date, pauses: readonly Pause[]): Date | undefined {
  const { hours, timezone, priority } = terms;
  let remaining = durationMinutes(hours, target, priority);
  let cursor = openedAt;
  for (const pause of [...pauses].sort((a, b) => ms(a.from) - ms(b.from))) {
    const pausedAt = new Date(Math.max(ms(pause.from), cursor.getTime()));
    const run = supportMinutesBetween(hours, cursor, pausedAt, timezone, priority);
    if (run >= remaining) break;
    remaining -= run;
    if (!pause.to) return undefined;
    cursor = new Date(Math.max(ms(pause.to), cursor.getTime()));
  }
  return addSupportTime(hours, cursor, { text: `${remaining}m`, amount: remaining, unit: 'minutes' }, timezone, priority);
}

/** Both due times of a ticket under its terms; a target the contract does not set has no due time. */
export function dueTimes(terms: SlaTerms, openedAt: Date, pauses: readonly Pause[]): { responseDue?: string; resolutionDue?: string } {
  const due = (duration?: Duration) => (duration ? dueTime(terms, duration, openedAt, pauses)?.toISOString() : undefined);
  const responseDue = due(terms.targets.response);
  const resolutionDue = due(terms.targets.resolution);
  return { ...(responseDue ? { responseDue } : {}), ...(resolutionDue ? { resolutionDue } : {}) };
}

/**
 * One clock's state at `now`. Stopped (`doneAt`) clocks are met or breached for good; running ones are at risk once
 * `atRiskShare` of the target's support time has run. Without terms (the contract has since been retired) the share
 * is measured in wall-clock time between opening and the due time.
 */
function clockState(
  ticket: Ticket,
  due: string | undefined,
  target: Duration | undefined,
  doneAt: string | undefined,
  context: { terms?: SlaTerms; now: Date; atRiskShare: number },
): ClockState | undefined {
  if (doneAt) return due && ms(doneAt) > ms(due) ? 'breached' : due || target ? 'met' : undefined;
  const paused = pausedSince(ticket);
  if (paused) return due && ms(paused) > ms(due) ? 'breached' : 'paused';
  if (!due) return undefined;
  const { terms, now, atRiskShare } = context;
  if (now.getTime() > ms(due)) return 'breached';
  const opened = new Date(ticket.routedAt);
  const share =
    terms && target
      ? elapsedSupportMinutes(terms, opened, now, ticket.pauses) / durationMinutes(terms.hours, target, terms.priority)
      : (now.getTime() - opened.getTime()) / Math.max(1, ms(due) - opened.getTime());
  return share >= atRiskShare ? 'at-risk' : 'on-track';
}

/** Response and resolution state of a ticket at `now`; a cancelled ticket's clocks no longer count. */
export function slaStatus(ticket: Ticket, now: Date, atRiskShare: number, terms?: SlaTerms): SlaStatus {
  if (ticket.status === 'cancelled') return {};
  const context = { terms, now, atRiskShare };
  const response = clockState(ticket, ticket.responseDue, terms?.targets.response, ticket.acknowledgedAt ?? ticket.resolvedAt, context);
  const resolution = clockState(ticket, ticket.resolutionDue, terms?.targets.resolution, ticket.resolvedAt, context);
  return { ...(response ? { response } : {}), ...(resolution ? { resolution } : {}) };
}

/**
 * @module Escalation: a sweep over open tickets queues a reminder when a clock is at risk and an escalation when it is
 * breached, each once per supplier assignment (the job's key says so, however many replicas sweep). The job then
 * checks again under a lock, records the event and queues who must hear of it.
 */
import { PermanentJobError } from '../jobs/index.js';
import type { NewJob } from '../jobs/types.js';
import type { Clock } from '../shared/clock.js';
import { isOpen } from './lifecycle.js';
import { notificationsFor } from './notifications.js';
import { type SlaTerms, slaStatus } from './sla-clock.js';
import type { Ticket, TicketStore } from './types.js';

export const ESCALATE_JOB = 'ticket.escalate';
const CLOCKS = ['response', 'resolution'] as const;
type ClockName = (typeof CLOCKS)[number];
type Level = 'at-risk' | 'breached';

export interface EscalationDeps {
  store: TicketStore;
  clock: Clock;
  atRiskShare: number;
  terms(ticket: Ticket): Promise<SlaTerms | undefined>;
}

/** Queues what the open tickets' clocks call for now; queuing the same escalation again is a no-op. */
export async function sweepSla(deps: EscalationDeps): Promise<NewJob[]> {
  const now = deps.clock();
  const jobs: NewJob[] = [];
  for (const ticket of await deps.store.list({ openOnly: true, limit: 10_000 })) {
    const status = slaStatus(ticket, now, deps.atRiskShare, await deps.terms(ticket));
    for (const clock of CLOCKS) {
      const level = status[clock];
      if (level !== 'at-risk' && level !== 'breached') continue;
      jobs.push({
        kind: ESCALATE_JOB,
        payload: { ticketId: ticket.id, clock, level },
        // Once per supplier assignment: a reroute gives the new supplier their own reminder.
        dedupeKey: `${ESCALATE_JOB}:${ticket.id}:${ticket.routedAt}:${clock}:${level}`,
        runAt: now.toISOString(),
      });
    }
  }
  if (jobs.length) await deps.store.transaction((writer) => writer.enqueue(jobs));
  return jobs;
}

/** Records an escalation the sweep queued, if the clock still calls for it, and queues its notifications. */
export async function recordEscalation(deps: EscalationDeps, payload: Record<string, unknown>): Promise<void> {
  const { ticketId, clock, level } = payload as { ticketId: string; clock: ClockName; level: Level };
  await deps.store.transaction(async (writer) => {
    const ticket = await writer.lock(ticketId);
    if (!ticket) throw new PermanentJobError(`no ticket ${ticketId}`);
    const now = deps.clock();
    const state = slaStatus(ticket, now, deps.atRiskShare, await deps.terms(ticket))[clock];
    // Acknowledged or resolved in the meantime, or moved on to a breach (which has a job of its own): nothing to do.
    if (!isOpen(ticket) || state !== level) return;
    const event = await writer.appendEvent(ticket.id, {
      type: `${clock}-${level}`,
      actor: 'sposa',
      at: now.toISOString(),
      data: { role: 'sposa', due: clock === 'response' ? ticket.responseDue : ticket.resolutionDue },
    });
    await writer.enqueue(notificationsFor(ticket, event));
  });
}

/**
 * @module Who hears of a ticket event: the supplier of what others did, the reporter (in their Slack thread) of what
 * the supplier did, and the service managers of a breach. Returned as jobs for the outbox, keyed on the event so a
 * retried transaction or a second replica can never notify twice.
 */
import type { NewJob } from '../jobs/index.js';
import type { Ticket, TicketEvent } from './types.js';

/** Who acted: suppliers act through their channel or endpoint; reporters in their thread; staff on the CLI or console. */
export type ActorRole = 'reporter' | 'supplier' | 'staff' | 'sposa';

export const JOB_KINDS = { supplier: 'ticket.notify-supplier', reporter: 'ticket.notify-reporter', managers: 'ticket.notify-managers' } as const;

/** What the supplier hears about: new work, and what others did to it. */
const FOR_SUPPLIER = new Set(['routed', 'commented', 'resumed', 'reopened', 'cancelled', 'closed', 'response-at-risk', 'resolution-at-risk', 'response-breached', 'resolution-breached']);
/** What the reporter hears about: progress on their ticket. */
const FOR_REPORTER = new Set(['acknowledged', 'waiting', 'commented', 'resolved', 'rerouted', 'response-breached', 'resolution-breached']);
const FOR_MANAGERS = new Set(['response-breached', 'resolution-breached']);

/**
 * The safety net under the confirmation of a ticket opened in Slack: the adapter confirms at once and then withdraws
 * this job (`confirmationKey`); if the process died in between, or Slack could not be reached, the outbox confirms a
 * minute later, so the reporter is never left without word that the ticket exists.
 */
export const CONFIRMATION_SAFETY_NET_MS = 60_000;
export const confirmationKey = (ticketId: string) => `${JOB_KINDS.reporter}:confirm:${ticketId}`;

export function notificationsFor(ticket: Ticket, event: TicketEvent): NewJob[] {
  const role = (event.data.role as ActorRole | undefined) ?? 'staff';
  const job = (kind: string): NewJob => ({ kind, payload: { ticketId: ticket.id, eventId: event.id }, dedupeKey: `${kind}:${event.id}`, runAt: event.at });
  const jobs: NewJob[] = [];
  if (FOR_SUPPLIER.has(event.type) && role !== 'supplier') jobs.push(job(JOB_KINDS.supplier));
  // A reroute is new work for the new supplier as well as news for the reporter.
  if (event.type === 'rerouted') jobs.push(job(JOB_KINDS.supplier));
  if (FOR_REPORTER.has(event.type) && role !== 'reporter' && ticket.origin.surface === 'slack' && ticket.origin.channel) jobs.push(job(JOB_KINDS.reporter));
  if (FOR_MANAGERS.has(event.type)) jobs.push(job(JOB_KINDS.managers));
  if (event.type === 'routed' && ticket.origin.surface === 'slack' && ticket.origin.channel) {
    const runAt = new Date(Date.parse(event.at) + CONFIRMATION_SAFETY_NET_MS).toISOString();
    jobs.push({ ...job(JOB_KINDS.reporter), dedupeKey: confirmationKey(ticket.id), runAt });
  }
  return jobs;
}

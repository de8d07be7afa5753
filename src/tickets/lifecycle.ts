/**
 * @module The ticket lifecycle: new → routed → acknowledged → resolved → closed (when the reporter rates it, or staff
 * close it), plus reopened and cancelled, and, beside the status, waits on the reporter or a third party that stop
 * the SLA clocks. Status only ever changes through a legal transition; every change is an audit event with who and
 * when, and the notifications it causes are queued in the same transaction (the outbox), so a change is never told
 * without being made, nor made untold.
 */
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import type { Clock } from '../shared/clock.js';
import { type ActorRole, notificationsFor } from './notifications.js';
import { dueTimes, type SlaTerms } from './sla-clock.js';
import { type Pause, pausedSince, type Ticket, type TicketEvent, type TicketStatus, type TicketStore, type TicketWriter } from './types.js';

const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['routed', 'cancelled'],
  routed: ['acknowledged', 'resolved', 'cancelled', 'routed'],
  acknowledged: ['resolved', 'cancelled', 'routed'],
  resolved: ['closed', 'reopened'],
  reopened: ['acknowledged', 'resolved', 'cancelled', 'routed'],
  closed: [],
  cancelled: [],
};

/** Actions that move a ticket to another status. */
export const STATUS_ACTIONS = { acknowledge: 'acknowledged', resolve: 'resolved', close: 'closed', reopen: 'reopened', cancel: 'cancelled' } as const;
/** Actions that leave the status as it is: a comment, or a wait that stops the clocks and its end. */
export const NOTE_ACTIONS = ['comment', 'wait', 'resume'] as const;
export const TICKET_ACTIONS = [...Object.keys(STATUS_ACTIONS), ...NOTE_ACTIONS] as (keyof typeof STATUS_ACTIONS | (typeof NOTE_ACTIONS)[number])[];
export type TicketAction = (typeof TICKET_ACTIONS)[number];

const OPEN: readonly TicketStatus[] = ['new', 'routed', 'acknowledged', 'reopened'];
export const isOpen = (ticket: Pick<Ticket, 'status'>) => OPEN.includes(ticket.status);

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export interface TicketChange {
  id: string;
  action: TicketAction;
  actor: string;
  /** Whose side the actor is on: decides who is told (a supplier is not notified of its own acknowledgement). */
  role: ActorRole;
  note?: string;
  /** For `wait`: whom the ticket waits on; the reporter by default. */
  waitingOn?: Pause['reason'];
}

export interface ChangeDeps {
  store: TicketStore;
  clock: Clock;
  /** The SLA terms of the contract a ticket is routed under, to move due times when a wait ends. */
  terms(ticket: Ticket): Promise<SlaTerms | undefined>;
}

/** The event a change records: the new status for a status action, otherwise the action's own name. */
const eventType = (action: TicketAction): string => (action in STATUS_ACTIONS ? STATUS_ACTIONS[action as keyof typeof STATUS_ACTIONS] : action === 'wait' ? 'waiting' : action === 'resume' ? 'resumed' : 'commented');

function refuse(ticket: Ticket, what: string): never {
  throw new ConflictError(`ticket ${ticket.id} is ${ticket.status}${pausedSince(ticket) ? ' and waiting' : ''}; it cannot be ${what} (allowed next: ${TRANSITIONS[ticket.status].join(', ') || 'none'})`);
}

/** Ends an open wait at `at` and moves the due times by the support time it took. */
async function endWait(ticket: Ticket, at: string, deps: ChangeDeps): Promise<Ticket> {
  const pauses = ticket.pauses.map((pause) => (pause.to ? pause : { ...pause, to: at }));
  const terms = await deps.terms(ticket);
  return { ...ticket, pauses, ...(terms ? dueTimes(terms, new Date(ticket.routedAt), pauses) : {}) };
}

/** The ticket after `change`, or an InvalidInputError saying why the lifecycle does not allow it. */
async function applyChange(ticket: Ticket, change: TicketChange, at: string, deps: ChangeDeps): Promise<Ticket> {
  const waiting = Boolean(pausedSince(ticket));
  switch (change.action) {
    case 'comment':
      if (!change.note?.trim()) throw new InvalidInputError('a comment needs text (--note)');
      return ticket;
    case 'wait': {
      if (!isOpen(ticket) || waiting) refuse(ticket, 'put on hold');
      // Asking the reporter something is a response: the response clock stops there.
      const acknowledgedAt = ticket.acknowledgedAt ?? at;
      const status = canTransition(ticket.status, 'acknowledged') ? 'acknowledged' : ticket.status;
      return { ...ticket, acknowledgedAt, status, pauses: [...ticket.pauses, { from: at, reason: change.waitingOn ?? 'reporter' }] };
    }
    case 'resume':
      if (!waiting) throw new ConflictError(`ticket ${ticket.id} is not waiting on anyone`);
      return endWait(ticket, at, deps);
    default: {
      const to = STATUS_ACTIONS[change.action];
      if (!canTransition(ticket.status, to)) refuse(ticket, to);
      // Resolving or cancelling ends a wait; the clock stops with the ticket.
      const base = waiting ? await endWait(ticket, at, deps) : ticket;
      return {
        ...base,
        status: to,
        ...(to === 'acknowledged' ? { acknowledgedAt: at } : {}),
        ...(to === 'resolved' ? { resolvedAt: at, acknowledgedAt: base.acknowledgedAt ?? at } : {}),
        ...(to === 'reopened' ? { resolvedAt: undefined } : {}),
      };
    }
  }
}

/**
 * Applies an action to a ticket in one transaction and records it.
 * @throws NotFoundError for an unknown ticket; InvalidInputError for a change the lifecycle does not allow.
 */
export async function changeTicket(deps: ChangeDeps, change: TicketChange): Promise<{ ticket: Ticket; event: TicketEvent }> {
  return deps.store.transaction(async (writer) => {
    const ticket = await writer.lock(change.id);
    if (!ticket) throw new NotFoundError(`no ticket ${change.id}`);
    const at = deps.clock().toISOString();
    const updated = { ...(await applyChange(ticket, change, at, deps)), updatedAt: at };
    await writer.update(updated);
    const data: Record<string, unknown> = {
      role: change.role,
      ...(change.note ? { note: change.note } : {}),
      ...(change.action === 'wait' ? { waitingOn: change.waitingOn ?? 'reporter' } : {}),
    };
    const event = await writer.appendEvent(ticket.id, { type: eventType(change.action), actor: change.actor, at, data });
    await writer.enqueue(notificationsFor(updated, event));
    return { ticket: updated, event };
  });
}

/**
 * Closes a resolved ticket because its reporter rated it: resolved → closed, recorded as the reporter's own step, inside
 * the caller's transaction (the rating's). A ticket that is already closed — by an earlier rating or by staff — is left
 * as it is, so a second rating closes nothing twice.
 * @returns the closing event, or undefined when there was nothing to close.
 */
export async function closeOnRating(writer: TicketWriter, ticketId: string, at: string): Promise<TicketEvent | undefined> {
  const ticket = await writer.lock(ticketId);
  if (!ticket || ticket.status !== 'resolved') return undefined;
  const closed: Ticket = { ...ticket, status: 'closed', updatedAt: at };
  await writer.update(closed);
  const event = await writer.appendEvent(ticket.id, { type: 'closed', actor: ticket.reporterId, at, data: { role: 'reporter', reason: 'rated' } });
  await writer.enqueue(notificationsFor(closed, event));
  return event;
}

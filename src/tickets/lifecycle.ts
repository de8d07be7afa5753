/**
 * @module The ticket lifecycle: new → routed → acknowledged → resolved → closed, plus reopened and cancelled.
 * Status is only ever changed through a legal transition, and every change is an audit event with who and when.
 */
import { InvalidInputError, NotFoundError } from '../errors.js';
import type { Clock } from '../shared/clock.js';
import type { Ticket, TicketStatus, TicketStore } from './types.js';

const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['routed', 'cancelled'],
  routed: ['acknowledged', 'resolved', 'cancelled', 'routed'],
  acknowledged: ['resolved', 'cancelled'],
  resolved: ['closed', 'reopened'],
  reopened: ['acknowledged', 'resolved', 'cancelled', 'routed'],
  closed: [],
  cancelled: [],
};

/** What people and suppliers do to a ticket, and the status each leads to. */
export const ACTIONS = { acknowledge: 'acknowledged', resolve: 'resolved', close: 'closed', reopen: 'reopened', cancel: 'cancelled' } as const;
export type TicketAction = keyof typeof ACTIONS;

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * Applies an action to a ticket in one transaction.
 * @throws NotFoundError for an unknown ticket; InvalidInputError for a transition the lifecycle does not allow.
 */
export async function changeTicket(
  store: TicketStore,
  clock: Clock,
  change: { id: string; action: TicketAction; actor: string; note?: string },
): Promise<Ticket> {
  const to = ACTIONS[change.action];
  return store.transaction(async (writer) => {
    const ticket = await writer.lock(change.id);
    if (!ticket) throw new NotFoundError(`no ticket ${change.id}`);
    if (!canTransition(ticket.status, to)) {
      throw new InvalidInputError(`ticket ${ticket.id} is ${ticket.status}; it cannot be ${to} (allowed next: ${TRANSITIONS[ticket.status].join(', ') || 'none'})`);
    }
    const at = clock().toISOString();
    const updated: Ticket = {
      ...ticket,
      status: to,
      updatedAt: at,
      ...(to === 'acknowledged' ? { acknowledgedAt: at } : {}),
      ...(to === 'resolved' ? { resolvedAt: at } : {}),
      ...(to === 'reopened' ? { resolvedAt: undefined } : {}),
    };
    await writer.update(updated);
    await writer.appendEvent(ticket.id, { type: to, actor: change.actor, at, data: change.note ? { note: change.note } : {} });
    return updated;
  });
}

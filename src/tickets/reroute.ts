/**
 * @module Rerouting: a ticket that reached the wrong supplier ("not ours, it's the network") goes to the one
 * accountable for the right service. The new supplier's clocks start when the ticket reaches them, and a wait still
 * open keeps them stopped until it ends.
 */
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import { matchServices, type RegistrySnapshot } from '../registry/index.js';
import { type Clock, localDate } from '../shared/clock.js';
import { isOpen } from './lifecycle.js';
import { type ActorRole, notificationsFor } from './notifications.js';
import { SERVICE_MATCH_THRESHOLD } from './open-ticket.js';
import { routeTicket } from './route.js';
import { dueTimes, slaTerms } from './sla-clock.js';
import type { ContractClauses, Ticket, TicketEvent, TicketStore } from './types.js';

export interface RerouteDeps {
  store: TicketStore;
  registry: RegistrySnapshot;
  clock: Clock;
  timezone: string;
  /** The contracts' clauses, so the explanation cites the one covering the service; without it, the contract only. */
  contractClauses?: ContractClauses;
}

export interface Reroute {
  id: string;
  /** The service the ticket is really about. */
  service: string;
  actor: string;
  role: ActorRole;
  note?: string;
}

export async function rerouteTicket(deps: RerouteDeps, change: Reroute): Promise<{ ticket: Ticket; event: TicketEvent }> {
  const [match] = matchServices(change.service, deps.registry.services);
  if (!match || match.score < SERVICE_MATCH_THRESHOLD) throw new InvalidInputError(`service: no service matches "${change.service}"`);
  const now = deps.clock();
  const at = now.toISOString();
  const route = await routeTicket(deps.registry, match.service, localDate(now, deps.timezone), deps.contractClauses);
  if (!route) throw new InvalidInputError(`service: no contract in force covers ${match.service}, and no service desk agreement either`);
  return deps.store.transaction(async (writer) => {
    const ticket = await writer.lock(change.id);
    if (!ticket) throw new NotFoundError(`no ticket ${change.id}`);
    if (!isOpen(ticket)) throw new ConflictError(`ticket ${ticket.id} is ${ticket.status}; only an open ticket can be rerouted`);
    if (ticket.contractId === route.contract.id && ticket.service === match.service) {
      throw new ConflictError(`ticket ${ticket.id} is already with ${route.supplier} for ${match.service}`);
    }
    const terms = slaTerms(route.contract, ticket.priority, deps.timezone);
    const { acknowledgedAt: _previousSupplierResponse, responseDue: _r, resolutionDue: _s, ...rest } = ticket;
    const updated: Ticket = {
      ...rest,
      status: 'routed',
      service: match.service,
      supplier: route.supplier,
      contractId: route.contract.id,
      contractType: route.contract.type,
      underpinning: route.underpinning,
      explanation: route.explanation,
      routedAt: at,
      updatedAt: at,
      ...(terms ? dueTimes(terms, now, ticket.pauses) : {}),
    };
    await writer.update(updated);
    const event = await writer.appendEvent(ticket.id, {
      type: 'rerouted',
      actor: change.actor,
      at,
      data: {
        role: change.role,
        from: { supplier: ticket.supplier, contractId: ticket.contractId, service: ticket.service },
        supplier: route.supplier,
        contractId: route.contract.id,
        ...(route.clause?.number ? { clause: route.clause.number } : {}),
        explanation: route.explanation,
        ...(change.note ? { note: change.note } : {}),
      },
    });
    await writer.enqueue(notificationsFor(updated, event));
    return { ticket: updated, event };
  });
}

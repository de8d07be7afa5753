/** @module Opening a ticket: validate, route to the accountable supplier, set SLA due times, record it all at once. */
import { z } from 'zod';
import { PRIORITIES } from '../contracts/index.js';
import { InvalidInputError } from '../errors.js';
import { matchServices, type RegistrySnapshot } from '../registry/index.js';
import { type Clock, localDate } from '../shared/clock.js';
import { notificationsFor } from './notifications.js';
import { routeTicket } from './route.js';
import { dueTimes, slaTerms } from './sla-clock.js';
import type { ContractClauses, Ticket, TicketOrigin, TicketStore } from './types.js';

export const ticketInputSchema = z.object({
  service: z.string().trim().min(1, 'name the affected service'),
  priority: z.enum(PRIORITIES),
  impact: z.enum(['high', 'medium', 'low']).optional(),
  urgency: z.enum(['high', 'medium', 'low']).optional(),
  description: z.string().trim().min(3, 'describe the problem in a few words').max(10_000),
  reporterId: z.string().min(1),
});

export type TicketInput = z.infer<typeof ticketInputSchema> & { origin: TicketOrigin };

export interface OpenTicketDeps {
  store: TicketStore;
  registry: RegistrySnapshot;
  clock: Clock;
  timezone: string;
  /** The contracts' clauses, so the explanation cites the one covering the service; without it, the contract only. */
  contractClauses?: ContractClauses;
}

/** Services below this match score are not guessed at: the reporter is asked to pick one. */
export const SERVICE_MATCH_THRESHOLD = 0.75;

export const ticketId = (year: number, number: number) => `INC-${year}-${String(number).padStart(5, '0')}`;

/**
 * Opens a ticket and routes it.
 * @throws InvalidInputError naming the field, for input that does not validate or a service nobody knows.
 */
export async function openTicket(input: TicketInput, deps: OpenTicketDeps): Promise<Ticket> {
  const parsed = ticketInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidInputError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  }
  const { priority, description, reporterId, impact, urgency } = parsed.data;
  const [match] = matchServices(parsed.data.service, deps.registry.services);
  if (!match || match.score < SERVICE_MATCH_THRESHOLD) {
    throw new InvalidInputError(`service: no service matches "${parsed.data.service}"; known services: ${deps.registry.services.map((s) => s.name).join(', ')}`);
  }
  const now = deps.clock();
  const route = await routeTicket(deps.registry, match.service, localDate(now, deps.timezone), deps.contractClauses);
  if (!route) throw new InvalidInputError(`service: no contract in force covers ${match.service}, and no service desk agreement either`);

  const terms = slaTerms(route.contract, priority, deps.timezone);
  const at = now.toISOString();
  const year = Number(localDate(now, deps.timezone).slice(0, 4));

  return deps.store.transaction(async (writer) => {
    const ticket: Ticket = {
      id: ticketId(year, await writer.nextNumber(year)),
      status: 'routed',
      service: match.service,
      priority,
      description,
      reporterId,
      origin: input.origin,
      supplier: route.supplier,
      contractId: route.contract.id,
      contractType: route.contract.type,
      underpinning: route.underpinning,
      explanation: route.explanation,
      ...(terms ? dueTimes(terms, now, []) : {}),
      routedAt: at,
      pauses: [],
      ...(impact ? { impact } : {}),
      ...(urgency ? { urgency } : {}),
      createdAt: at,
      updatedAt: at,
    };
    await writer.insert(ticket);
    await writer.appendEvent(ticket.id, { type: 'opened', actor: reporterId, at, data: { role: 'reporter', description, priority, service: match.service } });
    const routed = await writer.appendEvent(ticket.id, {
      type: 'routed',
      actor: 'sposa',
      at,
      data: {
        role: 'sposa',
        supplier: route.supplier,
        contractId: route.contract.id,
        ...(route.clause?.number ? { clause: route.clause.number } : {}),
        explanation: route.explanation,
      },
    });
    await writer.enqueue(notificationsFor(ticket, routed));
    return ticket;
  });
}

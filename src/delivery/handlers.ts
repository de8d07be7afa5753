/**
 * @module The jobs that carry ticket events to people: the supplier (webhook, Slack channel or e-mail, falling back in
 * that order), the reporter (in their Slack thread) and, on a breach, the service managers and the supplier's
 * escalation contact. Every delivery is recorded on the ticket, so the audit trail shows who was told what, when.
 */
import type { RegisteredContract, RegistrySnapshot } from '../registry/index.js';
import { type JobHandler, PermanentJobError } from '../jobs/index.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { JOB_KINDS, type Ticket, type TicketEvent, type TicketStore } from '../tickets/index.js';
import { supplierMessage } from './message.js';
import { type Receipt, type Transport, transportForAttempt, transportsFor } from './transports.js';

/** Telling people in Slack; implemented by the Slack adapter, absent without it. */
export interface PeopleNotifier {
  toReporter(ticket: Ticket, event: TicketEvent): Promise<void>;
  toManagers(ticket: Ticket, event: TicketEvent): Promise<string[]>;
}

export interface DeliveryDeps {
  tickets: TicketStore;
  registry(): Promise<RegistrySnapshot>;
  transports: readonly Transport[];
  publicUrl: string;
  clock: Clock;
  logger: Logger;
  people?: PeopleNotifier;
}

const EMAIL_IN = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;

async function load(deps: DeliveryDeps, payload: Record<string, unknown>): Promise<{ ticket: Ticket; event: TicketEvent; events: TicketEvent[] }> {
  const ticketId = String(payload.ticketId);
  const ticket = await deps.tickets.get(ticketId);
  if (!ticket) throw new PermanentJobError(`no ticket ${ticketId}`);
  const events = await deps.tickets.events(ticketId);
  const event = events.find((candidate) => candidate.id === Number(payload.eventId));
  if (!event) throw new PermanentJobError(`no event ${String(payload.eventId)} on ${ticketId}`);
  return { ticket, event, events };
}

async function contractOf(deps: DeliveryDeps, ticket: Ticket): Promise<RegisteredContract> {
  const contract = (await deps.registry()).contracts.find((candidate) => candidate.id === ticket.contractId);
  if (!contract) throw new PermanentJobError(`contract ${ticket.contractId} of ${ticket.id} is no longer registered`);
  return contract;
}

const record = (deps: DeliveryDeps, ticket: Ticket, data: Record<string, unknown>) =>
  deps.tickets.transaction((writer) =>
    writer.appendEvent(ticket.id, { type: 'delivered', actor: 'sposa', at: deps.clock().toISOString(), data: { role: 'sposa', ...data } }),
  );

export function deliveryHandlers(deps: DeliveryDeps): Record<string, JobHandler> {
  const notifySupplier: JobHandler = async (payload, job) => {
    const { ticket, event, events } = await load(deps, payload);
    const contract = await contractOf(deps, ticket);
    const candidates = transportsFor(contract.contact, deps.transports);
    if (!candidates.length) throw new PermanentJobError(`${ticket.supplier} has no contact SPOSA can deliver to (contract ${contract.id})`);
    const message = supplierMessage(ticket, event, deps.publicUrl);
    const first = transportForAttempt(candidates, job.attempts) as Transport;
    for (const transport of candidates.slice(candidates.indexOf(first))) {
      const earlier = events
        .filter((e) => e.type === 'delivered' && e.data.transport === transport.kind && e.data.supplier === ticket.supplier)
        .map((e) => e.data.receipt as Receipt);
      try {
        const receipt = await transport.deliver(message, { supplier: ticket.supplier, contact: contract.contact, language: contract.language, earlier });
        await record(deps, ticket, { to: 'supplier', supplier: ticket.supplier, transport: transport.kind, eventId: event.id, receipt });
        return;
      } catch (error) {
        // A refusal retrying cannot fix: try the supplier's next way in now rather than in an hour.
        if (!(error instanceof PermanentJobError) || transport === candidates.at(-1)) throw error;
        deps.logger.warn('supplier transport refused; trying the next', { ticket: ticket.id, transport: transport.kind, error: error.message });
      }
    }
  };

  const handlers: Record<string, JobHandler> = { [JOB_KINDS.supplier]: notifySupplier };
  const { people } = deps;
  const email = deps.transports.find((transport) => transport.kind === 'email');
  if (people) {
    handlers[JOB_KINDS.reporter] = async (payload) => {
      const { ticket, event } = await load(deps, payload);
      await people.toReporter(ticket, event);
    };
  }
  if (people || email) {
    handlers[JOB_KINDS.managers] = async (payload) => {
      const { ticket, event } = await load(deps, payload);
      const contract = await contractOf(deps, ticket);
      const told = people ? await people.toManagers(ticket, event) : [];
      // The contract's escalation contact is a line of text ("Name, e-mail, phone"); mail the address in it.
      const address = contract.contact.escalation?.match(EMAIL_IN)?.[0];
      if (email && address) {
        const message = supplierMessage(ticket, event, deps.publicUrl);
        await email.deliver(message, { supplier: ticket.supplier, contact: { email: address }, language: contract.language, earlier: [] });
        told.push(address);
      }
      await record(deps, ticket, { to: 'escalation', told, eventId: event.id });
    };
  }
  return handlers;
}

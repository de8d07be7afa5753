/**
 * @module The console's supplier inbox: without Slack, the local console stands in for the suppliers' channels, so
 * `npm start` shows a ticket's whole journey. Deliveries that would go to a Slack channel land here, and an agent
 * acknowledges or resolves from the page, through the same lifecycle as the Slack buttons.
 */
import { z } from 'zod';
import type { Sposa } from '../compose.js';
import type { Transport } from '../delivery/index.js';
import { NotFoundError } from '../errors.js';
import type { Ticket } from '../tickets/index.js';

/** Delivers to the inbox: the delivery is recorded on the ticket, and the inbox lists what was delivered. */
export const consoleInboxTransport: Transport = {
  kind: 'console',
  reaches: (contact) => Boolean(contact.slackChannel),
  deliver: async (_message, { supplier }) => ({ inbox: supplier }),
};

export const inboxActionSchema = z.object({
  supplier: z.string().min(1),
  ticket: z.string().regex(/^[A-Z]+-\d{4}-\d{5}$/),
  action: z.enum(['acknowledge', 'resolve']),
  note: z.string().trim().max(2_000).optional(),
});

export interface InboxEntry {
  ticket: Ticket;
  sla: Awaited<ReturnType<Sposa['slaStatus']>>;
  waiting: boolean;
}

/** The open tickets delivered to a supplier's inbox, oldest first, as an agent would work through them. */
export async function inbox(sposa: Sposa, supplier: string): Promise<InboxEntry[]> {
  const tickets = await sposa.tickets.list({ openOnly: true, supplier, limit: 200 });
  const entries: InboxEntry[] = [];
  for (const ticket of tickets.reverse()) {
    const delivered = (await sposa.tickets.events(ticket.id)).some((event) => event.type === 'delivered' && event.data.transport === 'console');
    if (delivered) entries.push({ ticket, sla: await sposa.slaStatus(ticket), waiting: ticket.pauses.some((pause) => !pause.to) });
  }
  return entries;
}

/** Applies an agent's button press; the ticket must be in this supplier's inbox. */
export async function actOnInbox(sposa: Sposa, request: z.infer<typeof inboxActionSchema>): Promise<Ticket> {
  const ticket = await sposa.tickets.get(request.ticket);
  if (!ticket || ticket.supplier !== request.supplier) throw new NotFoundError(`no ticket ${request.ticket} for ${request.supplier}`);
  return sposa.changeTicket({
    id: ticket.id,
    action: request.action,
    actor: `${request.supplier} (console)`,
    role: 'supplier',
    ...(request.note ? { note: request.note } : {}),
  });
}

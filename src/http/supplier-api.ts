/**
 * @module POST /api/supplier/tickets/{id}/events: suppliers' own systems acknowledge, comment on, put on hold, resume
 * and resolve the tickets SPOSA sent them. Every request is signed with the supplier's key (see delivery/signing);
 * a supplier can only touch its own tickets, and another supplier's ticket is as unknown as a ticket that does not
 * exist. Errors: 401 bad signature, 404 unknown ticket, 409 a change the ticket's state does not allow, 400 bad body.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { SIGNATURE_HEADER, SUPPLIER_HEADER, TIMESTAMP_HEADER, verify } from '../delivery/index.js';
import { InvalidInputError, NotFoundError, UnauthorizedError } from '../errors.js';
import type { Sposa } from '../compose.js';
import type { Clock } from '../shared/clock.js';
import { withLogContext } from '../shared/log-context.js';
import { referenceId } from '../shared/logger.js';
import type { Logger } from '../shared/logger.js';
import type { Ticket, TicketChange, TicketStore } from '../tickets/index.js';
import { readBody, sendError, sendJson } from './json.js';

export const SUPPLIER_API_PATH = /^\/api\/supplier\/tickets\/([A-Z]+-\d{4}-\d{5})\/events$/;

const updateSchema = z.strictObject({
  action: z.enum(['acknowledge', 'comment', 'wait', 'resume', 'resolve']),
  note: z.string().trim().min(1).max(4_000).optional(),
  /** The person at the supplier who acted, for the audit trail. */
  agent: z.string().trim().min(1).max(200).optional(),
  waitingOn: z.enum(['reporter', 'third-party']).optional(),
});

export interface SupplierApiDeps {
  suppliers(): Promise<string[]>;
  keyFor(supplier: string): Promise<string>;
  tickets: TicketStore;
  change(change: TicketChange): Promise<Ticket>;
  clock: Clock;
  logger: Logger;
}

export function supplierApiHandler(deps: SupplierApiDeps) {
  async function handle(request: IncomingMessage, response: ServerResponse, ticketId: string): Promise<void> {
    const body = await readBody(request);
    const named = String(request.headers[SUPPLIER_HEADER] ?? '').trim().toLowerCase();
    const supplier = (await deps.suppliers()).find((candidate) => candidate.toLowerCase() === named);
    // An unknown supplier is refused like a bad signature: the endpoint does not say which suppliers exist.
    const check = supplier
      ? verify(await deps.keyFor(supplier), { timestamp: header(request, TIMESTAMP_HEADER), signature: header(request, SIGNATURE_HEADER) }, body, deps.clock())
      : { ok: false as const, reason: `unknown or missing ${SUPPLIER_HEADER} header` };
    if (!check.ok || !supplier) throw new UnauthorizedError(check.ok ? 'unknown supplier' : check.reason);
    const update = parseUpdate(body);
    const ticket = await deps.tickets.get(ticketId);
    if (!ticket || ticket.supplier !== supplier) throw new NotFoundError(`no ticket ${ticketId} for ${supplier}`);
    const changed = await deps.change({
      id: ticketId,
      action: update.action,
      actor: update.agent ? `${supplier} (${update.agent})` : supplier,
      role: 'supplier',
      ...(update.note ? { note: update.note } : {}),
      ...(update.waitingOn ? { waitingOn: update.waitingOn } : {}),
    });
    sendJson(response, 200, { ticket: { id: changed.id, status: changed.status, responseDue: changed.responseDue ?? null, resolutionDue: changed.resolutionDue ?? null } });
  }

  return function supplierApi(request: IncomingMessage, response: ServerResponse, ticketId: string): void {
    withLogContext({ ticket: ticketId }, () => handle(request, response, ticketId)).catch((error: unknown) => {
      const reference = referenceId();
      deps.logger.warn('supplier update refused', { reference, ticket: ticketId, error: error instanceof Error ? error.message : String(error) });
      sendError(response, error, reference);
    });
  };
}

const header = (request: IncomingMessage, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function parseUpdate(body: string): z.infer<typeof updateSchema> {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    throw new InvalidInputError('request body is not valid JSON');
  }
  const parsed = updateSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return parsed.data;
}

/** The endpoint over SPOSA's services, as every HTTP-serving adapter mounts it. */
export function supplierApiFor(sposa: Sposa, logger: Logger) {
  return supplierApiHandler({
    suppliers: () => sposa.suppliers(),
    keyFor: (supplier) => sposa.supplierKey(supplier),
    tickets: sposa.tickets,
    change: (change) => sposa.changeTicket(change),
    clock: sposa.clock,
    logger,
  });
}

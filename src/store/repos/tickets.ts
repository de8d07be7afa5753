/** @module Ticket repository: tickets, their counters and their append-only events. */
import type { Ticket, TicketEvent, TicketStore, TicketWriter } from '../../tickets/index.js';
import type { Db, Queryable } from '../db.js';

const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const TICKET_COLUMNS = `id, status, service, priority, description, reporter_id as "reporterId", origin, supplier,
  contract_id as "contractId", contract_type as "contractType", underpinning, explanation,
  ${iso('response_due')} as "responseDue", ${iso('resolution_due')} as "resolutionDue",
  ${iso('acknowledged_at')} as "acknowledgedAt", ${iso('resolved_at')} as "resolvedAt", impact, urgency,
  ${iso('created_at')} as "createdAt", ${iso('updated_at')} as "updatedAt"`;

type Optional = 'responseDue' | 'resolutionDue' | 'acknowledgedAt' | 'resolvedAt' | 'impact' | 'urgency';
type Row = Omit<Ticket, Optional> & { [K in Optional]: Ticket[K] | null };
/** Drops the columns that are null, so optional fields are absent rather than null. */
const toTicket = (row: Row): Ticket => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as unknown as Ticket;

function writer(tx: Queryable): TicketWriter {
  return {
    async nextNumber(year) {
      const [row] = await tx.query<{ last: number }>(
        `insert into ticket_counters (year, last) values ($1, 1)
         on conflict (year) do update set last = ticket_counters.last + 1 returning last`,
        [year],
      );
      if (!row) throw new Error('could not number the ticket');
      return row.last;
    },
    async insert(ticket) {
      await tx.query(
        `insert into tickets (id, status, service, priority, description, reporter_id, origin, supplier, contract_id,
           contract_type, underpinning, explanation, response_due, resolution_due, created_at, updated_at, impact, urgency)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
        [
          ticket.id, ticket.status, ticket.service, ticket.priority, ticket.description, ticket.reporterId,
          JSON.stringify(ticket.origin), ticket.supplier, ticket.contractId, ticket.contractType,
          JSON.stringify(ticket.underpinning), ticket.explanation, ticket.responseDue ?? null, ticket.resolutionDue ?? null,
          ticket.createdAt, ticket.updatedAt, ticket.impact ?? null, ticket.urgency ?? null,
        ],
      );
    },
    async lock(id) {
      const [row] = await tx.query<Row>(`select ${TICKET_COLUMNS} from tickets where id = $1 for update`, [id]);
      return row && toTicket(row);
    },
    async update(ticket) {
      await tx.query(
        `update tickets set status = $2, updated_at = $3, acknowledged_at = $4, resolved_at = $5 where id = $1`,
        [ticket.id, ticket.status, ticket.updatedAt, ticket.acknowledgedAt ?? null, ticket.resolvedAt ?? null],
      );
    },
    async appendEvent(ticketId, event) {
      await tx.query('insert into ticket_events (ticket_id, type, actor, at, data) values ($1, $2, $3, $4, $5)', [
        ticketId, event.type, event.actor, event.at, JSON.stringify(event.data),
      ]);
    },
  };
}

/** A TicketStore over any SPOSA database. */
export function ticketStore(db: Db): TicketStore {
  return {
    transaction: (work) => db.transaction((tx) => work(writer(tx))),
    async get(id) {
      const [row] = await db.query<Row>(`select ${TICKET_COLUMNS} from tickets where id = $1`, [id]);
      return row && toTicket(row);
    },
    async events(id) {
      return db.query<TicketEvent>(`select type, actor, ${iso('at')} as at, data from ticket_events where ticket_id = $1 order by id`, [id]);
    },
    async listByReporter(reporterId, { openOnly = false, limit = 20 } = {}) {
      const rows = await db.query<Row>(
        `select ${TICKET_COLUMNS} from tickets where reporter_id = $1
         ${openOnly ? `and status not in ('resolved', 'closed', 'cancelled')` : ''}
         order by created_at desc limit $2`,
        [reporterId, limit],
      );
      return rows.map(toTicket);
    },
    async list({ openOnly = false, supplier, limit = 50 } = {}) {
      const rows = await db.query<Row>(
        `select ${TICKET_COLUMNS} from tickets
         where ($1::boolean is false or status not in ('resolved', 'closed', 'cancelled'))
           and ($2::text is null or lower(supplier) = lower($2))
         order by created_at desc limit $3`,
        [openOnly, supplier ?? null, limit],
      );
      return rows.map(toTicket);
    },
  };
}

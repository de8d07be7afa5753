/** @module Ticket repository: tickets, their counters and their append-only events. */
import type { Ticket, TicketEvent, TicketStore, TicketWriter } from '../../tickets/index.js';
import type { Db, Queryable } from '../db.js';
import { enqueueJobs } from './jobs.js';

const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const TICKET_COLUMNS = `id, status, service, priority, description, reporter_id as "reporterId", origin, supplier,
  contract_id as "contractId", contract_type as "contractType", underpinning, explanation,
  ${iso('response_due')} as "responseDue", ${iso('resolution_due')} as "resolutionDue",
  ${iso('acknowledged_at')} as "acknowledgedAt", ${iso('resolved_at')} as "resolvedAt", impact, urgency, pauses,
  ${iso('routed_at')} as "routedAt",
  ${iso('created_at')} as "createdAt", ${iso('updated_at')} as "updatedAt"`;

type Optional = 'responseDue' | 'resolutionDue' | 'acknowledgedAt' | 'resolvedAt' | 'impact' | 'urgency';
type Row = Omit<Ticket, Optional> & { [K in Optional]: Ticket[K] | null };
/** Drops the columns that are null, so optional fields are absent rather than null. */
const toTicket = (row: Row): Ticket => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as unknown as Ticket;

/** Ticket writes inside an open transaction; the rating repository shares them, so a rating and its close are one. */
export function ticketWriter(tx: Queryable): TicketWriter {
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
           contract_type, underpinning, explanation, response_due, resolution_due, created_at, updated_at, impact, urgency, pauses, routed_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
        [
          ticket.id, ticket.status, ticket.service, ticket.priority, ticket.description, ticket.reporterId,
          JSON.stringify(ticket.origin), ticket.supplier, ticket.contractId, ticket.contractType,
          JSON.stringify(ticket.underpinning), ticket.explanation, ticket.responseDue ?? null, ticket.resolutionDue ?? null,
          ticket.createdAt, ticket.updatedAt, ticket.impact ?? null, ticket.urgency ?? null, JSON.stringify(ticket.pauses), ticket.routedAt,
        ],
      );
    },
    async lock(id) {
      const [row] = await tx.query<Row>(`select ${TICKET_COLUMNS} from tickets where id = $1 for update`, [id]);
      return row && toTicket(row);
    },
    // Everything a change may move: status and its times, waits and the due times they shift, and the routing.
    async update(ticket) {
      await tx.query(
        `update tickets set status = $2, updated_at = $3, acknowledged_at = $4, resolved_at = $5, pauses = $6,
           response_due = $7, resolution_due = $8, supplier = $9, contract_id = $10, contract_type = $11,
           underpinning = $12, explanation = $13, service = $14, routed_at = $15
         where id = $1`,
        [
          ticket.id, ticket.status, ticket.updatedAt, ticket.acknowledgedAt ?? null, ticket.resolvedAt ?? null,
          JSON.stringify(ticket.pauses), ticket.responseDue ?? null, ticket.resolutionDue ?? null, ticket.supplier,
          ticket.contractId, ticket.contractType, JSON.stringify(ticket.underpinning), ticket.explanation, ticket.service, ticket.routedAt,
        ],
      );
    },
    async appendEvent(ticketId, event) {
      const [row] = await tx.query<{ id: number }>(
        'insert into ticket_events (ticket_id, type, actor, at, data) values ($1, $2, $3, $4, $5) returning id',
        [ticketId, event.type, event.actor, event.at, JSON.stringify(event.data)],
      );
      if (!row) throw new Error(`could not record ${event.type} on ${ticketId}`);
      return { id: row.id, ...event };
    },
    enqueue: (jobs) => enqueueJobs(tx, jobs),
  };
}

/** A TicketStore over any SPOSA database. */
export function ticketStore(db: Db): TicketStore {
  return {
    transaction: (work) => db.transaction((tx) => work(ticketWriter(tx))),
    async get(id) {
      const [row] = await db.query<Row>(`select ${TICKET_COLUMNS} from tickets where id = $1`, [id]);
      return row && toTicket(row);
    },
    async events(id) {
      return db.query<TicketEvent>(`select id, type, actor, ${iso('at')} as at, data from ticket_events where ticket_id = $1 order by id`, [id]);
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
    async inThread({ channel, thread }, reporterId) {
      const rows = await db.query<Row>(
        `select ${TICKET_COLUMNS} from tickets
         where origin->>'channel' = $1 and origin->>'thread' = $2 and reporter_id = $3
           and status not in ('resolved', 'closed', 'cancelled')
         order by created_at desc`,
        [channel, thread, reporterId],
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

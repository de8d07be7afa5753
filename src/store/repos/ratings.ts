/** @module Rating repository: one rating per ticket, the outcomes XLA reports read, and rating requests sent. */
import type { AnsweredQuestion, RatedTicket, Rating, RatingStore, RatingWriter, ResolvedTicket } from '../../xla/index.js';
import type { Db, Queryable } from '../db.js';
import { ticketWriter } from './tickets.js';

const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const TICKET_COLUMNS = `t.id, t.status, t.reporter_id as "reporterId", t.service, t.supplier, t.contract_id as "contractId",
  t.description, ${iso('t.response_due')} as "responseDue", ${iso('t.resolution_due')} as "resolutionDue",
  ${iso('t.acknowledged_at')} as "acknowledgedAt", ${iso('t.resolved_at')} as "resolvedAt"`;
const RATING_COLUMNS = `r.ticket_id as "ticketId", r.reporter_id as "reporterId", r.score, r.reasons, r.comment,
  r.lost_minutes as "lostMinutes", r.service, r.supplier, r.contract_id as "contractId", r.response_met as "responseMet",
  r.resolution_met as "resolutionMet", ${iso('r.rated_at')} as "ratedAt", ${iso('r.updated_at')} as "updatedAt"`;
const RATEABLE = `t.status in ('resolved', 'closed') and t.resolved_at is not null`;

/** Optional fields are absent rather than null. */
const present = <T>(row: Record<string, unknown>): T => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as T;

async function getRating(db: Queryable, ticketId: string): Promise<Rating | undefined> {
  const [row] = await db.query<Record<string, unknown>>(`select ${RATING_COLUMNS} from ticket_ratings r where r.ticket_id = $1`, [ticketId]);
  return row && present<Rating>(row);
}

function writer(tx: Queryable): RatingWriter {
  return {
    async lockTicket(id) {
      const [row] = await tx.query<Record<string, unknown>>(`select ${TICKET_COLUMNS} from tickets t where t.id = $1 for update`, [id]);
      return row && present<RatedTicket>(row);
    },
    get: (ticketId) => getRating(tx, ticketId),
    tickets: ticketWriter(tx),
    async save(rating) {
      await tx.query(
        `insert into ticket_ratings (ticket_id, reporter_id, score, reasons, comment, lost_minutes, service, supplier,
           contract_id, response_met, resolution_met, rated_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         on conflict (ticket_id) do update set score = excluded.score, reasons = excluded.reasons, comment = excluded.comment,
           lost_minutes = excluded.lost_minutes, service = excluded.service, supplier = excluded.supplier,
           contract_id = excluded.contract_id, response_met = excluded.response_met, resolution_met = excluded.resolution_met,
           updated_at = excluded.updated_at`,
        [
          rating.ticketId, rating.reporterId, rating.score, rating.reasons, rating.comment ?? null, rating.lostMinutes ?? null,
          rating.service, rating.supplier, rating.contractId, rating.responseMet ?? null, rating.resolutionMet ?? null,
          rating.ratedAt, rating.updatedAt,
        ],
      );
    },
  };
}

type OutcomeRow = RatedTicket & { score: number | null; reasons: string[] | null; comment: string | null; lostMinutes: number | null };

/** A RatingStore over any SPOSA database. */
export function ratingStore(db: Db): RatingStore {
  return {
    transaction: (work) => db.transaction((tx) => work(writer(tx))),
    get: (ticketId) => getRating(db, ticketId),
    async resolved({ from, to }) {
      const rows = await db.query<OutcomeRow>(
        `select ${TICKET_COLUMNS}, r.score, r.reasons, r.comment, r.lost_minutes as "lostMinutes"
         from tickets t left join ticket_ratings r on r.ticket_id = t.id
         where ${RATEABLE} and ($1::timestamptz is null or t.resolved_at >= $1) and ($2::timestamptz is null or t.resolved_at < $2)
         order by t.resolved_at, t.id`,
        [from?.toISOString() ?? null, to?.toISOString() ?? null],
      );
      return rows.map(({ score, reasons, comment, lostMinutes, ...ticket }): ResolvedTicket => ({
        ticket: present<ResolvedTicket['ticket']>(ticket),
        ...(score === null
          ? {}
          : { rating: { score, reasons: reasons ?? [], ...(comment ? { comment } : {}), ...(lostMinutes === null ? {} : { lostMinutes }) } }),
      }));
    },
    async questions({ from, to }) {
      // Every answer is to a question, except those to a greeting or to a score typed as a message. Dated by when it
      // was answered, so a question stays in its period whenever its feedback came.
      const rows = await db.query<Record<string, unknown>>(
        `select tu.answer->>'service' as service,
                coalesce(tu.answer->>'supplier', tu.answer->'citations'->0->>'supplier') as supplier,
                coalesce(tu.answer->>'contractId', tu.answer->'citations'->0->>'contractId') as "contractId",
                ${iso('tu.created_at')} as at,
                tu.id in (select af.turn_id from answer_feedback af where af.helpful) as helpful,
                tu.id in (select (t.origin->>'turnId')::bigint from tickets t where t.origin ? 'turnId') as ticketed
         from conversation_turns tu
         where tu.role = 'assistant' and tu.answer is not null and tu.answer->>'intent' not in ('greeting', 'rating')
           and ($1::timestamptz is null or tu.created_at >= $1) and ($2::timestamptz is null or tu.created_at < $2)
         order by tu.created_at, tu.id`,
        [from?.toISOString() ?? null, to?.toISOString() ?? null],
      );
      return rows.map((row) => present<AnsweredQuestion>(row));
    },
    async unrated(since) {
      const rows = await db.query<Record<string, unknown>>(
        `select ${TICKET_COLUMNS}, ${iso('q.asked_at')} as "askedAt", ${iso('q.reminded_at')} as "remindedAt"
         from tickets t left join rating_requests q on q.ticket_id = t.id
         where ${RATEABLE} and t.resolved_at >= $1 and not exists (select 1 from ticket_ratings r where r.ticket_id = t.id)
         order by t.resolved_at, t.id`,
        [since.toISOString()],
      );
      return rows.map(({ askedAt, remindedAt, ...ticket }) => ({
        ticket: present<RatedTicket>(ticket),
        ...(askedAt ? { askedAt: askedAt as string } : {}),
        ...(remindedAt ? { remindedAt: remindedAt as string } : {}),
      }));
    },
    async markAsked(ticketId, at) {
      await db.query('insert into rating_requests (ticket_id, asked_at) values ($1, $2) on conflict (ticket_id) do nothing', [ticketId, at.toISOString()]);
    },
    async markReminded(ticketId, at) {
      await db.query('update rating_requests set reminded_at = $2 where ticket_id = $1 and reminded_at is null', [ticketId, at.toISOString()]);
    },
  };
}

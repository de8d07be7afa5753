/** @module XLA types: a reporter's rating of a resolved ticket, what reports are computed from, and the store port. */
import type { Language } from '../contracts/index.js';
import type { TicketStatus, TicketWriter } from '../tickets/index.js';

/** 9–10 promoters, 7–8 passives, 0–6 detractors: the bands of the happiness score. */
export type Band = 'promoter' | 'passive' | 'detractor';

export const bandOf = (score: number): Band => (score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor');

/** Whether the ticket met its SLA clocks; undefined where the contract sets no target for its priority. */
export interface SlaOutcome {
  responseMet?: boolean;
  resolutionMet?: boolean;
}

/** One rating per ticket, with the routing and SLA outcome of that ticket as they were when it was rated. */
export interface Rating extends SlaOutcome {
  ticketId: string;
  reporterId: string;
  score: number;
  /** Reason codes from the list of the score's band (see reasons.ts). */
  reasons: string[];
  comment?: string;
  lostMinutes?: number;
  service: string;
  supplier: string;
  contractId: string;
  ratedAt: string;
  updatedAt: string;
}

/** What a rating is recorded against: the parts of a ticket that matter for experience reports. */
export interface RatedTicket {
  id: string;
  status: TicketStatus;
  reporterId: string;
  service: string;
  supplier: string;
  contractId: string;
  description: string;
  responseDue?: string;
  resolutionDue?: string;
  acknowledgedAt?: string;
  resolvedAt?: string;
}

/** A resolved ticket and its rating, if any: the row every metric is computed from. */
export interface TicketOutcome extends SlaOutcome {
  ticketId: string;
  service: string;
  supplier: string;
  contractId: string;
  resolvedAt: string;
  rating?: Pick<Rating, 'score' | 'reasons' | 'comment' | 'lostMinutes'>;
}

/** A resolved ticket as stored, with its rating if it has one. */
export interface ResolvedTicket {
  ticket: RatedTicket & { resolvedAt: string };
  rating?: TicketOutcome['rating'];
}

/**
 * A question SPOSA answered (any answer but those to a greeting or to a score typed as a message), what it was about
 * where the answer says so, and what came of it. Deflected: someone marked the answer Helpful and no ticket was opened
 * from it.
 */
export interface AnsweredQuestion {
  /** The service the answer was about. */
  service?: string;
  /** The supplier and contract the answer named or, failing that, those of the first clause it cited. */
  supplier?: string;
  contractId?: string;
  /** When it was answered. */
  at: string;
  /** Someone marked the answer Helpful (and has not changed their mind). */
  helpful: boolean;
  /** A ticket was opened from the answer. */
  ticketed: boolean;
}

/** Who to ask how it went: first after resolution, once more after the reminder delay, then never again. */
export interface RatingRequest {
  kind: 'ask' | 'remind';
  ticket: RatedTicket;
  /** The reporter's language, read from how they described the problem. */
  language: Language;
}

/** Reads and writes inside one transaction; see {@link RatingStore.transaction}. */
export interface RatingWriter {
  /** Reads the ticket and holds it until the transaction ends, so a rating cannot race a reopen. */
  lockTicket(id: string): Promise<RatedTicket | undefined>;
  get(ticketId: string): Promise<Rating | undefined>;
  /** Inserts, or replaces the ticket's one rating. */
  save(rating: Rating): Promise<void>;
  /** The tickets, in the same transaction: a rating closes the resolved ticket it rates. */
  readonly tickets: TicketWriter;
}

/** The port ratings are stored through; implemented in store/. */
export interface RatingStore {
  transaction<T>(work: (writer: RatingWriter) => Promise<T>): Promise<T>;
  get(ticketId: string): Promise<Rating | undefined>;
  /** Tickets resolved (and still resolved or closed) in [from, to), each with its rating if any. */
  resolved(period: { from?: Date; to?: Date }): Promise<ResolvedTicket[]>;
  /** Questions answered in [from, to), by when they were answered, each with its feedback and ticket outcome. */
  questions(period: { from?: Date; to?: Date }): Promise<AnsweredQuestion[]>;
  /** Resolved, unrated tickets resolved since `since`, with when their reporter was asked and reminded. */
  unrated(since: Date): Promise<{ ticket: RatedTicket; askedAt?: string; remindedAt?: string }[]>;
  markAsked(ticketId: string, at: Date): Promise<void>;
  markReminded(ticketId: string, at: Date): Promise<void>;
}

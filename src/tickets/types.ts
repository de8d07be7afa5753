/** @module Ticket types: the lifecycle, the audit trail and the ports tickets are stored through. */
import type { ContractType, Priority } from '../contracts/index.js';
import type { NewJob } from '../jobs/index.js';

export const TICKET_STATUSES = ['new', 'routed', 'acknowledged', 'resolved', 'closed', 'reopened', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Where a ticket came from, so the reporter's own thread can be kept informed. */
export interface TicketOrigin {
  surface: 'slack' | 'console' | 'cli';
  channel?: string;
  thread?: string;
  turnId?: number;
}

export interface Ticket {
  /** Readable aloud: INC-2026-00042. */
  id: string;
  status: TicketStatus;
  service: string;
  priority: Priority;
  /** The reporter's own words, kept as written. */
  description: string;
  reporterId: string;
  origin: TicketOrigin;
  supplier: string;
  contractId: string;
  contractType: ContractType;
  underpinning: { supplier: string; contractId: string }[];
  /** Why this supplier: "Routed to X under SLA-… (…)". */
  explanation: string;
  responseDue?: string;
  resolutionDue?: string;
  acknowledgedAt?: string;
  resolvedAt?: string;
  /** When the current supplier got the ticket; their clocks run from here. */
  routedAt: string;
  /** Every wait so far, oldest first; the clocks skip them. */
  pauses: Pause[];
  impact?: 'high' | 'medium' | 'low';
  urgency?: 'high' | 'medium' | 'low';
  createdAt: string;
  updatedAt: string;
}

/** An interval in which the SLA clocks stood still: waiting on the reporter or on a third party. */
export interface Pause {
  from: string;
  /** Absent while the ticket is still waiting. */
  to?: string;
  reason: 'reporter' | 'third-party';
}

/** When the ticket started waiting, if it is waiting now. */
export const pausedSince = (ticket: Pick<Ticket, 'pauses'>): string | undefined => ticket.pauses.find((pause) => !pause.to)?.from;

/** One entry of the append-only audit trail: who did what, when. */
export interface TicketEvent {
  /** In order of recording; notifications about an event are keyed on it. */
  id: number;
  type: string;
  actor: string;
  at: string;
  data: Record<string, unknown>;
}

/** Writes inside one transaction; see {@link TicketStore.transaction}. */
export interface TicketWriter {
  nextNumber(year: number): Promise<number>;
  insert(ticket: Ticket): Promise<void>;
  /** Reads a ticket and holds it until the transaction ends, so two changes cannot interleave. */
  lock(id: string): Promise<Ticket | undefined>;
  update(ticket: Ticket): Promise<void>;
  appendEvent(ticketId: string, event: Omit<TicketEvent, 'id'>): Promise<TicketEvent>;
  /** Queues the notifications a change causes, in the same transaction: the outbox. */
  enqueue(jobs: readonly NewJob[]): Promise<void>;
}

/** The port tickets are stored through; implemented in store/. */
export interface TicketStore {
  transaction<T>(work: (writer: TicketWriter) => Promise<T>): Promise<T>;
  get(id: string): Promise<Ticket | undefined>;
  events(id: string): Promise<TicketEvent[]>;
  listByReporter(reporterId: string, options?: { openOnly?: boolean; limit?: number }): Promise<Ticket[]>;
  list(options?: { openOnly?: boolean; supplier?: string; limit?: number }): Promise<Ticket[]>;
  /** The reporter's open tickets that started in a conversation thread, newest first. */
  inThread(origin: { channel: string; thread: string }, reporterId: string): Promise<Ticket[]>;
}

/** A clause of a contract, as a routing explanation cites it. */
export interface ContractClause {
  /** "3.2"; absent for a preamble. */
  number?: string;
  heading?: string;
  /** The headings above it, outermost first: ["3. Diensten", "3.2"]. */
  headingPath: string[];
  text: string;
}

/** The port routing reads a contract's clauses through, to cite the one that covers the service; implemented in store/. */
export interface ContractClauses {
  /** The contract's clauses anyone may read (restricted ones left out), in document order. */
  clausesOf(contractId: string): Promise<ContractClause[]>;
}

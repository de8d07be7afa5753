/** @module Ticket types: the lifecycle, the audit trail and the ports tickets are stored through. */
import type { ContractType, Priority } from '../contracts/index.js';

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
  impact?: 'high' | 'medium' | 'low';
  urgency?: 'high' | 'medium' | 'low';
  createdAt: string;
  updatedAt: string;
}

/** One entry of the append-only audit trail: who did what, when. */
export interface TicketEvent {
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
  appendEvent(ticketId: string, event: TicketEvent): Promise<void>;
}

/** The port tickets are stored through; implemented in store/. */
export interface TicketStore {
  transaction<T>(work: (writer: TicketWriter) => Promise<T>): Promise<T>;
  get(id: string): Promise<Ticket | undefined>;
  events(id: string): Promise<TicketEvent[]>;
  listByReporter(reporterId: string, options?: { openOnly?: boolean; limit?: number }): Promise<Ticket[]>;
  list(options?: { openOnly?: boolean; supplier?: string; limit?: number }): Promise<Ticket[]>;
}

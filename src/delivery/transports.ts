/** @module The ways a message reaches a supplier, and the order they are tried in. */
import type { Language, SupplierContact } from '../contracts/index.js';
import type { SupplierMessage } from './message.js';

/** In order of preference; `console` is the local console's supplier inbox, standing in for Slack when there is none. */
export const TRANSPORT_KINDS = ['webhook', 'slack', 'email', 'console'] as const;
export type TransportKind = (typeof TRANSPORT_KINDS)[number];

/** Where a message went, recorded on the ticket so later messages can follow it (a Slack thread). */
export type Receipt = Record<string, string>;

export interface DeliveryContext {
  supplier: string;
  contact: SupplierContact;
  language: Language;
  /** Receipts of earlier deliveries of this ticket by this transport, oldest first. */
  earlier: Receipt[];
}

/** A way to deliver; implemented for webhooks and e-mail here, and for Slack in the Slack adapter. */
export interface Transport {
  kind: TransportKind;
  /** Whether the contact names an address this transport can use. */
  reaches(contact: SupplierContact): boolean;
  deliver(message: SupplierMessage, context: DeliveryContext): Promise<Receipt>;
}

/** A supplier's own system first (webhook), then people (Slack channel), then e-mail, then the console's inbox. */
export function transportsFor(contact: SupplierContact, available: readonly Transport[]): Transport[] {
  return TRANSPORT_KINDS.flatMap((kind) => available.filter((transport) => transport.kind === kind && transport.reaches(contact)));
}

/** Attempts per transport before falling back to the next one the supplier can be reached by. */
export const ATTEMPTS_PER_TRANSPORT = 3;

/** The transport for the n-th attempt (1-based): the preferred one first, the last one for as long as it takes. */
export function transportForAttempt(candidates: readonly Transport[], attempt: number): Transport | undefined {
  return candidates[Math.min(Math.floor((attempt - 1) / ATTEMPTS_PER_TRANSPORT), candidates.length - 1)];
}

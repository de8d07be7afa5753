/**
 * @module Webhook signatures, both ways. Each supplier has its own key, derived from SPOSA's master secret, so one
 * supplier can neither forge another's updates nor read another's deliveries. A signature covers the timestamp and
 * the exact body: `v1=` + hex HMAC-SHA256(key, `v1:{timestamp}:{body}`), the scheme Slack uses, so suppliers' ITSM
 * tools that verify Slack requests can verify SPOSA's with the same few lines.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-sposa-signature';
export const TIMESTAMP_HEADER = 'x-sposa-timestamp';
export const SUPPLIER_HEADER = 'x-sposa-supplier';
export const DELIVERY_HEADER = 'x-sposa-delivery';

/** Requests older or newer than this are refused, so a captured request cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** A supplier's key: stable for a master secret and a supplier name, whatever its capitals or spacing. */
export function supplierKey(masterSecret: string, supplier: string): string {
  return createHmac('sha256', masterSecret).update(`supplier:${supplier.trim().toLowerCase()}`).digest('hex');
}

/**
 * The key that signs managers' links to the XLA dashboard: from the same master secret under a label of its own (a
 * supplier's label always starts with `supplier:`), so it is no supplier's key and no supplier key can forge a link.
 */
export function dashboardLinkKey(masterSecret: string): string {
  return createHmac('sha256', masterSecret).update('dashboard-link:v1').digest('hex');
}

export function sign(key: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', key).update(`v1:${timestamp}:${body}`).digest('hex')}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/** Checks a signature and its freshness in constant time; says why a request is refused. */
export function verify(key: string, headers: { timestamp?: string; signature?: string }, body: string, now: Date): SignatureCheck {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature) return { ok: false, reason: `missing ${!timestamp ? TIMESTAMP_HEADER : SIGNATURE_HEADER} header` };
  const seconds = Number(timestamp);
  if (!Number.isInteger(seconds)) return { ok: false, reason: `${TIMESTAMP_HEADER} must be Unix seconds` };
  if (Math.abs(now.getTime() / 1000 - seconds) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'timestamp too far from now; sign each request when sending it' };
  const expected = Buffer.from(sign(key, seconds, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'signature does not match' };
  return { ok: true };
}

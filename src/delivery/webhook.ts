/**
 * @module Webhook delivery: the message as JSON, signed with the supplier's key, POSTed to the URL in their contract.
 * Server errors, timeouts and 429s are retried; any other refusal means retrying cannot help, so the next transport
 * is tried instead.
 */
import { PermanentJobError } from '../jobs/index.js';
import type { Clock } from '../shared/clock.js';
import { DELIVERY_HEADER, SIGNATURE_HEADER, sign, SUPPLIER_HEADER, TIMESTAMP_HEADER } from './signing.js';
import type { Transport } from './transports.js';

export interface WebhookOptions {
  /** The supplier's signing key. */
  keyFor(supplier: string): Promise<string>;
  clock: Clock;
  timeoutMs?: number;
}

const RETRYABLE = (status: number) => status >= 500 || status === 408 || status === 429;

export function webhookTransport({ keyFor, clock, timeoutMs = 10_000 }: WebhookOptions): Transport {
  return {
    kind: 'webhook',
    reaches: (contact) => Boolean(contact.webhook),
    async deliver(message, { supplier, contact }) {
      const url = contact.webhook as string;
      const body = JSON.stringify(message);
      const timestamp = Math.floor(clock().getTime() / 1000);
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: sign(await keyFor(supplier), timestamp, body),
          [SUPPLIER_HEADER]: supplier,
          [DELIVERY_HEADER]: message.delivery,
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      }).catch((error: unknown) => {
        // fetch says only "fetch failed"; the cause (ENOTFOUND, ECONNREFUSED, a timeout) is what an operator needs.
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw new Error(`${url} unreachable: ${cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))}`);
      });
      await response.body?.cancel();
      if (response.ok) return { url, status: String(response.status) };
      const problem = `${url} answered ${response.status} ${response.statusText}`;
      throw RETRYABLE(response.status) ? new Error(problem) : new PermanentJobError(problem);
    },
  };
}

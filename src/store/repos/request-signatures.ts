/** @module Signatures of accepted requests, remembered while they are fresh, so a replayed request is refused by any replica. */
import type { Db } from '../db.js';

export interface RequestSignatureStore {
  /**
   * Records a request's signature hash until `expiresAt`. True the first time; false when the hash is already recorded
   * (the request is a replay). Expired rows are purged now and then on the way.
   */
  claim(signatureHash: string, expiresAt: Date, now: Date): Promise<boolean>;
}

/** How often one process purges expired signatures: a cheap indexed delete, at most once in this time. */
const PURGE_EVERY_MS = 60_000;

export function requestSignatureStore(db: Db): RequestSignatureStore {
  let lastPurge = Number.NEGATIVE_INFINITY;
  return {
    async claim(signatureHash, expiresAt, now) {
      if (now.getTime() - lastPurge >= PURGE_EVERY_MS) {
        lastPurge = now.getTime();
        await db.query('delete from request_signatures where expires_at < $1', [now.toISOString()]);
      }
      const rows = await db.query(
        'insert into request_signatures (signature_hash, expires_at) values ($1, $2) on conflict (signature_hash) do nothing returning 1',
        [signatureHash, expiresAt.toISOString()],
      );
      return rows.length === 1;
    },
  };
}

/** @module Per-key token buckets: a steady rate with a small burst, and the wait until the next token. */
import type { Clock } from './clock.js';

export type RateDecision =
  | { allowed: true }
  /** `firstRefusal` is true once per run of refusals, so a flood is told once rather than answered with a flood. */
  | { allowed: false; retryAfterSeconds: number; firstRefusal: boolean };

export interface RateLimiter {
  /** Takes one token from the key's bucket if there is one. */
  take(key: string): RateDecision;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  refused: boolean;
}

/** Buckets full for longer than this are dropped, so the map does not grow with every user ever seen. */
const IDLE_BUCKET_MS = 60 * 60 * 1000;

/**
 * Each key may take `perMinute` tokens in a burst, refilled at `perMinute` tokens per minute.
 * State is per process: with several replicas each enforces the limit on its own share of the traffic.
 */
export function createRateLimiter(perMinute: number, clock: Clock): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const refillPerMs = perMinute / 60_000;
  let lastSweep = clock().getTime();

  const sweep = (now: number) => {
    if (now - lastSweep < IDLE_BUCKET_MS) return;
    lastSweep = now;
    for (const [key, bucket] of buckets) if (now - bucket.updatedAt > IDLE_BUCKET_MS) buckets.delete(key);
  };

  return {
    take(key) {
      const now = clock().getTime();
      sweep(now);
      const bucket = buckets.get(key) ?? { tokens: perMinute, updatedAt: now, refused: false };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.updatedAt) * refillPerMs);
      bucket.updatedAt = now;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        bucket.refused = false;
        return { allowed: true };
      }
      const firstRefusal = !bucket.refused;
      bucket.refused = true;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)), firstRefusal };
    },
  };
}

import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src/shared/rate-limiter.js';

function limiterAt(perMinute: number) {
  let now = Date.parse('2026-06-10T12:00:00Z');
  const limiter = createRateLimiter(perMinute, () => new Date(now));
  return { limiter, advance: (ms: number) => (now += ms) };
}

describe('the per-key token bucket', () => {
  it('allows a burst of the per-minute rate, then refuses with the wait for the next token', () => {
    const { limiter } = limiterAt(6);
    for (let i = 0; i < 6; i += 1) expect(limiter.take('U1')).toEqual({ allowed: true });
    expect(limiter.take('U1')).toEqual({ allowed: false, retryAfterSeconds: 10, firstRefusal: true });
  });

  it('marks only the first refusal of a run, so a flood is told once', () => {
    const { limiter, advance } = limiterAt(1);
    limiter.take('U1');
    expect(limiter.take('U1')).toMatchObject({ allowed: false, firstRefusal: true });
    expect(limiter.take('U1')).toMatchObject({ allowed: false, firstRefusal: false });
    advance(60_000);
    expect(limiter.take('U1')).toEqual({ allowed: true });
    expect(limiter.take('U1')).toMatchObject({ allowed: false, firstRefusal: true });
  });

  it('refills over time, never above the burst', () => {
    const { limiter, advance } = limiterAt(2);
    limiter.take('U1');
    limiter.take('U1');
    advance(30_000);
    expect(limiter.take('U1')).toEqual({ allowed: true });
    expect(limiter.take('U1').allowed).toBe(false);
    advance(10 * 60_000);
    expect([limiter.take('U1'), limiter.take('U1'), limiter.take('U1')].map((d) => d.allowed)).toEqual([true, true, false]);
  });

  it('keeps a bucket per key: one user flooding does not slow another', () => {
    const { limiter } = limiterAt(1);
    limiter.take('U1');
    expect(limiter.take('U1').allowed).toBe(false);
    expect(limiter.take('U2').allowed).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { cached } from '../../../src/shared/cached.js';

describe('cached', () => {
  it('loads once within the TTL, again after it, and again after invalidate', async () => {
    let loads = 0;
    let time = 0;
    const value = cached(async () => ++loads, 1000, () => time);
    expect(await value.get()).toBe(1);
    time = 999;
    expect(await value.get()).toBe(1);
    time = 1000;
    expect(await value.get()).toBe(2);
    value.invalidate();
    expect(await value.get()).toBe(3);
  });

  it('shares one load between concurrent callers', async () => {
    let loads = 0;
    const value = cached(async () => ++loads, 1000);
    expect(await Promise.all([value.get(), value.get(), value.get()])).toEqual([1, 1, 1]);
  });
});

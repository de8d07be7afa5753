/** @module A value loaded on demand and kept for a while: for data that changes rarely but is read on every request. */

export interface Cached<T> {
  get(): Promise<T>;
  /** Drops the value, so the next get() loads it again (after a local change). */
  invalidate(): void;
}

/**
 * Caches `load()` for `ttlMs`, so changes made by another process (another replica's ingest) show within that time.
 * Concurrent callers share one load.
 */
export function cached<T>(load: () => Promise<T>, ttlMs: number, now: () => number = Date.now): Cached<T> {
  let value: { data: T; at: number } | undefined;
  let pending: Promise<T> | undefined;
  return {
    async get() {
      if (value && now() - value.at < ttlMs) return value.data;
      pending ??= load()
        .then((data) => {
          value = { data, at: now() };
          return data;
        })
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
    invalidate() {
      value = undefined;
    },
  };
}

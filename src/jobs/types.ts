/** @module Jobs: work done after a transaction commits — deliveries, notifications, escalations — kept in PostgreSQL. */

/** A job to run; `dedupeKey` makes queuing idempotent, so the same fact is never acted on twice. */
export interface NewJob {
  kind: string;
  payload: Record<string, unknown>;
  dedupeKey: string;
  /** Not before this instant (ISO 8601), by the caller's clock. */
  runAt: string;
}

export interface ClaimedJob {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  dedupeKey: string;
  /** Including this one. */
  attempts: number;
}

export interface JobCounts {
  pending: number;
  failed: number;
  done: number;
}

/** The port the queue is kept through; implemented in store/ with `for update skip locked`. */
export interface JobStore {
  enqueue(jobs: readonly NewJob[]): Promise<void>;
  /**
   * Claims up to `limit` due jobs for `worker` until `leaseUntil`. Claimed jobs are invisible to other workers
   * until then; a worker that dies mid-job lets the lease run out and another worker picks the job up.
   */
  claim(worker: string, now: Date, leaseUntil: Date, limit: number, kinds: readonly string[]): Promise<ClaimedJob[]>;
  complete(job: ClaimedJob, worker: string, at: Date): Promise<void>;
  retry(job: ClaimedJob, worker: string, runAt: Date, error: string): Promise<void>;
  fail(job: ClaimedJob, worker: string, at: Date, error: string): Promise<void>;
  /** Withdraws a job that is no longer needed (a safety net whose work got done); a no-op once it has run. */
  cancel(dedupeKey: string, at: Date): Promise<void>;
  /** Withdraws every pending job whose payload has `field` set to one of `values` (e.g. the tickets of demo data). */
  cancelWhere(field: string, values: readonly string[], at: Date): Promise<number>;
  counts(): Promise<JobCounts>;
  /** Jobs given up on, newest first: what an operator looks at. */
  failed(limit?: number): Promise<(ClaimedJob & { lastError: string })[]>;
}

/** @module Job repository: the PostgreSQL queue behind the outbox, claimed with `for update skip locked`. */
import type { ClaimedJob, JobStore, NewJob } from '../../jobs/index.js';
import type { Db, Queryable } from '../db.js';

const CLAIMED_COLUMNS = `id, kind, payload, dedupe_key as "dedupeKey", attempts`;

/** Queues jobs on `tx` (the caller's transaction, for an outbox) ignoring facts already queued. */
export async function enqueueJobs(tx: Queryable, jobs: readonly NewJob[]): Promise<void> {
  for (const job of jobs) {
    await tx.query(
      `insert into jobs (kind, payload, dedupe_key, run_at) values ($1, $2, $3, $4) on conflict (dedupe_key) do nothing`,
      [job.kind, JSON.stringify(job.payload), job.dedupeKey, job.runAt],
    );
  }
}

/** A JobStore over any SPOSA database. */
export function jobStore(db: Db): JobStore {
  return {
    enqueue: (jobs) => enqueueJobs(db, jobs),
    async claim(worker, now, leaseUntil, limit, kinds) {
      return db.query<ClaimedJob>(
        `update jobs set locked_by = $1, locked_until = $3, attempts = attempts + 1
         where id in (
           select id from jobs
           where done_at is null and failed_at is null and run_at <= $2 and (locked_until is null or locked_until < $2)
             and kind = any($5::text[])
           order by run_at, id limit $4 for update skip locked)
         returning ${CLAIMED_COLUMNS}`,
        [worker, now.toISOString(), leaseUntil.toISOString(), limit, kinds],
      ).then((rows) => rows.sort((a, b) => a.id - b.id));
    },
    // Each outcome is written only while the worker still holds the job: a worker that outlived its lease does
    // not overwrite what the worker that took over has done.
    async complete(job, worker, at) {
      await db.query(`update jobs set done_at = $3, locked_until = null where id = $1 and locked_by = $2`, [job.id, worker, at.toISOString()]);
    },
    async retry(job, worker, runAt, error) {
      await db.query(`update jobs set run_at = $3, last_error = $4, locked_until = null where id = $1 and locked_by = $2`, [
        job.id, worker, runAt.toISOString(), error.slice(0, 2_000),
      ]);
    },
    async fail(job, worker, at, error) {
      await db.query(`update jobs set failed_at = $3, last_error = $4, locked_until = null where id = $1 and locked_by = $2`, [
        job.id, worker, at.toISOString(), error.slice(0, 2_000),
      ]);
    },
    async cancel(dedupeKey, at) {
      await db.query(`update jobs set done_at = $2, last_error = 'cancelled' where dedupe_key = $1 and done_at is null and failed_at is null`, [dedupeKey, at.toISOString()]);
    },
    async cancelWhere(field, values, at) {
      const rows = await db.query(
        `update jobs set done_at = $3, last_error = 'cancelled'
         where done_at is null and failed_at is null and payload->>$1 = any($2::text[]) returning id`,
        [field, values, at.toISOString()],
      );
      return rows.length;
    },
    async counts() {
      const [row] = await db.query<{ pending: number; failed: number; done: number }>(
        `select count(*) filter (where done_at is null and failed_at is null)::int as pending,
                count(*) filter (where failed_at is not null)::int as failed,
                count(*) filter (where done_at is not null)::int as done
         from jobs`,
      );
      return row ?? { pending: 0, failed: 0, done: 0 };
    },
    async failed(limit = 20) {
      return db.query(`select ${CLAIMED_COLUMNS}, last_error as "lastError" from jobs where failed_at is not null order by failed_at desc limit $1`, [limit]);
    },
  };
}

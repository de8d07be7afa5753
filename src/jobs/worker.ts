/**
 * @module The job worker: claims due jobs, runs their handlers, and retries failures with exponential back-off.
 * Any number of workers (threads of one process or replicas on many machines) can share one queue: claims are
 * leased with `skip locked`, so no job runs twice at the same time, and a crashed worker's jobs come back when their
 * lease runs out.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../shared/clock.js';
import { withLogContext } from '../shared/log-context.js';
import type { Logger } from '../shared/logger.js';
import { PermanentJobError } from './permanent-error.js';
import type { ClaimedJob, JobStore } from './types.js';

export type JobHandler = (payload: Record<string, unknown>, job: ClaimedJob) => Promise<void>;

export interface WorkerOptions {
  store: JobStore;
  handlers: Readonly<Record<string, JobHandler>>;
  clock: Clock;
  logger: Logger;
  /** How often to look for due jobs when the queue was empty. */
  pollMs?: number;
  /** How long a claim holds; a handler must finish well within it (HTTP deliveries time out long before). */
  leaseMs?: number;
  batchSize?: number;
  /** Attempts before a job is given up on and kept as failed for an operator. */
  maxAttempts?: number;
  /** Runs every `periodicMs` beside the jobs: the SLA sweep that queues reminders and escalations. */
  periodic?: () => Promise<void>;
  periodicMs?: number;
}

/** 30 s, 1 min, 2 min, … capped at an hour: about a day of attempts in 30 tries, so an outage delays but never loses. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export interface Worker {
  readonly id: string;
  /** Runs due jobs until none are left; for tests and the CLI. Returns how many ran. */
  drain(): Promise<number>;
  /** Starts polling in the background. */
  start(): void;
  /** Stops polling and waits for the jobs in hand to finish. */
  stop(): Promise<void>;
}

export function createWorker(options: WorkerOptions): Worker {
  const { store, handlers, clock, logger, pollMs = 1_000, leaseMs = 60_000, batchSize = 10, maxAttempts = 30, periodicMs = 60_000 } = options;
  const id = `worker-${randomUUID().slice(0, 8)}`;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;
  let lastPeriodic = 0;

  function run(job: ClaimedJob): Promise<void> {
    const ticket = typeof job.payload.ticketId === 'string' ? job.payload.ticketId : undefined;
    return withLogContext({ job: String(job.id), kind: job.kind, ticket }, () => attempt(job));
  }

  async function attempt(job: ClaimedJob): Promise<void> {
    try {
      await (handlers[job.kind] as JobHandler)(job.payload, job);
      await store.complete(job, id, clock());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof PermanentJobError || job.attempts >= maxAttempts) {
        logger.error('job failed for good', { attempts: job.attempts, error: message });
        await store.fail(job, id, clock(), message);
      } else {
        const delay = backoffMs(job.attempts);
        logger.warn('job failed; will retry', { attempts: job.attempts, retryInMs: delay, error: message });
        await store.retry(job, id, new Date(clock().getTime() + delay), message);
      }
    }
  }

  async function runBatch(): Promise<number> {
    const now = clock();
    const jobs = await store.claim(id, now, new Date(now.getTime() + leaseMs), batchSize, Object.keys(handlers));
    // One at a time: deliveries are I/O-bound and few; order within a batch keeps a ticket's messages in sequence.
    for (const job of jobs) await run(job);
    return jobs.length;
  }

  async function drain(): Promise<number> {
    if (options.periodic) await options.periodic();
    let total = 0;
    for (let ran = await runBatch(); ran > 0; ran = await runBatch()) total += ran;
    return total;
  }

  async function tick(): Promise<void> {
    try {
      if (options.periodic && Date.now() - lastPeriodic >= periodicMs) {
        lastPeriodic = Date.now();
        await options.periodic();
      }
      while ((await runBatch()) > 0 && !stopped);
    } catch (error) {
      logger.error('job worker tick failed', { error });
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, pollMs);
  }

  return {
    id,
    drain,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

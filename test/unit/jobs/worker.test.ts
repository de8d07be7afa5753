import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backoffMs, createWorker, type JobHandler, type JobStore, PermanentJobError } from '../../../src/jobs/index.js';
import { jsonLogger, silentLogger } from '../../../src/shared/logger.js';
import { jobStore } from '../../../src/store/index.js';
import { storeTargets, type TestDb } from '../../helpers/test-db.js';

describe('backoffMs', () => {
  it('doubles from 30 seconds and stops at an hour', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20)).toBe(3_600_000);
  });
});

describe.each(storeTargets())('the job queue ($name)', (target) => {
  let db: TestDb;
  let store: JobStore;
  let now = new Date('2026-06-10T12:00:00Z');
  const clock = () => now;
  const later = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  const ran: string[] = [];
  const record: JobHandler = async (payload) => {
    ran.push(String(payload.name));
  };
  const worker = (handlers: Record<string, JobHandler> = { note: record }, maxAttempts?: number) =>
    createWorker({ store, handlers, clock, logger: silentLogger, ...(maxAttempts ? { maxAttempts } : {}) });
  const job = (name: string, kind = 'note') => ({ kind, payload: { name }, dedupeKey: `${kind}:${name}`, runAt: now.toISOString() });

  beforeAll(async () => {
    db = await target.open();
    store = jobStore(db);
  });
  afterAll(async () => {
    await db?.destroy();
  });
  beforeEach(async () => {
    ran.length = 0;
    await db.query('delete from jobs');
  });

  it('queues a fact once however often it is queued, and runs it once', async () => {
    await store.enqueue([job('a'), job('a')]);
    await store.enqueue([job('a')]);
    expect(await worker().drain()).toBe(1);
    expect(await worker().drain()).toBe(0);
    expect(ran).toEqual(['a']);
  });

  it('waits for a job’s time to come', async () => {
    await store.enqueue([{ ...job('later'), runAt: new Date(now.getTime() + 60_000).toISOString() }]);
    expect(await worker().drain()).toBe(0);
    later(60_000);
    expect(await worker().drain()).toBe(1);
  });

  it('gives a crashed worker’s job to another once its lease runs out, not before', async () => {
    await store.enqueue([job('orphan')]);
    const [claimed] = await store.claim('crashed-worker', now, new Date(now.getTime() + 60_000), 10, ['note']);
    expect(claimed?.attempts).toBe(1);
    expect(await worker().drain()).toBe(0);
    later(61_000);
    expect(await worker().drain()).toBe(1);
    expect(ran).toEqual(['orphan']);
    // The crashed worker coming back cannot mark the job as its own any more.
    await store.retry(claimed!, 'crashed-worker', now, 'late');
    expect(await store.counts()).toMatchObject({ pending: 0, done: 1 });
  });

  it('retries a failing job with back-off and keeps it as failed after the last attempt', async () => {
    await store.enqueue([job('flaky')]);
    const failing = worker({ note: async () => Promise.reject(new Error('endpoint down')) }, 3);
    await failing.drain();
    expect(await failing.drain()).toBe(0); // not due before its back-off
    later(backoffMs(1));
    await failing.drain();
    later(backoffMs(2));
    await failing.drain();
    expect(await store.counts()).toMatchObject({ pending: 0, failed: 1 });
    expect((await store.failed())[0]).toMatchObject({ kind: 'note', attempts: 3, lastError: 'endpoint down' });
  });

  it('gives up at once on a permanent error', async () => {
    await store.enqueue([job('doomed')]);
    await worker({ note: async () => Promise.reject(new PermanentJobError('no contact')) }).drain();
    expect(await store.counts()).toMatchObject({ failed: 1, pending: 0 });
  });

  it('logs a failing job with its id, kind and ticket', async () => {
    const lines: string[] = [];
    await store.enqueue([{ kind: 'note', payload: { name: 'x', ticketId: 'INC-2026-00007' }, dedupeKey: 'note:logged', runAt: now.toISOString() }]);
    const logger = jsonLogger('debug', { write: (line) => lines.push(line) });
    await createWorker({ store, handlers: { note: async () => Promise.reject(new Error('endpoint down')) }, clock, logger }).drain();
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ msg: 'job failed; will retry', kind: 'note', ticket: 'INC-2026-00007', job: expect.any(String) });
  });

  it('leaves kinds it has no handler for to a worker that has one', async () => {
    await store.enqueue([job('slack-only', 'slack')]);
    expect(await worker().drain()).toBe(0);
    expect(await worker({ slack: record }).drain()).toBe(1);
  });
});

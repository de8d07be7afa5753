/** @module Jobs: a queue in PostgreSQL (the outbox) and the worker that empties it. */
export { PermanentJobError } from './permanent-error.js';
export type * from './types.js';
export { backoffMs, createWorker, type JobHandler, type Worker, type WorkerOptions } from './worker.js';

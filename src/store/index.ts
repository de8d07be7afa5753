/** @module Store: opens the configured PostgreSQL (embedded or server), migrates it, and provides the repositories. */
import type { DatabaseConfig } from '../config/index.js';
import type { Db } from './db.js';
import { migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export type { Db, Queryable } from './db.js';
export { migrate } from './migrate.js';
export { openPglite } from './pglite.js';
export { openPostgres } from './postgres.js';
export { clauseSource } from './repos/clauses.js';
export { enqueueJobs, jobStore } from './repos/jobs.js';
export { settingsStore } from './repos/settings.js';
export { contractClauses } from './repos/contract-clauses.js';
export { contractStore } from './repos/contracts.js';
export { conversationStore } from './repos/conversations.js';
export { registryStore } from './repos/registry.js';
export { type RequestSignatureStore, requestSignatureStore } from './repos/request-signatures.js';
export { ratingStore } from './repos/ratings.js';
export { ticketStore } from './repos/tickets.js';

/** Opens the database the configuration names and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig): Promise<Db> {
  const db = config.kind === 'embedded' ? await openPglite(config.dataDir) : await openPostgres({ url: config.url });
  await migrate(db);
  return db;
}

/**
 * Databases for tests: always embedded PGlite (in memory), and the real PostgreSQL server too when
 * TEST_DATABASE_URL is set. Each real-server database lives in a schema of its own, dropped afterwards,
 * so concurrent runs never see each other's data.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Db, migrate, openPglite, openPostgres } from '../../src/store/index.js';

export interface StoreTarget {
  name: 'pglite' | 'postgres';
  /** Opens a fresh, migrated, empty database. */
  open(): Promise<TestDb>;
}

export interface TestDb extends Db {
  /** Closes the database and, on the real server, drops its schema. */
  destroy(): Promise<void>;
  /** On the real server: another connection pool to the same data, as a second replica would have. */
  another?(): Promise<Db>;
}

async function openPgliteTarget(): Promise<TestDb> {
  const db = await openPglite();
  await migrate(db);
  return { ...db, destroy: () => db.close() };
}

async function openPostgresTarget(url: string): Promise<TestDb> {
  const schema = `sposa_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = await openPostgres({ url, schema, maxConnections: 4 });
  await migrate(db);
  return {
    ...db,
    another: () => openPostgres({ url, schema, maxConnections: 4 }),
    async destroy() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

/** The databases every store-backed test runs against. */
export function storeTargets(): StoreTarget[] {
  const url = process.env.TEST_DATABASE_URL;
  const targets: StoreTarget[] = [{ name: 'pglite', open: openPgliteTarget }];
  if (url) targets.push({ name: 'postgres', open: () => openPostgresTarget(url) });
  return targets;
}

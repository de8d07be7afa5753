/** @module PostgreSQL server through node-postgres, with the same behaviour as the embedded engine. */
import pg from 'pg';
import type { Db, Queryable } from './db.js';

// node-postgres returns int8 and numeric as strings to protect precision; SPOSA's counts and ids fit in a
// double, and PGlite returns numbers, so both engines must agree on numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** Options for {@link openPostgres}. */
export interface PostgresOptions {
  url: string;
  /** Schema to put first on the search path; tests use one per run so runs never see each other's data. */
  schema?: string;
  maxConnections?: number;
}

/** Connects a pool to a PostgreSQL server. */
export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema},public` } : {}),
  });
  // A server restart or failover drops idle connections; the pool discards them and the next query connects afresh.
  // Without a listener Node would treat the dropped connection's error as fatal and stop the whole process.
  pool.on('error', () => undefined);
  // Fail at start, not on the first user request, when the server is unreachable.
  await pool.query('select 1');
  const queryable = (client: Pick<pg.Pool, 'query'>): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(sql, [...params]);
      return result.rows as Row[];
    },
    async exec(sql) {
      await client.query(sql);
    },
  });
  return {
    engine: 'postgres',
    ...queryable(pool),
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('begin');
        const result = await work(queryable(client));
        await client.query('commit');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is dead: it is destroyed rather than returned to the pool.
        await client.query('rollback').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

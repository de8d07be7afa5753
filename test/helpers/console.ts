/** Serves the local console over real services on a free local port, as `npm start` does without Slack. */
import type { AddressInfo } from 'node:net';
import type { Sposa } from '../../src/compose.js';
import { createConsoleServer } from '../../src/console/server.js';
import { healthHandler } from '../../src/http/health.js';
import { silentLogger } from '../../src/shared/logger.js';
import { testSposa } from './sposa.js';
import type { StoreTarget, TestDb } from './test-db.js';

export interface RunningConsole {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  base: string;
  close(): Promise<void>;
}

export async function startConsole(sposa: Sposa): Promise<RunningConsole> {
  const server = createConsoleServer({ sposa, port: 0, logger: silentLogger, health: healthHandler(sposa, 'console') });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A console test file's world: a fresh database with the demo corpus, its services and the console serving them. */
export interface ConsoleTestbed {
  db: TestDb;
  sposa: Sposa;
  base: string;
  close(): Promise<void>;
}

export async function openConsoleTestbed(target: StoreTarget): Promise<ConsoleTestbed> {
  const db = await target.open();
  const sposa = await testSposa(db);
  await sposa.ingest();
  const running = await startConsole(sposa);
  return {
    db,
    sposa,
    base: running.base,
    async close() {
      await running.close();
      await db.destroy();
    },
  };
}

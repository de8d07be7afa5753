/** Opens SPOSA's real services over a test database, with the demo corpus or a given folder. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSposa, type Sposa } from '../../src/compose.js';
import { loadConfig } from '../../src/config/index.js';
import type { CliContext } from '../../src/cli/context.js';
import type { Clock } from '../../src/shared/clock.js';
import { captureOutput } from './output.js';
import type { TestDb } from './test-db.js';

/** A fixed moment inside the demo contracts' terms: Wednesday 2026-06-10, 14:00 in Amsterdam. */
export const DEMO_NOW = new Date('2026-06-10T12:00:00Z');

/** A fresh data folder inside the run's temporary root (see test/global-setup.ts). */
export function testDataDir(): string {
  return mkdtempSync(path.join(process.env.SPOSA_TEST_TMP ?? tmpdir(), 'data-'));
}

export async function testSposa(
  db: TestDb,
  options: { contractsDir?: string; clock?: Clock; env?: Record<string, string> } = {},
): Promise<Sposa> {
  const config = loadConfig({
    SPOSA_CONTRACTS_DIR: options.contractsDir ?? 'contracts',
    SPOSA_DATA_DIR: testDataDir(),
    ...options.env,
  });
  return openSposa(config, { db, clock: options.clock ?? (() => DEMO_NOW) });
}

/** A CLI context over given services, capturing what the command prints. */
export function cliContext(sposa: Sposa) {
  const stdout = captureOutput();
  const stderr = captureOutput();
  const context: CliContext = { sposa: async () => sposa, stdout, stderr };
  return { context, stdout, stderr };
}

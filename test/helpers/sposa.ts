/** Opens SPOSA's real services over a test database, with the demo corpus or a given folder. */
import { openSposa, type Sposa } from '../../src/compose.js';
import { loadConfig } from '../../src/config/index.js';
import type { CliContext } from '../../src/cli/context.js';
import type { Clock } from '../../src/shared/clock.js';
import { captureOutput } from './output.js';
import type { TestDb } from './test-db.js';

/** A fixed moment inside the demo contracts' terms: Wednesday 2026-06-10, 14:00 in Amsterdam. */
export const DEMO_NOW = new Date('2026-06-10T12:00:00Z');

export async function testSposa(db: TestDb, options: { contractsDir?: string; clock?: Clock } = {}): Promise<Sposa> {
  const config = loadConfig({ SPOSA_CONTRACTS_DIR: options.contractsDir ?? 'contracts' });
  return openSposa(config, { db, clock: options.clock ?? (() => DEMO_NOW) });
}

/** A CLI context over given services, capturing what the command prints. */
export function cliContext(sposa: Sposa) {
  const stdout = captureOutput();
  const stderr = captureOutput();
  const context: CliContext = { sposa: async () => sposa, stdout, stderr };
  return { context, stdout, stderr };
}

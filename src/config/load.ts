/** @module Loads configuration from an environment map; the only code that reads process.env is its caller. */
import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { type Config, envSchema } from './schema.js';

/**
 * Validates the environment and derives every mode in one place.
 * @throws ConfigError naming each variable that is wrong and what it expects.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Invalid configuration:\n${z.prettifyError(parsed.error)}`);
  }
  const values = parsed.data;
  const dataDir = path.resolve(values.SPOSA_DATA_DIR);
  return {
    database: values.DATABASE_URL
      ? { kind: 'postgres', url: values.DATABASE_URL }
      : { kind: 'embedded', dataDir: path.join(dataDir, 'pgdata') },
    dataDir,
    contractsDir: path.resolve(values.SPOSA_CONTRACTS_DIR),
    timezone: values.SPOSA_TIMEZONE,
  };
}

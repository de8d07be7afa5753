/** @module Configuration schema: every environment variable SPOSA reads, with the defaults that make a fresh machine run. */
import { DateTime } from 'luxon';
import { z } from 'zod';

/** Treats `FOO=` like an unset variable, the way people expect from .env files. */
const withDefault = (fallback: string) =>
  z.preprocess((value) => (value === '' || value === undefined ? fallback : value), z.string());

/** The raw environment, as documented in .env.example (a test keeps the two in step). */
export const envSchema = z.object({
  DATABASE_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL')
      .optional(),
  ),
  SPOSA_DATA_DIR: withDefault('.sposa'),
  SPOSA_CONTRACTS_DIR: withDefault('contracts'),
  SPOSA_TIMEZONE: withDefault('Europe/Amsterdam').refine(
    (zone) => DateTime.local().setZone(zone).isValid,
    'expected an IANA time zone such as Europe/Amsterdam',
  ),
});

export type Env = z.infer<typeof envSchema>;

/** Where the data lives: the embedded PGlite folder, or a PostgreSQL server. */
export type DatabaseConfig = { kind: 'embedded'; dataDir: string } | { kind: 'postgres'; url: string };

/** The validated configuration the composition root hands to every part. */
export interface Config {
  database: DatabaseConfig;
  dataDir: string;
  contractsDir: string;
  timezone: string;
}

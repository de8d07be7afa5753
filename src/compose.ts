/** @module Composition root: builds SPOSA's services from a configuration; every adapter starts here. */
import type { Config } from './config/index.js';
import { type IngestOptions, type IngestSummary, ingestContracts, readContractSources } from './contracts/index.js';
import { type Accountability, findAccountable, type RegistrySnapshot } from './registry/index.js';
import { type Clock, localDate, systemClock } from './shared/clock.js';
import { contractStore, type Db, openDatabase, registryStore } from './store/index.js';

/** The services every adapter (CLI, console, Slack, HTTP) drives. */
export interface Sposa {
  readonly config: Config;
  readonly db: Db;
  /** Reads and ingests a contracts folder (default: the configured one). */
  ingest(options?: IngestOptions & { dir?: string }): Promise<IngestSummary>;
  /** Who is accountable for the service a term names, on a date (default: today in the configured zone). */
  who(term: string, at?: Date): Promise<Accountability>;
  registry(): Promise<RegistrySnapshot>;
  close(): Promise<void>;
}

export interface ComposeOptions {
  clock?: Clock;
  /** An already open database (tests); otherwise the configured one is opened and migrated. */
  db?: Db;
}

/** Opens the database and wires the services. */
export async function openSposa(config: Config, options: ComposeOptions = {}): Promise<Sposa> {
  const clock = options.clock ?? systemClock;
  const db = options.db ?? (await openDatabase(config.database));
  const contracts = contractStore(db);
  const registry = registryStore(db);
  return {
    config,
    db,
    async ingest({ dir = config.contractsDir, ...rest } = {}) {
      const scan = await readContractSources(dir);
      return ingestContracts(scan.sources, contracts, {
        ...rest,
        unreadable: scan.unreadable,
        readProblems: scan.problems,
      });
    },
    async who(term, at = clock()) {
      return findAccountable(await registry.snapshot(), term, localDate(at, config.timezone));
    },
    registry: () => registry.snapshot(),
    close: () => db.close(),
  };
}

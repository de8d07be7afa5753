/**
 * @module Ingestion: validates every contract file first, then writes the changes in one transaction:
 * new and changed files are (re)written, unchanged ones skipped by content hash, removed ones retired.
 */
import { type FileProblem, IngestError } from '../errors.js';
import { type ContractText, parseContract } from './parse-contract.js';
import type { ParsedContract } from './types.js';

/** What the store already holds about an ingested contract. */
export interface IngestedContract {
  id: string;
  sourcePath: string;
  sourceHash: string;
  status: 'active' | 'retired';
}

/** Writes contracts; every call happens inside the transaction given by {@link ContractStore.transaction}. */
export interface ContractWriter {
  listIngested(): Promise<IngestedContract[]>;
  /** Inserts or replaces a contract with its clauses, services and aliases, and marks it active. */
  saveContract(contract: ParsedContract): Promise<void>;
  retireContract(id: string): Promise<void>;
}

/** The port ingestion writes through; implemented in store/. */
export interface ContractStore {
  transaction<T>(work: (writer: ContractWriter) => Promise<T>): Promise<T>;
}

export interface IngestOptions {
  /** Ingest the valid files even when others are invalid (their problems are still reported). */
  skipInvalid?: boolean;
  /** Files that exist but could not be read; their contracts are kept rather than retired. */
  unreadable?: readonly string[];
  /** Problems found while reading files, reported together with validation problems. */
  readProblems?: readonly FileProblem[];
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface IngestSummary {
  added: string[];
  updated: string[];
  unchanged: string[];
  retired: string[];
  /** Problems in files that were skipped (only with skipInvalid; otherwise ingestion throws). */
  problems: FileProblem[];
  clausesWritten: number;
}

function findDuplicateIds(contracts: ParsedContract[]): FileProblem[] {
  const firstSeen = new Map<string, string>();
  const problems: FileProblem[] = [];
  for (const contract of contracts) {
    const earlier = firstSeen.get(contract.meta.id);
    if (earlier) {
      problems.push({ file: contract.sourcePath, line: 1, message: `id ${contract.meta.id} is already used by ${earlier}` });
    } else firstSeen.set(contract.meta.id, contract.sourcePath);
  }
  return problems;
}

/**
 * Validates and ingests contract texts.
 * @throws IngestError with every problem, having written nothing, when any file is invalid and skipInvalid is off.
 */
export async function ingestContracts(
  texts: readonly ContractText[],
  store: ContractStore,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const problems: FileProblem[] = [...(options.readProblems ?? [])];
  const valid: ParsedContract[] = [];
  const invalidFiles = new Set(options.unreadable ?? []);
  texts.forEach((text, index) => {
    const outcome = parseContract(text);
    if (outcome.ok) valid.push(outcome.contract);
    else {
      problems.push(...outcome.problems);
      invalidFiles.add(text.file);
    }
    options.onProgress?.(index + 1, texts.length, text.file);
  });
  const duplicates = findDuplicateIds(valid);
  problems.push(...duplicates);
  const duplicateFiles = new Set(duplicates.map((problem) => problem.file));
  if (problems.length && !options.skipInvalid) throw new IngestError(problems);
  const toWrite = valid.filter((contract) => !duplicateFiles.has(contract.sourcePath));

  return store.transaction(async (writer) => {
    const summary: IngestSummary = { added: [], updated: [], unchanged: [], retired: [], problems, clausesWritten: 0 };
    const existing = new Map((await writer.listIngested()).map((contract) => [contract.id, contract]));
    for (const contract of toWrite) {
      const before = existing.get(contract.meta.id);
      const same = before?.sourceHash === contract.sourceHash && before.sourcePath === contract.sourcePath;
      if (before?.status === 'active' && same) {
        summary.unchanged.push(contract.meta.id);
        continue;
      }
      await writer.saveContract(contract);
      summary.clausesWritten += contract.clauses.length;
      (before ? summary.updated : summary.added).push(contract.meta.id);
    }
    const present = new Set(toWrite.map((contract) => contract.meta.id));
    for (const contract of existing.values()) {
      // A contract whose file is still there but invalid stays as it was: retiring it would punish a typo.
      if (contract.status === 'active' && !present.has(contract.id) && !invalidFiles.has(contract.sourcePath)) {
        await writer.retireContract(contract.id);
        summary.retired.push(contract.id);
      }
    }
    return summary;
  });
}

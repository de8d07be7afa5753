/** @module What every CLI command gets: the services, output streams, and whether a person is watching. */
import type { Sposa } from '../compose.js';

/** A writable text stream; process.stdout in real use, a buffer in tests. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliContext {
  /** Opens the services on first use, so `sposa help` needs no database. */
  sposa(): Promise<Sposa>;
  stdout: Output;
  stderr: Output;
  /** For the interactive shell; absent when input is not available. */
  stdin?: NodeJS.ReadableStream;
}

/** A CLI command; `run` returns the process exit code. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(args: string[], context: CliContext): Promise<number>;
}

/** Exit codes: 0 success, 1 the command ran and found a problem, 2 the command line itself was wrong. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** @module Errors: one coded error type for the whole product, so adapters can render every failure in one place. */

/** Stable error codes; adapters and tests branch on these, never on message text. */
export const ErrorCode = {
  Config: 'sposa_config_invalid',
  IngestInvalid: 'sposa_ingest_invalid',
  NotFound: 'sposa_not_found',
  Forbidden: 'sposa_forbidden',
  InvalidInput: 'sposa_invalid_input',
  Unauthorized: 'sposa_unauthorized',
  Conflict: 'sposa_conflict',
  Unknown: 'sposa_unknown',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Base error: a code for machines, a message for people, and the original error as `cause`. */
export class SposaError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SposaError';
    this.code = code;
  }
}

/** The environment is missing a value or holds one of the wrong shape. */
export class ConfigError extends SposaError {
  constructor(message: string) {
    super(ErrorCode.Config, message);
    this.name = 'ConfigError';
  }
}

/** One problem in one input file, located so an editor can jump to it. */
export interface FileProblem {
  file: string;
  line: number;
  message: string;
}

/** Formats a problem the way compilers do, so terminals and editors make it clickable. */
export function formatProblem(problem: FileProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/** Contract files failed validation; carries every problem found, not just the first. */
export class IngestError extends SposaError {
  readonly problems: FileProblem[];

  constructor(problems: FileProblem[]) {
    const count = problems.length;
    super(
      ErrorCode.IngestInvalid,
      `${count} problem${count === 1 ? '' : 's'} in the contracts; nothing was written:\n${problems.map(formatProblem).join('\n')}`,
    );
    this.name = 'IngestError';
    this.problems = problems;
  }
}

/** Something the user named does not exist (a service, a ticket). */
export class NotFoundError extends SposaError {
  constructor(message: string) {
    super(ErrorCode.NotFound, message);
    this.name = 'NotFoundError';
  }
}

/** The user asked for something well-formed that is not valid here. */
export class InvalidInputError extends SposaError {
  constructor(message: string) {
    super(ErrorCode.InvalidInput, message);
    this.name = 'InvalidInputError';
  }
}

/** A request whose sender could not be verified (a bad or missing signature). */
export class UnauthorizedError extends SposaError {
  constructor(message: string) {
    super(ErrorCode.Unauthorized, message);
    this.name = 'UnauthorizedError';
  }
}

/** A change the current state does not allow, such as resolving a closed ticket. */
export class ConflictError extends SposaError {
  constructor(message: string) {
    super(ErrorCode.Conflict, message);
    this.name = 'ConflictError';
  }
}

/** Wraps anything thrown into a SposaError, keeping the original as `cause`. */
export function asSposaError(error: unknown): SposaError {
  if (error instanceof SposaError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SposaError(ErrorCode.Unknown, message, { cause: error });
}

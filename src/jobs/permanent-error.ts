/** @module The error a job handler throws when retrying cannot help (the ticket is gone, no contact is configured). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

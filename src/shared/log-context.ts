/**
 * @module Log context: the request, event, job or ticket a piece of work is for, carried across awaits with
 * AsyncLocalStorage so every log line written during it names them, without threading ids through every call.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const storage = new AsyncLocalStorage<Record<string, string>>();

/** Runs `work` with these fields added to every log line it writes (nested contexts add to the outer one). */
export function withLogContext<T>(fields: Record<string, string | undefined>, work: () => T): T {
  const defined = Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return storage.run({ ...storage.getStore(), ...defined }, work);
}

/** The fields of the work in progress, if any. */
export const logContext = (): Record<string, string> => storage.getStore() ?? {};

/** @module Logging port: structured, leveled, and never given secrets. Adapters pass one in; tests pass a silent one. */

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** One JSON object per line on stderr: readable by people, parseable by log shippers. */
export function jsonLogger(level: 'debug' | 'info' | 'warn' | 'error' = 'info'): Logger {
  const order = ['debug', 'info', 'warn', 'error'];
  const write = (at: string) => (message: string, fields: Record<string, unknown> = {}) => {
    if (order.indexOf(at) < order.indexOf(level)) return;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level: at, msg: message, ...fields };
    if (fields.error instanceof Error) entry.error = { message: fields.error.message, stack: fields.error.stack };
    process.stderr.write(`${JSON.stringify(entry)}\n`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** A short id people can read out to support, to find the log line of a failure. */
export const referenceId = () => Math.random().toString(36).slice(2, 8).toUpperCase();

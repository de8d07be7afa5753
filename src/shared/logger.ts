/** @module Logging port: structured, leveled, and never given secrets. Adapters pass one in; tests pass a silent one. */
import pino from 'pino';
import { logContext } from './log-context.js';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Shapes of credentials that must not reach a log even when nobody told the logger their values. */
const SECRET_PATTERNS = [
  /\bxox[abposr]-[A-Za-z0-9-]+/g, // Slack bot, user and legacy tokens
  /\bxapp-[A-Za-z0-9-]+/g, // Slack app-level tokens
  /\bsk-[A-Za-z0-9_-]{8,}/g, // OpenAI-style API keys
  /(?<=\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"]*:)[^\s@/"]+(?=@)/gi, // the password in scheme://user:password@host
  /(?<=(?:[?&]|%3F|%26)(?:amp;)?token(?:=|%3D))[^\s&#"'<>\\%]+/gi, // a `token` query parameter (a dashboard link's), plain or encoded
];
export const REDACTED = '[redacted]';

/** Replaces the given secret values (raw and as they appear inside JSON strings) and anything shaped like one. */
export function redactSecrets(line: string, secrets: readonly string[] = []): string {
  let redacted = line;
  for (const secret of secrets.filter((value) => value.length >= 4)) {
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])) {
      redacted = redacted.split(form).join(REDACTED);
    }
  }
  return SECRET_PATTERNS.reduce((text, pattern) => text.replace(pattern, REDACTED), redacted);
}

export interface JsonLoggerOptions {
  /** Values that must never be written, such as the configured tokens and database password. */
  secrets?: readonly string[];
  /** Where lines go; stderr unless a test captures them. */
  write?: (line: string) => void;
}

/**
 * One JSON object per line on stderr, written by pino: readable by people, parseable by log shippers, each line
 * carrying the ids of the request, event, job or ticket in progress (see log-context.ts), with secrets redacted.
 */
export function jsonLogger(level: 'debug' | 'info' | 'warn' | 'error' = 'info', options: JsonLoggerOptions = {}): Logger {
  const output = options.write ?? ((line: string) => process.stderr.write(line));
  // Redaction works on the finished line, so a secret is caught wherever it ended up: a field, a message, a stack.
  const destination = { write: (line: string) => output(redactSecrets(line, options.secrets)) };
  const logger = pino(
    {
      level,
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { error: pino.stdSerializers.err },
      mixin: logContext,
    },
    destination,
  );
  const write = (at: 'debug' | 'info' | 'warn' | 'error') => (message: string, fields: Record<string, unknown> = {}) => logger[at](fields, message);
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** A short id people can read out to support, to find the log line of a failure. */
export const referenceId = () => Math.random().toString(36).slice(2, 8).toUpperCase();

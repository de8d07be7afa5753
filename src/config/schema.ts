/** @module Configuration schema: every environment variable SPOSA reads, with the defaults that make a fresh machine run. */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { DEFAULT_MATRIX, type Level, LEVELS, type PriorityMatrix } from '../tickets/triage.js';

/** Treats `FOO=` like an unset variable, the way people expect from .env files. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const withDefault = (fallback: string) =>
  z.preprocess((value) => (value === '' || value === undefined ? fallback : value), z.string());

const positiveInteger = z
  .string()
  .regex(/^\d+$/, 'expected a whole number')
  .transform(Number)
  .refine((value) => value > 0, 'expected a number above 0');

const MATRIX_EXPECTED =
  'expected comma-separated impact:urgency=priority cells such as high:medium=P1,low:high=P2 ' +
  '(impact and urgency: high, medium or low; priority: P1 to P4; cells left out keep the ITIL default)';
const MATRIX_CELL = /^(high|medium|low):(high|medium|low)=(p[1-4])$/i;

/** "high:medium=P1,low:high=P2": the cells of the ITIL priority matrix an organisation sets differently. */
const priorityMatrix = z.string().transform((spec, context): PriorityMatrix => {
  const matrix = Object.fromEntries(LEVELS.map((impact) => [impact, { ...DEFAULT_MATRIX[impact] }])) as PriorityMatrix;
  const seen = new Set<string>();
  const fail = (message: string) => {
    context.addIssue({ code: 'custom', message: `${message}; ${MATRIX_EXPECTED}` });
    return z.NEVER;
  };
  const cells = spec.split(',').map((cell) => cell.replace(/\s+/g, '')).filter(Boolean);
  if (!cells.length) return fail('no cells given');
  for (const cell of cells) {
    const match = MATRIX_CELL.exec(cell);
    if (!match) return fail(`"${cell}" is not a cell`);
    const [impact, urgency] = [match[1]?.toLowerCase() as Level, match[2]?.toLowerCase() as Level];
    if (seen.has(`${impact}:${urgency}`)) return fail(`${impact}:${urgency} is given twice`);
    seen.add(`${impact}:${urgency}`);
    matrix[impact][urgency] = match[3]?.toUpperCase() as PriorityMatrix[Level][Level];
  }
  return matrix;
});

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
  SPOSA_DEFAULT_LANGUAGE: withDefault('nl').pipe(z.enum(['nl', 'en'])),
  SPOSA_MANAGER_IDS: withDefault(''),
  OPENAI_API_KEY: optional(z.string()),
  OPENAI_BASE_URL: optional(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as http://localhost:11434/v1' })),
  OPENAI_CHAT_MODEL: withDefault('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: withDefault('text-embedding-3-small'),
  OPENAI_EMBEDDING_DIMENSIONS: withDefault('1536').pipe(positiveInteger),
  OPENAI_TIMEOUT_MS: withDefault('20000').pipe(positiveInteger),
  SLACK_BOT_TOKEN: optional(z.string().regex(/^xoxb-/, 'expected a bot token starting with xoxb-')),
  SLACK_APP_TOKEN: optional(z.string().regex(/^xapp-/, 'expected an app-level token starting with xapp-')),
  SLACK_SIGNING_SECRET: optional(z.string().min(8, 'expected the signing secret from the app\'s Basic Information page')),
  SLACK_API_URL: optional(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL ending in /api/' })),
  PORT: withDefault('3000').pipe(positiveInteger),
  SPOSA_AT_RISK_SHARE: withDefault('0.75').pipe(
    z.string().regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'expected a share between 0 and 1, e.g. 0.75').transform(Number),
  ),
  SPOSA_SUPPLIER_SIGNING_SECRET: optional(z.string().min(32, 'expected at least 32 characters of random secret')),
  SPOSA_PUBLIC_URL: optional(z.url({ protocol: /^https?$/, error: 'expected the http(s) URL SPOSA is reachable at, e.g. https://sposa.example.org' })),
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\//, 'expected smtp://host:port or smtps://user:password@host:port')),
  SPOSA_MAIL_FROM: withDefault('SPOSA <sposa@localhost>'),
  SPOSA_RATING_REMINDER_HOURS: withDefault('24').pipe(positiveInteger),
  SPOSA_RATE_LIMIT_PER_MINUTE: withDefault('10').pipe(positiveInteger),
  SPOSA_PRIORITY_MATRIX: optional(priorityMatrix),
})
  .superRefine((env, context) => {
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
      context.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message: 'set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) as well',
      });
    }
    if (!env.SLACK_BOT_TOKEN && (env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET)) {
      context.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'required when SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set' });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Where the data lives: the embedded PGlite folder, or a PostgreSQL server. */
export type DatabaseConfig = { kind: 'embedded'; dataDir: string } | { kind: 'postgres'; url: string };

/** The language model: offline (extractive answers, local embedder) or an OpenAI-compatible server. */
export type LlmConfig =
  | { provider: 'offline' }
  | {
      provider: 'openai';
      apiKey: string;
      baseURL?: string;
      chatModel: string;
      embeddingModel: string;
      embeddingDimensions: number;
      timeoutMs: number;
    };

/**
 * How SPOSA meets its users: Socket Mode (no public URL), HTTP mode (Slack calls /slack/events), or, with no Slack
 * configured, the local console in a browser.
 */
export type SlackConfig =
  | { mode: 'socket'; botToken: string; appToken: string; apiUrl?: string }
  | { mode: 'http'; botToken: string; signingSecret: string; apiUrl?: string }
  | { mode: 'off' };

/** The validated configuration the composition root hands to every part. */
export interface Config {
  database: DatabaseConfig;
  dataDir: string;
  contractsDir: string;
  timezone: string;
  defaultLanguage: 'nl' | 'en';
  /** Slack user or user-group ids (or console user ids) entitled to restricted clauses and reports. */
  managerIds: string[];
  llm: LlmConfig;
  slack: SlackConfig;
  /** The HTTP port: Slack events in HTTP mode, the console without Slack, and /healthz in every mode. */
  port: number;
  sla: {
    /** The share of a target's support time after which a clock is at risk and the supplier is reminded. */
    atRiskShare: number;
  };
  /** Impact × urgency → priority for triage: the ITIL matrix, with the cells SPOSA_PRIORITY_MATRIX sets. */
  priorityMatrix: PriorityMatrix;
  delivery: DeliveryConfig;
  /** How long after asking for a rating a reporter who has not answered is reminded, once. */
  ratingReminderHours: number;
  /** Questions one user may ask per minute (and in a burst) before being asked to wait. */
  rateLimitPerMinute: number;
}

/** How tickets reach suppliers beside Slack: signed webhooks and e-mail. */
export interface DeliveryConfig {
  /** Master secret the per-supplier webhook keys derive from; generated and kept in the database when unset. */
  signingSecret?: string;
  /** Where suppliers' systems reach SPOSA's inbound endpoint; put into webhook payloads as links. */
  publicUrl: string;
  smtpUrl?: string;
  mailFrom: string;
}

/** @module Loads configuration from an environment map; the only code that reads process.env is its caller. */
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { DEFAULT_MATRIX } from '../tickets/triage.js';
import { type Config, type Env, envSchema, type SlackConfig } from './schema.js';

function slackConfig(values: Env): SlackConfig {
  const apiUrl = values.SLACK_API_URL;
  if (values.SLACK_BOT_TOKEN && values.SLACK_APP_TOKEN) {
    return { mode: 'socket', botToken: values.SLACK_BOT_TOKEN, appToken: values.SLACK_APP_TOKEN, apiUrl };
  }
  if (values.SLACK_BOT_TOKEN && values.SLACK_SIGNING_SECRET) {
    return { mode: 'http', botToken: values.SLACK_BOT_TOKEN, signingSecret: values.SLACK_SIGNING_SECRET, apiUrl };
  }
  return { mode: 'off' };
}

/** Variables whose values may carry credentials are never echoed back, not even in an error. */
const SECRET_LIKE = /TOKEN|SECRET|KEY|PASSWORD|DATABASE_URL|SMTP_URL/;

/**
 * Validates the environment and derives every mode in one place.
 * @throws ConfigError naming each variable that is wrong and what it expects.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const value = env[name];
      const shown = value === undefined || SECRET_LIKE.test(name) ? '' : ` (got "${value}")`;
      return `  ${name}: ${issue.message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const values = parsed.data;
  const dataDir = path.resolve(values.SPOSA_DATA_DIR);
  return {
    database: values.DATABASE_URL
      ? { kind: 'postgres', url: values.DATABASE_URL }
      : { kind: 'embedded', dataDir: path.join(dataDir, 'pgdata') },
    dataDir,
    contractsDir: path.resolve(values.SPOSA_CONTRACTS_DIR),
    timezone: values.SPOSA_TIMEZONE,
    defaultLanguage: values.SPOSA_DEFAULT_LANGUAGE,
    managerIds: values.SPOSA_MANAGER_IDS.split(',').map((id) => id.trim()).filter(Boolean),
    llm: values.OPENAI_API_KEY
      ? {
          provider: 'openai',
          apiKey: values.OPENAI_API_KEY,
          baseURL: values.OPENAI_BASE_URL,
          chatModel: values.OPENAI_CHAT_MODEL,
          embeddingModel: values.OPENAI_EMBEDDING_MODEL,
          embeddingDimensions: values.OPENAI_EMBEDDING_DIMENSIONS,
          timeoutMs: values.OPENAI_TIMEOUT_MS,
        }
      : { provider: 'offline' },
    slack: slackConfig(values),
    port: values.PORT,
    sla: { atRiskShare: values.SPOSA_AT_RISK_SHARE },
    priorityMatrix: values.SPOSA_PRIORITY_MATRIX ?? DEFAULT_MATRIX,
    delivery: {
      signingSecret: values.SPOSA_SUPPLIER_SIGNING_SECRET,
      publicUrl: values.SPOSA_PUBLIC_URL ?? `http://localhost:${values.PORT}`,
      smtpUrl: values.SMTP_URL,
      mailFrom: values.SPOSA_MAIL_FROM,
    },
    ratingReminderHours: values.SPOSA_RATING_REMINDER_HOURS,
    rateLimitPerMinute: values.SPOSA_RATE_LIMIT_PER_MINUTE,
  };
}

/** Every configured credential, so the logger can redact it wherever it turns up (an error message, a URL). */
export function secretsOf(config: Config): string[] {
  const secrets: string[] = [];
  if (config.database.kind === 'postgres') {
    const password = URL.canParse(config.database.url) ? new URL(config.database.url).password : '';
    if (password) secrets.push(decodeURIComponent(password));
  }
  if (config.llm.provider === 'openai') secrets.push(config.llm.apiKey);
  if (config.slack.mode === 'socket') secrets.push(config.slack.botToken, config.slack.appToken);
  if (config.slack.mode === 'http') secrets.push(config.slack.botToken, config.slack.signingSecret);
  return secrets;
}

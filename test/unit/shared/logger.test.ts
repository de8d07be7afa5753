import { describe, expect, it } from 'vitest';
import { loadConfig, secretsOf } from '../../../src/config/index.js';
import { withLogContext } from '../../../src/shared/log-context.js';
import { jsonLogger, REDACTED } from '../../../src/shared/logger.js';

/** Secret-looking values of every kind SPOSA is configured with. */
const SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-SuperSecretBotToken',
  SLACK_SIGNING_SECRET: 'signing-5ecret-Quartz-Walrus-99',
  OPENAI_API_KEY: 'local-key-Moonbeam-Harpsichord',
  DATABASE_PASSWORD: 'p@ss:Wörd-Zebra/42',
};
const env = {
  SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN,
  SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET,
  OPENAI_API_KEY: SECRETS.OPENAI_API_KEY,
  DATABASE_URL: `postgres://sposa:${encodeURIComponent(SECRETS.DATABASE_PASSWORD)}@db.internal:5432/sposa`,
};

function capturingLogger() {
  const lines: string[] = [];
  const config = loadConfig(env);
  const logger = jsonLogger('debug', { secrets: secretsOf(config), write: (line) => lines.push(line) });
  return { lines, logger, config };
}

describe('the JSON logger', () => {
  it('never writes a configured secret, wherever it appears in a log line', () => {
    const { lines, logger, config } = capturingLogger();
    logger.info('starting', { config });
    logger.error('could not connect', { error: new Error(`connect failed for ${env.DATABASE_URL}`) });
    logger.warn(`[WARN] bolt-app token ${SECRETS.SLACK_BOT_TOKEN} rejected; secret "${SECRETS.SLACK_SIGNING_SECRET}"`);
    logger.debug('model request', { headers: { authorization: `Bearer ${SECRETS.OPENAI_API_KEY}` } });
    logger.info('password quoted', { password: SECRETS.DATABASE_PASSWORD });

    expect(lines).toHaveLength(5);
    for (const line of lines) {
      for (const secret of [...Object.values(SECRETS), encodeURIComponent(SECRETS.DATABASE_PASSWORD)]) expect(line).not.toContain(secret);
    }
    expect(lines.join('')).toContain(REDACTED);
  });

  it('redacts credentials it was not told about by their shape', () => {
    const { lines, logger } = capturingLogger();
    logger.error('leak', {
      detail: 'xoxb-9999-other-workspace xapp-1-A0-other sk-proj-abcdefghijkl postgres://admin:hunter2hunter@10.0.0.1/db',
    });
    expect(lines[0]).not.toMatch(/xoxb-9999|xapp-1-A0|sk-proj-abc|hunter2hunter/);
    expect(lines[0]).toContain('postgres://admin:[redacted]@10.0.0.1/db');
  });

  it('redacts the token of a dashboard link wherever a URL with it is logged', () => {
    const { lines, logger } = capturingLogger();
    const token = 'VU1BTkFHRVI.1781092800.q2Zl-3vN_abcdefghijklmnopqrstuvwxyz0123456';
    logger.info(`An unhandled HTTP request (POST) made to /dashboard?token=${token} was ignored`);
    logger.warn('link', { url: `https://sposa.example.org/api/dashboard?by=service&token=${token}&from=2026-01-01` });
    logger.debug('nested', { next: `https://sso.example.org/login?next=${encodeURIComponent(`/dashboard?token=${token}`)}` });
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).not.toContain(token.slice(0, 12));
    expect(JSON.parse(lines[1] ?? '').url).toBe('https://sposa.example.org/api/dashboard?by=service&token=[redacted]&from=2026-01-01');
  });

  it('keeps ordinary log lines intact and parseable', () => {
    const { lines, logger } = capturingLogger();
    logger.info('answered', { channel: 'C123', ms: 12, text: 'werkt citrix vanavond?' });
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 'info', msg: 'answered', channel: 'C123', ms: 12, text: 'werkt citrix vanavond?' });
  });

  it('names the request, job or ticket in progress on every line, across awaits', async () => {
    const { lines, logger } = capturingLogger();
    await withLogContext({ request: 'Ev123', user: 'U1' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      await withLogContext({ ticket: 'INC-2026-00042' }, async () => logger.info('routed'));
      logger.warn('answered late');
    });
    logger.info('outside');
    const [routed, late, outside] = lines.map((line) => JSON.parse(line));
    expect(routed).toMatchObject({ msg: 'routed', request: 'Ev123', user: 'U1', ticket: 'INC-2026-00042' });
    expect(late).toMatchObject({ msg: 'answered late', request: 'Ev123' });
    expect(late.ticket).toBeUndefined();
    expect(outside.request).toBeUndefined();
  });
});

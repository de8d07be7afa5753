/**
 * @module `npm start`: SPOSA on whatever the environment provides. Ingests the contracts folder (incrementally),
 * warms the clause index, then serves Slack (Socket Mode or HTTP) or, with no Slack configured, the local console.
 */
import type { Server } from 'node:http';
import { renderIngestSummary } from './cli/render.js';
import { openSposa } from './compose.js';
import { loadConfig, secretsOf } from './config/index.js';
import { consoleInboxTransport } from './console/inbox.js';
import { createConsoleServer } from './console/server.js';
import { createConversations } from './conversations/index.js';
import { seedDemoIfEmpty } from './demo/seed-demo.js';
import { ConfigError, formatProblem } from './errors.js';
import { healthHandler } from './http/health.js';
import { jsonLogger } from './shared/logger.js';
import { createSlackApp } from './slack/app.js';
import { conversationStore } from './store/index.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = jsonLogger('info', { secrets: secretsOf(config) });
  const sposa = await openSposa(config);
  const where = config.database.kind === 'embedded' ? `embedded PostgreSQL in ${config.database.dataDir}` : 'PostgreSQL server';
  process.stdout.write(`SPOSA starting on ${where}\n`);
  // A broken contract must not keep the assistant down: ingest what is valid and say what is not.
  const summary = await sposa.ingest({ skipInvalid: true });
  for (const problem of summary.problems) process.stderr.write(`${formatProblem(problem)}\n`);
  process.stdout.write(renderIngestSummary(summary, config.contractsDir));
  process.stdout.write(`Indexed ${await sposa.clauses.size()} clauses (${config.llm.provider === 'openai' ? 'OpenAI' : 'offline'} mode)\n`);

  let stop: () => Promise<void>;
  if (config.slack.mode === 'off') {
    // The local demo: a first start on an empty database gets a year of demo tickets, so the dashboard shows something.
    const seeded = await seedDemoIfEmpty(sposa, { end: new Date() });
    if (seeded) process.stdout.write(`Seeded a demo year: ${seeded.tickets} resolved tickets, ${seeded.ratings} ratings\n`);
    const server: Server = createConsoleServer({ sposa, port: config.port, logger, health: healthHandler(sposa, 'console') });
    // Without Slack, suppliers are reached by webhook and e-mail, and the console's supplier inbox stands in for
    // their Slack channels; the SLA sweep runs all the same.
    const worker = sposa.createWorker({ logger, transports: [consoleInboxTransport] });
    await new Promise<void>((resolve) => server.listen(config.port, resolve));
    worker.start();
    process.stdout.write(`No Slack tokens set: the local console is at http://localhost:${config.port}\n`);
    stop = async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker.stop();
    };
  } else {
    const conversations = createConversations(conversationStore(sposa.db), sposa.assistantFor(config.managerIds));
    const slack = createSlackApp({ config: config.slack, port: config.port, sposa, conversations, logger, health: healthHandler(sposa, `slack-${config.slack.mode}`) });
    await slack.start();
    process.stdout.write(`Slack app running in ${config.slack.mode === 'socket' ? 'Socket Mode' : `HTTP mode on port ${config.port} (/slack/events)`}\n`);
    stop = () => slack.stop();
  }

  // Finish what is in flight, then close the database, on Ctrl-C or a container stop.
  const shutdown = async (signal: string) => {
    logger.info('shutting down', { signal });
    await stop().catch((error: unknown) => logger.error('error while stopping', { error }));
    await sposa.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`sposa: ${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

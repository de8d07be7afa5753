/** Runs SPOSA's real Slack app in HTTP mode on a local port, against the recording Slack API server. */
import { createServer } from 'node:net';
import type { Sposa } from '../../src/compose.js';
import { createConversations } from '../../src/conversations/index.js';
import { healthHandler } from '../../src/http/health.js';
import { silentLogger } from '../../src/shared/logger.js';
import { createSlackApp, type SlackApp } from '../../src/slack/app.js';
import { conversationStore } from '../../src/store/index.js';
import type { Clock } from '../../src/shared/clock.js';
import { type SlackApiServer, startSlackApiServer } from '../helpers/slack-api-server.js';
import { SIGNING_SECRET } from '../helpers/slack-requests.js';
import { testSposa } from '../helpers/sposa.js';
import type { StoreTarget, TestDb } from '../helpers/test-db.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningApp {
  url: string;
  slack: SlackApp;
  stop(): Promise<void>;
}

/** Starts one app instance over the given services (two instances may share one database). */
export async function startSlackApp(sposa: Sposa, apiUrl: string): Promise<RunningApp> {
  const port = await freePort();
  const conversations = createConversations(conversationStore(sposa.db), sposa.assistantFor(sposa.config.managerIds));
  const slack = createSlackApp({
    config: { mode: 'http', botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, apiUrl },
    port,
    sposa,
    conversations,
    logger: silentLogger,
    health: healthHandler(sposa, 'slack-http'),
    // Jobs run when a test drains them, so deliveries never land in another test's recorded calls.
    pollJobs: false,
  });
  await slack.start();
  return { url: `http://127.0.0.1:${port}`, slack, stop: () => slack.stop() };
}

/** A Slack test file's world: a fresh database with the demo corpus, the recording Web API server and the app. */
export interface SlackTestbed {
  db: TestDb;
  sposa: Sposa;
  api: SlackApiServer;
  app: RunningApp;
  /** Where Slack posts events, commands and interactions. */
  events: string;
  /**
   * Starts a second app instance on the same data, as a second replica would run: its own services and, on the real
   * server, its own connection pool to the same schema. PGlite is one connection inside one process, so there the
   * second instance's services share that connection. Stopping it closes its pool.
   */
  replica(): Promise<RunningApp & { sposa: Sposa; separatePool: boolean }>;
  close(): Promise<void>;
}

export async function openSlackTestbed(target: StoreTarget, options: { env?: Record<string, string>; clock?: Clock } = {}): Promise<SlackTestbed> {
  const db = await target.open();
  const api = await startSlackApiServer();
  const sposa = await testSposa(db, options);
  await sposa.ingest();
  const app = await startSlackApp(sposa, api.apiUrl);
  return {
    db, sposa, api, app,
    events: `${app.url}/slack/events`,
    async replica() {
      const ownDb = db.another ? await db.another() : undefined;
      const replicaSposa = await testSposa({ ...(ownDb ?? db), destroy: async () => undefined }, options);
      const running = await startSlackApp(replicaSposa, api.apiUrl);
      return {
        ...running,
        sposa: replicaSposa,
        separatePool: ownDb !== undefined,
        async stop() {
          await running.stop();
          await ownDb?.close();
        },
      };
    },
    async close() {
      await app.stop();
      await api.close();
      await db.destroy();
    },
  };
}

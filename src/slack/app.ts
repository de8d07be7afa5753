/**
 * @module The Slack adapter: a Bolt app in Socket Mode or HTTP mode over SPOSA's services. It translates and
 * delegates; every decision about answers, accountability and tickets is made in the core.
 * @see {@link https://docs.slack.dev/tools/bolt-js/getting-started}
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, LogLevel, type Logger as BoltLogger, SocketModeReceiver } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Sposa } from '../compose.js';
import type { SlackConfig } from '../config/index.js';
import { type Conversations, createAnswerRateLimit } from '../conversations/index.js';
import { systemClock } from '../shared/clock.js';
import { withLogContext } from '../shared/log-context.js';
import { type Logger, referenceId } from '../shared/logger.js';
import { createMetrics } from '../http/metrics.js';
import { supplierApiFor } from '../http/supplier-api.js';
import type { Worker } from '../jobs/index.js';
import { requestSignatureStore } from '../store/index.js';
import { slackDashboardRoutes } from './dashboard.js';
import { slackPeopleNotifier, slackSupplierTransport } from './delivery.js';
import { slackIdentity } from './identity.js';
import { LATE_ANSWER_JOB, parseLateMessage } from './late-answer.js';
import type { SlackDeps } from './listeners/deps.js';
import { respond } from './listeners/events/respond.js';
import { queueRatingRequests, RATING_REQUEST_JOB, ratingRequestHandler } from './rating-requests.js';
import { guardRequestBodies } from './request-guard.js';
import { registerListeners } from './listeners/index.js';

export interface SlackAppOptions {
  config: Exclude<SlackConfig, { mode: 'off' }>;
  port: number;
  sposa: Sposa;
  conversations: Conversations;
  logger: Logger;
  /** Answers GET /healthz; served beside Slack's endpoint in every mode. */
  health: (request: IncomingMessage, response: ServerResponse) => void;
  /** Whether start() also starts the outbox worker's polling (tests drain it by hand instead). Default: true. */
  pollJobs?: boolean;
}

export interface SlackApp {
  app: App;
  /** The outbox worker with Slack's transports: supplier channels, reporter threads, managers' DMs. */
  worker: Worker;
  /** Starts Slack and the worker. */
  start(): Promise<void>;
  /** Stops taking events, then lets the worker finish the jobs in hand. */
  stop(): Promise<void>;
}

/** Bolt logs through our logger, so there is one log format. */
function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  return {
    debug: (...messages) => logger.debug(messages.map(String).join(' ')),
    info: (...messages) => logger.info(messages.map(String).join(' ')),
    warn: (...messages) => logger.warn(messages.map(String).join(' ')),
    error: (...messages) => logger.error(messages.map(String).join(' ')),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** Where Slack sends events, commands and interactions in HTTP mode. */
const SLACK_EVENTS_PATH = '/slack/events';

/** How long a shutdown waits for answers in progress; container runtimes usually allow 30 s after SIGTERM. */
const SHUTDOWN_GRACE_MS = 25_000;

export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { config } = options;
  const logger = boltLogger(options.logger);
  const supplierApi = supplierApiFor(options.sposa, options.logger);
  const metrics = createMetrics(options.sposa);
  const clientOptions = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  const client = new WebClient(config.botToken, clientOptions);
  const identity = slackIdentity(client, options.sposa.config.managerIds);
  const customRoutes = [
    { path: '/healthz', method: ['GET'], handler: options.health },
    { path: '/metrics', method: ['GET'], handler: metrics.handler },
    {
      path: '/api/supplier/tickets/:id/events',
      method: ['POST'],
      handler: (request: IncomingMessage & { params?: Record<string, string> }, response: ServerResponse) =>
        supplierApi(request, response, request.params?.id ?? ''),
    },
    ...slackDashboardRoutes({ sposa: options.sposa, identity, logger: options.logger }),
  ];
  const receiver =
    config.mode === 'socket'
      ? new SocketModeReceiver({ appToken: config.appToken, logger, customRoutes, installerOptions: { port: options.port, clientOptions } })
      : new HTTPReceiver({
          signingSecret: config.signingSecret,
          port: options.port,
          logger,
          customRoutes,
          endpoints: SLACK_EVENTS_PATH,
          // Acknowledge first, work after: answers may take longer than Slack's three seconds.
          processBeforeResponse: false,
          // Listeners run after the acknowledgement, so what fails here is Bolt reading a malformed event: a retry
          // would fail the same way. Acknowledge it and log, rather than answer 500 and invite Slack's retries.
          processEventErrorHandler: async ({ error, response }) => {
            options.logger.warn('dropped an event Bolt could not process', { error });
            if (!response.headersSent) response.writeHead(200).end();
            return false;
          },
        });
  if (receiver instanceof HTTPReceiver && config.mode === 'http') {
    // A signed request is accepted once: replays within the signature's age window get 401 (see request-guard.ts).
    const replays = { signingSecret: config.signingSecret, signatures: requestSignatureStore(options.sposa.db), logger: options.logger };
    receiver.requestListener = guardRequestBodies(receiver.requestListener, SLACK_EVENTS_PATH, replays);
  }
  const app = new App({ token: config.botToken, receiver, logger, clientOptions, ignoreSelf: true });
  // Work still running for events Slack already has its acknowledgement for: a shutdown waits for it.
  const inFlight = new Set<Promise<void>>();
  app.use(async ({ body, next }) => {
    metrics.slackEvents.inc({ type: String((body as { type?: string }).type ?? (body as { command?: string }).command ?? 'unknown') });
    // Every line logged while handling this request names its event (or a fresh id) and its user.
    const envelope = body as { event_id?: string; event?: { user?: string }; user?: { id?: string }; user_id?: string };
    const context = { request: envelope.event_id ?? referenceId(), user: envelope.event?.user ?? envelope.user?.id ?? envelope.user_id };
    const work = withLogContext(context, () => next());
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
  });
  const deps: SlackDeps = {
    sposa: options.sposa,
    conversations: options.conversations,
    identity,
    logger: options.logger,
    answerLimit: createAnswerRateLimit({
      perMinute: options.sposa.config.rateLimitPerMinute,
      defaultLanguage: options.sposa.config.defaultLanguage,
      clock: systemClock,
    }),
  };
  registerListeners(app, deps);
  app.error(async (error) => {
    options.logger.error('unhandled Slack listener error', { error });
  });
  const worker = options.sposa.createWorker({
    logger: options.logger,
    transports: [slackSupplierTransport(client)],
    people: slackPeopleNotifier(client, { managerIds: options.sposa.config.managerIds, defaultLanguage: options.sposa.config.defaultLanguage }),
    handlers: {
      [LATE_ANSWER_JOB]: (payload) => respond(deps, client, { ...parseLateMessage(payload) }, { late: true }),
      [RATING_REQUEST_JOB]: ratingRequestHandler(options.sposa, client),
    },
    periodic: () => queueRatingRequests(options.sposa),
  });
  return {
    app,
    worker,
    start: async () => {
      await app.start(options.port);
      if (options.pollJobs !== false) worker.start();
    },
    stop: async () => {
      await app.stop();
      const patience = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
      await Promise.race([Promise.allSettled([...inFlight]), patience]);
      await worker.stop();
    },
  };
}

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
import type { Logger } from '../shared/logger.js';
import { slackIdentity } from './identity.js';
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
}

export interface SlackApp {
  app: App;
  start(): Promise<void>;
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

export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { config } = options;
  const logger = boltLogger(options.logger);
  const customRoutes = [{ path: '/healthz', method: ['GET'], handler: options.health }];
  const clientOptions = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  const receiver =
    config.mode === 'socket'
      ? new SocketModeReceiver({ appToken: config.appToken, logger, customRoutes, installerOptions: { port: options.port } })
      : new HTTPReceiver({
          signingSecret: config.signingSecret,
          port: options.port,
          logger,
          customRoutes,
          endpoints: '/slack/events',
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
  if (receiver instanceof HTTPReceiver) receiver.requestListener = guardRequestBodies(receiver.requestListener);
  const app = new App({ token: config.botToken, receiver, logger, clientOptions, ignoreSelf: true });
  const client = new WebClient(config.botToken, clientOptions);
  registerListeners(app, {
    sposa: options.sposa,
    conversations: options.conversations,
    identity: slackIdentity(client, options.sposa.config.managerIds),
    logger: options.logger,
    answerLimit: createAnswerRateLimit({
      perMinute: options.sposa.config.rateLimitPerMinute,
      defaultLanguage: options.sposa.config.defaultLanguage,
      clock: systemClock,
    }),
  });
  app.error(async (error) => {
    options.logger.error('unhandled Slack listener error', { error });
  });
  return {
    app,
    start: async () => {
      await app.start(options.port);
    },
    stop: () => app.stop().then(() => undefined),
  };
}

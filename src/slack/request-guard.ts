/**
 * @module A guard in front of Bolt's HTTP receiver.
 * - Bodies: Bolt reads `body.ssl_check` from whatever the request body parses to, so a body of `null` (or a form
 *   field `payload=null`) throws outside its error handling: an unhandled rejection that can end the process. Bodies
 *   that are not an object are refused here with 400 first.
 * - Replays: Bolt checks a request's signature and that its timestamp is at most five minutes old, so a captured
 *   request sent again within those minutes would pass and a command or click would act twice. Each accepted
 *   signature of a command, click or modal submission is remembered (hashed, in PostgreSQL, shared by the replicas)
 *   until its timestamp would fail the age check; the same signature again is refused with 401, as Bolt refuses a
 *   bad one, and no listener runs. Events are claimed by their event id instead (see `isEventDelivery`).
 *   Slack's own retries of an event (`X-Slack-Retry-Num`, sent up to five minutes after the first delivery) are new
 *   requests, signed afresh with their own timestamp: they pass here and meet the event-id dedupe. The retry header
 *   is not signed, so it earns a request nothing here: a replay that carries it is still a replay.
 * @see {@link https://docs.slack.dev/authentication/verifying-requests-from-slack}
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { isValidSlackRequest } from '@slack/bolt';
import type { Logger } from '../shared/logger.js';
import type { RequestSignatureStore } from '../store/index.js';

/** Bolt's own limit; larger bodies get 413 here as they would there. */
const BODY_LIMIT_BYTES = 4 * 1024 * 1024;
/** Bolt's age check: a timestamp older than this is stale (verify-request.ts in @slack/bolt). */
const SIGNATURE_MAX_AGE_S = 5 * 60;
/** Kept a minute longer than the age check needs, for replicas whose clocks differ a little. */
const CLOCK_MARGIN_S = 60;

export interface ReplayGuard {
  signingSecret: string;
  signatures: RequestSignatureStore;
  logger: Logger;
  /** Milliseconds since the epoch, as Bolt reads them for the age check. Default: Date.now. */
  now?: () => number;
}

/** What Bolt's parser would turn the body into, or undefined when it cannot parse it (Bolt answers that with 400). */
function parsedLikeBolt(raw: string, contentType: string | undefined): unknown {
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const form = parseQuery(raw);
      return typeof form.payload === 'string' ? JSON.parse(form.payload) : form;
    }
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * An Events API delivery. Its replay changes nothing: the event id is claimed in PostgreSQL before any listener acts
 * (and Slack's own retries rely on that), so it needs no signature row, and the busiest path — every message SPOSA
 * reads — keeps its acknowledgement free of a database write. Commands, clicks and modal submissions carry no such
 * id: those are what the signature rows protect.
 */
const isEventDelivery = (parsed: unknown) => (parsed as { type?: unknown } | undefined)?.type === 'event_callback';

const header = (request: IncomingMessage, name: string) => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * Whether a request is a replay of one already accepted. A request whose signature does not verify is not
 * remembered: Bolt refuses it, and unsigned floods cannot fill the table.
 */
async function isReplay(guard: ReplayGuard, request: IncomingMessage, raw: string): Promise<boolean> {
  const signature = header(request, 'x-slack-signature');
  const timestamp = Number(header(request, 'x-slack-request-timestamp'));
  if (!signature || !Number.isInteger(timestamp)) return false;
  const now = (guard.now ?? Date.now)();
  const headers = { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp };
  if (!isValidSlackRequest({ signingSecret: guard.signingSecret, body: raw, headers, nowMilliseconds: now })) return false;
  // The MAC Bolt compared, not the header as sent: "v0=<mac>=anything" verifies too and must count as the same.
  const mac = signature.split('=')[1] ?? '';
  const hash = createHash('sha256').update(mac).digest('hex');
  // Bolt accepts the timestamp while it is at most SIGNATURE_MAX_AGE_S (whole seconds) behind its clock.
  const expiresAt = new Date((timestamp + SIGNATURE_MAX_AGE_S + 1 + CLOCK_MARGIN_S) * 1000);
  return !(await guard.signatures.claim(hash, expiresAt, new Date(now)));
}

/**
 * Wraps Bolt's request listener for Slack's endpoint; the buffered body is handed on as `rawBody`, which Bolt
 * reuses. Other routes (the supplier endpoint, /healthz) read their own bodies and pass untouched. With `replays`,
 * a signed request is accepted once.
 */
export function guardRequestBodies(boltListener: RequestListener, slackPath: string, replays?: ReplayGuard): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST' || new URL(request.url ?? '/', 'http://localhost').pathname !== slackPath) return void boltListener(request, response);
    readBody(request)
      .then(async (body) => {
        if (body === null) return void response.writeHead(413).end();
        const raw = body.toString();
        const parsed = parsedLikeBolt(raw, request.headers['content-type']);
        if (parsed !== undefined && (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))) {
          return void response.writeHead(400).end();
        }
        if (replays && !isEventDelivery(parsed)) {
          let replay: boolean;
          try {
            replay = await isReplay(replays, request, raw);
          } catch (error) {
            // Without the database a replay cannot be told from a first request: refuse; Slack shows the person an
            // error, and they can try again.
            replays.logger.error('could not check a Slack request for replay', { error });
            return void response.writeHead(503).end();
          }
          if (replay) {
            replays.logger.warn('refused a replayed Slack request', { retry: header(request, 'x-slack-retry-num') });
            return void response.writeHead(401).end();
          }
        }
        Object.assign(request, { rawBody: body });
        boltListener(request, response);
      })
      .catch(() => {
        if (!response.headersSent) response.writeHead(400).end();
      });
  };
}

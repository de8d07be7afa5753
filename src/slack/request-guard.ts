/**
 * @module A guard in front of Bolt's HTTP receiver. Bolt reads `body.ssl_check` from whatever the request body
 * parses to, so a body of `null` (or a form field `payload=null`) throws outside its error handling: an unhandled
 * rejection that can end the process. Bodies that are not an object are refused here with 400 first.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';

/** Bolt's own limit; larger bodies get 413 here as they would there. */
const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

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
 * Wraps Bolt's request listener for Slack's endpoint; the buffered body is handed on as `rawBody`, which Bolt
 * reuses. Other routes (the supplier endpoint, /healthz) read their own bodies and pass untouched.
 */
export function guardRequestBodies(boltListener: RequestListener, slackPath: string): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST' || new URL(request.url ?? '/', 'http://localhost').pathname !== slackPath) return void boltListener(request, response);
    readBody(request)
      .then((body) => {
        if (body === null) return void response.writeHead(413).end();
        const parsed = parsedLikeBolt(body.toString(), request.headers['content-type']);
        if (parsed !== undefined && (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))) {
          return void response.writeHead(400).end();
        }
        Object.assign(request, { rawBody: body });
        boltListener(request, response);
      })
      .catch(() => response.writeHead(400).end());
  };
}

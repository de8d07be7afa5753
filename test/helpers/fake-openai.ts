/**
 * A local HTTP server that speaks enough of the OpenAI REST API for tests to drive the real
 * `openai` SDK with no network: chat completions (plain and streamed), embeddings (float and
 * base64 encodings) and the model list, plus simulated failures (error statuses, rate limits
 * with `retry-after`, slow answers).
 *
 *   const fake = await startFakeOpenAI({ chat: (body) => JSON.stringify({ ok: true }) });
 *   const client = new OpenAI({ apiKey: 'test', baseURL: fake.baseURL });
 *   ...
 *   await fake.close();
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface ChatCompletionRequestBody {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: unknown;
  stream?: boolean;
  [key: string]: unknown;
}

/** What a chat handler returns: the assistant message content (string), or a failure to simulate. */
export type ChatReply =
  | string
  | { status: number; error?: string; retryAfterSeconds?: number }
  | { delayMs: number; content: string };

export interface FakeOpenAIOptions {
  /** Default: returns '{}'. */
  chat?: (body: ChatCompletionRequestBody) => ChatReply | Promise<ChatReply>;
  /** Default: deterministic hash-based vectors of dimension 8 (see {@link fakeEmbedding}). */
  embeddings?: (inputs: string[], model: string) => number[][] | Promise<number[][]>;
}

export interface FakeOpenAI {
  /** e.g. http://127.0.0.1:PORT/v1 — pass as `baseURL` to `new OpenAI({ apiKey: 'test', baseURL })`. */
  baseURL: string;
  /** Every request received, in arrival order, with its parsed JSON body (undefined when empty). */
  requests: RecordedRequest[];
  /** Replace the chat handler; `undefined` restores the default. */
  setChat(handler: FakeOpenAIOptions['chat']): void;
  /** Replace the embeddings handler; `undefined` restores the default. */
  setEmbeddings(handler: FakeOpenAIOptions['embeddings']): void;
  /** Stop listening, cancel pending delayed answers and drop every open connection. */
  close(): Promise<void>;
}

export const FAKE_EMBEDDING_DIMENSION = 8;
export const FAKE_MODEL_ID = 'gpt-4o-mini';

/**
 * The default embedding: 8 values in [-1, 1] derived from a SHA-256 of the text, L2-normalised and
 * rounded to float32 so the float and base64 encodings give identical numbers.
 */
export function fakeEmbedding(text: string): number[] {
  const digest = createHash('sha256').update(text).digest();
  const raw: number[] = [];
  for (let i = 0; i < FAKE_EMBEDDING_DIMENSION; i++) raw.push(digest.readInt32BE(i * 4) / 2 ** 31);
  const norm = Math.hypot(...raw) || 1;
  return raw.map((v) => Math.fround(v / norm));
}

const defaultChat = (): ChatReply => '{}';
const defaultEmbeddings = (inputs: string[]): number[][] => inputs.map(fakeEmbedding);

/** A rough token count (about four characters a token), good enough for `usage`. */
function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((part) => (part && typeof part === 'object' && 'text' in part ? String(part.text) : '')).join('');
  }
  return '';
}

/** Split content into up to four roughly equal deltas (at least one, even when empty). */
function splitIntoDeltas(content: string): string[] {
  if (content.length === 0) return [''];
  const size = Math.max(1, Math.ceil(content.length / 4));
  const parts: string[] = [];
  for (let i = 0; i < content.length; i += size) parts.push(content.slice(i, i + size));
  return parts;
}

function errorTypeFor(status: number): { type: string; code: string | null } {
  switch (status) {
    case 400:
      return { type: 'invalid_request_error', code: null };
    case 401:
      return { type: 'invalid_request_error', code: 'invalid_api_key' };
    case 403:
      return { type: 'invalid_request_error', code: 'unsupported_country_region_territory' };
    case 404:
      return { type: 'invalid_request_error', code: 'unknown_url' };
    case 429:
      return { type: 'requests', code: 'rate_limit_exceeded' };
    default:
      return status >= 500 ? { type: 'server_error', code: null } : { type: 'invalid_request_error', code: null };
  }
}

function sendJson(res: http.ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.writableEnded) return;
  const body = JSON.stringify(payload);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-request-id': `req_fake_${Math.random().toString(36).slice(2, 12)}`,
    ...headers,
  });
  res.end(body);
}

function sendError(
  res: http.ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  const { type, code } = errorTypeFor(status);
  sendJson(res, status, { error: { message, type, param: null, code } }, headers);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  let chatHandler = options.chat ?? defaultChat;
  let embeddingsHandler = options.embeddings ?? defaultEmbeddings;
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  let counter = 0;

  /** Resolve after `ms`, or early (with false) if the server closes or the client goes away. */
  function wait(ms: number, res: http.ServerResponse): Promise<boolean> {
    return new Promise((resolve) => {
      const finish = (completed: boolean) => {
        clearTimeout(timer);
        timers.delete(timer);
        res.off('close', onClose);
        resolve(completed);
      };
      const onClose = () => finish(false);
      const timer = setTimeout(() => finish(true), ms);
      // Lets close() cancel the wait: it clears the timer and the socket is destroyed, firing 'close'.
      timers.add(timer);
      res.on('close', onClose);
    });
  }

  async function handleChat(body: ChatCompletionRequestBody, res: http.ServerResponse): Promise<void> {
    if (!body || typeof body !== 'object' || !Array.isArray(body.messages)) {
      sendError(res, 400, "Missing required parameter: 'messages'.");
      return;
    }
    let reply = await chatHandler(body);
    if (typeof reply === 'object' && 'delayMs' in reply) {
      const completed = await wait(reply.delayMs, res);
      if (!completed) return;
      reply = reply.content;
    }
    if (typeof reply === 'object') {
      const headers: Record<string, string> = {};
      if (reply.retryAfterSeconds !== undefined) headers['retry-after'] = String(reply.retryAfterSeconds);
      sendError(res, reply.status, reply.error ?? `Simulated error ${reply.status}`, headers);
      return;
    }

    const content = reply;
    const id = `chatcmpl-fake${++counter}`;
    const created = Math.floor(Date.now() / 1000);
    const model = typeof body.model === 'string' ? body.model : FAKE_MODEL_ID;
    const promptTokens = estimateTokens(body.messages.map((m) => messageText(m?.content)).join('\n'));
    const completionTokens = estimateTokens(content);
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    };

    if (body.stream === true) {
      if (res.destroyed) return;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        'x-request-id': `req_fake_${counter}`,
      });
      const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
        `data: ${JSON.stringify({
          id,
          object: 'chat.completion.chunk',
          created,
          model,
          system_fingerprint: 'fp_fake',
          choices,
          ...extra,
        })}\n\n`;
      const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
      const includeUsage = streamOptions?.include_usage === true;
      const usageExtra = includeUsage ? { usage: null } : {};
      const events: string[] = [
        chunk(
          [{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }],
          usageExtra,
        ),
      ];
      for (const part of splitIntoDeltas(content)) {
        if (part === '') continue;
        events.push(chunk([{ index: 0, delta: { content: part }, logprobs: null, finish_reason: null }], usageExtra));
      }
      events.push(chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }], usageExtra));
      if (includeUsage) events.push(chunk([], { usage }));
      events.push('data: [DONE]\n\n');
      for (const event of events) {
        if (res.destroyed) return;
        res.write(event);
      }
      res.end();
      return;
    }

    sendJson(res, 200, {
      id,
      object: 'chat.completion',
      created,
      model,
      system_fingerprint: 'fp_fake',
      service_tier: 'default',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal: null, annotations: [] },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      usage,
    });
  }

  async function handleEmbeddings(
    body: { input?: unknown; model?: unknown; encoding_format?: unknown },
    res: http.ServerResponse,
  ): Promise<void> {
    if (!body || typeof body !== 'object' || body.input === undefined) {
      sendError(res, 400, "Missing required parameter: 'input'.");
      return;
    }
    const model = typeof body.model === 'string' ? body.model : 'text-embedding-3-small';
    const rawInputs = Array.isArray(body.input) ? body.input : [body.input];
    // Token-id inputs (number[] or number[][]) are embedded as their JSON text.
    const inputs =
      Array.isArray(body.input) && body.input.every((v) => typeof v === 'number')
        ? [JSON.stringify(body.input)]
        : rawInputs.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
    const vectors = await embeddingsHandler(inputs, model);
    if (vectors.length !== inputs.length) {
      sendError(res, 500, `Fake embeddings handler returned ${vectors.length} vectors for ${inputs.length} inputs`);
      return;
    }
    const base64 = body.encoding_format === 'base64';
    const tokens = inputs.reduce((sum, text) => sum + estimateTokens(text), 0);
    sendJson(res, 200, {
      object: 'list',
      data: vectors.map((vector, index) => ({
        object: 'embedding',
        index,
        embedding: base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector,
      })),
      model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    let body: unknown = undefined;
    let badJson = false;
    if (rawBody.length > 0) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = rawBody;
        badJson = true;
      }
    }
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push({ method, path, headers: { ...req.headers }, body });

    const auth = req.headers.authorization;
    if (typeof auth !== 'string' || !/^Bearer\s+\S+/.test(auth)) {
      sendError(
        res,
        401,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      );
      return;
    }
    if (badJson) {
      sendError(res, 400, 'We could not parse the JSON body of your request.');
      return;
    }

    if (method === 'POST' && path === '/v1/chat/completions') {
      await handleChat(body as ChatCompletionRequestBody, res);
    } else if (method === 'POST' && path === '/v1/embeddings') {
      await handleEmbeddings(body as { input?: unknown; model?: unknown }, res);
    } else if (method === 'GET' && path === '/v1/models') {
      sendJson(res, 200, {
        object: 'list',
        data: [{ id: FAKE_MODEL_ID, object: 'model', created: 1721172741, owned_by: 'system' }],
      });
    } else if (method === 'GET' && path === `/v1/models/${FAKE_MODEL_ID}`) {
      sendJson(res, 200, { id: FAKE_MODEL_ID, object: 'model', created: 1721172741, owned_by: 'system' });
    } else {
      sendError(res, 404, `Invalid URL (${method} ${path})`);
    }
  }

  const server = http.createServer((req, res) => {
    // A client that aborts mid-request must never take the server down.
    req.on('error', () => {});
    res.on('error', () => {});
    handle(req, res).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      try {
        sendError(res, 500, `Fake OpenAI handler failed: ${message}`);
      } catch {
        res.destroy();
      }
    });
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    setChat(handler) {
      chatHandler = handler ?? defaultChat;
    },
    setEmbeddings(handler) {
      embeddingsHandler = handler ?? defaultEmbeddings;
    },
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

/**
 * A local server that answers like the Slack Web API and records every call, so tests run the real Bolt app with
 * `SLACK_API_URL` pointed here. It also receives `response_url` posts from slash commands.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  /** When the call arrived (ms since the epoch): the load benchmark measures time to the answer with it. */
  at: number;
}

export interface SlackApiServer {
  apiUrl: string;
  /** A response_url for slash commands; posts to it are recorded as method "response_url". */
  responseUrl: string;
  calls: SlackCall[];
  callsOf(method: string): SlackCall[];
  waitForCall(method: string, match?: (call: SlackCall) => boolean, timeoutMs?: number): Promise<SlackCall>;
  /** Fails the next `times` calls of a method with HTTP 429 and Retry-After. */
  rateLimitNext(method: string, seconds: number, times?: number): void;
  /** What apps.connections.open hands out: the Socket Mode server's WebSocket URL. */
  socketModeUrl: string;
  /** Fails the next `times` calls of a method with `{ok: false, error: "internal_error"}`, as Slack does when it breaks. */
  failNext(method: string, times?: number): void;
  /**
   * Never answers the next `times` calls of a method that `match`, as if they were still on their way when the caller
   * died: they are recorded as method "<method> (held)", not as made.
   */
  holdNext(method: string, match?: (args: Record<string, unknown>) => boolean, times?: number): void;
  /** Members of user groups, as usergroups.users.list answers them (a group not here has none). */
  usergroups: Record<string, string[]>;
  close(): Promise<void>;
}

/** Form fields the Web API client sends as JSON text. */
const parseField = (value: string): unknown => {
  if (/^[[{]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
};

export async function startSlackApiServer(botUserId = 'UBOT'): Promise<SlackApiServer> {
  const calls: SlackCall[] = [];
  const waiters: { method: string; match: (call: SlackCall) => boolean; resolve: (call: SlackCall) => void }[] = [];
  const limits = new Map<string, { seconds: number; times: number }>();
  const failures = new Map<string, number>();
  const holds: { method: string; match: (args: Record<string, unknown>) => boolean; times: number }[] = [];
  const state = { socketModeUrl: '' };
  const usergroups: Record<string, string[]> = {};
  let counter = 100;
  const ts = () => `1700000000.${String((counter += 1)).padStart(6, '0')}`;

  const reply = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case 'apps.connections.open':
        return { url: state.socketModeUrl };
      case 'auth.test':
        return { user_id: botUserId, bot_id: 'BBOT', team_id: 'T1', team: 'Test', user: 'sposa', url: 'https://test.slack.com/' };
      case 'chat.postMessage': {
        const at = ts();
        return { channel: args.channel, ts: at, message: { text: args.text, blocks: args.blocks, thread_ts: args.thread_ts, user: botUserId, ts: at } };
      }
      case 'chat.startStream':
        return { channel: args.channel, ts: ts() };
      case 'chat.appendStream':
      case 'chat.stopStream':
      case 'chat.update':
        return { channel: args.channel, ts: args.ts };
      case 'chat.postEphemeral':
        return { message_ts: ts() };
      case 'views.open':
      case 'views.publish':
      case 'views.update':
      case 'views.push':
        return { view: { id: `V${counter}`, ...(args.view as object) } };
      case 'conversations.open':
        return { channel: { id: `D${String(args.users ?? 'X')}` } };
      case 'users.info':
        return { user: { id: args.user, name: 'user', tz: 'Europe/Amsterdam', locale: 'nl-NL' } };
      case 'usergroups.users.list':
        return { users: usergroups[String(args.usergroup)] ?? [] };
      default:
        return {};
    }
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let args: Record<string, unknown> = {};
      if ((request.headers['content-type'] ?? '').includes('application/json')) args = text ? JSON.parse(text) : {};
      else for (const [key, value] of new URLSearchParams(text)) args[key] = parseField(value);
      const url = request.url ?? '';
      const method = url.startsWith('/response/') ? 'response_url' : url.replace(/^\/api\//, '').split('?')[0] ?? '';
      const held = holds.find((hold) => hold.times > 0 && hold.method === method && hold.match(args));
      if (held) {
        held.times -= 1;
        calls.push({ method: `${method} (held)`, args, at: Date.now() });
        return;
      }
      const limit = limits.get(method);
      if (limit && limit.times > 0) {
        limit.times -= 1;
        calls.push({ method: `${method} (rate limited)`, args, at: Date.now() });
        response.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(limit.seconds) }).end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      const failing = failures.get(method) ?? 0;
      if (failing > 0) {
        failures.set(method, failing - 1);
        calls.push({ method: `${method} (failed)`, args, at: Date.now() });
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: 'internal_error' }));
        return;
      }
      const call = { method, args, at: Date.now() };
      calls.push(call);
      for (const waiter of [...waiters]) {
        if (waiter.method === method && waiter.match(call)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(call);
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, ...reply(method, args) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    get socketModeUrl() {
      return state.socketModeUrl;
    },
    set socketModeUrl(url: string) {
      state.socketModeUrl = url;
    },
    responseUrl: `http://127.0.0.1:${port}/response/1`,
    calls,
    callsOf: (method) => calls.filter((call) => call.method === method),
    waitForCall(method, match = () => true, timeoutMs = 5_000) {
      const seen = calls.find((call) => call.method === method && match(call));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`no ${method} call within ${timeoutMs} ms; calls seen: ${calls.map((c) => c.method).join(', ') || 'none'}`));
        }, timeoutMs);
        waiters.push({ method, match, resolve: (call) => { clearTimeout(timer); resolve(call); } });
      });
    },
    rateLimitNext(method, seconds, times = 1) {
      limits.set(method, { seconds, times });
    },
    failNext(method, times = 1) {
      failures.set(method, times);
    },
    holdNext(method, match = () => true, times = 1) {
      holds.push({ method, match, times });
    },
    usergroups,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

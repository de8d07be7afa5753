/**
 * Load benchmark: signed Slack events over HTTP to running SPOSA replicas (offline mode, real PostgreSQL), with the
 * Web API pointed at a local recording server. Prints events/s, ack latency, time to the posted answer, errors, and
 * whether every event was answered exactly once.
 *   npm run bench:load                         (200 events/s for 60 s, one replica)
 *   BENCH_RATE=100 BENCH_SECONDS=20 BENCH_REPLICAS=2 npm run bench:load
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) names a server where the database
 * `sposa_bench` is dropped and created afresh.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import pg from 'pg';
import { startSlackApiServer } from '../test/helpers/slack-api-server.js';
import { signedHeaders } from '../test/helpers/slack-requests.js';

const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 1);
const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECRET = 'bench-signing-secret-0123456789';
/** Distinct askers, so per-user rate limits see a realistic spread rather than one very busy user. */
const USERS = 5_000;

const questions = readFileSync('test/eval/dev-set.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { q: string }).q);

async function freshDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query('drop database if exists sposa_bench with (force)');
  await admin.query('create database sposa_bench');
  await admin.end();
  const url = new URL(SERVER);
  url.pathname = '/sposa_bench';
  return url.toString();
}

async function waitForHealth(port: number, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`replica on port ${port} exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`replica on port ${port} did not become healthy`);
}

function startReplica(port: number, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    const line = chunk.toString();
    if (/"level":"(error)"/.test(line)) process.stderr.write(`[replica ${port}] ${line}`);
  });
  return child;
}

/** A round-robin load balancer in front of the replicas, so consecutive events land on different machines. */
async function balancer(ports: number[]): Promise<{ url: string; close(): void }> {
  let next = 0;
  const server = createServer((incoming, outgoing) => {
    const port = ports[next++ % ports.length] as number;
    const proxied = httpRequest({ host: '127.0.0.1', port, path: incoming.url, method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    proxied.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(proxied);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

async function main(): Promise<void> {
  const api = await startSlackApiServer();
  const databaseUrl = await freshDatabase();
  const ports = Array.from({ length: REPLICAS }, (_, i) => 3900 + i);
  const env = { DATABASE_URL: databaseUrl, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: api.apiUrl, SPOSA_DATA_DIR: `/tmp/sposa-bench-${process.pid}` };
  // The first replica migrates and ingests; the others start on the same database once it has.
  const replicas = [startReplica(ports[0] as number, env)];
  await waitForHealth(ports[0] as number, replicas[0] as ChildProcess);
  for (const port of ports.slice(1)) {
    const child = startReplica(port, { ...env, SPOSA_DATA_DIR: `/tmp/sposa-bench-${process.pid}-${port}` });
    replicas.push(child);
    await waitForHealth(port, child);
  }
  const front = REPLICAS > 1 ? await balancer(ports) : { url: `http://127.0.0.1:${ports[0]}`, close() {} };

  const sentAt = new Map<string, number>();
  let counter = 0;
  const eventBody = () => {
    counter += 1;
    const ts = `${1_800_000_000 + counter}.000100`;
    const question = questions[counter % questions.length] as string;
    const body = JSON.stringify({
      token: 'legacy', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: `EvBench${counter}`,
      event_time: Math.floor(Date.now() / 1000), authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
      event: { type: 'app_mention', user: `U${counter % USERS}`, text: `<@UBOT> ${question}`, channel: 'CBENCH', ts, event_ts: ts },
    });
    sentAt.set(ts, Date.now());
    return body;
  };

  process.stderr.write(`${REPLICAS} replica(s) ready; sending ${RATE} events/s for ${SECONDS} s…\n`);
  const result = await autocannon({
    url: `${front.url}/slack/events`,
    method: 'POST',
    connections: 20,
    overallRate: RATE,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (request) => {
          const body = eventBody();
          return { ...request, body, headers: { ...request.headers, ...signedHeaders(body, 'application/json', Math.floor(Date.now() / 1000), SECRET) } };
        },
      },
    ],
  });

  // Answers still in flight when sending stopped: wait until every event is answered, or 60 s have passed.
  const deadline = Date.now() + 60_000;
  const answered = () => new Set(api.callsOf('chat.postMessage').map((call) => String(call.args.thread_ts))).size;
  while (answered() < sentAt.size && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));

  const replies = new Map<string, number[]>();
  for (const call of api.callsOf('chat.postMessage')) {
    const thread = String(call.args.thread_ts);
    if (sentAt.has(thread)) replies.set(thread, [...(replies.get(thread) ?? []), call.at]);
  }
  const toAnswer = [...replies].map(([thread, at]) => Math.min(...at) - (sentAt.get(thread) as number));
  const lost = [...sentAt.keys()].filter((thread) => !replies.has(thread)).length;
  const doubled = [...replies.values()].filter((at) => at.length > 1).length;
  const rows = [
    ['replicas', String(REPLICAS)],
    ['events sent', String(result.requests.sent)],
    ['events/s (acknowledged)', (result.requests.total / SECONDS).toFixed(1)],
    ['ack latency p50 / p99', `${result.latency.p50} ms / ${result.latency.p99} ms`],
    ['time to posted answer p50 / p99', `${percentile(toAnswer, 50)} ms / ${percentile(toAnswer, 99)} ms`],
    ['non-2xx / errors / timeouts', `${result.non2xx} / ${result.errors} / ${result.timeouts}`],
    ['lost replies', String(lost)],
    ['doubled replies', String(doubled)],
  ];
  const width = Math.max(...rows.map(([name]) => (name as string).length));
  process.stdout.write(`\n| ${'measure'.padEnd(width)} | value |\n|${'-'.repeat(width + 2)}|-------|\n`);
  for (const [name, value] of rows) process.stdout.write(`| ${(name as string).padEnd(width)} | ${value} |\n`);

  front.close();
  for (const child of replicas) child.kill('SIGTERM');
  await api.close();
  process.exitCode = lost || doubled ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:load: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

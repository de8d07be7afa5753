import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/shared/logger.js';
import { guardRequestBodies, type ReplayGuard } from '../../../src/slack/request-guard.js';
import { type Db, requestSignatureStore } from '../../../src/store/index.js';
import { post, SIGNING_SECRET, signedHeaders } from '../../helpers/slack-requests.js';
import { storeTargets, type TestDb } from '../../helpers/test-db.js';

/** Serves the guard in front of a stand-in for Bolt that counts what reaches it. */
async function serve(guard: ReplayGuard) {
  const reached: string[] = [];
  const bolt: RequestListener = (request, response) => {
    reached.push(String((request as { rawBody?: Buffer }).rawBody));
    response.writeHead(200).end();
  };
  const server: Server = createServer(guardRequestBodies(bolt, '/slack/events', guard));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  return { url, reached, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const count = async (db: Db) => (await db.query<{ n: number }>('select count(*)::int as n from request_signatures'))[0]?.n;

describe.each(storeTargets())('replay protection for signed Slack requests ($name)', (target) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(async () => {
    await db?.destroy();
  });
  beforeEach(async () => {
    await db.query('delete from request_signatures');
  });

  it('lets a signed request through once and refuses it the second time with 401', async () => {
    const app = await serve({ signingSecret: SIGNING_SECRET, signatures: requestSignatureStore(db), logger: silentLogger });
    try {
      const body = 'command=%2Fsposa&text=help&user_id=U1';
      const headers = signedHeaders(body, 'application/x-www-form-urlencoded');
      expect((await post(app.url, body, headers)).status).toBe(200);
      expect((await post(app.url, body, headers)).status).toBe(401);
      expect(app.reached).toEqual([body]);
    } finally {
      await app.close();
    }
  });

  it('passes an event delivery sent again on to Bolt without a signature row: its event id is claimed there', async () => {
    const app = await serve({ signingSecret: SIGNING_SECRET, signatures: requestSignatureStore(db), logger: silentLogger });
    try {
      const body = JSON.stringify({ type: 'event_callback', event_id: 'Ev1', event: { type: 'app_mention', text: 'hi' } });
      const headers = signedHeaders(body, 'application/json');
      expect((await post(app.url, body, headers)).status).toBe(200);
      expect((await post(app.url, body, headers)).status).toBe(200);
      expect(app.reached).toEqual([body, body]);
      expect(await count(db)).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('remembers nothing of a request whose signature does not verify, and leaves refusing it to Bolt', async () => {
    const app = await serve({ signingSecret: SIGNING_SECRET, signatures: requestSignatureStore(db), logger: silentLogger });
    try {
      const body = '{"type":"event_callback"}';
      const forged = signedHeaders(body, 'application/json', undefined, 'another-secret');
      const stale = signedHeaders(body, 'application/json', Math.floor(Date.now() / 1000) - 600);
      for (const headers of [forged, forged, stale, { 'content-type': 'application/json' }]) expect((await post(app.url, body, headers)).status).toBe(200);
      expect(app.reached).toHaveLength(4);
      expect(await count(db)).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('keeps a signature until its timestamp would be stale, and purges it after', async () => {
    const store = requestSignatureStore(db);
    const at = (seconds: number) => new Date(Date.UTC(2026, 5, 10, 12) + seconds * 1000);
    expect(await store.claim('a', at(360), at(0))).toBe(true);
    expect(await store.claim('a', at(360), at(300))).toBe(false);
    expect(await count(db)).toBe(1);
    // The purge runs at most once a minute, on the next claim after the row expired.
    expect(await store.claim('b', at(720), at(400))).toBe(true);
    expect((await db.query<{ signature_hash: string }>('select signature_hash from request_signatures')).map((row) => row.signature_hash)).toEqual(['b']);
  });

  it('refuses to guess when the database cannot answer: 503, and nothing reaches Bolt', async () => {
    const failing = { claim: async () => Promise.reject(new Error('connection terminated')) };
    const app = await serve({ signingSecret: SIGNING_SECRET, signatures: failing, logger: silentLogger });
    try {
      const body = 'command=%2Fsposa&text=help';
      expect((await post(app.url, body, signedHeaders(body, 'application/x-www-form-urlencoded'))).status).toBe(503);
      expect(app.reached).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it.runIf(target.name === 'postgres')('refuses a replay sent to a replica with a connection pool of its own', async () => {
    const other = await (db.another as () => Promise<Db>)();
    const first = await serve({ signingSecret: SIGNING_SECRET, signatures: requestSignatureStore(db), logger: silentLogger });
    const second = await serve({ signingSecret: SIGNING_SECRET, signatures: requestSignatureStore(other), logger: silentLogger });
    try {
      const body = 'payload=%7B%22type%22%3A%22block_actions%22%7D';
      const headers = signedHeaders(body, 'application/x-www-form-urlencoded');
      const statuses = await Promise.all([post(first.url, body, headers), post(second.url, body, headers)]);
      expect(statuses.map((response) => response.status).sort()).toEqual([200, 401]);
      expect(first.reached.length + second.reached.length).toBe(1);
    } finally {
      await first.close();
      await second.close();
      await other.close();
    }
  });
});

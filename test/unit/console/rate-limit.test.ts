import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sposa } from '../../../src/compose.js';
import { createConsoleServer } from '../../../src/console/server.js';
import { healthHandler } from '../../../src/http/health.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { testSposa } from '../../helpers/sposa.js';
import { storeTargets, type TestDb } from '../../helpers/test-db.js';
import { freePort } from '../../slack/harness.js';

describe('the console\'s per-user rate limit', () => {
  let db: TestDb;
  let sposa: Sposa;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    db = await storeTargets()[0]!.open();
    sposa = await testSposa(db, { env: { SPOSA_RATE_LIMIT_PER_MINUTE: '2' } });
    await sposa.ingest();
    server = createConsoleServer({ sposa, port: 0, logger: silentLogger, health: healthHandler(sposa, 'console') });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${port}/api/messages`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await db?.destroy();
  });

  const ask = (user: string, text: string) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, text }) });

  it('answers up to the limit, then answers 429 with when to try again, in the asker\'s language', async () => {
    expect((await ask('console-employee', 'wie gaat over de vpn?')).status).toBe(200);
    expect((await ask('console-employee', 'wie gaat over citrix?')).status).toBe(200);
    const refused = await ask('console-employee', 'werkt de servicedesk ook in het weekend?');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error_code: 'sposa_rate_limited', detail: expect.stringMatching(/Probeer het over \d+ seconden? opnieuw/) });
    expect((await ask('console-manager', 'who handles vpn?')).status).toBe(200);
  });
});

import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sposa } from '../../../src/compose.js';
import { createConsoleServer } from '../../../src/console/server.js';
import { healthHandler } from '../../../src/http/health.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { testSposa } from '../../helpers/sposa.js';
import { storeTargets, type TestDb } from '../../helpers/test-db.js';
import { freePort } from '../../slack/harness.js';

describe.each(storeTargets())('the XLA dashboard on the console server ($name)', (target) => {
  let db: TestDb;
  let sposa: Sposa;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    db = await target.open();
    sposa = await testSposa(db);
    await sposa.ingest();
    const ticket = await sposa.reportIncident('citrix hangt', 'console-employee', { service: 'citrix', priority: 'P3' });
    await sposa.changeTicket({ id: ticket.id, action: 'resolve', actor: 'nimbus-agent', role: 'supplier' });
    await sposa.xla.rate({ ticketId: ticket.id, score: 9, comment: 'Snel, "prima"' });
    const port = await freePort();
    server = createConsoleServer({ sposa, port, logger: silentLogger, health: healthHandler(sposa, 'console') });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await db?.destroy();
  });

  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
  };

  it('gives an employee 403 and no figures, on the page, the JSON and the CSV', async () => {
    for (const path of ['/dashboard?user=console-employee', '/api/dashboard?user=console-employee', '/dashboard.csv?user=console-employee']) {
      const response = await get(path);
      expect(response.status).toBe(403);
      expect(response.body).not.toMatch(/Nimbus|happiness"|\d+,\d+/);
    }
    expect((await get('/api/dashboard?user=mallory')).status).toBe(400);
  });

  it('gives the manager the report as JSON and the same figures as CSV', async () => {
    const json = await get('/api/dashboard?user=console-manager&by=service');
    expect(json.status).toBe(200);
    expect(JSON.parse(json.body)).toMatchObject({ by: 'service', rows: [{ key: 'Citrix Workspace', ratings: 1, happiness: 100 }], lowestRated: [{ comment: 'Snel, "prima"' }] });
    const csv = await get('/dashboard.csv?user=console-manager&by=service');
    expect(csv.type).toContain('text/csv');
    expect(csv.body.split('\r\n')[1]).toMatch(/^Citrix Workspace,1,1,100,9,100,/);
    expect((await get('/api/dashboard?user=console-manager&from=yesterday')).status).toBe(400);
  });

  it('serves the page and Chart.js from node_modules, with no CDN', async () => {
    const page = await get('/dashboard?user=console-manager');
    expect(page.body).toContain('<script src="/vendor/chart.umd.min.js"></script>');
    expect(page.body).not.toMatch(/https?:\/\//);
    const chart = await get('/vendor/chart.umd.min.js');
    expect(chart).toMatchObject({ status: 200, type: expect.stringContaining('javascript') });
    expect(chart.body).toContain('Chart.js');
  });
});

/**
 * The XLA dashboard in a real browser over the demo year: charts drawn by Chart.js, the watermelon flagged.
 * Skipped, like the console test, where Chromium is missing.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sposa } from '../../src/compose.js';
import { createConsoleServer } from '../../src/console/server.js';
import { seedDemoIfEmpty } from '../../src/demo/seed-demo.js';
import { signDashboardToken } from '../../src/http/dashboard-link.js';
import { healthHandler } from '../../src/http/health.js';
import { silentLogger } from '../../src/shared/logger.js';
import { migrate, openPglite } from '../../src/store/index.js';
import { freePort, startSlackApp } from '../slack/harness.js';
import { startSlackApiServer } from '../helpers/slack-api-server.js';
import { DEMO_NOW, testSposa } from '../helpers/sposa.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = 'test/artifacts';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe.skipIf(!existsSync(CHROMIUM))(`the XLA dashboard in Chromium (${CHROMIUM})`, () => {
  let sposa: Sposa;
  let server: Server;
  let browser: Browser;
  let page: Page;
  let url: string;

  beforeAll(async () => {
    const db = await openPglite();
    await migrate(db);
    sposa = await testSposa({ ...db, destroy: () => db.close() }, { env: { SPOSA_MANAGER_IDS: 'UMANAGER' } });
    await sposa.ingest();
    await seedDemoIfEmpty(sposa, { end: new Date('2026-10-31T12:00:00Z') });
    const port = await freePort();
    server = createConsoleServer({ sposa, port, logger: silentLogger, health: healthHandler(sposa, 'console') });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await mkdir(ARTIFACTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await sposa?.close();
  });

  it('draws the happiness trend, SLA vs experience and lost time from the seeded year', async () => {
    await page.goto(`${url}/dashboard?user=console-manager`);
    await page.locator('body[data-ready=true]').waitFor();
    // A string, not a function: the tests compile without the DOM library, and this runs in the page.
    const drawn = (await page.evaluate(`['trend', 'gap', 'lost'].map((id) => {
      const canvas = document.getElementById(id);
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      return { id, labels: Chart.getChart(id).data.labels.length, width: canvas.width, inked: pixels.some((value, i) => i % 4 === 3 && value > 0) };
    })`)) as { id: string; labels: number; width: number; inked: boolean }[];
    expect(drawn).toEqual([
      { id: 'trend', labels: 12, width: expect.any(Number), inked: true },
      { id: 'gap', labels: 11, width: expect.any(Number), inked: true },
      { id: 'lost', labels: 11, width: expect.any(Number), inked: true },
    ]);
    expect(drawn.every((chart) => chart.width > 300)).toBe(true);
    expect(await page.locator('#lowest tr').count()).toBeGreaterThan(5);
    await page.screenshot({ path: `${ARTIFACTS}/xla-dashboard.png`, fullPage: true });
  });

  it('flags the supplier seeded as a watermelon, and only that one', async () => {
    const flagged = await page.locator('#figures tr:has(.watermelon)').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-key')));
    expect(flagged).toEqual(['Nimbus Workspace B.V.']);
  });

  it('prints for a supplier review: figures and charts, without the controls', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#filters').isVisible()).toBe(false);
    expect(await page.locator('#gap').isVisible()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/xla-dashboard-print.png`, fullPage: true });
    await page.pdf({ path: `${ARTIFACTS}/xla-dashboard.pdf`, landscape: true, format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
  });

  it('opens the same dashboard from a Slack link in HTTP mode, carrying the token to the figures, the CSV and the filters', async () => {
    const api = await startSlackApiServer();
    const slack = await startSlackApp(sposa, api.apiUrl);
    const tab = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    try {
      const token = signDashboardToken(await sposa.dashboardLinkKey(), 'UMANAGER', new Date(DEMO_NOW.getTime() + 60 * 60 * 1000));
      await tab.goto(`${slack.url}/dashboard?token=${token}`);
      await tab.locator('body[data-ready=true]').waitFor();
      const labels = (await tab.evaluate(`['trend', 'gap', 'lost'].map((id) => Chart.getChart(id).data.labels.length)`)) as number[];
      expect(labels).toEqual([12, 11, 11]);
      expect(await tab.locator('#csv').getAttribute('href')).toBe(`/dashboard.csv?token=${token}`);
      expect(await tab.locator('#back').count()).toBe(0);
      await tab.locator('#filters select[name=by]').selectOption('service');
      await tab.locator('#filters button[type=submit]').click();
      await tab.waitForURL(/by=service/);
      await tab.locator('body[data-ready=true]').waitFor();
      expect(new URL(tab.url()).searchParams.get('token')).toBe(token);
      expect(await tab.locator('#figures tr[data-key="Citrix Workspace"]').count()).toBe(1);

      const expired = signDashboardToken(await sposa.dashboardLinkKey(), 'UMANAGER', new Date(DEMO_NOW.getTime() - 1000));
      const refused = await tab.goto(`${slack.url}/dashboard?token=${expired}`);
      expect(refused?.status()).toBe(403);
      expect(await tab.locator('body').textContent()).toContain('This dashboard link has expired');
      expect(await tab.locator('canvas').count()).toBe(0);
    } finally {
      await tab.close();
      await slack.stop();
      await api.close();
    }
  });

  it('shows an employee no figures', async () => {
    const response = await page.goto(`${url}/dashboard?user=console-employee`);
    expect(response?.status()).toBe(403);
    expect(await page.locator('body').textContent()).toContain('for service managers');
    expect(await page.locator('canvas').count()).toBe(0);
  });
});

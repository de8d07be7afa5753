/**
 * The local console in a real browser: Debian's Chromium driven by playwright-core. CI installs Chromium
 * (.ci/run); on a machine without it this suite is skipped and says why.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sposa } from '../../src/compose.js';
import { consoleInboxTransport } from '../../src/console/inbox.js';
import { createConsoleServer } from '../../src/console/server.js';
import { healthHandler } from '../../src/http/health.js';
import { silentLogger } from '../../src/shared/logger.js';
import { migrate, openPglite } from '../../src/store/index.js';
import { freePort } from '../slack/harness.js';
import { testSposa } from '../helpers/sposa.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = 'test/artifacts';
// Flags from the machine notes: no sandbox as root, and no background traffic to hosts the closed network refuses.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe.skipIf(!existsSync(CHROMIUM))(`the local console in Chromium (${CHROMIUM})`, () => {
  let sposa: Sposa;
  let server: Server;
  let browser: Browser;
  let page: Page;
  let url: string;

  beforeAll(async () => {
    const db = await openPglite();
    await migrate(db);
    sposa = await testSposa({ ...db, destroy: () => db.close() });
    await sposa.ingest();
    const port = await freePort();
    server = createConsoleServer({ sposa, port, logger: silentLogger, health: healthHandler(sposa, 'console') });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await sposa?.close();
  });

  it('answers a question in a thread, with the clause it cites', async () => {
    await page.goto(url);
    await page.fill('#question', 'Wie is verantwoordelijk voor Citrix?');
    await page.click('#ask button[type=submit]');
    const answer = page.locator('.answer').first();
    await answer.waitFor();
    await expect.poll(() => answer.textContent()).toContain('Nimbus Workspace B.V.');
    expect(await answer.locator('.cite').first().textContent()).toContain('SLA-CITRIX-2026');
    await page.screenshot({ path: `${ARTIFACTS}/console-answer.png`, fullPage: true });
  });

  it('shows a restricted clause only after switching to the manager', async () => {
    const ask = async () => {
      const before = await page.locator('.answer').count();
      await page.fill('#question', 'What are the penalties if the network is down for a day?');
      await page.click('#ask button[type=submit]');
      await page.locator('.answer').nth(before).waitFor();
      return page.locator('.answer').nth(before);
    };
    const asEmployee = await ask();
    expect(await asEmployee.locator('.withheld').count()).toBeGreaterThan(0);
    await page.selectOption('#user', 'console-manager');
    const asManager = await ask();
    expect(await asManager.locator('.withheld').count()).toBe(0);
    expect(await asManager.textContent()).toContain('SLA-NETWORK-2026');
    await page.screenshot({ path: `${ARTIFACTS}/console-manager.png`, fullPage: true });
  });

  it('opens a ticket draft prefilled from the conversation, and files it', async () => {
    await page.selectOption('#user', 'console-employee');
    const before = await page.locator('.answer').count();
    await page.fill('#question', 'mijn vpn valt steeds weg');
    await page.click('#ask button[type=submit]');
    const answer = page.locator('.answer').nth(before);
    await answer.waitFor();
    await answer.locator('button', { hasText: 'Open a ticket' }).click();
    await page.locator('#ticket-dialog[open]').waitFor();
    expect(await page.inputValue('#ticket-service')).toBe('VPN');
    expect(await page.inputValue('#ticket-description')).toBe('mijn vpn valt steeds weg');
    await page.screenshot({ path: `${ARTIFACTS}/console-ticket-draft.png` });
    await page.click('#ticket-submit');
    const notice = page.locator('[data-ticket]').last();
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/Ticket INC-\d{4}-\d{5} \(P2, VPN\) is open\. Routed to NetLink Telecom B\.V\./);
  });

  it('shows the manager who is accountable for what on Home', async () => {
    await page.selectOption('#user', 'console-manager');
    await page.click('#tab-home');
    await page.locator('#accountability').waitFor();
    expect(await page.locator('#accountability').textContent()).toContain('Nimbus Workspace B.V.');
    await page.screenshot({ path: `${ARTIFACTS}/console-home.png`, fullPage: true });
  });

  it('lets the supplier’s agent acknowledge a ticket from the supplier inbox', async () => {
    const ticket = await sposa.openTicket({ service: 'printer', priority: 'P3', description: 'Printer op 2 print niets', reporterId: 'console-employee', origin: { surface: 'console' } });
    await sposa.createWorker({ logger: silentLogger, transports: [consoleInboxTransport] }).drain();
    await page.click('#tab-inbox');
    await page.locator('#inbox-supplier').waitFor();
    await page.selectOption('#inbox-supplier', 'Werkplek Direct B.V.');
    const row = page.locator(`#inbox-table tr[data-ticket="${ticket.id}"]`);
    await row.waitFor();
    await row.locator('button', { hasText: 'Acknowledge' }).click();
    await page.locator(`#inbox-table tr[data-ticket="${ticket.id}"] button`, { hasText: 'Acknowledge' }).waitFor({ state: 'detached' });
    expect(await page.locator(`#inbox-table tr[data-ticket="${ticket.id}"]`).textContent()).toContain('acknowledged');
    await page.screenshot({ path: `${ARTIFACTS}/console-inbox.png`, fullPage: true });
  });

  it('asks the reporter on Home to rate a resolved ticket, and shows the rating once given', async () => {
    const ticket = await sposa.openTicket({ service: 'vpn', priority: 'P3', description: 'VPN valt weg', reporterId: 'console-employee', origin: { surface: 'console' } });
    await sposa.changeTicket({ id: ticket.id, action: 'resolve', actor: 'netlink-agent', role: 'supplier' });
    await page.selectOption('#user', 'console-employee');
    await page.click('#tab-home');
    const cell = page.locator(`td.rating[data-ticket="${ticket.id}"]`);
    await cell.waitFor();
    await cell.locator('input').fill('Snel geholpen');
    await page.screenshot({ path: `${ARTIFACTS}/console-rating.png`, fullPage: true });
    await cell.locator('button', { hasText: /^9$/ }).click();
    await cell.waitFor({ state: 'detached' });
    expect(await page.locator('#home').textContent()).toContain('9/10');
    expect(await sposa.xla.rating(ticket.id)).toMatchObject({ score: 9, comment: 'Snel geholpen' });
  });
});

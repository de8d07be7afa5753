/**
 * The XLA dashboard in Slack HTTP mode, on the real server beside /slack/events: opened only by the signed,
 * expiring link a manager's Home tab or `/sposa report` carries, and only while that user is still a manager.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDashboardToken } from '../../src/http/dashboard-link.js';
import { ACTION, COMMAND } from '../../src/slack/ids.js';
import { eventEnvelope, postEvent, postForm } from '../helpers/slack-requests.js';
import { DEMO_NOW } from '../helpers/sposa.js';
import { storeTargets } from '../helpers/test-db.js';
import { openSlackTestbed, type SlackTestbed } from './harness.js';

const PUBLIC_URL = 'https://sposa.example.org';
const HOUR = 60 * 60 * 1000;

interface Button { type: string; action_id?: string; url?: string }
/** The dashboard button among a view's or message's blocks, if there is one. */
function dashboardButton(blocks: unknown): Button | undefined {
  return ((blocks ?? []) as { type: string; elements?: Button[] }[])
    .flatMap((block) => (block.type === 'actions' ? (block.elements ?? []) : []))
    .find((element) => element.action_id === ACTION.openDashboard);
}

describe.each(storeTargets())('the XLA dashboard in Slack HTTP mode ($name)', (target) => {
  let bed: SlackTestbed;
  /** The manager's link from the Home tab, as a path on the test server. */
  let link: string;

  beforeAll(async () => {
    bed = await openSlackTestbed(target, { env: { SPOSA_MANAGER_IDS: 'UMANAGER,SMANAGERS', SPOSA_PUBLIC_URL: `${PUBLIC_URL}/` } });
    // Before any request: SPOSA caches a group's members for five minutes.
    bed.api.usergroups.SMANAGERS = ['UGROUPIE'];
    const ticket = await bed.sposa.reportIncident('citrix hangt', 'U1', { service: 'citrix', priority: 'P3' });
    await bed.sposa.changeTicket({ id: ticket.id, action: 'resolve', actor: 'nimbus-agent', role: 'supplier' });
    await bed.sposa.xla.rate({ ticketId: ticket.id, score: 3, comment: 'drie dagen gewacht' });
  });
  afterAll(async () => {
    await bed?.close();
  });

  const get = async (path: string) => {
    const response = await fetch(`${bed.app.url}${path}`);
    return { status: response.status, type: response.headers.get('content-type') ?? '', headers: response.headers, body: await response.text() };
  };
  const tokenFor = async (user: string, expiresAt: Date) => signDashboardToken(await bed.sposa.dashboardLinkKey(), user, expiresAt);

  it('puts the button on the Home tab of a manager only, linking to SPOSA_PUBLIC_URL with a token', async () => {
    await postEvent(bed.events, eventEnvelope({ type: 'app_home_opened', user: 'U1', channel: 'D5', tab: 'home' }));
    const employee = await bed.api.waitForCall('views.publish', (call) => call.args.user_id === 'U1');
    const employeeView = JSON.stringify(employee.args.view);
    expect(employeeView).toContain('How to get help');
    expect(employeeView).not.toMatch(/dashboard|token=/i);

    await postEvent(bed.events, eventEnvelope({ type: 'app_home_opened', user: 'UMANAGER', channel: 'D6', tab: 'home' }));
    const manager = await bed.api.waitForCall('views.publish', (call) => call.args.user_id === 'UMANAGER');
    const button = dashboardButton((manager.args.view as { blocks: unknown }).blocks);
    expect(button).toMatchObject({ type: 'button', url: expect.stringMatching(/^https:\/\/sposa\.example\.org\/dashboard\?token=[\w-]+\.\d+\.[\w-]+$/) });
    link = (button?.url ?? '').slice(PUBLIC_URL.length);
  });

  it('serves the page, its figures as JSON and CSV, and Chart.js to the link from Home', async () => {
    const page = await get(link);
    expect(page).toMatchObject({ status: 200, type: expect.stringContaining('text/html') });
    expect(page.body).toContain('<script src="/vendor/chart.umd.min.js"></script>');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const token = new URLSearchParams(link.split('?')[1]).get('token') ?? '';
    const json = await get(`/api/dashboard?token=${token}&by=service`);
    expect(json.status).toBe(200);
    expect(JSON.parse(json.body)).toMatchObject({ by: 'service', rows: [{ key: 'Citrix Workspace', ratings: 1, happiness: -100 }], lowestRated: [{ comment: 'drie dagen gewacht' }] });
    const csv = await get(`/dashboard.csv?token=${token}`);
    expect(csv).toMatchObject({ status: 200, type: expect.stringContaining('text/csv') });
    expect(csv.body.split('\r\n')[1]).toMatch(/^Nimbus Workspace B\.V\.,1,1,-100,3,100,/);
    expect((await get(`/api/dashboard?token=${token}&from=yesterday`)).status).toBe(400);
    expect(await get('/vendor/chart.umd.min.js')).toMatchObject({ status: 200, type: expect.stringContaining('javascript') });
  });

  it('refuses an expired link with a page that says so, and no figures', async () => {
    const expired = await tokenFor('UMANAGER', new Date(DEMO_NOW.getTime() - 1000));
    const page = await get(`/dashboard?token=${expired}`);
    expect(page).toMatchObject({ status: 403, type: expect.stringContaining('text/html') });
    expect(page.body).toContain('This dashboard link has expired');
    for (const path of [`/api/dashboard?token=${expired}`, `/dashboard.csv?token=${expired}`]) {
      const refused = await get(path);
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.body)).toMatchObject({ error_code: 'sposa_forbidden', detail: expect.stringContaining('expired') });
    }
    // Twelve hours minus a second is still good; the link from Home was made at DEMO_NOW.
    expect((await get(`/api/dashboard?token=${await tokenFor('UMANAGER', new Date(DEMO_NOW.getTime() + 12 * HOUR - 1000))}`)).status).toBe(200);
  });

  it('refuses a tampered link, or none at all', async () => {
    const token = new URLSearchParams(link.split('?')[1]).get('token') ?? '';
    const [user, expiry, signature] = token.split('.') as [string, string, string];
    const tampered = [
      `${Buffer.from('UOTHERMANAGER').toString('base64url')}.${expiry}.${signature}`,
      `${user}.${Number(expiry) + 7 * 24 * 3600}.${signature}`,
      `${user}.${expiry}.${signature.slice(0, -2)}xx`,
      await tokenFor('UMANAGER', new Date(DEMO_NOW.getTime() + HOUR)).then((good) => `${good}x`),
    ];
    for (const candidate of tampered) {
      const page = await get(`/dashboard?token=${encodeURIComponent(candidate)}`);
      expect(page.status).toBe(403);
      expect(page.body).toContain('This dashboard link is not valid');
      const json = await get(`/api/dashboard?token=${encodeURIComponent(candidate)}`);
      expect(json.status).toBe(403);
      expect(json.body).not.toMatch(/Nimbus|happiness/);
    }
    const bare = await get('/dashboard');
    expect(bare.status).toBe(403);
    expect(bare.body).toContain('opens only from a link SPOSA gives service managers');
    // The console's demo identity means nothing here.
    expect((await get('/api/dashboard?user=console-manager')).status).toBe(403);
  });

  it('refuses a genuine link made for someone who is not a manager', async () => {
    const employee = await tokenFor('U1', new Date(DEMO_NOW.getTime() + HOUR));
    const page = await get(`/dashboard?token=${employee}`);
    expect(page.status).toBe(403);
    expect(page.body).toContain('for service managers');
    for (const path of [`/api/dashboard?token=${employee}`, `/dashboard.csv?token=${employee}`]) {
      const refused = await get(path);
      expect(refused.status).toBe(403);
      expect(refused.body).not.toMatch(/Nimbus|happiness"|\d+,\d+/);
    }
  });

  it('lets in a member of a manager user group, as Slack lists its members', async () => {
    const member = await tokenFor('UGROUPIE', new Date(DEMO_NOW.getTime() + HOUR));
    expect((await get(`/api/dashboard?token=${member}`)).status).toBe(200);
    expect(bed.api.callsOf('usergroups.users.list').map((call) => call.args.usergroup)).toContain('SMANAGERS');
  });

  it('/sposa report carries the button for managers, and employees get neither figures nor button', async () => {
    const command = (user: string) =>
      postForm(bed.events, { command: COMMAND, text: 'report', user_id: user, channel_id: 'C7', team_id: 'T1', trigger_id: 'trigger-1', response_url: bed.api.responseUrl });
    bed.api.calls.length = 0;
    await command('U1');
    const refused = await bed.api.waitForCall('response_url');
    expect(JSON.stringify(refused.args)).toContain('Reports are for service managers');
    expect(JSON.stringify(refused.args)).not.toContain('token=');
    bed.api.calls.length = 0;
    await command('UMANAGER');
    const report = await bed.api.waitForCall('response_url');
    const button = dashboardButton(report.args.blocks);
    expect(button?.url).toMatch(/^https:\/\/sposa\.example\.org\/dashboard\?token=/);
    expect((await get((button?.url ?? '').slice(PUBLIC_URL.length))).status).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sposa } from '../../src/compose.js';
import { createConversations } from '../../src/conversations/index.js';
import { signDashboardToken } from '../../src/http/dashboard-link.js';
import { healthHandler } from '../../src/http/health.js';
import { silentLogger } from '../../src/shared/logger.js';
import { createSlackApp, type SlackApp } from '../../src/slack/app.js';
import { conversationStore } from '../../src/store/index.js';
import { type SlackApiServer, startSlackApiServer } from '../helpers/slack-api-server.js';
import { eventEnvelope } from '../helpers/slack-requests.js';
import { type SocketModeServer, startSocketModeServer } from '../helpers/socket-mode-server.js';
import { DEMO_NOW, testSposa } from '../helpers/sposa.js';
import { storeTargets, type TestDb } from '../helpers/test-db.js';
import { freePort } from './harness.js';

describe.each(storeTargets())('the Slack app in Socket Mode ($name)', (target) => {
  let db: TestDb;
  let sposa: Sposa;
  let api: SlackApiServer;
  let socket: SocketModeServer;
  let slack: SlackApp;
  let port: number;

  beforeAll(async () => {
    db = await target.open();
    api = await startSlackApiServer();
    socket = await startSocketModeServer();
    api.socketModeUrl = socket.url;
    sposa = await testSposa(db, { env: { SPOSA_MANAGER_IDS: 'UMANAGER' } });
    await sposa.ingest();
    port = await freePort();
    slack = createSlackApp({
      config: { mode: 'socket', botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: api.apiUrl },
      port,
      sposa,
      conversations: createConversations(conversationStore(sposa.db), sposa.assistantFor([])),
      logger: silentLogger,
      health: healthHandler(sposa, 'slack-socket'),
      pollJobs: false,
    });
    await slack.start();
    await socket.connected();
  });
  afterAll(async () => {
    await slack?.stop();
    await socket?.close();
    await api?.close();
    await db?.destroy();
  });

  it('opens its connection through apps.connections.open with the app token', () => {
    expect(api.callsOf('apps.connections.open')).toHaveLength(1);
  });

  it('acknowledges an event envelope at once and answers in the thread', async () => {
    const started = Date.now();
    const ack = await socket.send('events_api', eventEnvelope({ type: 'app_mention', user: 'U1', text: '<@UBOT> who is responsible for citrix?', channel: 'C1', ts: '1700300000.000001' }));
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(ack.envelope_id).toMatch(/^env-/);
    const reply = await api.waitForCall('chat.postMessage', (call) => call.args.thread_ts === '1700300000.000001');
    expect(String(reply.args.text)).toContain('Nimbus Workspace B.V.');
  });

  it('answers an event Slack sends again in a new envelope only once', async () => {
    const envelope = eventEnvelope({ type: 'app_mention', user: 'U1', text: '<@UBOT> is de vpn 24/7 beschikbaar?', channel: 'C1', ts: '1700300000.000002' });
    await socket.send('events_api', envelope);
    await socket.send('events_api', { ...envelope });
    await api.waitForCall('chat.postMessage', (call) => call.args.thread_ts === '1700300000.000002');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(api.callsOf('chat.postMessage').filter((call) => call.args.thread_ts === '1700300000.000002')).toHaveLength(1);
  });

  it('acknowledges slash commands over the socket and answers through the response URL', async () => {
    const ack = await socket.send('slash_commands', {
      command: '/sposa', text: 'who citrix', user_id: 'U1', channel_id: 'C1', team_id: 'T1', trigger_id: 't', response_url: api.responseUrl, token: 'x',
    });
    expect(ack.envelope_id).toMatch(/^env-/);
    const reply = await api.waitForCall('response_url');
    expect(JSON.stringify(reply.args)).toContain('Nimbus Workspace B.V.');
  });

  it('serves /healthz on its own port beside the socket', async () => {
    const health = await (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok', mode: 'slack-socket' });
  });

  it('serves the XLA dashboard on the same port to a manager’s signed link, and to no one else', async () => {
    const link = async (user: string) => signDashboardToken(await sposa.dashboardLinkKey(), user, new Date(DEMO_NOW.getTime() + 60_000));
    const manager = await fetch(`http://127.0.0.1:${port}/api/dashboard?token=${await link('UMANAGER')}`);
    expect(manager.status).toBe(200);
    expect(await manager.json()).toMatchObject({ by: 'supplier', rows: expect.any(Array) });
    expect((await fetch(`http://127.0.0.1:${port}/dashboard?token=${await link('U1')}`)).status).toBe(403);
    expect((await fetch(`http://127.0.0.1:${port}/dashboard.csv`)).status).toBe(403);
  });
});

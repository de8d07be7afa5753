import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sposa } from '../../../src/compose.js';
import { consoleInboxTransport } from '../../../src/console/inbox.js';
import { createConsoleServer } from '../../../src/console/server.js';
import { healthHandler } from '../../../src/http/health.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { testSposa } from '../../helpers/sposa.js';
import { storeTargets, type TestDb } from '../../helpers/test-db.js';

const WERKPLEK = 'Werkplek Direct B.V.'; // reached through #sup-werkplekdirect only

describe.each(storeTargets())('the console’s supplier inbox ($name)', (target) => {
  let db: TestDb;
  let sposa: Sposa;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    db = await target.open();
    sposa = await testSposa(db);
    await sposa.ingest();
    server = createConsoleServer({ sposa, port: 0, logger: silentLogger, health: healthHandler(sposa, 'console') });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await db?.destroy();
  });

  const post = async (body: object) => {
    const response = await fetch(`${base}/api/inbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as { ticket?: { status: string } } };
  };

  it('receives tickets for suppliers reached through Slack, and an agent acknowledges and resolves them there', async () => {
    const ticket = await sposa.openTicket({ service: 'printer', priority: 'P3', description: 'Printer op 2 print niets', reporterId: 'console-employee', origin: { surface: 'console' } });
    await sposa.createWorker({ logger: silentLogger, transports: [consoleInboxTransport] }).drain();
    const { entries } = (await (await fetch(`${base}/api/inbox?supplier=${encodeURIComponent(WERKPLEK)}`)).json()) as { entries: { ticket: { id: string } }[] };
    expect(entries.map((entry) => entry.ticket.id)).toContain(ticket.id);

    expect((await post({ supplier: WERKPLEK, ticket: ticket.id, action: 'acknowledge' })).body.ticket).toMatchObject({ status: 'acknowledged' });
    expect((await post({ supplier: WERKPLEK, ticket: ticket.id, action: 'resolve' })).body.ticket).toMatchObject({ status: 'resolved' });
    const last = (await sposa.tickets.events(ticket.id)).at(-1);
    expect(last).toMatchObject({ type: 'resolved', actor: `${WERKPLEK} (console)`, data: { role: 'supplier' } });
  });

  it('does not let one supplier’s inbox act on another supplier’s ticket', async () => {
    const ticket = await sposa.openTicket({ service: 'vpn', priority: 'P3', description: 'VPN valt weg', reporterId: 'console-employee', origin: { surface: 'console' } });
    expect(await post({ supplier: WERKPLEK, ticket: ticket.id, action: 'resolve' })).toMatchObject({ status: 404 });
    expect((await sposa.tickets.get(ticket.id))?.status).toBe('routed');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleInboxTransport } from '../../../src/console/inbox.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { type ConsoleTestbed, openConsoleTestbed } from '../../helpers/console.js';
import { storeTargets } from '../../helpers/test-db.js';

const WERKPLEK = 'Werkplek Direct B.V.'; // reached through #sup-werkplekdirect only

describe.each(storeTargets())('the console’s supplier inbox ($name)', (target) => {
  let bed: ConsoleTestbed;

  beforeAll(async () => {
    bed = await openConsoleTestbed(target);
  });
  afterAll(async () => {
    await bed?.close();
  });

  const post = async (body: object) => {
    const response = await fetch(`${bed.base}/api/inbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as { ticket?: { status: string } } };
  };

  it('receives tickets for suppliers reached through Slack, and an agent acknowledges and resolves them there', async () => {
    const ticket = await bed.sposa.openTicket({ service: 'printer', priority: 'P3', description: 'Printer op 2 print niets', reporterId: 'console-employee', origin: { surface: 'console' } });
    await bed.sposa.createWorker({ logger: silentLogger, transports: [consoleInboxTransport] }).drain();
    const { entries } = (await (await fetch(`${bed.base}/api/inbox?supplier=${encodeURIComponent(WERKPLEK)}`)).json()) as { entries: { ticket: { id: string } }[] };
    expect(entries.map((entry) => entry.ticket.id)).toContain(ticket.id);

    expect((await post({ supplier: WERKPLEK, ticket: ticket.id, action: 'acknowledge' })).body.ticket).toMatchObject({ status: 'acknowledged' });
    expect((await post({ supplier: WERKPLEK, ticket: ticket.id, action: 'resolve' })).body.ticket).toMatchObject({ status: 'resolved' });
    const last = (await bed.sposa.tickets.events(ticket.id)).at(-1);
    expect(last).toMatchObject({ type: 'resolved', actor: `${WERKPLEK} (console)`, data: { role: 'supplier' } });
  });

  it('does not let one supplier’s inbox act on another supplier’s ticket', async () => {
    const ticket = await bed.sposa.openTicket({ service: 'vpn', priority: 'P3', description: 'VPN valt weg', reporterId: 'console-employee', origin: { surface: 'console' } });
    expect(await post({ supplier: WERKPLEK, ticket: ticket.id, action: 'resolve' })).toMatchObject({ status: 404 });
    expect((await bed.sposa.tickets.get(ticket.id))?.status).toBe('routed');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign, SIGNATURE_HEADER, SUPPLIER_HEADER, TIMESTAMP_HEADER } from '../../../src/delivery/index.js';
import { DEMO_NOW } from '../../helpers/sposa.js';
import { type ConsoleTestbed, openConsoleTestbed } from '../../helpers/console.js';
import { storeTargets } from '../../helpers/test-db.js';

const NIMBUS = 'Nimbus Workspace B.V.'; // accountable for Citrix in the demo corpus
const NETLINK = 'NetLink Telecom B.V.';

describe.each(storeTargets())('the signed endpoint for suppliers’ systems ($name)', (target) => {
  let bed: ConsoleTestbed;

  beforeAll(async () => {
    bed = await openConsoleTestbed(target);
  });
  afterAll(async () => {
    await bed?.close();
  });

  const citrixTicket = () => bed.sposa.openTicket({ service: 'citrix', priority: 'P2', description: 'Citrix start niet', reporterId: 'U1', origin: { surface: 'cli' } });

  async function send(ticketId: string, update: object, options: { supplier?: string; key?: string; at?: Date; tamper?: boolean } = {}) {
    const supplier = options.supplier ?? NIMBUS;
    const body = JSON.stringify(update);
    const timestamp = Math.floor((options.at ?? DEMO_NOW).getTime() / 1000);
    const signature = sign(options.key ?? (await bed.sposa.supplierKey(supplier)), timestamp, body);
    const response = await fetch(`${bed.base}/api/supplier/tickets/${ticketId}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SUPPLIER_HEADER]: supplier, [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: signature },
      body: options.tamper ? body.replace('}', ',"note":"injected"}') : body,
    });
    return { status: response.status, body: (await response.json()) as { error_code?: string; detail?: string; ticket?: { status: string } } };
  }

  it('acknowledges a ticket for a correctly signed request and records who did it', async () => {
    const ticket = await citrixTicket();
    const response = await send(ticket.id, { action: 'acknowledge', agent: 'Joost' });
    expect(response).toMatchObject({ status: 200, body: { ticket: { status: 'acknowledged' } } });
    const last = (await bed.sposa.tickets.events(ticket.id)).at(-1);
    expect(last).toMatchObject({ type: 'acknowledged', actor: `${NIMBUS} (Joost)`, data: { role: 'supplier' } });
  });

  it('refuses a tampered body, a stale timestamp, a wrong key and an unknown supplier with 401, and changes nothing', async () => {
    const ticket = await citrixTicket();
    const refusals = [
      await send(ticket.id, { action: 'resolve' }, { tamper: true }),
      await send(ticket.id, { action: 'resolve' }, { at: new Date(DEMO_NOW.getTime() - 10 * 60_000) }),
      await send(ticket.id, { action: 'resolve' }, { key: 'not-the-key' }),
      await send(ticket.id, { action: 'resolve' }, { supplier: 'Nobody B.V.', key: 'x' }),
    ];
    expect(refusals.map((r) => [r.status, r.body.error_code])).toEqual(Array(4).fill([401, 'sposa_unauthorized']));
    expect(refusals[1]?.body.detail).toContain('timestamp');
    expect((await bed.sposa.tickets.get(ticket.id))?.status).toBe('routed');
  });

  it('answers 404 for an unknown ticket and for another supplier’s ticket alike', async () => {
    const ticket = await citrixTicket();
    expect((await send('INC-2026-99999', { action: 'acknowledge' })).status).toBe(404);
    const other = await send(ticket.id, { action: 'acknowledge' }, { supplier: NETLINK });
    expect(other).toMatchObject({ status: 404, body: { error_code: 'sposa_not_found' } });
    expect((await bed.sposa.tickets.get(ticket.id))?.status).toBe('routed');
  });

  it('answers 409 for a change the ticket’s state does not allow, naming what is allowed', async () => {
    const ticket = await citrixTicket();
    expect((await send(ticket.id, { action: 'resolve', note: 'Profile reset' })).status).toBe(200);
    const again = await send(ticket.id, { action: 'acknowledge' });
    expect(again).toMatchObject({ status: 409, body: { error_code: 'sposa_conflict' } });
    expect(again.body.detail).toContain('allowed next: closed, reopened');
  });

  it('answers 400 for a body it does not understand', async () => {
    const ticket = await citrixTicket();
    const response = await send(ticket.id, { action: 'delete' });
    expect(response).toMatchObject({ status: 400, body: { error_code: 'sposa_invalid_input' } });
    expect(response.body.detail).toContain('action');
  });

  it('holds the clocks while the supplier waits on a third party, and comments go on the record', async () => {
    const ticket = await citrixTicket();
    expect((await send(ticket.id, { action: 'wait', waitingOn: 'third-party', note: 'Waiting for Citrix Inc.' })).status).toBe(200);
    expect(await bed.sposa.slaStatus((await bed.sposa.tickets.get(ticket.id))!)).toMatchObject({ resolution: 'paused' });
    expect((await send(ticket.id, { action: 'comment', note: 'Vendor case 123 opened' })).status).toBe(200);
    expect((await send(ticket.id, { action: 'resume' })).status).toBe(200);
    const types = (await bed.sposa.tickets.events(ticket.id)).map((event) => event.type);
    expect(types).toEqual(['opened', 'routed', 'waiting', 'commented', 'resumed']);
  });
});

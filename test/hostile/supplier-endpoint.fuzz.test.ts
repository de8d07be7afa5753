/**
 * Hostile requests to the supplier endpoint: whatever a supplier's system (or anyone else) sends, the answer is a
 * clear 4xx with an error code, never a crash or a 500, and the ticket is exactly as it was unless the request was
 * correctly signed by its own supplier and the change is allowed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign, SIGNATURE_HEADER, SUPPLIER_HEADER, TIMESTAMP_HEADER } from '../../src/delivery/index.js';
import type { Ticket } from '../../src/tickets/index.js';
import { DEMO_NOW } from '../helpers/sposa.js';
import { type ConsoleTestbed, openConsoleTestbed } from '../helpers/console.js';
import { storeTargets } from '../helpers/test-db.js';
import { propertyRuns } from './run-counts.js';

const NIMBUS = 'Nimbus Workspace B.V.';

describe.each(storeTargets())('the supplier endpoint under hostile requests ($name)', (target) => {
  let bed: ConsoleTestbed;
  let ticket: Ticket;

  beforeAll(async () => {
    bed = await openConsoleTestbed(target);
    ticket = await bed.sposa.openTicket({ service: 'citrix', priority: 'P2', description: 'Citrix start niet', reporterId: 'U1', origin: { surface: 'cli' } });
  });
  afterAll(async () => {
    await bed?.close();
  });

  const send = async (path: string, body: string, headers: Record<string, string>) => {
    const response = await fetch(`${bed.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as { error_code?: string } };
  };
  const unchanged = async () => {
    const now = await bed.sposa.tickets.get(ticket.id);
    expect(now).toMatchObject({ status: 'routed', pauses: [] });
    expect((await bed.sposa.tickets.events(ticket.id)).map((event) => event.type)).toEqual(['opened', 'routed']);
  };

  it('answers arbitrary bodies and headers with a 4xx and an error code, and changes nothing', async () => {
    const header = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 80 }), fc.constant(NIMBUS), fc.constant('v1=deadbeef'));
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 2_000 }), header, header, header, async (body, supplier, timestamp, signature) => {
        const headers: Record<string, string> = {};
        // Header values must be printable; anything else is refused by fetch itself, before SPOSA sees it.
        const printable = (value: string | undefined) => (value && /^[\x20-\x7e]*$/.test(value) ? value : undefined);
        if (printable(supplier)) headers[SUPPLIER_HEADER] = supplier as string;
        if (printable(timestamp)) headers[TIMESTAMP_HEADER] = timestamp as string;
        if (printable(signature)) headers[SIGNATURE_HEADER] = signature as string;
        const response = await send(`/api/supplier/tickets/${ticket.id}/events`, body, headers);
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(response.body.error_code).toMatch(/^sposa_/);
      }),
      propertyRuns(25),
    );
    await unchanged();
  });

  it('refuses well-signed bodies that are not a valid update with 400, and changes nothing', async () => {
    const key = await bed.sposa.supplierKey(NIMBUS);
    const timestamp = Math.floor(DEMO_NOW.getTime() / 1000);
    const update = fc.record(
      {
        action: fc.oneof(fc.constantFrom('delete', 'close', 'reroute', '', 'ACKNOWLEDGE'), fc.string({ maxLength: 20 })),
        note: fc.oneof(fc.string({ maxLength: 50 }), fc.integer(), fc.constant(null), fc.string({ minLength: 4_001, maxLength: 4_100 })),
        extra: fc.anything(),
      },
      { requiredKeys: ['action', 'extra'] },
    );
    await fc.assert(
      fc.asyncProperty(update, async (value) => {
        const body = JSON.stringify(value);
        const response = await send(`/api/supplier/tickets/${ticket.id}/events`, body, {
          [SUPPLIER_HEADER]: NIMBUS,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: sign(key, timestamp, body),
        });
        expect(response).toMatchObject({ status: 400, body: { error_code: 'sposa_invalid_input' } });
      }),
      propertyRuns(25),
    );
    await unchanged();
  });

  it('refuses ticket ids it does not know, however they are written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[A-Za-z0-9%._-]{1,40}$/), async (id) => {
        const response = await send(`/api/supplier/tickets/${id}/events`, '{}', {});
        expect([401, 404]).toContain(response.status);
      }),
      propertyRuns(25),
    );
    await unchanged();
  });
});

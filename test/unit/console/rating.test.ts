import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleTestbed, openConsoleTestbed } from '../../helpers/console.js';
import { storeTargets } from '../../helpers/test-db.js';

type HomeTicket = { id: string; status: string; rating: number | null };

describe.each(storeTargets())('rating a ticket in the console ($name)', (target) => {
  let bed: ConsoleTestbed;
  beforeAll(async () => {
    bed = await openConsoleTestbed(target);
  });
  afterAll(async () => {
    await bed?.close();
  });

  const rate = async (body: object) => {
    const response = await fetch(`${bed.base}/api/ratings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as { rating?: { score: number; comment?: string }; detail?: string } };
  };
  const homeTicket = async (user: string, id: string) =>
    ((await (await fetch(`${bed.base}/api/home?user=${user}`)).json()) as { tickets: HomeTicket[] }).tickets.find((ticket) => ticket.id === id);
  const openResolved = async () => {
    const ticket = await bed.sposa.openTicket({ service: 'vpn', priority: 'P3', description: 'VPN valt weg', reporterId: 'console-employee', origin: { surface: 'console' } });
    await bed.sposa.changeTicket({ id: ticket.id, action: 'resolve', actor: 'netlink-agent', role: 'supplier' });
    return ticket;
  };

  it('lets the reporter rate a resolved ticket on Home, which records the rating and closes the ticket', async () => {
    const ticket = await openResolved();
    expect(await homeTicket('console-employee', ticket.id)).toMatchObject({ status: 'resolved', rating: null });
    const { status, body } = await rate({ user: 'console-employee', ticketId: ticket.id, score: 8, comment: 'snel opgelost' });
    expect(status).toBe(200);
    expect(body.rating).toMatchObject({ score: 8, comment: 'snel opgelost' });
    expect(await homeTicket('console-employee', ticket.id)).toMatchObject({ status: 'closed', rating: 8 });
    // Another click changes the one rating.
    expect((await rate({ user: 'console-employee', ticketId: ticket.id, score: 9 })).body.rating).toMatchObject({ score: 9 });
    expect(await homeTicket('console-employee', ticket.id)).toMatchObject({ rating: 9 });
  });

  it('refuses a rating from someone other than the reporter, and of a ticket not yet resolved', async () => {
    const resolved = await openResolved();
    expect(await rate({ user: 'console-manager', ticketId: resolved.id, score: 2 })).toMatchObject({ status: 403 });
    const open = await bed.sposa.openTicket({ service: 'vpn', priority: 'P3', description: 'VPN traag', reporterId: 'console-employee', origin: { surface: 'console' } });
    const early = await rate({ user: 'console-employee', ticketId: open.id, score: 7 });
    expect(early.status).toBe(400);
    expect(early.body.detail).toContain('only a resolved or closed ticket can be rated');
    expect(await bed.sposa.xla.rating(open.id)).toBeUndefined();
  });
});

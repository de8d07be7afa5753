import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sposa } from '../../../src/compose.js';
import { conversationStore, ratingStore } from '../../../src/store/index.js';
import { type RatingStore, recordRating } from '../../../src/xla/index.js';
import { DEMO_NOW, testSposa } from '../../helpers/sposa.js';
import { storeTargets, type TestDb } from '../../helpers/test-db.js';

const HOUR = 60 * 60 * 1000;

describe.each(storeTargets())('ratings of resolved tickets ($name)', (target) => {
  let db: TestDb;
  let sposa: Sposa;
  let now = DEMO_NOW;
  const at = (ms: number) => {
    now = new Date(DEMO_NOW.getTime() + ms);
  };
  beforeAll(async () => {
    db = await target.open();
    sposa = await testSposa(db, { clock: () => now, env: { SPOSA_RATING_REMINDER_HOURS: '24' } });
    await sposa.ingest();
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const resolvedTicket = async (text = 'citrix start niet op', reporter = 'U-ANNA') => {
    at(0);
    const ticket = await sposa.reportIncident(text, reporter, { service: 'citrix', priority: 'P3' });
    at(HOUR);
    await sposa.changeTicket({ id: ticket.id, action: 'resolve', actor: 'nimbus-agent', role: 'supplier' });
    return ticket;
  };

  it('records one rating per ticket: a second click updates it and keeps what it did not say', async () => {
    const ticket = await resolvedTicket();
    await sposa.xla.rate({ ticketId: ticket.id, score: 3, reasons: ['too_slow'], comment: 'drie dagen gewacht', lostMinutes: 60, raterId: 'U-ANNA' });
    at(2 * HOUR);
    const updated = await sposa.xla.rate({ ticketId: ticket.id, score: 5, raterId: 'U-ANNA' });
    expect(updated).toMatchObject({
      ticketId: ticket.id,
      score: 5,
      reasons: ['too_slow'],
      comment: 'drie dagen gewacht',
      lostMinutes: 60,
      service: 'Citrix Workspace',
      supplier: 'Nimbus Workspace B.V.',
      contractId: 'SLA-CITRIX-2026',
      responseMet: true,
      resolutionMet: true,
      ratedAt: new Date(DEMO_NOW.getTime() + HOUR).toISOString(),
      updatedAt: new Date(DEMO_NOW.getTime() + 2 * HOUR).toISOString(),
    });
    const [row] = await db.query<{ n: number }>('select count(*)::int as n from ticket_ratings where ticket_id = $1', [ticket.id]);
    expect(row?.n).toBe(1);
  });

  it('keeps one rating when two clicks arrive at the same moment', async () => {
    const ticket = await resolvedTicket();
    await Promise.all([sposa.xla.rate({ ticketId: ticket.id, score: 6 }), sposa.xla.rate({ ticketId: ticket.id, score: 7 })]);
    const rows = await db.query<{ score: number }>('select score from ticket_ratings where ticket_id = $1', [ticket.id]);
    expect(rows).toHaveLength(1);
    expect([6, 7]).toContain(rows[0]?.score);
  });

  it('drops reasons of the old band when a new score changes the band', async () => {
    const ticket = await resolvedTicket();
    await sposa.xla.rate({ ticketId: ticket.id, score: 2, reasons: ['not_fixed'] });
    expect((await sposa.xla.rate({ ticketId: ticket.id, score: 9 })).reasons).toEqual([]);
  });

  it('refuses a ticket that is not resolved, an unknown ticket, another person, and reasons of another band', async () => {
    at(0);
    const open = await sposa.reportIncident('vpn valt steeds weg', 'U-BOB', { service: 'vpn', priority: 'P3' });
    await expect(sposa.xla.rate({ ticketId: open.id, score: 8 })).rejects.toThrow(/is routed; only a resolved or closed ticket can be rated/);
    await expect(sposa.xla.rate({ ticketId: 'INC-2026-99999', score: 8 })).rejects.toMatchObject({ code: 'sposa_not_found' });
    const resolved = await resolvedTicket('citrix traag', 'U-CARL');
    await expect(sposa.xla.rate({ ticketId: resolved.id, score: 8, raterId: 'U-MALLORY' })).rejects.toMatchObject({ code: 'sposa_forbidden' });
    await expect(sposa.xla.rate({ ticketId: resolved.id, score: 10, reasons: ['too_slow'] })).rejects.toThrow(/too_slow do not fit a score of 10/);
    await expect(sposa.xla.rate({ ticketId: resolved.id, score: 11 })).rejects.toMatchObject({ code: 'sposa_invalid_input' });
    expect(await sposa.xla.rating(resolved.id)).toBeUndefined();
  });

  it('asks each reporter once, reminds once after the delay, then stays silent', async () => {
    const ticket = await resolvedTicket('The citrix session keeps freezing', 'U-DANA');
    const due = async (ms: number) => (await sposa.xla.requestsDue(new Date(DEMO_NOW.getTime() + ms))).filter((r) => r.ticket.id === ticket.id);
    expect(await due(HOUR)).toMatchObject([{ kind: 'ask', language: 'en', ticket: { reporterId: 'U-DANA' } }]);
    await sposa.xla.markAsked(ticket.id, new Date(DEMO_NOW.getTime() + HOUR));
    expect(await due(24 * HOUR)).toEqual([]);
    expect(await due(25 * HOUR)).toMatchObject([{ kind: 'remind' }]);
    await sposa.xla.markReminded(ticket.id, new Date(DEMO_NOW.getTime() + 25 * HOUR));
    expect(await due(72 * HOUR)).toEqual([]);
  });

  it('stops asking once the reporter has rated', async () => {
    const ticket = await resolvedTicket('citrix hangt', 'U-EVI');
    at(HOUR);
    await sposa.xla.rate({ ticketId: ticket.id, score: 7 });
    expect((await sposa.xla.requestsDue()).map((r) => r.ticket.id)).not.toContain(ticket.id);
  });

  describe('a rating closes the resolved ticket it rates', () => {
    const closings = async (id: string) => (await sposa.tickets.events(id)).filter((event) => event.type === 'closed');

    it('closes it as the reporter’s step in the audit trail, and tells the supplier', async () => {
      const ticket = await resolvedTicket('citrix valt weg', 'U-GEERT');
      at(2 * HOUR);
      await sposa.xla.rate({ ticketId: ticket.id, score: 8, raterId: 'U-GEERT' });
      expect((await sposa.tickets.get(ticket.id))?.status).toBe('closed');
      const events = await sposa.tickets.events(ticket.id);
      expect(events.at(-1)).toMatchObject({ type: 'closed', actor: 'U-GEERT', at: now.toISOString(), data: { role: 'reporter' } });
      const [queued] = await db.query<{ n: number }>('select count(*)::int as n from jobs where dedupe_key = $1', [`ticket.notify-supplier:${events.at(-1)?.id}`]);
      expect(queued?.n).toBe(1);
    });

    it('updates the rating on a second click without closing twice or failing', async () => {
      const ticket = await resolvedTicket('citrix traag bij het inloggen', 'U-HANS');
      at(2 * HOUR);
      await sposa.xla.rate({ ticketId: ticket.id, score: 4, raterId: 'U-HANS' });
      at(3 * HOUR);
      await expect(sposa.xla.rate({ ticketId: ticket.id, score: 9, raterId: 'U-HANS' })).resolves.toMatchObject({ score: 9 });
      expect(await closings(ticket.id)).toHaveLength(1);
      expect((await sposa.tickets.get(ticket.id))?.status).toBe('closed');
    });

    it('records and updates the rating of a ticket staff already closed, leaving the close as it was', async () => {
      const ticket = await resolvedTicket('citrix printers ontbreken', 'U-INGE');
      at(2 * HOUR);
      await sposa.changeTicket({ id: ticket.id, action: 'close', actor: 'desk-jan', role: 'staff' });
      at(3 * HOUR);
      expect(await sposa.xla.rate({ ticketId: ticket.id, score: 6, raterId: 'U-INGE' })).toMatchObject({ score: 6 });
      expect(await sposa.xla.rate({ ticketId: ticket.id, score: 7, raterId: 'U-INGE' })).toMatchObject({ score: 7 });
      expect((await closings(ticket.id)).map((event) => event.actor)).toEqual(['desk-jan']);
    });

    it('leaves the ticket resolved when the rating is refused', async () => {
      const ticket = await resolvedTicket('citrix geeft een foutmelding', 'U-JOOP');
      await expect(sposa.xla.rate({ ticketId: ticket.id, score: 8, raterId: 'U-MALLORY' })).rejects.toMatchObject({ code: 'sposa_forbidden' });
      expect((await sposa.tickets.get(ticket.id))?.status).toBe('resolved');
    });

    it('records neither the rating nor the close when the close cannot be written: one transaction', async () => {
      const ticket = await resolvedTicket('citrix start niet', 'U-KEES');
      const real = ratingStore(db);
      const failing: RatingStore = {
        ...real,
        transaction: (work) =>
          real.transaction((writer) =>
            work({ ...writer, tickets: { ...writer.tickets, appendEvent: () => Promise.reject(new Error('disk full')) } }),
          ),
      };
      await expect(recordRating({ ticketId: ticket.id, score: 8 }, { store: failing, clock: () => now })).rejects.toThrow('disk full');
      expect(await sposa.xla.rating(ticket.id)).toBeUndefined();
      expect((await sposa.tickets.get(ticket.id))?.status).toBe('resolved');
    });

    it('still counts a closed ticket as resolved and rated in the XLA figures', async () => {
      const before = (await sposa.xla.report()).total;
      const ticket = await resolvedTicket('citrix is traag', 'U-LIES');
      await sposa.xla.rate({ ticketId: ticket.id, score: 10, raterId: 'U-LIES' });
      expect((await sposa.tickets.get(ticket.id))?.status).toBe('closed');
      const after = (await sposa.xla.report()).total;
      expect({ tickets: after.tickets - before.tickets, ratings: after.ratings - before.ratings }).toEqual({ tickets: 1, ratings: 1 });
      expect(after.responseRate).toBe(Math.round((1000 * after.ratings) / after.tickets) / 10);
    });
  });

  it('reports ratings beside SLA compliance, and counts helpful answers without a ticket as deflection', async () => {
    const conversations = conversationStore(db);
    const conversation = await conversations.open({ surface: 'console', channel: 'c', thread: 'xla-deflection' }, 'U-FRED');
    const turn = await conversations.appendTurn(conversation, {
      role: 'assistant', author: 'sposa', text: 'Nimbus',
      answer: { intent: 'responsibility', language: 'en', text: 'Nimbus', service: 'Citrix Workspace', supplier: 'Nimbus Workspace B.V.', citations: [], withheld: [], suggestTicket: false, mode: 'extractive' },
    });
    await conversations.recordFeedback(turn, 'U-FRED', true);
    const report = await sposa.xla.report({ by: 'supplier' });
    const nimbus = report.rows.find((row) => row.key === 'Nimbus Workspace B.V.');
    expect(nimbus).toMatchObject({ slaResponseMet: 100, slaResolutionMet: 100, watermelon: false });
    expect(nimbus?.ratings).toBeGreaterThan(0);
    expect(nimbus?.deflection).toBeGreaterThan(0);
    expect((await sposa.xla.report({ by: 'supplier', to: '2026-06-09' })).rows).toEqual([]);
  });
});

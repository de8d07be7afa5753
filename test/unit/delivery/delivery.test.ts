import { mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sposa } from '../../../src/compose.js';
import { type Db } from '../../../src/store/index.js';
import { openSposa } from '../../../src/compose.js';
import { loadConfig } from '../../../src/config/index.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { type MailServer, startMailServer, startWebhookReceiver, type WebhookReceiver } from '../../helpers/supplier-endpoints.js';
import { testDataDir } from '../../helpers/sposa.js';
import { storeTargets, type TestDb } from '../../helpers/test-db.js';

/** Two suppliers: one reached by webhook (e-mail as its fallback), one by e-mail only; both 24/7 with P2 targets 1h/4h. */
function contracts(webhook: string) {
  const contract = (id: string, supplier: string, service: string, contact: string) => `---
id: ${id}
type: SLA
supplier: ${supplier}
services: [${service}]
supplier_contact:
${contact}
support_hours: "24/7"
targets:
  P2: { response: 1h, resolution: 4h }
---
# ${id}

## 1. Scope
${supplier} delivers ${service}.
`;
  return {
    'hook.md': contract('SLA-HOOK', 'Hook Supplier B.V.', 'Mail', `  webhook: ${webhook}\n  email: desk@hook.example\n  escalation: "Account manager Anna Hoek, anna@hook.example"`),
    'print.md': contract('SLA-PRINT', 'Print Only B.V.', 'Printing', `  email: desk@print.example\n  escalation: "Contract manager Piet Druk, piet@print.example"`),
  };
}

describe.each(storeTargets())('delivering tickets to suppliers ($name)', (target) => {
  let db: TestDb;
  let sposa: Sposa;
  let hooks: WebhookReceiver;
  let mail: MailServer;
  let now = new Date('2026-06-10T12:00:00Z');
  const clock = () => now;
  const later = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };

  async function openOn(database: Db, dir: string): Promise<Sposa> {
    const config = loadConfig({ SPOSA_CONTRACTS_DIR: dir, SPOSA_DATA_DIR: testDataDir(), SMTP_URL: mail.url, SPOSA_MANAGER_IDS: 'U_MANAGER' });
    return openSposa(config, { db: database, clock });
  }
  let dir: string;

  beforeAll(async () => {
    db = await target.open();
    mail = await startMailServer();
    hooks = await startWebhookReceiver((supplier) => sposa.supplierKey(supplier), clock);
    dir = await mkdtemp(path.join(process.env.SPOSA_TEST_TMP ?? '/tmp', 'contracts-'));
    for (const [name, text] of Object.entries(contracts(hooks.url))) await writeFile(path.join(dir, name), text);
    sposa = await openOn(db, dir);
    await sposa.ingest();
  });
  afterAll(async () => {
    await hooks?.close();
    await mail?.close();
    await db?.destroy();
  });
  beforeEach(() => {
    hooks.mode = 'up';
    hooks.received.length = 0;
    mail.mails.length = 0;
  });

  const worker = () => sposa.createWorker({ logger: silentLogger });
  const open = (service = 'Mail') => sposa.openTicket({ service, priority: 'P2', description: 'Mail is down for the whole floor', reporterId: 'U1', origin: { surface: 'cli' } });

  it('signs the webhook with the supplier’s key and records the delivery on the ticket', async () => {
    const ticket = await open();
    expect(await worker().drain()).toBeGreaterThan(0);
    expect(hooks.received).toHaveLength(1);
    const [hook] = hooks.received;
    expect(hook).toMatchObject({ supplier: 'Hook Supplier B.V.', verified: true, body: { event: 'routed', ticket: { id: ticket.id, priority: 'P2', service: 'Mail' } } });
    expect(hook?.body.updateUrl).toMatch(new RegExp(`/api/supplier/tickets/${ticket.id}/events$`));
    const delivered = (await sposa.tickets.events(ticket.id)).filter((event) => event.type === 'delivered');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.data).toMatchObject({ transport: 'webhook', supplier: 'Hook Supplier B.V.' });
  });

  it('e-mails a supplier whose contract names only an address', async () => {
    const ticket = await open('Printing');
    await worker().drain();
    expect(mail.mails).toHaveLength(1);
    expect(mail.mails[0]?.to).toEqual(['desk@print.example']);
    expect(mail.mails[0]?.raw).toContain(ticket.id);
    expect(hooks.received).toHaveLength(0);
  });

  it('keeps a ticket while the endpoint is down and delivers it once when it is back', async () => {
    const ticket = await open();
    hooks.mode = 'down';
    const w = worker();
    await w.drain();
    later(1);
    await w.drain(); // the retry waits for its back-off: 30 s, then 1 min
    later(2);
    await w.drain();
    expect(hooks.received).toHaveLength(0);
    expect((await sposa.jobs.counts()).pending).toBeGreaterThan(0);
    hooks.mode = 'up';
    later(60); // third attempt is due; still the webhook (three tries before falling back)
    await w.drain();
    later(60);
    await w.drain();
    // The ticket arrived once, by one transport; later messages are the reminders its clock called for meanwhile.
    const arrivals = [
      ...hooks.received.filter((hook) => (hook.body.ticket as { id: string }).id === ticket.id && hook.body.event === 'routed'),
      ...mail.mails.filter((m) => m.raw.includes(ticket.id) && m.raw.includes('New ticket')),
    ];
    expect(arrivals).toHaveLength(1);
    expect((await sposa.jobs.counts()).pending).toBe(0);
  });

  it('falls back to e-mail at once when the webhook refuses the payload', async () => {
    const ticket = await open();
    hooks.mode = 'refuse';
    await worker().drain();
    expect(mail.mails.map((m) => m.to)).toEqual([['desk@hook.example']]);
    expect((await sposa.tickets.events(ticket.id)).find((e) => e.type === 'delivered')?.data).toMatchObject({ transport: 'email' });
  });

  it('reminds the supplier when the response is at risk and escalates a breach to the contract’s escalation contact', async () => {
    const ticket = await open('Printing');
    const w = worker();
    await w.drain();
    later(46); // 46 of 60 minutes: past the 75% mark
    await w.drain();
    later(15); // 61 minutes: breached
    await w.drain();
    later(5);
    await w.drain(); // sweeping again changes nothing
    const types = (await sposa.tickets.events(ticket.id)).map((event) => event.type);
    expect(types.filter((type) => type === 'response-at-risk')).toHaveLength(1);
    expect(types.filter((type) => type === 'response-breached')).toHaveLength(1);
    const to = mail.mails.filter((m) => m.raw.includes(ticket.id)).map((m) => m.to[0]);
    expect(to.filter((address) => address === 'desk@print.example')).toHaveLength(3); // new ticket, reminder, breach
    expect(to).toContain('piet@print.example');
  });

  it('reminds the supplier when the resolution is at risk and escalates its breach to the contract’s escalation contact', async () => {
    const ticket = await open('Printing');
    const w = worker();
    await w.drain();
    later(10);
    await sposa.changeTicket({ id: ticket.id, action: 'acknowledge', actor: 'print-agent', role: 'supplier' }); // response met
    later(170); // 180 of 240 minutes: the 75% mark
    await w.drain();
    const escalations = async () => (await sposa.tickets.events(ticket.id)).map((event) => event.type).filter((type) => /-(at-risk|breached)$/.test(type));
    expect(await escalations()).toEqual(['resolution-at-risk']);
    later(59); // 239 minutes: at risk still, not yet breached
    await w.drain();
    expect(await escalations()).toEqual(['resolution-at-risk']);
    later(2); // 241 minutes: breached
    await w.drain();
    later(5);
    await w.drain(); // sweeping again changes nothing
    expect(await escalations()).toEqual(['resolution-at-risk', 'resolution-breached']);
    const mails = mail.mails.filter((m) => m.raw.includes(ticket.id));
    const toSupplier = mails.filter((m) => m.to[0] === 'desk@print.example');
    expect(toSupplier.map((m) => /Reminder: resolution due soon|Resolution time breached/.exec(m.raw)?.[0])).toEqual([
      undefined, // the new ticket
      'Reminder: resolution due soon',
      'Resolution time breached',
    ]);
    const toEscalation = mails.filter((m) => m.to[0] === 'piet@print.example');
    expect(toEscalation).toHaveLength(1);
    expect(toEscalation[0]?.raw).toContain('Resolution time breached');
  });

  it('sends a rerouted ticket to the new supplier, whose clocks start when it arrives', async () => {
    const ticket = await open('Printing');
    await worker().drain();
    later(30);
    const moved = await sposa.rerouteTicket({ id: ticket.id, service: 'Mail', actor: 'desk', role: 'staff', note: 'It is the mail server' });
    expect(moved).toMatchObject({ supplier: 'Hook Supplier B.V.', status: 'routed', routedAt: now.toISOString() });
    expect(moved.responseDue).toBe(new Date(now.getTime() + 3_600_000).toISOString());
    await worker().drain();
    expect(hooks.received.map((hook) => hook.body.event)).toEqual(['rerouted']);
  });

  it('keeps a wait running across a reroute and starts the new supplier’s clocks when it ends', async () => {
    const ticket = await open('Printing');
    later(10);
    await sposa.changeTicket({ id: ticket.id, action: 'wait', actor: 'print-agent', role: 'supplier', note: 'Which printer?' });
    later(10);
    const moved = await sposa.rerouteTicket({ id: ticket.id, service: 'Mail', actor: 'desk', role: 'staff' });
    expect(await sposa.slaStatus(moved)).toEqual({ response: 'paused', resolution: 'paused' });
    later(30);
    const resumed = await sposa.changeTicket({ id: ticket.id, action: 'resume', actor: 'U1', role: 'reporter', note: 'Printer 3' });
    // Hook Supplier's targets (1h / 4h, 24/7) run from the end of the wait, not from the reroute or the opening.
    expect(resumed.responseDue).toBe(new Date(now.getTime() + 3_600_000).toISOString());
    expect(resumed.resolutionDue).toBe(new Date(now.getTime() + 4 * 3_600_000).toISOString());
  });

  it.runIf(target.name === 'postgres')('never delivers a ticket twice when two replicas work one queue', async () => {
    const second = await (db.another as () => Promise<Db>)();
    const replica = await openOn(second, dir);
    const opened = await Promise.all(Array.from({ length: 20 }, () => open()));
    await Promise.all([worker().drain(), replica.createWorker({ logger: silentLogger }).drain(), worker().drain()]);
    const deliveries = hooks.received.map((hook) => hook.delivery);
    expect(new Set(deliveries).size).toBe(deliveries.length);
    const ids = new Set(opened.map((ticket) => ticket.id));
    const arrivals = hooks.received.filter((hook) => hook.body.event === 'routed' && ids.has((hook.body.ticket as { id: string }).id));
    expect(arrivals).toHaveLength(opened.length);
    await second.close();
  });
});

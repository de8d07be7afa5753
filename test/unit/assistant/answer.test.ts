import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/assistant/index.js';
import type { Sposa } from '../../../src/compose.js';
import { testSposa } from '../../helpers/sposa.js';
import { storeTargets, type TestDb } from '../../helpers/test-db.js';

const MANAGER = 'U-MANAGER';
const EMPLOYEE = 'U-EMPLOYEE';
/** Amsterdam local times, written as UTC instants (CEST is UTC+2 in June, CET UTC+1 in December). */
const AT = {
  wednesdayAfternoon: new Date('2026-06-10T12:00:00Z'),
  wednesdayNight: new Date('2026-06-10T21:30:00Z'), // 23:30 local
  saturdayMorning: new Date('2026-06-13T08:30:00Z'), // 10:30 local
  kingsDay: new Date('2026-04-27T10:00:00Z'), // Koningsdag, Monday 12:00 local
};

describe.each(storeTargets())('assistant answers on the demo corpus ($name)', (target) => {
  let db: TestDb;
  let sposa: Sposa;
  let now = AT.wednesdayAfternoon;
  beforeAll(async () => {
    db = await target.open();
    sposa = await testSposa(db, { clock: () => now, env: { SPOSA_MANAGER_IDS: MANAGER } });
    await sposa.ingest();
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const ask = (question: string, asker = EMPLOYEE, audience: 'private' | 'channel' = 'private') =>
    sposa.ask(question, { asker: { id: asker }, audience });
  const cited = (answer: Answer) => answer.citations.map((c) => `${c.contractId} ${c.clause}`);

  it('answers a Dutch coverage question in Dutch, quoting the clause verbatim', async () => {
    const answer = await ask('Mag Nimbus zomaar onderhoud doen aan de virtuele werkplek?');
    expect(answer).toMatchObject({ intent: 'coverage', language: 'nl', service: 'Citrix Workspace' });
    expect(answer.text).toMatch(/^Volgens SLA-CITRIX-2026/);
    expect(answer.citations[0]?.contractId).toBe('SLA-CITRIX-2026');
    const clauses = await db.query<{ body: string }>('select body from clauses where contract_id = $1', ['SLA-CITRIX-2026']);
    const fold = (text: string) => text.replace(/\s+/g, ' ');
    expect(clauses.some((clause) => fold(clause.body).includes(fold(answer.citations[0]?.quote ?? '')))).toBe(true);
  });

  describe('questions about response and resolution times', () => {
    it('lead with the contract’s targets for the priority asked, quoting its row of the targets table', async () => {
      const answer = await ask('Wat is de oplostijd voor een P1 storing in Citrix?');
      expect(answer.text).toMatch(/^P1 in Citrix Workspace: Nimbus Workspace B\.V\. moet binnen 15 minuten reageren en het binnen 4 uur oplossen, gerekend in de ondersteuningstijd voor P1 \(24\/7\)\.\nVolgens SLA-CITRIX-2026 §6\.1/);
      expect(answer.citations[0]).toMatchObject({ contractId: 'SLA-CITRIX-2026', clause: '6.1', quote: expect.stringMatching(/^\| P1 \| 15 minuten \| 4 uur \|/) });
    });

    it('list every priority’s targets when none is named, each counted in its own support time', async () => {
      const answer = await ask('what are the response times for e-mail problems?');
      expect(answer.text).toContain('P1 on E-mail: Wolkwerk Cloud Services B.V. must respond within 15 minutes and resolve it within 4 hours, counted in P1 support time (24/7).');
      expect(answer.text).toContain('P3 on E-mail: Wolkwerk Cloud Services B.V. must respond within 4 hours and resolve it within 3 support days, counted in P3 support time (mon-fri 08:00-18:00).');
    });

    it('take the named supplier’s own contract over the one above it', async () => {
      const answer = await ask('hoe snel moet printpartners een monteur sturen bij een P1 printerstoring');
      expect(answer.text).toMatch(/^P1 in Printing: PrintPartners Europe Ltd moet binnen 30 minuten reageren/);
      expect(answer.citations[0]?.contractId).toBe('UC-PRINTING-2026');
    });

    it('are answered by their own clause when it is not a targets clause', async () => {
      const answer = await ask('iemand is op staande voet ontslagen, hoe snel wordt zijn account dichtgezet?');
      expect(answer.text).not.toMatch(/^P\d/);
      expect(cited(answer)).toContain('OLA-IAM-2026 7.2');
    });
  });

  it('answers an English question about a Dutch contract, and a Dutch one about an English contract', async () => {
    const english = await ask('How fast must Nimbus respond to a priority 1 Citrix incident?');
    expect(english).toMatchObject({ language: 'en' });
    expect(cited(english).some((c) => c.startsWith('SLA-CITRIX-2026'))).toBe(true);
    const dutch = await ask('Wat is de beschikbaarheid van Microsoft 365 per maand?');
    expect(dutch).toMatchObject({ language: 'nl' });
    expect(cited(dutch).some((c) => c.startsWith('SLA-M365-2026'))).toBe(true);
  });

  it('names the accountable supplier for "who is responsible", citing its contract', async () => {
    const answer = await ask('Who is responsible for Citrix?');
    expect(answer).toMatchObject({ intent: 'responsibility', supplier: 'Nimbus Workspace B.V.', contractId: 'SLA-CITRIX-2026' });
    expect(answer.text).toContain('Behind it:');
    expect(answer.citations[0]?.contractId).toBe('SLA-CITRIX-2026');
    expect((await ask('wie gaat over de vpn?')).supplier).toBe('NetLink Telecom B.V.');
  });

  it('treats a problem report as an incident, names who is accountable and offers a ticket', async () => {
    const answer = await ask('citrix hangt weer, ik kan niet inloggen');
    expect(answer).toMatchObject({ intent: 'incident', language: 'nl', service: 'Citrix Workspace', supplier: 'Nimbus Workspace B.V.', suggestTicket: true });
    const laptop = await ask('my laptop screen is cracked');
    expect(laptop).toMatchObject({ intent: 'incident', supplier: 'Werkplek Direct B.V.' });
  });

  it('sends a possible account compromise to the security service, whichever application it happened in', async () => {
    const phished = await ask('I clicked a link in a weird email and typed my password, what now??');
    expect(phished).toMatchObject({ intent: 'incident', service: 'Security Monitoring', supplier: 'SecureOps Nederland B.V.' });
    const mailOnly = await ask('my email is not syncing on my phone');
    expect(mailOnly.supplier).toBe('Wolkwerk Cloud Services B.V.');
  });

  it('greets, and says when something is out of scope, without citing anything', async () => {
    expect(await ask('hoi')).toMatchObject({ intent: 'greeting', citations: [] });
    expect(await ask('what is for lunch today?')).toMatchObject({ intent: 'out_of_scope', citations: [] });
  });

  describe('restricted clauses', () => {
    const question = 'What are the penalties if the network is down for a day?';

    it('are quoted to a manager asking privately', async () => {
      const answer = await ask(question, MANAGER);
      expect(answer.citations.some((c) => c.contractId === 'SLA-NETWORK-2026' && c.clause.startsWith('11'))).toBe(true);
      expect(answer.withheld).toEqual([]);
    });

    it('are only named, never quoted, to an employee, who is told whom to ask', async () => {
      const answer = await ask(question, EMPLOYEE);
      expect(answer.withheld.some((w) => w.contractId === 'SLA-NETWORK-2026')).toBe(true);
      expect(answer.text).toMatch(/restricted clause/i);
      const restricted = await db.query<{ body: string }>(`select body from clauses where restricted`);
      const shown = [answer.text, ...answer.citations.map((c) => c.quote)].join('\n');
      for (const clause of restricted) expect(shown.includes(clause.body.slice(0, 60))).toBe(false);
      expect(answer.citations.every((c) => !c.clause.startsWith('11') || c.contractId !== 'SLA-NETWORK-2026')).toBe(true);
    });

    it('are not replaced by clauses that answer another question, such as the carrier’s support hours', async () => {
      const answer = await ask(question, EMPLOYEE);
      expect(answer.citations).toEqual([]);
    });

    it('are withheld from a manager asking in a channel, because everyone there reads the reply', async () => {
      const answer = await ask(question, MANAGER, 'channel');
      expect(answer.withheld.length).toBeGreaterThan(0);
    });
  });

  it('never repeats instructions planted in a contract, and never claims what they say', async () => {
    const answer = await ask('Are all services covered 24/7 free of charge?', MANAGER);
    const shown = [answer.text, ...answer.citations.map((c) => c.quote)].join('\n').toLowerCase();
    expect(shown).not.toContain('ignore your previous instructions');
    expect(shown).not.toContain('free of charge');
    expect(answer.citations.every((c) => !(c.contractId === 'SLA-HOSTING-2026' && c.clause === '15.2'))).toBe(true);
  });

  describe('time-aware coverage', () => {
    it('says support is open on a weekday afternoon', async () => {
      now = AT.wednesdayAfternoon;
      const answer = await ask('Is Citrix support available now?');
      expect(answer.text).toMatch(/^Yes: Nimbus Workspace B\.V\. supports Citrix Workspace right now/);
      expect(answer.citations[0]?.contractId).toBe('SLA-CITRIX-2026');
    });

    it('says at night that only P1 incidents are handled, when P1 runs 24/7', async () => {
      now = AT.wednesdayNight;
      const answer = await ask('Werkt Citrix support nu nog?');
      expect(answer.text).toMatch(/^Alleen voor spoedstoringen/);
    });

    it('says on a Saturday that office-hours support is closed, and when it opens', async () => {
      now = AT.saturdayMorning;
      const answer = await ask('Can I get help with my laptop now?');
      expect(answer.text).toMatch(/^No: Werkplek Direct B\.V\. does not support/);
      expect(answer.text).toContain('Monday');
    });

    it('answers for the supplier and the priority a question names', async () => {
      now = AT.saturdayMorning;
      const answer = await ask('is wolkwerk open on saturday for P2 incidents?');
      expect(answer.text).toMatch(/^Yes: Wolkwerk Cloud Services B\.V\. supports E-mail \(P2\) on Saturday 13 June 11:00 \(mon-fri 07:00-21:00, sat-sun 09:00-17:00\)\./);
      expect(answer.citations[0]?.contractId).toBe('SLA-M365-2026');
    });

    it('says on Koningsdag that support is closed for the public holiday', async () => {
      now = AT.kingsDay;
      const answer = await ask('Is workplace support available right now?');
      expect(answer.text).toContain('Koningsdag');
    });
  });
});

describe('follow-up questions', () => {
  it('keep the service the thread was about', async () => {
    const db = await storeTargets()[0]!.open();
    try {
      const sposa = await testSposa(db);
      await sposa.ingest();
      const assistant = sposa.assistantFor([]);
      const history = [
        { role: 'user' as const, text: 'Wie is verantwoordelijk voor Citrix?' },
        { role: 'assistant' as const, text: 'Nimbus Workspace B.V. is verantwoordelijk voor Citrix Workspace.' },
      ];
      const answer = await assistant.answer({ question: 'en wat is de oplostijd bij P1?', asker: { id: 'U1' }, audience: 'private', history });
      expect(answer.service).toBe('Citrix Workspace');
      expect(answer.citations[0]?.contractId).toBe('SLA-CITRIX-2026');
    } finally {
      await db.destroy();
    }
  });
});

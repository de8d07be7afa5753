/**
 * Deflection over stored conversations: which answers count as questions, which of them were deflected, and which
 * group each belongs to, read by the rating store from the conversation tables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/assistant/index.js';
import type { Sposa } from '../../../src/compose.js';
import { conversationStore, ratingStore } from '../../../src/store/index.js';
import { testSposa } from '../../helpers/sposa.js';
import { storeTargets, type TestDb } from '../../helpers/test-db.js';

const answer = (intent: Answer['intent'], extra: Partial<Answer> = {}): Answer => ({
  intent, language: 'en', text: 'an answer', citations: [], withheld: [], suggestTicket: false, mode: 'extractive', ...extra,
});

describe.each(storeTargets())('answered questions and deflection ($name)', (target) => {
  let db: TestDb;
  let sposa: Sposa;
  const turns: Record<string, number> = {};

  beforeAll(async () => {
    db = await target.open();
    sposa = await testSposa(db);
    await sposa.ingest();
    const conversations = conversationStore(db);
    const conversation = await conversations.open({ surface: 'console', channel: 'c', thread: 'deflection' }, 'U1');
    const answered = async (name: string, reply: Answer) => {
      await conversations.appendTurn(conversation, { role: 'user', author: 'U1', text: name });
      turns[name] = await conversations.appendTurn(conversation, { role: 'assistant', author: 'sposa', text: reply.text, answer: reply });
    };
    // Helpful, no ticket: deflected, under the supplier and contract the answer names.
    await answered('who runs citrix', answer('responsibility', { service: 'Citrix Workspace', supplier: 'Nimbus Workspace B.V.', contractId: 'SLA-CITRIX-2026' }));
    // Helpful, but a ticket was opened from it: not deflected. No supplier named: the cited clause's supplier counts.
    await answered('is vpn covered at night', answer('coverage', {
      service: 'VPN',
      citations: [{ contractId: 'SLA-NETWORK-2026', contractType: 'SLA', supplier: 'NetLink Telecom B.V.', clause: '4.2', heading: 'Support', quote: '…', line: 12 }],
    }));
    // Not questions: a greeting and a score typed as a message.
    await answered('hi', answer('greeting'));
    await answered('10/10', answer('rating'));
    // Marked Helpful, then changed to Not helpful by the same person: not deflected. About nothing SPOSA could place.
    await answered('what about the coffee machine', answer('out_of_scope'));
    // Asked in January: outside a report from February on.
    await answered('old question', answer('responsibility', { service: 'Citrix Workspace', supplier: 'Nimbus Workspace B.V.', contractId: 'SLA-CITRIX-2026' }));
    await db.query(`update conversation_turns set created_at = '2026-01-15T10:00:00Z' where id = $1`, [turns['old question']]);

    await conversations.recordFeedback(turns['who runs citrix'] as number, 'U1', true);
    await conversations.recordFeedback(turns['who runs citrix'] as number, 'U2', false);
    await conversations.recordFeedback(turns['is vpn covered at night'] as number, 'U1', true);
    await conversations.recordFeedback(turns.hi as number, 'U1', true);
    await conversations.recordFeedback(turns['what about the coffee machine'] as number, 'U1', true);
    await conversations.recordFeedback(turns['what about the coffee machine'] as number, 'U1', false);
    await conversations.recordFeedback(turns['old question'] as number, 'U1', true);
    await sposa.openTicket({
      service: 'VPN', priority: 'P3', description: 'vpn drops at night', reporterId: 'U1',
      origin: { surface: 'console', channel: 'c', thread: 'deflection', turnId: turns['is vpn covered at night'] as number },
    });
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('counts every answer but greetings and ratings as a question, dated by its answer', async () => {
    const all = await ratingStore(db).questions({});
    expect(all).toHaveLength(4);
    // Sorted by when each was answered: the January one, dated back, comes first.
    expect(all[0]).toMatchObject({ at: '2026-01-15T10:00:00.000Z', supplier: 'Nimbus Workspace B.V.', helpful: true, ticketed: false });
    expect(all.slice(1).map(({ at: _at, ...question }) => question)).toEqual([
      // Someone found it helpful (another did not): helpful.
      { service: 'Citrix Workspace', supplier: 'Nimbus Workspace B.V.', contractId: 'SLA-CITRIX-2026', helpful: true, ticketed: false },
      { service: 'VPN', supplier: 'NetLink Telecom B.V.', contractId: 'SLA-NETWORK-2026', helpful: true, ticketed: true },
      { helpful: false, ticketed: false },
    ]);
    expect(await ratingStore(db).questions({ from: new Date('2026-02-01T00:00:00Z') })).toHaveLength(3);
    expect(await ratingStore(db).questions({ to: new Date('2026-02-01T00:00:00Z') })).toHaveLength(1);
  });

  it('reports deflection as deflected questions of all questions, per supplier even without a resolved ticket', async () => {
    // No ticket is resolved: every row comes from questions. From February: 1 of 3 questions deflected = 33.3 %.
    const report = await sposa.xla.report({ by: 'supplier', from: '2026-02-01' });
    expect(report.total).toMatchObject({ tickets: 0, questions: 3, deflection: 33.3, happiness: null });
    expect(report.rows.map((row) => [row.key, row.tickets, row.ratings, row.questions, row.deflection, row.happiness])).toEqual([
      ['NetLink Telecom B.V.', 0, 0, 1, 0, null],
      ['Nimbus Workspace B.V.', 0, 0, 1, 100, null],
    ]);
    // Over all time the January question joins Nimbus: 2 of 2.
    expect((await sposa.xla.report({ by: 'supplier' })).rows.find((row) => row.key === 'Nimbus Workspace B.V.')).toMatchObject({ questions: 2, deflection: 100 });
  });
});

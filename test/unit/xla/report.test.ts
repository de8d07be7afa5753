import { describe, expect, it } from 'vitest';
import type { RegisteredContract } from '../../../src/registry/index.js';
import { type AnsweredQuestion, buildXlaReport, commentThemes, csvField, exportRows, parsePeriod, type TicketOutcome, toCsv } from '../../../src/xla/index.js';

const contract = (id: string, supplier: string, xla?: RegisteredContract['xla']): RegisteredContract => ({
  id, type: 'SLA', supplier, language: 'nl', underpins: [], services: [], targets: {}, contact: {}, ...(xla ? { xla } : {}),
});

let counter = 0;
const outcome = (supplier: string, contractId: string, score: number | undefined, resolvedAt: string, comment?: string): TicketOutcome => ({
  ticketId: `INC-2026-${String((counter += 1)).padStart(5, '0')}`,
  service: supplier === 'Green B.V.' ? 'Network' : 'Servicedesk',
  supplier,
  contractId,
  resolvedAt,
  responseMet: true,
  resolutionMet: true,
  ...(score === undefined ? {} : { rating: { score, reasons: [], ...(comment ? { comment } : {}) } }),
});

describe('the XLA report', () => {
  const outcomes = [
    // "Desk, Inc." meets every SLA but scores 5, 6, 6, 8, 9: happiness (1 − 3) / 5 = −40, below its target of 40.
    ...[5, 6, 6, 8, 9].map((score, i) => outcome('Desk, Inc.', 'SLA-DESK', score, `2026-03-0${i + 1}T10:00:00.000Z`, score < 7 ? 'Weer "drie dagen" gewacht' : undefined)),
    ...[10, 9, 9, 10, 8].map((score, i) => outcome('Green B.V.', 'SLA-NET', score, `2026-04-0${i + 1}T10:00:00.000Z`)),
  ];
  const report = buildXlaReport({
    by: 'supplier',
    outcomes,
    questions: [],
    contracts: [contract('SLA-DESK', 'Desk, Inc.', { happiness: 40, averageRating: 7.5 }), contract('SLA-NET', 'Green B.V.')],
    timezone: 'Europe/Amsterdam',
  });

  it('groups by supplier, checks the contract targets and flags the watermelon', () => {
    const [desk, green] = report.rows;
    expect(desk).toMatchObject({ key: 'Desk, Inc.', happiness: -40, averageRating: 6.8, watermelon: true });
    expect(desk?.targets).toEqual([
      { metric: 'happiness', target: 40, actual: -40, met: false },
      { metric: 'averageRating', target: 7.5, actual: 6.8, met: false },
    ]);
    expect(green).toMatchObject({ key: 'Green B.V.', happiness: 80, watermelon: false, targets: [] });
  });

  it('trends happiness per month in the organisation time zone', () => {
    expect(report.trend).toEqual([
      { month: '2026-03', ratings: 5, happiness: -40, slaResolutionMet: 100 },
      { month: '2026-04', ratings: 5, happiness: 80, slaResolutionMet: 100 },
    ]);
  });

  it('lists the lowest-rated tickets of the last 30 days: March is too old beside April', () => {
    expect(report.lowestRated.map((t) => [t.supplier, t.score])).toEqual([
      ['Green B.V.', 8], ['Green B.V.', 9], ['Green B.V.', 9], ['Green B.V.', 10], ['Green B.V.', 10],
    ]);
    const march = buildXlaReport({ by: 'supplier', outcomes: outcomes.slice(0, 5), questions: [], contracts: [], timezone: 'Europe/Amsterdam' });
    expect(march.lowestRated[0]).toMatchObject({ supplier: 'Desk, Inc.', score: 5, comment: 'Weer "drie dagen" gewacht', slaMet: true });
  });

  it('exports the same figures as JSON rows named by the grouping and as quoted CSV', () => {
    expect(exportRows(report)[0]).toMatchObject({ supplier: 'Desk, Inc.', ratings: 5, happiness: -40, watermelon: true, targetsMissed: 'happiness < 40; averageRating < 7.5' });
    const lines = toCsv(report).split('\r\n');
    expect(lines[0]).toBe('supplier,tickets,ratings,happiness,averageRating,responseRate,lostTimeMinutes,lostTimePerTicketMinutes,slaResponseMet,slaResolutionMet,questions,deflection,watermelon,targetsMissed');
    // No questions in this period: 0 of them, and deflection is empty, not 0 %.
    expect(lines[1]).toBe('"Desk, Inc.",5,5,-40,6.8,100,0,,100,100,0,,true,happiness < 40; averageRating < 7.5');
    expect(lines[3]).toBe('');
  });

  it('keeps a supplier or service with questions but no tickets: its deflection, and empty ticket figures', () => {
    const ask = (supplier: string | undefined, service: string | undefined, helpful: boolean, ticketed = false): AnsweredQuestion => ({
      ...(supplier ? { supplier } : {}), ...(service ? { service } : {}), at: '2026-04-02T09:00:00.000Z', helpful, ticketed,
    });
    const questions = [
      // Desk: one answer helped, one became a ticket: 1 of 2 = 50 %.
      ask('Desk, Inc.', 'Servicedesk', true), ask('Desk, Inc.', 'Servicedesk', false, true),
      // Wolkwerk: no ticket at all, 2 of 3 answers helped = 66.7 %.
      ask('Wolkwerk', 'Office 365', true), ask('Wolkwerk', 'Office 365', true), ask('Wolkwerk', 'Office 365', false),
      // An answer SPOSA could not place with any supplier or service counts in the total only.
      ask(undefined, undefined, true),
    ];
    const input = { outcomes, questions, contracts: [contract('SLA-DESK', 'Desk, Inc.', { happiness: 40 })], timezone: 'Europe/Amsterdam' };
    const bySupplier = buildXlaReport({ ...input, by: 'supplier' });
    expect(bySupplier.rows.map((row) => [row.key, row.tickets, row.questions, row.deflection])).toEqual([
      ['Desk, Inc.', 5, 2, 50], ['Green B.V.', 5, 0, null], ['Wolkwerk', 0, 3, 66.7],
    ]);
    expect(bySupplier.rows[2]).toEqual({
      key: 'Wolkwerk', tickets: 0, ratings: 0, happiness: null, averageRating: null, responseRate: null, lostTimeMinutes: 0,
      lostTimePerTicketMinutes: null, slaResponseMet: null, slaResolutionMet: null, questions: 3, deflection: 66.7,
      reasons: { promoter: {}, passive: {}, detractor: {} }, watermelon: false, targets: [], themes: [],
    });
    // Total: 1 (Desk) + 2 (Wolkwerk) + 1 (unplaced) deflected of 6 questions = 66.7 %; the ticket figures are unchanged.
    expect(bySupplier.total).toMatchObject({ tickets: 10, questions: 6, deflection: 66.7 });
    expect(bySupplier.trend).toEqual(report.trend);
    expect(toCsv(bySupplier).split('\r\n')[3]).toBe('Wolkwerk,0,0,,,,0,,,,3,66.7,false,');
    expect(buildXlaReport({ ...input, by: 'service' }).rows.map((row) => [row.key, row.tickets, row.deflection])).toEqual([
      ['Network', 5, null], ['Office 365', 0, 66.7], ['Servicedesk', 5, 50],
    ]);
  });

  it('reports an empty period as no rows and null figures', () => {
    const empty = buildXlaReport({ by: 'service', outcomes: [], questions: [], contracts: [], timezone: 'Europe/Amsterdam' });
    expect(empty).toMatchObject({ rows: [], trend: [], lowestRated: [], total: { tickets: 0, happiness: null } });
    expect(toCsv(empty).split('\r\n')).toHaveLength(2);
  });
});

describe('comment themes', () => {
  it('counts each comment once per theme, in Dutch and English, most common first', () => {
    expect(commentThemes([
      'Drie dagen gewacht en niks gehoord',
      'Took two days, and again the same problem',
      'Snel en vriendelijk geholpen',
      'Wacht wacht wacht',
    ])).toEqual([
      { theme: 'waiting / slow', comments: 3 },
      { theme: 'fast help', comments: 1 },
      { theme: 'friendly / clear', comments: 1 },
      { theme: 'not fixed / came back', comments: 1 },
      { theme: 'not informed', comments: 1 },
    ]);
  });
});

describe('report periods and CSV fields', () => {
  it('takes dates in the organisation time zone and includes the end date', () => {
    expect(parsePeriod({ from: '2026-03-01', to: '2026-03-31' }, 'Europe/Amsterdam')).toEqual({
      from: new Date('2026-02-28T23:00:00Z'),
      to: new Date('2026-03-31T22:00:00Z'), // summer time began on 29 March
    });
    expect(() => parsePeriod({ from: '2026-04-01', to: '2026-03-31' }, 'Europe/Amsterdam')).toThrow(/before/);
    expect(() => parsePeriod({ from: '2026-02-30' }, 'Europe/Amsterdam')).toThrow(/YYYY-MM-DD/);
  });

  it('quotes fields with commas, quotes or line breaks, and leaves the rest alone', () => {
    expect([csvField('plain'), csvField('a, b'), csvField('say "hi"'), csvField('two\nlines'), csvField(null), csvField(-12.5)]).toEqual([
      'plain', '"a, b"', '"say ""hi"""', '"two\nlines"', '', '-12.5',
    ]);
  });
});

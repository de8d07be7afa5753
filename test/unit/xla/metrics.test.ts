import { describe, expect, it } from 'vitest';
import { type AnsweredQuestion, computeMetrics, isWatermelon, type Metrics, type TicketOutcome } from '../../../src/xla/index.js';

const outcome = (id: string, sla: Pick<TicketOutcome, 'responseMet' | 'resolutionMet'>, rating?: TicketOutcome['rating']): TicketOutcome => ({
  ticketId: id,
  service: 'Citrix Workspace',
  supplier: 'Nimbus Workspace B.V.',
  contractId: 'SLA-CITRIX-2026',
  resolvedAt: '2026-05-04T10:00:00.000Z',
  ...sla,
  ...(rating ? { rating } : {}),
});

const question = (helpful: boolean, ticketed: boolean): AnsweredQuestion => ({
  service: 'Citrix Workspace', supplier: 'Nimbus Workspace B.V.', contractId: 'SLA-CITRIX-2026', at: '2026-05-01T09:00:00.000Z', helpful, ticketed,
});

describe('experience metrics, checked by hand', () => {
  // Four ratings of five resolved tickets: 10 and 9 promote, 7 is passive, 3 detracts.
  const outcomes = [
    outcome('T1', { responseMet: true, resolutionMet: true }, { score: 10, reasons: ['fast'], lostMinutes: 0 }),
    outcome('T2', { responseMet: true, resolutionMet: true }, { score: 9, reasons: ['fast', 'friendly'], lostMinutes: 15 }),
    outcome('T3', { responseMet: true, resolutionMet: false }, { score: 7, reasons: [] }),
    outcome('T4', { responseMet: true, resolutionMet: false }, { score: 3, reasons: ['too_slow'], lostMinutes: 120, comment: 'drie dagen gewacht' }),
    outcome('T5', { responseMet: false }),
  ];

  // Four questions answered: one marked Helpful and left at that, one marked Helpful but a ticket was opened from it
  // anyway, one nobody marked, one not helpful that became a ticket. Only the first is deflected.
  const questions = [question(true, false), question(true, true), question(false, false), question(false, true)];

  it('computes every figure from the definitions', () => {
    const metrics = computeMetrics(outcomes, questions);
    expect(metrics).toEqual({
      tickets: 5,
      ratings: 4,
      happiness: 25, // (2 promoters − 1 detractor) / 4 ratings
      averageRating: 7.3, // 29 / 4 = 7.25
      responseRate: 80, // 4 of 5
      lostTimeMinutes: 135, // 0 + 15 + 120; T3 did not say
      lostTimePerTicketMinutes: 45, // over the three that said
      slaResponseMet: 80, // 4 of 5
      slaResolutionMet: 50, // 2 of the 4 with a resolution target
      questions: 4,
      deflection: 25, // 1 of the 4 questions answered helpfully without a ticket; the 5 tickets are not questions
      reasons: { promoter: { fast: 2, friendly: 1 }, passive: {}, detractor: { too_slow: 1 } },
    });
  });

  it('gives an empty period no score at all rather than a score of zero', () => {
    expect(computeMetrics([])).toEqual({
      tickets: 0, ratings: 0, happiness: null, averageRating: null, responseRate: null, lostTimeMinutes: 0,
      lostTimePerTicketMinutes: null, slaResponseMet: null, slaResolutionMet: null, questions: 0, deflection: null,
      reasons: { promoter: {}, passive: {}, detractor: {} },
    });
  });

  it('scores a single 6 as −100: one rating, and it is a detractor', () => {
    const metrics = computeMetrics([outcome('T1', { resolutionMet: true }, { score: 6, reasons: [] })]);
    expect(metrics).toMatchObject({ ratings: 1, happiness: -100, averageRating: 6, responseRate: 100, slaResponseMet: null, slaResolutionMet: 100 });
  });

  it('gives deflection with no resolved tickets, and none without questions', () => {
    // 2 of 3 questions deflected = 66.7 %; no ticket, so every ticket and rating figure stays empty.
    expect(computeMetrics([], [question(true, false), question(true, false), question(false, false)])).toMatchObject({
      tickets: 0, ratings: 0, happiness: null, averageRating: null, responseRate: null, slaResolutionMet: null, questions: 3, deflection: 66.7,
    });
    // A resolved ticket is not a question: deflection has nothing to be a share of.
    expect(computeMetrics([outcome('T1', { resolutionMet: true })])).toMatchObject({ questions: 0, deflection: null });
  });

  it('counts resolved tickets without a rating in SLA compliance and response rate only', () => {
    expect(computeMetrics([outcome('T1', { responseMet: true, resolutionMet: true })])).toMatchObject({
      tickets: 1, ratings: 0, happiness: null, responseRate: 0, slaResolutionMet: 100,
    });
  });
});

describe('the watermelon: SLA met, experience poor', () => {
  const base: Metrics = { ...computeMetrics([]), tickets: 20, ratings: 10, happiness: -20, slaResponseMet: 100, slaResolutionMet: 95 };

  it('flags a group whose SLA is met at least 90 % while happiness is negative', () => {
    expect(isWatermelon(base)).toBe(true);
  });

  it('measures happiness against the contract target when there is one', () => {
    expect(isWatermelon({ ...base, happiness: 30 }, 40)).toBe(true);
    expect(isWatermelon({ ...base, happiness: 30 })).toBe(false);
    expect(isWatermelon({ ...base, happiness: 40 }, 40)).toBe(false);
  });

  it('does not flag a group whose SLA is missed: that is plainly red, not a watermelon', () => {
    expect(isWatermelon({ ...base, slaResolutionMet: 89.9 })).toBe(false);
  });

  it('does not flag on too few ratings or on no SLA measurement', () => {
    expect(isWatermelon({ ...base, ratings: 4 })).toBe(false);
    expect(isWatermelon({ ...base, slaResponseMet: null, slaResolutionMet: null })).toBe(false);
  });
});

/**
 * @module Experience metrics over resolved tickets, as pure functions so they can be checked by hand:
 * - happiness: share of ratings 9–10 minus share of ratings 0–6, in points from −100 to 100
 * - average rating: mean score, one decimal
 * - response rate: rated tickets as a share of resolved tickets, in percent
 * - lost time: minutes reporters said they lost, summed, and per ticket that answered the question
 * - SLA compliance: tickets that met their response (resolution) target as a share of those that had one
 * - deflection: questions answered helpfully without a ticket (answer marked Helpful, no ticket opened from it), as a
 *   share of all questions answered
 * Every share of nothing is null, never 0: an empty period has no score, not a bad one.
 */
import { type AnsweredQuestion, bandOf, type Band, type TicketOutcome } from './types.js';

export interface Metrics {
  tickets: number;
  ratings: number;
  happiness: number | null;
  averageRating: number | null;
  responseRate: number | null;
  lostTimeMinutes: number;
  lostTimePerTicketMinutes: number | null;
  slaResponseMet: number | null;
  slaResolutionMet: number | null;
  /** Questions SPOSA answered: the whole that deflection is a share of. */
  questions: number;
  deflection: number | null;
  /** How often each reason was chosen, per band. */
  reasons: Record<Band, Record<string, number>>;
}

const round = (value: number, decimals = 0) => Math.round(value * 10 ** decimals) / 10 ** decimals;
const percent = (part: number, whole: number) => (whole ? round((100 * part) / whole, 1) : null);

function compliance(outcomes: readonly TicketOutcome[], key: 'responseMet' | 'resolutionMet'): number | null {
  const measured = outcomes.filter((outcome) => outcome[key] !== undefined);
  return percent(measured.filter((outcome) => outcome[key]).length, measured.length);
}

/** A question answered helpfully without a ticket. */
export const deflected = (question: AnsweredQuestion) => question.helpful && !question.ticketed;

export function computeMetrics(outcomes: readonly TicketOutcome[], questions: readonly AnsweredQuestion[] = []): Metrics {
  const ratings = outcomes.flatMap((outcome) => (outcome.rating ? [outcome.rating] : []));
  const count = (band: Band) => ratings.filter((rating) => bandOf(rating.score) === band).length;
  const lost = ratings.flatMap((rating) => (rating.lostMinutes === undefined ? [] : [rating.lostMinutes]));
  const lostTimeMinutes = lost.reduce((sum, minutes) => sum + minutes, 0);
  const reasons: Metrics['reasons'] = { promoter: {}, passive: {}, detractor: {} };
  for (const rating of ratings) {
    const tally = reasons[bandOf(rating.score)];
    for (const reason of rating.reasons) tally[reason] = (tally[reason] ?? 0) + 1;
  }
  return {
    tickets: outcomes.length,
    ratings: ratings.length,
    happiness: ratings.length ? round((100 * (count('promoter') - count('detractor'))) / ratings.length) : null,
    averageRating: ratings.length ? round(ratings.reduce((sum, rating) => sum + rating.score, 0) / ratings.length, 1) : null,
    responseRate: percent(ratings.length, outcomes.length),
    lostTimeMinutes,
    lostTimePerTicketMinutes: lost.length ? round(lostTimeMinutes / lost.length) : null,
    slaResponseMet: compliance(outcomes, 'responseMet'),
    slaResolutionMet: compliance(outcomes, 'resolutionMet'),
    questions: questions.length,
    deflection: percent(questions.filter(deflected).length, questions.length),
    reasons,
  };
}

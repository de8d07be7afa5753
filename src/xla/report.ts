/**
 * @module The XLA report: metrics per supplier, service or contract over a period, with the XLA targets of the
 * contracts checked, the watermelon flagged, comment themes, a monthly happiness trend and the lowest-rated tickets.
 */
import { DateTime } from 'luxon';
import type { RegisteredContract } from '../registry/index.js';
import { computeMetrics, type Metrics } from './metrics.js';
import { commentThemes, type Theme } from './themes.js';
import { slaOutcome } from './rating.js';
import type { AnsweredQuestion, ResolvedTicket, TicketOutcome } from './types.js';
import { isWatermelon } from './watermelon.js';

export const GROUP_BY = ['supplier', 'service', 'contract'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** One XLA target and whether the group met it; `actual` is null when there was nothing to measure. */
export interface TargetCheck {
  metric: 'happiness' | 'averageRating' | 'responseRate';
  target: number;
  actual: number | null;
  met: boolean | null;
}

export interface XlaRow extends Metrics {
  key: string;
  watermelon: boolean;
  targets: TargetCheck[];
  themes: Theme[];
}

export interface LowRatedTicket {
  ticketId: string;
  service: string;
  supplier: string;
  score: number;
  comment?: string;
  resolvedAt: string;
  slaMet: boolean;
}

export interface XlaReport {
  by: GroupBy;
  from?: string;
  to?: string;
  rows: XlaRow[];
  total: Metrics & { themes: Theme[] };
  /** Happiness and SLA compliance per calendar month (YYYY-MM) in the organisation's time zone. */
  trend: { month: string; ratings: number; happiness: number | null; slaResolutionMet: number | null }[];
  lowestRated: LowRatedTicket[];
}

const RECENT_MS = 30 * 24 * 60 * 60 * 1000;

const keyOf = (by: GroupBy, row: { service?: string; supplier?: string; contractId?: string }) =>
  by === 'contract' ? row.contractId : row[by];

/** The targets that apply to a group: those of the contracts its tickets ran under; where several set one, the strictest. */
function targetsFor(contractIds: ReadonlySet<string>, contracts: readonly RegisteredContract[], metrics: Metrics): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const metric of ['happiness', 'averageRating', 'responseRate'] as const) {
    const values = contracts.filter((c) => contractIds.has(c.id)).flatMap((c) => (c.xla?.[metric] === undefined ? [] : [c.xla[metric]]));
    if (!values.length) continue;
    const target = Math.max(...values);
    const actual = metrics[metric];
    checks.push({ metric, target, actual, met: actual === null ? null : actual >= target });
  }
  return checks;
}

/** A stored ticket as metrics see it: where it ran, whether it met its SLA, how it was rated. */
export function toOutcome({ ticket, rating }: ResolvedTicket): TicketOutcome {
  return {
    ticketId: ticket.id,
    service: ticket.service,
    supplier: ticket.supplier,
    contractId: ticket.contractId,
    resolvedAt: ticket.resolvedAt,
    ...slaOutcome(ticket),
    ...(rating ? { rating } : {}),
  };
}

const comments = (outcomes: readonly TicketOutcome[]) => outcomes.flatMap((o) => (o.rating?.comment ? [o.rating.comment] : []));
const slaMet = (outcome: TicketOutcome) => outcome.responseMet !== false && outcome.resolutionMet !== false;

export interface ReportInput {
  by: GroupBy;
  outcomes: readonly TicketOutcome[];
  /** Questions answered in the period: the ones whose group is known count in that group too. */
  questions: readonly AnsweredQuestion[];
  contracts: readonly RegisteredContract[];
  timezone: string;
  from?: string;
  to?: string;
  lowestRatedLimit?: number;
}

export function buildXlaReport(input: ReportInput): XlaReport {
  // A group is every supplier, service or contract with a resolved ticket or an answered question in the period: one
  // whose questions were all answered without a ticket has a deflection figure and no ticket figures, not zeros.
  const groups = new Map<string, { outcomes: TicketOutcome[]; questions: AnsweredQuestion[] }>();
  const group = (key: string) => {
    let entry = groups.get(key);
    if (!entry) groups.set(key, (entry = { outcomes: [], questions: [] }));
    return entry;
  };
  for (const outcome of input.outcomes) group(keyOf(input.by, outcome) as string).outcomes.push(outcome);
  for (const question of input.questions) {
    const key = keyOf(input.by, question);
    if (key) group(key).questions.push(question);
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, { outcomes, questions }]): XlaRow => {
      const metrics = computeMetrics(outcomes, questions);
      // XLA targets are about rated tickets: a group with questions only has none to check.
      const targets = targetsFor(new Set(outcomes.map((o) => o.contractId)), input.contracts, metrics);
      const happinessTarget = targets.find((check) => check.metric === 'happiness')?.target;
      return { key, ...metrics, watermelon: isWatermelon(metrics, happinessTarget), targets, themes: commentThemes(comments(outcomes)) };
    });

  const months = new Map<string, TicketOutcome[]>();
  for (const outcome of input.outcomes) {
    const month = DateTime.fromISO(outcome.resolvedAt).setZone(input.timezone).toFormat('yyyy-LL');
    months.set(month, [...(months.get(month) ?? []), outcome]);
  }
  const trend = [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, outcomes]) => {
      const metrics = computeMetrics(outcomes);
      return { month, ratings: metrics.ratings, happiness: metrics.happiness, slaResolutionMet: metrics.slaResolutionMet };
    });

  // "Recent": the last weeks of the period, so a year-long report still shows what to talk about now.
  const newest = Math.max(...input.outcomes.map((outcome) => Date.parse(outcome.resolvedAt)));
  const lowestRated = input.outcomes
    .filter((outcome) => Date.parse(outcome.resolvedAt) > newest - RECENT_MS)
    .flatMap((outcome) => (outcome.rating ? [{ outcome, rating: outcome.rating }] : []))
    .sort((a, b) => a.rating.score - b.rating.score || b.outcome.resolvedAt.localeCompare(a.outcome.resolvedAt))
    .slice(0, input.lowestRatedLimit ?? 10)
    .map(({ outcome, rating }) => ({
      ticketId: outcome.ticketId,
      service: outcome.service,
      supplier: outcome.supplier,
      score: rating.score,
      ...(rating.comment ? { comment: rating.comment } : {}),
      resolvedAt: outcome.resolvedAt,
      slaMet: slaMet(outcome),
    }));

  return {
    by: input.by,
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: input.to } : {}),
    rows,
    total: { ...computeMetrics(input.outcomes, input.questions), themes: commentThemes(comments(input.outcomes)) },
    trend,
    lowestRated,
  };
}

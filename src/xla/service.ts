/** @module The XLA service adapters drive: rate a ticket, report over a period, and the rating requests due. */
import { z } from 'zod';
import type { Language } from '../contracts/index.js';
import { InvalidInputError } from '../errors.js';
import type { RegisteredContract } from '../registry/index.js';
import type { Clock } from '../shared/clock.js';
import { parsePeriod } from './period.js';
import { type RatingInput, recordRating } from './rating.js';
import { buildXlaReport, GROUP_BY, toOutcome, type XlaReport } from './report.js';
import { ratingRequestsDue } from './requests.js';
import type { Rating, RatingRequest, RatingStore } from './types.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
export const reportQuerySchema = z.object({
  by: z.enum(GROUP_BY).default('supplier'),
  from: date.optional(),
  to: date.optional(),
});
export type ReportQuery = z.input<typeof reportQuerySchema>;

export interface XlaDeps {
  store: RatingStore;
  clock: Clock;
  timezone: string;
  defaultLanguage: Language;
  reminderDelayMs: number;
  /** The contracts known now, for their XLA targets. */
  contracts(): Promise<readonly RegisteredContract[]>;
}

export interface Xla {
  /** Records or updates the one rating of a resolved ticket. */
  rate(input: RatingInput): Promise<Rating>;
  rating(ticketId: string): Promise<Rating | undefined>;
  report(query?: ReportQuery): Promise<XlaReport>;
  /** Reporters to ask now, and those to remind once. */
  requestsDue(now?: Date): Promise<RatingRequest[]>;
  markAsked(ticketId: string, at?: Date): Promise<void>;
  markReminded(ticketId: string, at?: Date): Promise<void>;
}

export function createXla(deps: XlaDeps): Xla {
  const { store, clock } = deps;
  return {
    rate: (input) => recordRating(input, { store, clock }),
    rating: (ticketId) => store.get(ticketId),
    async report(query = {}) {
      const parsed = reportQuerySchema.safeParse(query);
      if (!parsed.success) throw new InvalidInputError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
      const { by, from, to } = parsed.data;
      const period = parsePeriod({ from, to }, deps.timezone);
      const [resolved, questions, contracts] = await Promise.all([store.resolved(period), store.questions(period), deps.contracts()]);
      return buildXlaReport({ by, from, to, outcomes: resolved.map(toOutcome), questions, contracts, timezone: deps.timezone });
    },
    requestsDue: (now = clock()) => ratingRequestsDue(store, now, { reminderDelayMs: deps.reminderDelayMs, defaultLanguage: deps.defaultLanguage }),
    markAsked: (ticketId, at = clock()) => store.markAsked(ticketId, at),
    markReminded: (ticketId, at = clock()) => store.markReminded(ticketId, at),
  };
}

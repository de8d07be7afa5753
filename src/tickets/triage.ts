/**
 * @module Triage: impact × urgency → priority, the ITIL way. Impact is how many people are hit, urgency how soon
 * it hurts; both are read from the reporter's own words and can be overridden by whoever opens the ticket.
 */
import type { Priority } from '../contracts/index.js';
import { matchServices, normalize, type ServiceNames } from '../registry/index.js';

export const LEVELS = ['high', 'medium', 'low'] as const;
export type Level = (typeof LEVELS)[number];

/** Impact × urgency → priority: rows impact, columns urgency. */
export type PriorityMatrix = Record<Level, Record<Level, Priority>>;

/** The ITIL priority matrix; an organisation sets its own with SPOSA_PRIORITY_MATRIX. */
export const DEFAULT_MATRIX: PriorityMatrix = {
  high: { high: 'P1', medium: 'P2', low: 'P3' },
  medium: { high: 'P2', medium: 'P3', low: 'P4' },
  low: { high: 'P3', medium: 'P4', low: 'P4' },
};

const HIGH_IMPACT = /\b(iedereen|niemand kan|hele (afdeling|verdieping|gemeente|organisatie)|alle (medewerkers|gebruikers|collega s)|everyone|nobody can|no one can|whole (department|floor|office|organisation|organization)|all (users|staff|employees|colleagues)|company wide|plat|down for everyone|raadszaal|gemeentehuis)\b/;
const MEDIUM_IMPACT = /\b(team|afdeling|collega s|colleagues|several|meerdere|een paar|a few|department)\b/;
const HIGH_URGENCY = /\b(spoed|dringend|urgent|asap|direct|meteen|nu|now|deadline|vanavond|tonight|vandaag|today|raadsvergadering|council meeting|kan niet werken|cannot work|can ?t work|blocked|geblokkeerd)\b/;
const LOW_URGENCY = /\b(geen haast|no rush|when you can|wanneer het uitkomt|vraag|question|wens|nice to have|volgende week|next week)\b/;

export interface Triage {
  impact: Level;
  urgency: Level;
  priority: Priority;
}

/** Reads impact and urgency from a description; one person hindered without a deadline is P3. */
export function triage(description: string, matrix: PriorityMatrix = DEFAULT_MATRIX): Triage {
  const text = normalize(description);
  const impact: Level = HIGH_IMPACT.test(text) ? 'high' : MEDIUM_IMPACT.test(text) ? 'medium' : 'low';
  const urgency: Level = HIGH_URGENCY.test(text) ? 'high' : LOW_URGENCY.test(text) ? 'low' : 'medium';
  return { impact, urgency, priority: matrix[impact][urgency] };
}

/** Matches this close to the best one are as likely: the reporter is asked which service they mean. */
const TIE = 0.05;

export type ServiceReading = { service: string } | { ambiguous: string[] } | { none: true };

/**
 * The service a report is about, from names, aliases and typos in the reporter's words. When it names two or more
 * services equally well ("outlook and the vpn are both down") nobody guesses: the reporter is asked.
 */
export function readService(text: string, services: readonly ServiceNames[], threshold: number): ServiceReading {
  const matches = matchServices(text, services).filter((match) => match.score >= threshold);
  const [best] = matches;
  if (!best) return { none: true };
  const tied = matches.filter((match) => best.score - match.score <= TIE).map((match) => match.service);
  return tied.length > 1 ? { ambiguous: tied } : { service: best.service };
}

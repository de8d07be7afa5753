/**
 * @module Triage: impact × urgency → priority, the ITIL way. Impact is how many people are hit, urgency how soon
 * it hurts; both are read from the reporter's own words and can be overridden by whoever opens the ticket.
 */
import type { Priority } from '../contracts/index.js';
import { normalize } from '../registry/index.js';

export type Level = 'high' | 'medium' | 'low';

/** The ITIL priority matrix: rows impact, columns urgency. Configurable by passing another one. */
export const DEFAULT_MATRIX: Record<Level, Record<Level, Priority>> = {
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
export function triage(description: string, matrix = DEFAULT_MATRIX): Triage {
  const text = normalize(description);
  const impact: Level = HIGH_IMPACT.test(text) ? 'high' : MEDIUM_IMPACT.test(text) ? 'medium' : 'low';
  const urgency: Level = HIGH_URGENCY.test(text) ? 'high' : LOW_URGENCY.test(text) ? 'low' : 'medium';
  return { impact, urgency, priority: matrix[impact][urgency] };
}

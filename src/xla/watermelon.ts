/**
 * @module The watermelon: green outside (the SLA is met), red inside (people are unhappy). A group is flagged when
 * - both SLA clocks it was measured on were met for at least 90 % of its tickets, and
 * - its happiness is below the contract's XLA happiness target, or below 0 where no target is set, and
 * - at least 5 people rated, so one sour rating does not paint a supplier red.
 */
import type { Metrics } from './metrics.js';

export const WATERMELON_SLA_PERCENT = 90;
export const WATERMELON_MIN_RATINGS = 5;

export function isWatermelon(metrics: Metrics, happinessTarget?: number): boolean {
  const sla = [metrics.slaResponseMet, metrics.slaResolutionMet].filter((value): value is number => value !== null);
  if (!sla.length || Math.min(...sla) < WATERMELON_SLA_PERCENT) return false;
  if (metrics.happiness === null || metrics.ratings < WATERMELON_MIN_RATINGS) return false;
  return metrics.happiness < (happinessTarget ?? 0);
}

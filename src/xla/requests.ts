/**
 * @module When to ask a reporter how it went: once their ticket is resolved, a reminder after a configurable delay
 * if they have not answered, then silence. A job (outside this module) posts the messages and marks them sent.
 */
import { detectLanguage, type Language } from '../contracts/index.js';
import type { RatingRequest, RatingStore } from './types.js';

/** Asking about a ticket resolved weeks ago gets poor answers, and floods people after an outage of the job. */
export const ASK_WITHIN_MS = 7 * 24 * 60 * 60 * 1000;

export async function ratingRequestsDue(
  store: RatingStore,
  now: Date,
  options: { reminderDelayMs: number; defaultLanguage: Language },
): Promise<RatingRequest[]> {
  const candidates = await store.unrated(new Date(now.getTime() - ASK_WITHIN_MS));
  return candidates.flatMap(({ ticket, askedAt, remindedAt }): RatingRequest[] => {
    const language = detectLanguage(ticket.description, options.defaultLanguage);
    if (!askedAt) return [{ kind: 'ask', ticket, language }];
    if (!remindedAt && Date.parse(askedAt) + options.reminderDelayMs <= now.getTime()) return [{ kind: 'remind', ticket, language }];
    return [];
  });
}

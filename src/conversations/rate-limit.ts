/**
 * @module Per-user answer limits: checked before an answer is computed, so one person (or a script in their name)
 * cannot flood the assistant; the refusal is polite, says when to try again, and speaks the asker's language.
 */
import { detectLanguage, type Language } from '../contracts/index.js';
import type { Clock } from '../shared/clock.js';
import { createRateLimiter } from '../shared/rate-limiter.js';

export type AnswerAdmission =
  | { allowed: true }
  /**
   * `alreadyTold` is true after the first refusal of a run: chat surfaces then stay silent rather than add to the
   * flood, while a request-response surface still sends the notice as its reply.
   */
  | { allowed: false; retryAfterSeconds: number; notice: string; alreadyTold: boolean };

export interface AnswerRateLimit {
  admit(userId: string, text: string): AnswerAdmission;
}

const NOTICE: Record<Language, (seconds: number) => string> = {
  en: (seconds) => `You are asking faster than I can keep up with. Please try again in ${seconds} second${seconds === 1 ? '' : 's'}; your question is not lost if you send it again then.`,
  nl: (seconds) => `Je stelt je vragen sneller dan ik kan bijhouden. Probeer het over ${seconds} seconde${seconds === 1 ? '' : 'n'} opnieuw; stuur je vraag dan gerust nog eens.`,
};

export function createAnswerRateLimit(options: { perMinute: number; defaultLanguage: Language; clock: Clock }): AnswerRateLimit {
  const limiter = createRateLimiter(options.perMinute, options.clock);
  return {
    admit(userId, text) {
      const decision = limiter.take(userId);
      if (decision.allowed) return decision;
      const { retryAfterSeconds } = decision;
      const notice = NOTICE[detectLanguage(text, options.defaultLanguage)](retryAfterSeconds);
      return { allowed: false, retryAfterSeconds, notice, alreadyTold: !decision.firstRefusal };
    },
  };
}

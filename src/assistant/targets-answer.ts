/**
 * @module Target questions: "how fast must a P1 on Citrix be fixed?" answered from the contract's response and
 * resolution targets, each counted in the support time of its priority, as the SLA clocks count them.
 */
import { scheduleFor } from '../calendar/index.js';
import { type Duration, type Language, PRIORITIES, type Priority, type Target } from '../contracts/index.js';
import type { RegisteredContract } from '../registry/index.js';
import type { ClauseRecord, Glossary, RetrievedClause } from '../retrieval/index.js';
import { quotableUnits } from './citations.js';
import { pickQuote } from './extractive.js';
import { MESSAGES } from './messages.js';
import { headingTopics } from './rerank.js';
import type { Understanding } from './understand.js';

const TARGET_TOPICS = new Set(['response-time', 'resolution-time']);
/** Words that ask for a time limit outright; "fix" or "resolve" alone ask for help, not for a target. */
const TARGET_WORDS = /\b(respons|reactie|oplos|herstel|norm)tijd(en)?\b|\b(response|resolution|fix) times?\b/i;

/**
 * Whether a question asks how fast a supplier must act, and nothing else ("the penalty when a P1 takes over 4 hours"
 * asks about penalties).
 */
export const asksForTargets = (question: string, u: Understanding) =>
  (u.concepts.includes('how-fast') || TARGET_WORDS.test(question)) && u.topics.length > 0 && u.topics.every((topic) => TARGET_TOPICS.has(topic));

/** A clause whose headings name response or resolution times. */
export const isTargetsClause = (clause: ClauseRecord, glossary: Glossary) => [...headingTopics(clause, glossary)].some((topic) => TARGET_TOPICS.has(topic));

const UNITS: Record<Language, Record<Duration['unit'], [one: string, many: string]>> = {
  en: { minutes: ['minute', 'minutes'], hours: ['hour', 'hours'], days: ['support day', 'support days'] },
  nl: { minutes: ['minuut', 'minuten'], hours: ['uur', 'uur'], days: ['ondersteuningsdag', 'ondersteuningsdagen'] },
};

/** "15 minutes", "4 uur", "3 support days": a contract's "15m", "4h", "3d" as a person says it. */
function sayDuration(duration: Duration, language: Language): string {
  const [one, many] = UNITS[language][duration.unit];
  return `${duration.amount} ${duration.amount === 1 ? one : many}`;
}

function describeTarget(contract: RegisteredContract, service: string, priority: Priority, target: Target, language: Language): string {
  const hours = contract.supportHours ? scheduleFor(contract.supportHours, priority).spec : undefined;
  return MESSAGES[language].target(
    contract.supplier,
    service,
    priority,
    target.response && sayDuration(target.response, language),
    target.resolution && sayDuration(target.resolution, language),
    hours,
  );
}

/**
 * The contract's targets for the priority a question names, or for every priority it sets; undefined when it
 * sets none (an answer then rests on the clauses alone).
 */
export function describeTargets(contract: RegisteredContract, service: string, language: Language, priority?: Priority): string | undefined {
  const asked = priority ? [priority] : PRIORITIES;
  const lines = asked.flatMap((level) => {
    const target = contract.targets[level];
    return target && (target.response || target.resolution) ? [describeTarget(contract, service, level, target, language)] : [];
  });
  return lines.length ? lines.join('\n') : undefined;
}

/**
 * What to quote for a priority's targets: its row of a targets table ("| P1 | 15 minuten | 4 uur |") in the first
 * clause that has one, else the best passage of the first clause.
 */
export function targetsQuote(hits: readonly RetrievedClause[], priority: Priority = 'P1'): { hit: RetrievedClause; quote: string } | undefined {
  const row = new RegExp(`^\\|\\s*${priority}\\s*\\|`, 'i');
  for (const hit of hits) {
    const quote = quotableUnits(hit.clause.text).find((unit) => row.test(unit));
    if (quote) return { hit, quote };
  }
  const first = hits[0];
  return first && { hit: first, quote: pickQuote(first.clause.text, new Set([priority.toLowerCase()])) };
}

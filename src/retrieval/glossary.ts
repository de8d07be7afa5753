/**
 * @module Bilingual ITSM glossary: finds the concepts a text speaks of ("storing" and "outage" are both
 * `incident`) so a Dutch question reaches an English clause and back. The terms are data, in glossary.nl-en.json.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { normalize } from '../registry/index.js';

const glossarySchema = z.array(
  z.object({
    concept: z.string().min(1),
    nl: z.array(z.string().min(1)).min(1),
    en: z.array(z.string().min(1)).min(1),
    /** The concept names what a clause is about (response times, exclusions, backups), not just a word in it. */
    topic: z.boolean().optional(),
    /** Topics a question about this concept asks after: "how fast" is about response and resolution times. */
    implies: z.array(z.string().min(1)).optional(),
  }),
).superRefine((entries, context) => {
  const topics = new Set(entries.filter((entry) => entry.topic).map((entry) => entry.concept));
  entries.forEach((entry, index) => {
    for (const implied of entry.implies ?? []) {
      if (!topics.has(implied)) context.addIssue({ code: 'custom', path: [index, 'implies'], message: `"${implied}" is not a topic concept` });
    }
  });
});

export type GlossaryEntry = z.infer<typeof glossarySchema>[number];

/** Single words at least this long also match as the start of a longer word, for Dutch compounds. */
const COMPOUND_PREFIX_MIN = 6;

export interface ConceptHits {
  /** Concepts found in the text, in order of first appearance. */
  concepts: string[];
  /** The language whose glossary terms the text uses more, when it leans one way (short messages have no stop words). */
  language?: 'nl' | 'en';
  /** Terms of those concepts, both languages, that the text does not already contain. */
  expansion: string[];
  /** The same terms grouped per concept, so a concept with many synonyms does not outweigh one with few. */
  expansionByConcept: string[][];
  /** The topics the text speaks of or asks after (implied ones included): what a clause heading would name. */
  topics: string[];
}

/** A glossary ready for matching. */
export class Glossary {
  private readonly byFirstToken = new Map<string, { tokens: string[]; concept: string; language?: 'nl' | 'en' }[]>();
  private readonly prefixTerms: { term: string; concept: string }[] = [];
  private readonly termsByConcept = new Map<string, string[]>();
  /** For each concept, the topics it stands for: itself when it is one, plus those it implies. */
  private readonly topicsByConcept = new Map<string, string[]>();

  /**
   * Changes whenever the terms do: the offline embedder's vectors depend on which concepts a text mentions, so
   * vectors persisted under another glossary must be rebuilt.
   */
  readonly fingerprint: string;

  constructor(entries: readonly GlossaryEntry[]) {
    const terms = entries.map(({ concept, nl, en }) => [concept, nl, en]);
    this.fingerprint = createHash('sha256').update(JSON.stringify(terms)).digest('hex').slice(0, 12);
    for (const entry of entries) {
      const dutch = new Set(entry.nl.map(normalize));
      const english = new Set(entry.en.map(normalize));
      const terms = [...new Set([...dutch, ...english])].filter(Boolean);
      this.termsByConcept.set(entry.concept, terms);
      const topics = [...(entry.topic ? [entry.concept] : []), ...(entry.implies ?? [])];
      if (topics.length) this.topicsByConcept.set(entry.concept, topics);
      for (const term of terms) {
        const tokens = term.split(' ');
        const first = tokens[0] as string;
        const list = this.byFirstToken.get(first) ?? [];
        // Terms both languages share ("vpn", "incident") say nothing about the language.
        const language = dutch.has(term) === english.has(term) ? undefined : dutch.has(term) ? 'nl' : 'en';
        list.push({ tokens, concept: entry.concept, language });
        this.byFirstToken.set(first, list);
        if (tokens.length === 1 && term.length >= COMPOUND_PREFIX_MIN) this.prefixTerms.push({ term, concept: entry.concept });
      }
    }
  }

  /** The concepts a text mentions, and the other words for them. */
  match(text: string): ConceptHits {
    const tokens = normalize(text).split(' ').filter(Boolean);
    const concepts: string[] = [];
    const seen = new Set<string>();
    const votes = { nl: 0, en: 0 };
    const note = (concept: string) => {
      if (!seen.has(concept)) {
        seen.add(concept);
        concepts.push(concept);
      }
    };
    tokens.forEach((token, index) => {
      for (const candidate of this.byFirstToken.get(token) ?? []) {
        if (candidate.tokens.every((part, offset) => tokens[index + offset] === part)) {
          note(candidate.concept);
          if (candidate.language) votes[candidate.language] += 1;
        }
      }
      if (token.length > COMPOUND_PREFIX_MIN) {
        for (const { term, concept } of this.prefixTerms) if (token !== term && token.startsWith(term)) note(concept);
      }
    });
    const present = new Set(tokens);
    const expansionByConcept = concepts.map((concept) =>
      (this.termsByConcept.get(concept) ?? []).filter((term) => !term.split(' ').every((part) => present.has(part))),
    );
    const expansion = expansionByConcept.flat();
    const language = votes.nl === votes.en ? undefined : votes.nl > votes.en ? 'nl' : 'en';
    const topics = [...new Set(concepts.flatMap((concept) => this.topicsByConcept.get(concept) ?? []))];
    return { concepts, expansion, expansionByConcept, language, topics };
  }
}

/** A glossary from its JSON form, validated: every entry has terms in both languages, and implies only topics. */
export function parseGlossary(raw: unknown, source = 'glossary'): Glossary {
  const parsed = glossarySchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `entry ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`${source} is invalid: ${problems.join('; ')}`);
  }
  return new Glossary(parsed.data);
}

let shipped: Glossary | undefined;

/** The glossary shipped with SPOSA (loaded once). */
export function shippedGlossary(): Glossary {
  const file = new URL('./glossary.nl-en.json', import.meta.url);
  shipped ??= parseGlossary(JSON.parse(readFileSync(file, 'utf8')) as unknown, file.pathname);
  return shipped;
}

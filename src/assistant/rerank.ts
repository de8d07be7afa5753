/**
 * @module Re-ranking retrieved clauses with what the question says: the supplier it names, whether a clause is in
 * force, and what kind of clause it is. Retrieval finds what is similar; this puts what answers first.
 */
import { isInForce, matchServices, type RegistrySnapshot, type ServiceNames } from '../registry/index.js';
import type { ClauseRecord, Glossary, RetrievedClause } from '../retrieval/index.js';

const WEIGHT = {
  /** Contracts not in force today still count, well behind current ones. */
  outOfTerm: 0.5,
  /** Titles and preambles restate the whole contract: similar to many questions, an answer to few. */
  preamble: 0.6,
  /** Definitions share a question's words without answering it. */
  definitions: 0.6,
  /** An employee's question is about the organisation's own agreement before a subcontractor's. */
  underpinning: 0.6,
  /** A question that names a supplier is about that supplier's contract. */
  namedSupplier: 1.6,
  /** A clause whose heading names what the question asks after ("how fast" → response and resolution times). */
  topic: 2,
};

const DEFINITIONS = /\b(definiti\w*|begrippen|begripsbepalingen|interpretation)\b/i;
/** Words in supplier names that say nothing about which supplier is meant. */
const GENERIC = new Set(['bv', 'b', 'v', 'ltd', 'nv', 'services', 'service', 'nederland', 'europe', 'software', 'telecom', 'carrier', 'cloud', 'solutions', 'hr', 'team', 'i', 'a', 'ia', 'the', 'and', 'en']);

/** Built once per registry snapshot: snapshots are replaced, never changed, when contracts change. */
const catalogs = new WeakMap<RegistrySnapshot, ServiceNames[]>();

/** Supplier names as a matchable catalog: the full name plus its distinctive first word ("Nimbus", "Wolkwerk"). */
export function supplierCatalog(registry: RegistrySnapshot): ServiceNames[] {
  const known = catalogs.get(registry);
  if (known) return known;
  const catalog = buildSupplierCatalog(registry);
  catalogs.set(registry, catalog);
  return catalog;
}

function buildSupplierCatalog(registry: RegistrySnapshot): ServiceNames[] {
  const names = [...new Set(registry.contracts.map((contract) => contract.supplier))];
  return names.map((name) => {
    const words = name.toLowerCase().replace(/[^\p{L}\p{N} ]+/gu, ' ').split(/\s+/).filter((word) => word.length >= 4 && !GENERIC.has(word));
    const first = words[0];
    return { name, aliases: first && !/^(datacenter|team)$/.test(first) ? [first] : words.slice(0, 2) };
  });
}

/** The suppliers a question names. */
export function mentionedSuppliers(question: string, registry: RegistrySnapshot): string[] {
  return matchServices(question, supplierCatalog(registry))
    .filter((match) => match.score >= 0.9)
    .map((match) => match.service);
}

/** Clause records live as long as their index snapshot, so their heading topics are worked out once each. */
const headingTopicsCache = new WeakMap<ClauseRecord, ReadonlySet<string>>();

/** The topics a clause's headings name: "6. Respons- en oplostijden" is about response and resolution times. */
export function headingTopics(clause: ClauseRecord, glossary: Glossary): ReadonlySet<string> {
  let topics = headingTopicsCache.get(clause);
  if (!topics) {
    topics = new Set(glossary.match([...clause.headingPath, clause.heading ?? ''].join(' ')).topics);
    headingTopicsCache.set(clause, topics);
  }
  return topics;
}

export interface RerankContext {
  today: string;
  suppliers: readonly string[];
  /** The topics the question asks after, from the glossary. */
  topics: readonly string[];
  glossary: Glossary;
}

/** Rescores hits in place and returns them best first. */
export function rerank(hits: RetrievedClause[], context: RerankContext): RetrievedClause[] {
  const named = new Set(context.suppliers);
  for (const hit of hits) {
    const clause = hit.clause;
    if (context.topics.length) {
      const topics = headingTopics(clause, context.glossary);
      if (context.topics.some((topic) => topics.has(topic))) hit.score *= WEIGHT.topic;
    }
    if (!isInForce(clause, context.today)) hit.score *= WEIGHT.outOfTerm;
    if (!clause.number && clause.headingPath.length === 0) hit.score *= WEIGHT.preamble;
    if ([clause.heading ?? '', ...clause.headingPath].some((heading) => DEFINITIONS.test(heading))) hit.score *= WEIGHT.definitions;
    if (named.has(clause.supplier)) hit.score *= WEIGHT.namedSupplier;
    else if (clause.contractType === 'UC' && named.size === 0) hit.score *= WEIGHT.underpinning;
  }
  return hits.sort((a, b) => b.score - a.score);
}

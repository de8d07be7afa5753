/**
 * @module The assistant: answers a question from the contracts, citing every clause it rests on.
 * Transport-neutral: Slack, the console and the CLI all call `answer()` and render the result themselves.
 */
import type { Language } from '../contracts/index.js';
import {
  type Accountability, describeContact, describeContract, describeSupportHours, findAccountable,
  isInForce, type RegisteredContract, type RegistrySnapshot,
} from '../registry/index.js';
import { mentionedSuppliers, rerank } from './rerank.js';
import type { Glossary, RetrievedClause, Retriever } from '../retrieval/index.js';
import { type Clock, localDate } from '../shared/clock.js';
import { citationFor } from './citations.js';
import { describeSource, extractiveAnswer, pickQuote } from './extractive.js';
import type { AnswerGenerator } from './llm/generator.js';
import { MESSAGES } from './messages.js';
import { disclose, type Policy } from './policy.js';
import { describeSupportAt } from './support-answer.js';
import { asksForTargets, describeTargets, isTargetsClause, targetsQuote } from './targets-answer.js';
import { type Understanding, understand } from './understand.js';
import type { Answer, AnswerRequest, Citation } from './types.js';

export interface AssistantDeps {
  retriever: Retriever;
  registry: () => Promise<RegistrySnapshot>;
  glossary: Glossary;
  policy: Policy;
  clock: Clock;
  timezone: string;
  defaultLanguage: Language;
  /** A language model that writes answers from the retrieved clauses; omitted in offline mode. */
  generator?: AnswerGenerator;
}

export interface Assistant {
  answer(request: AnswerRequest): Promise<Answer>;
}

/** Re-ranking reads this deep: the clause whose headings name what is asked may sit below the first ten. */
const RETRIEVE_K = 20;
/** With a withheld best match, a visible clause must score this share of it to be offered as the answer. */
const WITHHELD_RELEVANCE = 0.9;
const ANSWER_K = 5;
/** Concepts that make a time-word question about support hours rather than about something else. */
const SUPPORT_CONCEPTS = /support|hours|service-desk|availability|evening|night|weekend|holiday|24-7|on-call|open/;

/** A service named this surely (outright or by alias) scopes a coverage question to its contracts. */
const SCOPE_MATCH = 0.9;

/** The contracts a coverage question is about: those of the services and suppliers it names outright. */
function coverageScope(u: Understanding, suppliers: readonly string[], snapshot: RegistrySnapshot): string[] {
  const services = new Set(u.services.filter((match) => match.score >= SCOPE_MATCH).map((match) => match.service));
  const named = new Set(suppliers);
  return snapshot.contracts
    .filter((contract) => named.has(contract.supplier) || contract.services.some((service) => services.has(service)))
    .map((contract) => contract.id);
}

const CONTRACT_PREFERENCE: Record<RegisteredContract['type'], number> = { SLA: 0, OLA: 1, UC: 2 };

/**
 * The contract whose terms a question is about: the named supplier's own contract in force (for the named service,
 * when it covers it: "how fast must PrintPartners send an engineer for a printer?" is about the UC, not the SLA
 * above it), else the one of the party accountable for the named service.
 */
function contractFor(snapshot: RegistrySnapshot, service: string | undefined, suppliers: readonly string[], today: string): { service?: string; contract?: RegisteredContract } {
  const named = new Set(suppliers);
  const own = snapshot.contracts
    .filter((candidate) => named.has(candidate.supplier) && isInForce(candidate, today) && candidate.services.length > 0)
    .filter((candidate) => !service || candidate.services.includes(service))
    .sort((a, b) => CONTRACT_PREFERENCE[a.type] - CONTRACT_PREFERENCE[b.type])[0];
  if (own) return { service: service ?? own.services[0], contract: own };
  return { service, contract: service ? findAccountable(snapshot, service, today).parties[0]?.contract : undefined };
}

export function createAssistant(deps: AssistantDeps): Assistant {
  async function retrieve(question: string, u: Understanding, mayReadRestricted: boolean, suppliers: readonly string[], contractIds?: string[]) {
    const hits = await deps.retriever.search({
      text: question,
      language: u.language,
      k: RETRIEVE_K,
      // Restricted clauses are retrieved for everyone so others can be told they exist; policy strips their text.
      filters: { includeRestricted: true, ...(contractIds ? { contractIds } : {}) },
      preferServices: u.services.map((match) => match.service),
    });
    const topics = deps.glossary.match(question).topics;
    const ranked = rerank(hits, { today: localDate(deps.clock(), deps.timezone), suppliers, topics, glossary: deps.glossary });
    return disclose(ranked.slice(0, ANSWER_K), mayReadRestricted);
  }

  /** The service a message is about: named outright, or else the one the best-matching clauses cover. */
  function inferService(u: Understanding, hits: readonly RetrievedClause[], snapshot: RegistrySnapshot): string | undefined {
    if (u.services[0]) return u.services[0].service;
    const votes = new Map<string, number>();
    hits.forEach((hit, rank) => {
      if (hit.clause.contractType === 'UC') return;
      for (const service of hit.clause.services) votes.set(service, (votes.get(service) ?? 0) + 1 / (rank + 1));
    });
    const best = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
    return best && snapshot.services.some((service) => service.name === best) ? best : undefined;
  }

  function accountabilityLines(result: Accountability, language: Language): string[] {
    const messages = MESSAGES[language];
    const [lead, ...others] = result.parties;
    if (!lead) return [messages.noContract(result.service)];
    const lines = [
      messages.accountable(lead.supplier, result.service, `${describeContract(lead.contract)}${lead.contract.title ? ` (${lead.contract.title})` : ''}`),
      messages.supportHours(describeSupportHours(lead.contract.supportHours)),
      messages.contact(describeContact(lead.contract)),
    ];
    if (others.length) lines.push(messages.behind(others.map((party) => `${party.supplier} (${describeContract(party.contract)})`).join(', ')));
    return lines;
  }

  return {
    async answer(request) {
      const snapshot = await deps.registry();
      const now = deps.clock();
      const u = understand(request.question, {
        services: snapshot.services,
        glossary: deps.glossary,
        defaultLanguage: deps.defaultLanguage,
        now,
        timezone: deps.timezone,
      });
      // A follow-up ("and on Saturdays?") is about the service the thread was already about.
      if (u.services.length === 0) {
        const earlier = [...(request.history ?? [])].reverse().find((turn) => turn.role === 'user');
        if (earlier) u.services = understand(earlier.text, { services: snapshot.services, glossary: deps.glossary, defaultLanguage: u.language, now, timezone: deps.timezone }).services;
      }
      const messages = MESSAGES[u.language];
      const base = { intent: u.intent, language: u.language, citations: [], withheld: [], suggestTicket: false, mode: 'extractive' as const };
      const mayReadRestricted = deps.policy.mayReadRestricted(request.asker, request.audience);

      if (u.intent === 'greeting') return { ...base, text: messages.greeting };
      if (u.intent === 'rating') return { ...base, text: messages.rating };
      if (u.intent === 'out_of_scope') return { ...base, text: messages.outOfScope };

      const suppliers = mentionedSuppliers(request.question, snapshot);
      const general = await retrieve(request.question, u, mayReadRestricted, suppliers);
      const terms = deps.glossary.match(request.question).expansion;

      if (u.intent === 'responsibility' || u.intent === 'incident') {
        const service = inferService(u, general.visible, snapshot);
        if (!service) {
          const text = u.intent === 'incident' ? messages.incidentUnknownService : messages.noClause;
          return { ...base, text, suggestTicket: true };
        }
        const result = findAccountable(snapshot, service, localDate(now, deps.timezone));
        const lead = result.parties[0];
        const lines = u.intent === 'incident' && lead
          ? [messages.incident(service, lead.supplier, describeContract(lead.contract)), messages.contact(describeContact(lead.contract))]
          : accountabilityLines(result, u.language);
        // The claim rests on the accountable contract: cite its clause that best matches the question.
        const own = lead ? await retrieve(`${service} ${request.question}`, u, mayReadRestricted, suppliers, [lead.contract.id]) : undefined;
        const cited = own?.visible[0];
        const citations = cited ? [citationFor(cited.clause, pickQuote(cited.clause.text, new Set()))] : [];
        if (cited) lines.push(`${messages.according(describeSource(cited))}`, `> ${citations[0]?.quote}`);
        if (u.intent === 'incident') lines.push(messages.offerTicket);
        return {
          ...base,
          text: lines.join('\n'),
          service,
          supplier: lead?.supplier,
          contractId: lead?.contract.id,
          citations,
          suggestTicket: u.intent === 'incident' || !lead,
        };
      }

      // Coverage.
      const service = u.services[0]?.service;
      const today = localDate(now, deps.timezone);
      const supportQuestion = u.time && (u.concepts.some((concept) => SUPPORT_CONCEPTS.test(concept)) || !!service || suppliers.length > 0);
      if (supportQuestion && u.time) {
        // Without a service or supplier, "is support open tonight?" is about the service desk.
        const deskService = snapshot.services.find((candidate) => /service ?desk/i.test(candidate.name))?.name;
        const { service: target, contract } = contractFor(snapshot, service ?? (suppliers.length ? undefined : deskService), suppliers, today);
        const status = contract && target ? describeSupportAt(contract, target, u.time, deps.timezone, u.language, u.priority) : undefined;
        if (contract && status) {
          const own = await retrieve(`${request.question} support hours ondersteuningstijden`, u, mayReadRestricted, suppliers, [contract.id]);
          const cited = own.visible[0];
          const citations = cited ? [citationFor(cited.clause, pickQuote(cited.clause.text, new Set(['suppo', 'onder', 'uur', 'hours', '24/7'])))] : [];
          const lines = [status, ...(cited ? [messages.according(describeSource(cited)), `> ${citations[0]?.quote}`] : [])];
          return { ...base, text: lines.join('\n'), service: target, supplier: contract.supplier, contractId: contract.id, citations, withheld: own.withheld };
        }
      }

      /**
       * "How fast must a P1 on Citrix be fixed?": when the clause that answers is a targets clause, the targets of the
       * contract the question is about lead the answer, citing that contract's own targets clause. Retrieval decides
       * what the question is about, so "how fast is a dismissed colleague's account blocked?" is answered by its own
       * clause, not by P1–P4 targets.
       */
      const targetsLead = async (best: RetrievedClause | undefined) => {
        if (!best || !asksForTargets(request.question, u) || !isTargetsClause(best.clause, deps.glossary)) return undefined;
        const { service: target, contract } = contractFor(snapshot, service, suppliers, today);
        const statement = contract && target ? describeTargets(contract, target, u.language, u.priority) : undefined;
        if (!contract || !statement) return undefined;
        const own = await retrieve(`${request.question} respons oplostijden response resolution targets`, u, mayReadRestricted, suppliers, [contract.id]);
        const quoted = targetsQuote(own.visible.filter((hit) => isTargetsClause(hit.clause, deps.glossary)), u.priority);
        if (!quoted) return undefined;
        const cited = quoted.hit;
        const citation = citationFor(cited.clause, quoted.quote);
        return { text: `${statement}\n${messages.according(describeSource(cited))}\n> ${citation.quote}`, citation, clause: cited.clause };
      };

      // A question that names a service or a supplier is about their contracts: look there first.
      const scope = coverageScope(u, suppliers, snapshot);
      const scoped = scope.length ? await retrieve(request.question, u, mayReadRestricted, suppliers, scope) : undefined;
      const found = scoped && scoped.visible.length + scoped.withheld.length > 0 ? scoped : general;
      // When the best match is withheld, weaker visible clauses would answer a different question: leave them out.
      const answerable = found.withheld.length ? found.visible.filter((hit) => hit.score >= found.topScore * WITHHELD_RELEVANCE) : found.visible;
      const targets = await targetsLead(answerable[0]);
      const attempt = deps.generator && answerable.length
        ? await deps.generator.generate({ question: request.question, language: u.language, clauses: answerable, history: request.history ?? [] })
        : undefined;
      const generated = attempt?.ok ? attempt : undefined;
      // The targets lead quotes its own clause; the extractive answer quotes the others.
      const others = targets ? answerable.filter((hit) => hit.clause.id !== targets.clause.id) : answerable;
      const extractive = extractiveAnswer(request.question, terms, others, u.language);
      const withheldNote = found.withheld.length
        ? messages.withheld(found.withheld.map((w) => `${w.contractId}${w.clause ? ` §${w.clause}` : ''} ${w.heading}`.trim()).join('; '))
        : undefined;
      const chosen = generated ?? extractive;
      if (!chosen && !targets) {
        const text = [withheldNote ?? messages.noClause, messages.offerTicket].join('\n');
        return { ...base, text, service, withheld: found.withheld, suggestTicket: true };
      }
      const sameClause = (a: Citation, b: Citation) => a.contractId === b.contractId && a.clause === b.clause && a.heading === b.heading;
      const citations = [...(targets ? [targets.citation] : []), ...(chosen?.citations ?? []).filter((c) => !targets || !sameClause(c, targets.citation))];
      const top = citations[0];
      // For a named service, the supplier is the one accountable for it, whatever clause answered the question.
      const accountable = service ? findAccountable(snapshot, service, today).parties[0] : undefined;
      const text = [targets?.text, chosen?.text, withheldNote].filter(Boolean).join('\n\n');
      return {
        ...base,
        mode: generated ? 'generated' : 'extractive',
        text,
        service: service ?? undefined,
        supplier: accountable?.supplier ?? top?.supplier,
        contractId: accountable?.contract.id ?? top?.contractId,
        citations,
        withheld: found.withheld,
        ...(attempt && !attempt.ok ? { fallbackReason: attempt.reason } : {}),
      };
    },
  };
}

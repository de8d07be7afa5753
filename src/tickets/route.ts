/**
 * @module Routing: the supplier whose contract in force covers the service is accountable; the service desk's
 * agreement catches what no contract covers. Underpinning contracts are recorded beside the accountable one, and the
 * explanation cites the clause of the contract that establishes the service ("… under SLA-CITRIX-2026 §1.1").
 */
import { describeContract, findAccountable, normalize, type RegisteredContract, type RegistrySnapshot, type ServiceNames } from '../registry/index.js';
import type { ContractClause, ContractClauses } from './types.js';

export interface Route {
  supplier: string;
  contract: RegisteredContract;
  underpinning: { supplier: string; contractId: string }[];
  /** The clause the route rests on, when the contract's clauses were at hand and one names the service. */
  clause?: ContractClause;
  explanation: string;
}

/** Who gets the ticket, before it is explained. */
interface Decision {
  supplier: string;
  contract: RegisteredContract;
  underpinning: { supplier: string; contractId: string }[];
  /** The service the contract is cited for: the ticket's own, or the service desk's when nothing covers it. */
  citedService: string;
  /** Set when no contract in force covers the ticket's service and the service desk takes it. */
  fallback: boolean;
}

const SERVICE_DESK = /service ?desk/i;

function decide(registry: RegistrySnapshot, service: string, date: string): Decision | undefined {
  const parties = findAccountable(registry, service, date).parties;
  const lead = parties.find((party) => party.role !== 'underpinning');
  const underpinning = parties.filter((party) => party.role === 'underpinning').map((p) => ({ supplier: p.supplier, contractId: p.contract.id }));
  if (lead) return { supplier: lead.supplier, contract: lead.contract, underpinning, citedService: service, fallback: false };
  const desk = registry.services.find((candidate) => SERVICE_DESK.test(candidate.name));
  const deskLead = desk && findAccountable(registry, desk.name, date).parties.find((party) => party.role !== 'underpinning');
  if (!desk || !deskLead) return undefined;
  return { supplier: deskLead.supplier, contract: deskLead.contract, underpinning, citedService: desk.name, fallback: true };
}

/** Sections that say what a contract delivers: its scope and its service description. */
const SCOPE_SECTION = /\b(scope|reikwijdte|services?|service description|diensten|dienstbeschrijving|dienstverlening|onderwerp|omvang|doel|purpose|applicatieportfolio)\b/;
/** The number a heading starts with: "3.2", "4.", "Annex A". */
const NUMBERING = /^\s*(\d+(\.\d+)*\.?|annex \w+|bijlage \w+)\s*/i;
/** Sections that only define words; a definition mentioning a service does not establish it. */
const DEFINITIONS = /\b(definitions?|definities|begrippen)\b/;

/** The names a clause may call a service by, its own name first; a bare number or two-letter code is no name. */
function namesOf(service: string, services: readonly ServiceNames[]): { own: string; aliases: string[] } {
  const own = normalize(service);
  const aliases = (services.find((candidate) => candidate.name === service)?.aliases ?? [])
    .map(normalize)
    .filter((alias) => alias !== own && alias.length >= 3 && !/^\d+$/.test(alias));
  return { own, aliases: [...new Set(aliases)] };
}

/**
 * The clause of a contract that establishes a service, chosen the same way every time. Scope and service-description
 * clauses come first, then any other numbered clause outside the definitions; within those, one about the service
 * (its heading or its text starts with the service's name), then one that names it, then one that uses an alias, and
 * then document order. A contract whose clauses never name the service gets its first scope clause.
 */
export function citeClause(clauses: readonly ContractClause[], names: { own: string; aliases: readonly string[] }): ContractClause | undefined {
  const ranked = clauses.flatMap((clause, order) => {
    const section = normalize(clause.headingPath[0] ?? '');
    // A preamble has no number to cite, and a definition does not establish a service.
    if (!clause.number || DEFINITIONS.test(section)) return [];
    const scope = SCOPE_SECTION.test(section);
    const title = clause.heading ?? (clause.headingPath.length > 1 ? clause.headingPath.at(-1) : undefined) ?? '';
    const heading = ` ${normalize(title.replace(NUMBERING, ''))} `;
    const text = ` ${normalize(clause.text)} `;
    const leads = (name: string) => heading.startsWith(` ${name} `) || text.startsWith(` ${name} `);
    const mentions = (name: string) => heading.includes(` ${name} `) || text.includes(` ${name} `);
    const naming = leads(names.own) ? 0 : mentions(names.own) ? 1 : names.aliases.some(mentions) ? 2 : undefined;
    const rank = naming !== undefined ? (scope ? 0 : 3) + naming : scope ? 6 : undefined;
    return rank === undefined ? [] : [{ clause, rank, order }];
  });
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return ranked[0]?.clause;
}

/** "§3.2 (Diensten)", "§1.1 (Doel › Onderwerp)": the clause number and its headings without their numbers. */
export function describeClause(clause: ContractClause): string {
  const headings = [...clause.headingPath, clause.heading ?? '']
    .map((entry) => entry.replace(NUMBERING, '').trim())
    .filter((entry, index, all) => entry && all.indexOf(entry) === index);
  const number = clause.number ? `§${clause.number}` : '';
  return [number, headings.length ? `(${headings.join(' › ')})` : ''].filter(Boolean).join(' ');
}

function explain(decision: Decision, service: string, date: string, clause: ContractClause | undefined): string {
  const under = `${describeContract(decision.contract)}${clause ? ` ${describeClause(clause)}` : ''}`;
  if (decision.fallback) return `No contract in force covers ${service} on ${date}; routed to the service desk, ${decision.supplier}, under ${under}.`;
  const behind = decision.underpinning.length ? `; behind it: ${decision.underpinning.map((u) => `${u.supplier} (${u.contractId})`).join(', ')}` : '';
  return `Routed to ${decision.supplier} under ${under}, which covers ${service}${behind}.`;
}

function toRoute(registry: RegistrySnapshot, decision: Decision, service: string, date: string, clauses?: readonly ContractClause[]): Route {
  const clause = clauses && citeClause(clauses, namesOf(decision.citedService, registry.services));
  const { citedService: _cited, fallback: _fallback, ...route } = decision;
  return { ...route, ...(clause ? { clause } : {}), explanation: explain(decision, service, date, clause) };
}

/**
 * Decides where a ticket for `service` goes on `date` (YYYY-MM-DD); undefined when not even the service desk is
 * covered. With `clauses`, the explanation cites the chosen contract's clause that covers the service; without, it
 * names the contract only.
 */
export async function routeTicket(registry: RegistrySnapshot, service: string, date: string, clauses?: ContractClauses): Promise<Route | undefined> {
  const decision = decide(registry, service, date);
  if (!decision) return undefined;
  return toRoute(registry, decision, service, date, clauses && (await clauses.clausesOf(decision.contract.id)));
}

/** @module Accountability: answers "who is responsible for X" from the contracts valid on a given date. */
import { NotFoundError } from '../errors.js';
import { matchServices } from './match-service.js';
import type { Accountability, AccountabilityRole, RegisteredContract, RegistrySnapshot } from './types.js';

const ROLE_BY_TYPE: Record<RegisteredContract['type'], AccountabilityRole> = {
  SLA: 'accountable',
  OLA: 'internal',
  UC: 'underpinning',
};
const ROLE_ORDER: AccountabilityRole[] = ['accountable', 'internal', 'underpinning'];

/** Is the contract in force on `date` (YYYY-MM-DD)? Open ends count as in force. */
export function isInForce(contract: Pick<RegisteredContract, 'validFrom' | 'validTo'>, date: string): boolean {
  return (!contract.validFrom || contract.validFrom <= date) && (!contract.validTo || date <= contract.validTo);
}

/** Weaker matches within this distance of the best are offered as alternatives ("did you mean"). */
const ALTERNATIVE_MARGIN = 0.1;

/**
 * Finds the parties accountable for the service a term names.
 * @param date the day to judge validity on, YYYY-MM-DD in the organisation's time zone.
 * @throws NotFoundError when no registered service matches the term, with the closest names as a hint.
 */
export function findAccountable(snapshot: RegistrySnapshot, term: string, date: string): Accountability {
  const matches = matchServices(term, snapshot.services);
  const best = matches[0];
  if (!best) {
    const known = snapshot.services.map((service) => service.name).sort().join(', ');
    throw new NotFoundError(`No service matches "${term}". Known services: ${known || 'none (ingest contracts first)'}.`);
  }
  const covering = snapshot.contracts.filter((contract) => contract.services.includes(best.service));
  const inForce = covering.filter((contract) => isInForce(contract, date));
  const parties = inForce.map((contract) => ({ role: ROLE_BY_TYPE[contract.type], supplier: contract.supplier, contract }));
  // A service only a subcontractor's UC names is still owed to the organisation by the supplier whose SLA it
  // underpins: that supplier is accountable, the subcontractor delivers.
  if (!parties.some((party) => party.role !== 'underpinning')) {
    const underpinned = new Set(inForce.flatMap((contract) => contract.underpins));
    for (const contract of snapshot.contracts) {
      if (underpinned.has(contract.id) && contract.type !== 'UC' && isInForce(contract, date)) {
        parties.push({ role: ROLE_BY_TYPE[contract.type], supplier: contract.supplier, contract });
      }
    }
  }
  parties.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.contract.id.localeCompare(b.contract.id));
  return {
    query: term,
    service: best.service,
    match: best,
    parties,
    outOfTerm: covering.filter((contract) => !isInForce(contract, date)),
    alternatives: best.score === 1 ? [] : matches.slice(1).filter((m) => best.score - m.score <= ALTERNATIVE_MARGIN),
  };
}

/**
 * @module Routing: the supplier whose contract in force covers the service is accountable; the service desk's
 * agreement catches what no contract covers. Underpinning contracts are recorded beside the accountable one.
 */
import { describeContract, findAccountable, type RegisteredContract, type RegistrySnapshot } from '../registry/index.js';

export interface Route {
  supplier: string;
  contract: RegisteredContract;
  underpinning: { supplier: string; contractId: string }[];
  explanation: string;
}

const SERVICE_DESK = /service ?desk/i;

/** Decides where a ticket for `service` goes on `date` (YYYY-MM-DD); undefined when not even the service desk is covered. */
export function routeTicket(registry: RegistrySnapshot, service: string, date: string): Route | undefined {
  const parties = findAccountable(registry, service, date).parties;
  const lead = parties.find((party) => party.role !== 'underpinning');
  const underpinning = parties.filter((party) => party.role === 'underpinning').map((p) => ({ supplier: p.supplier, contractId: p.contract.id }));
  if (lead) {
    const behind = underpinning.length ? `; behind it: ${underpinning.map((u) => `${u.supplier} (${u.contractId})`).join(', ')}` : '';
    return {
      supplier: lead.supplier,
      contract: lead.contract,
      underpinning,
      explanation: `Routed to ${lead.supplier} under ${describeContract(lead.contract)}, which covers ${service}${behind}.`,
    };
  }
  const desk = registry.services.find((candidate) => SERVICE_DESK.test(candidate.name));
  const deskLead = desk && findAccountable(registry, desk.name, date).parties.find((party) => party.role !== 'underpinning');
  if (!deskLead) return undefined;
  return {
    supplier: deskLead.supplier,
    contract: deskLead.contract,
    underpinning,
    explanation: `No contract in force covers ${service} on ${date}; routed to the service desk, ${deskLead.supplier}, under ${describeContract(deskLead.contract)}.`,
  };
}

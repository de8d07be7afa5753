/** @module Plain-text rendering of registry and ingestion results for the terminal. */
import type { IngestSummary } from '../contracts/index.js';
import {
  type Accountability, type AccountabilityRole, describeContact, describeSupportHours, type RegisteredContract,
} from '../registry/index.js';

const ROLE_LABEL: Record<AccountabilityRole, string> = {
  accountable: 'Accountable (SLA with the organisation)',
  internal: 'Internal (OLA)',
  underpinning: 'Underpinning (UC)',
};

function describeValidity(contract: RegisteredContract): string {
  return `${contract.validFrom ?? 'open'} – ${contract.validTo ?? 'open'}`;
}

/** The answer to `sposa who`, as text. */
export function renderAccountability(result: Accountability): string {
  const lines: string[] = [];
  const how = result.match.matchedBy === 'name' ? '' : ` (matched ${result.match.matchedBy} "${result.match.via}")`;
  lines.push(`${result.service}${how}`);
  if (result.parties.length === 0) lines.push('  No contract in force covers this service today.');
  for (const party of result.parties) {
    const contract = party.contract;
    lines.push('');
    lines.push(`  ${ROLE_LABEL[party.role]}: ${party.supplier}`);
    lines.push(`    Contract:  ${contract.type} ${contract.id}${contract.title ? ` — ${contract.title}` : ''}`);
    if (contract.underpins.length) lines.push(`    Behind:    ${contract.underpins.join(', ')}`);
    lines.push(`    Valid:     ${describeValidity(contract)}`);
    lines.push(`    Support:   ${describeSupportHours(contract.supportHours)}`);
    lines.push(`    Contact:   ${describeContact(contract)}`);
    if (contract.contact.escalation) lines.push(`    Escalate:  ${contract.contact.escalation}`);
  }
  for (const contract of result.outOfTerm) {
    lines.push('', `  Not in force: ${contract.type} ${contract.id} with ${contract.supplier} (${describeValidity(contract)})`);
  }
  if (result.alternatives.length) {
    lines.push('', `  Did you mean: ${result.alternatives.map((m) => m.service).join(', ')}?`);
  }
  return `${lines.join('\n')}\n`;
}

/** The JSON shape of `sposa who --json`: stable field names for scripts. */
export function accountabilityJson(result: Accountability) {
  const contractJson = (contract: RegisteredContract) => ({
    contractId: contract.id,
    contractType: contract.type,
    title: contract.title ?? null,
    supplier: contract.supplier,
    validFrom: contract.validFrom ?? null,
    validTo: contract.validTo ?? null,
  });
  return {
    query: result.query,
    service: result.service,
    matchedBy: result.match.matchedBy,
    supplier: result.parties[0]?.supplier ?? null,
    contractId: result.parties[0]?.contract.id ?? null,
    parties: result.parties.map((party) => ({
      role: party.role,
      ...contractJson(party.contract),
      underpins: party.contract.underpins,
      supportHours: party.contract.supportHours ?? null,
      targets: party.contract.targets,
      contact: party.contract.contact,
    })),
    outOfTerm: result.outOfTerm.map(contractJson),
    alternatives: result.alternatives.map((match) => match.service),
  };
}

/** The closing line of `sposa ingest`. */
export function renderIngestSummary(summary: IngestSummary, dir: string): string {
  const total = summary.added.length + summary.updated.length + summary.unchanged.length;
  const parts = [
    `${summary.added.length} added`,
    `${summary.updated.length} updated`,
    `${summary.unchanged.length} unchanged`,
    `${summary.retired.length} retired`,
  ];
  const skipped = summary.problems.length ? `; skipped invalid files (${summary.problems.length} problems above)` : '';
  return `Ingested ${total} contracts from ${dir}: ${parts.join(', ')} (${summary.clausesWritten} clauses written)${skipped}\n`;
}

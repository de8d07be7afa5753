import { describe, expect, it } from 'vitest';
import { parseContract, readContractSources } from '../../../src/contracts/index.js';
import { findAccountable, type RegisteredContract } from '../../../src/registry/index.js';

describe('the demo corpus in contracts/', async () => {
  const scan = await readContractSources('contracts');
  const parsed = scan.sources.map((source) => parseContract(source));
  const contracts = parsed.flatMap((outcome) => (outcome.ok ? [outcome.contract] : []));
  const metas = contracts.map((contract) => contract.meta);

  it('is entirely valid', () => {
    expect(scan.problems).toEqual([]);
    expect(parsed.flatMap((outcome) => (outcome.ok ? [] : outcome.problems))).toEqual([]);
  });

  it('is a believable multisourced organisation: 8+ suppliers, 12+ contracts of every type, both languages', () => {
    expect(new Set(metas.map((meta) => meta.supplier)).size).toBeGreaterThanOrEqual(8);
    expect(metas.length).toBeGreaterThanOrEqual(12);
    expect(new Set(metas.map((meta) => meta.type))).toEqual(new Set(['SLA', 'OLA', 'UC']));
    expect(new Set(metas.map((meta) => meta.language))).toEqual(new Set(['nl', 'en']));
  });

  it('includes PDF and DOCX contracts, office-hours and 24/7 support, XLA targets and restricted clauses', () => {
    const files = contracts.map((contract) => contract.sourcePath);
    expect(files.some((file) => file.endsWith('.pdf'))).toBe(true);
    expect(files.some((file) => file.endsWith('.docx'))).toBe(true);
    expect(metas.some((meta) => meta.supportHours?.default.always)).toBe(true);
    expect(metas.some((meta) => meta.supportHours && !meta.supportHours.default.always)).toBe(true);
    expect(metas.some((meta) => meta.xla?.happiness !== undefined)).toBe(true);
    expect(contracts.every((contract) => contract.meta.restricted.length === 0 || contract.clauses.some((c) => c.restricted))).toBe(true);
  });

  it('has one accountable SLA or OLA in force for every core service', () => {
    const registered: RegisteredContract[] = metas.map((meta) => ({ ...meta }));
    const services = [...new Set(metas.flatMap((meta) => meta.services))].map((name) => ({
      name,
      aliases: metas.flatMap((meta) => meta.serviceAliases[name] ?? []),
    }));
    for (const term of ['Citrix', 'Microsoft 365', 'e-mail', 'VPN', 'netwerk', 'laptop', 'hosting', 'security', 'servicedesk']) {
      const result = findAccountable({ services, contracts: registered }, term, '2026-06-10');
      const accountable = result.parties.filter((party) => party.role !== 'underpinning');
      expect(accountable, `accountable for ${term}`).toHaveLength(1);
    }
  });
});

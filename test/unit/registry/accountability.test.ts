import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/errors.js';
import { findAccountable, isInForce, type RegisteredContract, type RegistrySnapshot } from '../../../src/registry/index.js';

const contract = (overrides: Partial<RegisteredContract> & Pick<RegisteredContract, 'id' | 'type' | 'supplier'>): RegisteredContract => ({
  language: 'en',
  underpins: [],
  services: ['Citrix Workspace'],
  targets: {},
  contact: {},
  validFrom: '2026-01-01',
  validTo: '2027-12-31',
  ...overrides,
});

const snapshot: RegistrySnapshot = {
  services: [
    { name: 'Citrix Workspace', aliases: ['citrix'] },
    { name: 'Hosting', aliases: [] },
  ],
  contracts: [
    contract({ id: 'UC-DC', type: 'UC', supplier: 'Datacenter', underpins: ['SLA-CITRIX'], services: ['Citrix Workspace', 'Hosting'] }),
    contract({ id: 'SLA-CITRIX', type: 'SLA', supplier: 'Nimbus' }),
    contract({ id: 'OLA-FB', type: 'OLA', supplier: 'Team FB' }),
    contract({ id: 'SLA-CITRIX-OLD', type: 'SLA', supplier: 'Oldco', validFrom: '2022-01-01', validTo: '2025-12-31' }),
  ],
};

describe('findAccountable', () => {
  it('lists every party in force, the SLA holder first, then OLA, then UC', () => {
    const result = findAccountable(snapshot, 'citrix', '2026-06-01');
    expect(result.service).toBe('Citrix Workspace');
    expect(result.parties.map((party) => [party.role, party.supplier])).toEqual([
      ['accountable', 'Nimbus'],
      ['internal', 'Team FB'],
      ['underpinning', 'Datacenter'],
    ]);
  });

  it('keeps expired contracts apart, and uses them on dates when they were in force', () => {
    expect(findAccountable(snapshot, 'citrix', '2026-06-01').outOfTerm.map((c) => c.id)).toEqual(['SLA-CITRIX-OLD']);
    const past = findAccountable(snapshot, 'citrix', '2025-06-01');
    expect(past.parties.map((party) => party.supplier)).toEqual(['Oldco']);
  });

  it('says which services exist when nothing matches', () => {
    expect(() => findAccountable(snapshot, 'coffee machine', '2026-06-01')).toThrow(NotFoundError);
    expect(() => findAccountable(snapshot, 'coffee machine', '2026-06-01')).toThrow('Known services: Citrix Workspace, Hosting.');
  });
});

describe('isInForce', () => {
  it.each([
    [{ validFrom: '2026-01-01', validTo: '2026-12-31' }, '2026-01-01', true],
    [{ validFrom: '2026-01-01', validTo: '2026-12-31' }, '2026-12-31', true],
    [{ validFrom: '2026-01-01', validTo: '2026-12-31' }, '2027-01-01', false],
    [{ validFrom: '2026-01-01' }, '2099-01-01', true],
    [{}, '1999-01-01', true],
  ])('%j on %s → %s', (validity, date, expected) => {
    expect(isInForce(validity, date)).toBe(expected);
  });
});

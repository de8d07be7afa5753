import { describe, expect, it } from 'vitest';
import type { RegisteredContract, RegistrySnapshot } from '../../../src/registry/index.js';
import { citeClause, type ContractClause, type ContractClauses, describeClause, routeTicket } from '../../../src/tickets/index.js';

const contract = (id: string, type: RegisteredContract['type'], supplier: string, services: string[], validFrom: string, validTo: string): RegisteredContract => ({
  id, type, supplier, services, validFrom, validTo, language: 'en', underpins: [], targets: {}, contact: {},
});

/** A printing supplier whose contract has lapsed, and a service desk run in-house under an OLA. */
const registry: RegistrySnapshot = {
  services: [
    { name: 'Printing', aliases: ['printer', 'mfp'] },
    { name: 'Service Desk', aliases: ['servicedesk', 'helpdesk'] },
  ],
  contracts: [
    contract('SLA-PRINT-2024', 'SLA', 'Print Co', ['Printing'], '2024-01-01', '2024-12-31'),
    contract('OLA-DESK-2026', 'OLA', 'Team Servicedesk', ['Service Desk'], '2026-01-01', '2026-12-31'),
  ],
};

const clause = (number: string | undefined, headingPath: string[], text: string, heading?: string): ContractClause => ({
  ...(number ? { number } : {}), ...(heading ? { heading } : {}), headingPath, text,
});

const DESK_CLAUSES: ContractClause[] = [
  clause(undefined, [], 'Operational level agreement between the service desk and Team I&A.', 'OLA Service Desk'),
  clause('1.1', ['1. Purpose', '1.1'], 'This OLA sets out how tickets are handed over.'),
  clause('2.1', ['2. Definitions', '2.1'], '**Service desk:** the first line of support.'),
  clause('3.1', ['3. Services', '3.1'], 'The team answers calls and chats.'),
  clause('3.2', ['3. Services', '3.2'], '**Service desk:** the helpdesk takes every report by phone, chat and portal.'),
];
const clausesOf = (byContract: Record<string, ContractClause[]>): ContractClauses => ({ clausesOf: async (id) => byContract[id] ?? [] });

describe('routing when no contract in force covers the service', () => {
  it('sends the ticket to the service desk under its OLA, citing the clause about the desk, and says why', async () => {
    const route = await routeTicket(registry, 'Printing', '2026-05-04', clausesOf({ 'OLA-DESK-2026': DESK_CLAUSES }));
    expect(route).toMatchObject({ supplier: 'Team Servicedesk', contract: { id: 'OLA-DESK-2026', type: 'OLA' }, underpinning: [], clause: { number: '3.2' } });
    expect(route?.explanation).toBe(
      'No contract in force covers Printing on 2026-05-04; routed to the service desk, Team Servicedesk, under OLA OLA-DESK-2026 §3.2 (Services).',
    );
  });

  it('still routes to the service desk when its clauses are not at hand, naming the agreement only', async () => {
    expect((await routeTicket(registry, 'Printing', '2026-05-04'))?.explanation).toBe(
      'No contract in force covers Printing on 2026-05-04; routed to the service desk, Team Servicedesk, under OLA OLA-DESK-2026.',
    );
  });

  it('routes under the lapsed contract on a day within its term', async () => {
    expect(await routeTicket(registry, 'Printing', '2024-06-03')).toMatchObject({ supplier: 'Print Co', contract: { id: 'SLA-PRINT-2024' } });
  });

  it('finds nobody when not even the service desk’s agreement is in force', async () => {
    expect(await routeTicket(registry, 'Printing', '2025-06-02')).toBeUndefined();
  });
});

describe('citing the clause a route rests on', () => {
  const names = { own: 'vpn', aliases: ['remote access', 'forticlient'] };

  it('prefers a scope or service clause about the service over one that mentions it, and never a definition', () => {
    const clauses = [
      clause('1.1', ['1. Scope', '1.1'], 'NetLink manages the network, the VPN and the Wi-Fi.'),
      clause('2.1', ['2. Definitions', '2.1'], '**VPN:** a virtual private network.'),
      clause('3.1', ['3. Services', '3.1'], '**Network:** switches and routers.'),
      clause('3.2', ['3. Services', '3.2'], '**VPN:** the always-on VPN for municipal laptops.'),
    ];
    expect(citeClause(clauses, names)?.number).toBe('3.2');
    expect(citeClause(clauses.filter((c) => c.number !== '3.2'), names)?.number).toBe('1.1');
  });

  it('takes the service’s own name before an alias, and a scope clause before any other', () => {
    const clauses = [
      clause('1.1', ['1. Scope', '1.1'], 'Remote access for home workers.'),
      clause('1.2', ['1. Scope', '1.2'], 'The VPN service has 1,000 connections.'),
      clause('4.2', ['4. Support hours', '4.2'], 'VPN incidents at night are handled by the NOC.'),
    ];
    expect(citeClause(clauses, names)?.number).toBe('1.2');
    expect(citeClause(clauses.filter((c) => c.number !== '1.2'), names)?.number).toBe('1.1');
    expect(citeClause([clauses[2] as ContractClause], names)?.number).toBe('4.2');
  });

  it('reads a clause’s own heading: "### 3.3 Printen en scannen" is about printing', () => {
    const clauses = [
      clause('3.1', ['3. Dienstbeschrijving', '3.1 Werkplekhardware'], 'Laptops en schermen.', 'Werkplekhardware'),
      clause('3.3', ['3. Dienstbeschrijving', '3.3 Printen en scannen'], '64 multifunctionals op alle locaties.', 'Printen en scannen'),
    ];
    expect(citeClause(clauses, { own: 'printing', aliases: ['printen', 'printer'] })?.number).toBe('3.3');
  });

  it('falls back to the first scope clause, and cites nothing without one or without numbers', () => {
    const scope = [clause('1.1', ['1. Scope', '1.1'], 'Hosting of servers.'), clause('1.2', ['1. Scope', '1.2'], 'Two data halls.')];
    expect(citeClause(scope, names)?.number).toBe('1.1');
    expect(citeClause([clause('5.1', ['5. Priorities', '5.1'], 'A matrix.')], names)).toBeUndefined();
    expect(citeClause([clause(undefined, [], 'The VPN agreement.')], names)).toBeUndefined();
  });

  it('breaks a tie by document order', () => {
    const clauses = [clause('3.2', ['3. Services', '3.2'], '**VPN:** one.'), clause('3.5', ['3. Services', '3.5'], '**VPN:** two.')];
    expect(citeClause(clauses, names)?.number).toBe('3.2');
    expect(citeClause([...clauses].reverse(), names)?.number).toBe('3.5');
  });

  it('names a clause by its number and its headings without their numbers', () => {
    expect(describeClause(clause('1.1', ['1. Doel', '1.1 Onderwerp'], '…', 'Onderwerp'))).toBe('§1.1 (Doel › Onderwerp)');
    expect(describeClause(clause('3.2', ['3. Diensten', '3.2'], '…'))).toBe('§3.2 (Diensten)');
  });
});

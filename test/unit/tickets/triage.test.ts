import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.js';
import { canTransition, readService, triage } from '../../../src/tickets/index.js';

describe('triage', () => {
  it.each([
    ['Citrix is plat voor de hele afdeling en ik heb vanavond een deadline', 'high', 'high', 'P1'],
    ['Nobody can log in, everyone is affected', 'high', 'medium', 'P2'],
    ['mijn printer doet raar', 'low', 'medium', 'P4'],
    ['I cannot work, my laptop will not start', 'low', 'high', 'P3'],
    ['meerdere collega s hebben last van traag wifi', 'medium', 'medium', 'P3'],
    ['een vraag over mijn mailbox, geen haast', 'low', 'low', 'P4'],
  ])('"%s" → impact %s, urgency %s, %s', (text, impact, urgency, priority) => {
    expect(triage(text)).toEqual({ impact, urgency, priority });
  });

  it('takes another matrix when an organisation has its own', () => {
    const strict = { high: { high: 'P1', medium: 'P1', low: 'P2' }, medium: { high: 'P2', medium: 'P2', low: 'P3' }, low: { high: 'P3', medium: 'P3', low: 'P4' } } as const;
    expect(triage('everyone is affected', strict).priority).toBe('P1');
  });

  it('takes the organisation’s matrix from SPOSA_PRIORITY_MATRIX, changing only the cells it sets', () => {
    const { priorityMatrix } = loadConfig({ SPOSA_PRIORITY_MATRIX: 'high:medium=P1,low:high=P2' });
    expect(triage('Nobody can log in, everyone is affected', priorityMatrix)).toEqual({ impact: 'high', urgency: 'medium', priority: 'P1' });
    expect(triage('I cannot work, my laptop will not start', priorityMatrix)).toEqual({ impact: 'low', urgency: 'high', priority: 'P2' });
    expect(triage('mijn printer doet raar', priorityMatrix).priority).toBe('P4');
  });
});

describe('the ticket lifecycle', () => {
  it.each([
    ['routed', 'acknowledged', true],
    ['acknowledged', 'resolved', true],
    ['resolved', 'reopened', true],
    ['resolved', 'closed', true],
    ['routed', 'closed', false],
    ['closed', 'reopened', false],
    ['cancelled', 'acknowledged', false],
  ] as const)('%s → %s is %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });
});

describe('readService', () => {
  const services = [
    { name: 'E-mail', aliases: ['outlook', 'mail'] },
    { name: 'VPN', aliases: ['vpn', 'thuiswerken'] },
    { name: 'Citrix Workspace', aliases: ['citrix'] },
  ];

  it('reads the one service a report names, by alias', () => {
    expect(readService('Citrix hangt sinds vanochtend', services, 0.75)).toEqual({ service: 'Citrix Workspace' });
  });

  it('asks back when a report names two services equally well', () => {
    expect(readService('outlook en de vpn doen het allebei niet', services, 0.75)).toEqual({ ambiguous: ['E-mail', 'VPN'] });
  });

  it('says so when a report names no service', () => {
    expect(readService('mijn scherm is zwart', services, 0.75)).toEqual({ none: true });
  });
});

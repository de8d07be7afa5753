import { describe, expect, it } from 'vitest';
import { matchServices, normalize } from '../../../src/registry/index.js';

const catalog = [
  { name: 'Citrix Workspace', aliases: ['citrix', 'virtuele werkplek', 'VDI'] },
  { name: 'VPN', aliases: ['remote access', 'thuiswerken vpn'] },
  { name: 'Wi-Fi', aliases: ['wifi', 'draadloos netwerk'] },
  { name: 'Network', aliases: ['netwerk', 'LAN'] },
  { name: 'Microsoft 365', aliases: ['M365', 'Office 365', 'Teams'] },
];

describe('normalize', () => {
  it('folds case, accents and punctuation', () => {
    expect(normalize('Wi-Fi')).toBe('wi fi');
    expect(normalize('Éénmalig  Büro!')).toBe('eenmalig buro');
  });
});

describe('matchServices', () => {
  it.each([
    ['Citrix Workspace', 'Citrix Workspace', 'name'],
    ['citrix', 'Citrix Workspace', 'alias'],
    ['Virtuele Werkplek', 'Citrix Workspace', 'alias'],
    ['m365', 'Microsoft 365', 'alias'],
  ])('finds %s by its %s', (term, service, matchedBy) => {
    expect(matchServices(term, catalog)[0]).toMatchObject({ service, matchedBy: matchedBy === service ? 'name' : matchedBy });
  });

  it('forgives a typo in a longer name', () => {
    expect(matchServices('citirx', catalog)[0]).toMatchObject({ service: 'Citrix Workspace', matchedBy: 'fuzzy' });
    expect(matchServices('virtuele werkpek', catalog)[0]).toMatchObject({ service: 'Citrix Workspace', matchedBy: 'fuzzy' });
  });

  it('matches short names only exactly, so "VPS" does not become VPN', () => {
    expect(matchServices('VPS', catalog)).toEqual([]);
    expect(matchServices('vpn', catalog)[0]).toMatchObject({ service: 'VPN', score: 1 });
  });

  it('finds the services a whole sentence mentions, best first', () => {
    const matches = matchServices('Mijn citrix doet het niet en de wifi valt ook weg', catalog);
    expect(matches.map((match) => match.service)).toEqual(['Citrix Workspace', 'Wi-Fi']);
  });

  it('offers a part of a name as a weaker match', () => {
    expect(matchServices('workspace', catalog)[0]).toMatchObject({ service: 'Citrix Workspace', score: 0.6 });
  });

  it('reads a service at the start of a Dutch compound as a weaker match: a "netwerkstoring" is about the network', () => {
    expect(matchServices('binnen welke tijd moet een netwerkstoring zijn verholpen', catalog)[0]).toMatchObject({ service: 'Network', score: 0.8, matchedBy: 'fuzzy' });
  });

  it('does not take a plural or a short ending for a compound', () => {
    expect(matchServices('netwerken', catalog).find((match) => match.score === 0.8)).toBeUndefined();
  });

  it('finds nothing for unrelated text', () => {
    expect(matchServices('lunch menu', catalog)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { Glossary, shippedGlossary } from '../../../src/retrieval/index.js';

const glossary = new Glossary([
  { concept: 'incident', nl: ['storing', 'werkt niet'], en: ['incident', 'outage', 'not working'] },
  { concept: 'evening', nl: ["'s avonds", 'avond'], en: ['evening', 'in the evening'] },
  { concept: 'password', nl: ['wachtwoord'], en: ['password'] },
]);

describe('Glossary', () => {
  it('finds concepts by word and by phrase, and offers the other words for them', () => {
    const hits = glossary.match("Mijn VPN werkt niet 's avonds");
    expect(hits.concepts).toEqual(['incident', 'evening']);
    expect(hits.expansion).toEqual(expect.arrayContaining(['incident', 'outage', 'evening']));
    expect(hits.expansion).not.toContain('werkt niet');
  });

  it('matches the first part of a Dutch compound', () => {
    expect(glossary.match('wachtwoordreset aanvragen').concepts).toEqual(['password']);
  });

  it('tells which language the terms lean to', () => {
    expect(glossary.match('storing').language).toBe('nl');
    expect(glossary.match('outage').language).toBe('en');
    expect(glossary.match('vpn').language).toBeUndefined();
  });
});

describe('the shipped glossary', () => {
  it('loads, validates and covers the core ITSM vocabulary in both directions', () => {
    const shipped = shippedGlossary();
    for (const [dutch, english] of [
      ['storing', 'outage'],
      ['responstijd', 'response time'],
      ['beschikbaarheid', 'availability'],
      ['verantwoordelijk', 'responsible'],
    ]) {
      expect(shipped.match(dutch as string).expansion).toContain(english);
    }
    expect(shipped.match("werkt de servicedesk ook 's avonds").concepts.length).toBeGreaterThan(0);
  });
});

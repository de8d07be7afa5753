import { describe, expect, it } from 'vitest';
import { Glossary, parseGlossary, shippedGlossary } from '../../../src/retrieval/index.js';

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

describe('glossary topics', () => {
  const topical = parseGlossary([
    { concept: 'response-time', topic: true, nl: ['responstijd'], en: ['response time'] },
    { concept: 'resolution-time', topic: true, nl: ['oplostijd'], en: ['resolution time'] },
    { concept: 'how-fast', implies: ['response-time', 'resolution-time'], nl: ['hoe snel'], en: ['how fast'] },
    { concept: 'incident', nl: ['storing'], en: ['outage'] },
  ]);

  it('names the topics a text speaks of, and those its question words ask after', () => {
    expect(topical.match('Wat is de responstijd?').topics).toEqual(['response-time']);
    expect(topical.match('how fast is an outage fixed').topics).toEqual(['response-time', 'resolution-time']);
    expect(topical.match('storing').topics).toEqual([]);
  });

  it('refuses an entry that implies a concept which is not a topic', () => {
    expect(() => parseGlossary([
      { concept: 'incident', nl: ['storing'], en: ['outage'] },
      { concept: 'how-fast', implies: ['incident'], nl: ['hoe snel'], en: ['how fast'] },
    ])).toThrow(/glossary is invalid: entry 1.implies: "incident" is not a topic concept/);
  });

  it('changes its fingerprint when a term changes, so vectors built on the old terms are rebuilt', () => {
    const entry = { concept: 'incident', nl: ['storing'], en: ['outage'] };
    const before = new Glossary([entry]).fingerprint;
    expect(new Glossary([{ ...entry }]).fingerprint).toBe(before);
    expect(new Glossary([{ ...entry, en: ['outage', 'failure'] }]).fingerprint).not.toBe(before);
  });
});

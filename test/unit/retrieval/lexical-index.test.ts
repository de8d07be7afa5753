import { describe, expect, it } from 'vitest';
import { LexicalIndex, parseTsvector, queryTerms } from '../../../src/retrieval/index.js';

describe('parseTsvector', () => {
  it('counts positions, with heading (A) positions weighing double, and keeps heading terms apart', () => {
    const { all, heading } = parseTsvector(`'storing':1A,5 'werkplek':4B 'it''s':7`);
    expect(all).toEqual(
      new Map([
        ['storing', 3],
        ['werkplek', 1],
        ["it's", 1],
      ]),
    );
    expect(heading).toEqual(new Map([['storing', 1]]));
  });
});

describe('LexicalIndex', () => {
  const index = new LexicalIndex([
    { language: 'nl', tsv: `'storing':1A 'werkplek':2` },
    { language: 'en', tsv: `'incid':1A 'respons':2 'time':3` },
    { language: 'nl', tsv: `'prijs':1A 'werkplek':2` },
  ]);

  it('only lets a language meet clauses stemmed in that language', () => {
    const hits = index.search(queryTerms({ nl: ['storing'], en: ['storing'] }), 5);
    expect(hits.map((hit) => hit.doc)).toEqual([0]);
  });

  it('ranks rarer terms higher (IDF) and applies the accept filter', () => {
    const terms = queryTerms({ nl: ['werkplek', 'prijs'], en: [] });
    expect(index.search(terms, 5).map((hit) => hit.doc)).toEqual([2, 0]);
    expect(index.search(terms, 5, (doc) => doc !== 2).map((hit) => hit.doc)).toEqual([0]);
  });

  it('weighs glossary expansions below the words of the question, sharing one budget per concept', () => {
    const few = queryTerms({ nl: ['storing'], en: [] }, [{ nl: [], en: ['incid'] }]);
    expect(few).toEqual([
      { key: 'nl|storing', weight: 1 },
      { key: 'en|incid', weight: 0.8 },
    ]);
    const many = queryTerms({ nl: [], en: [] }, [{ nl: ['a', 'b', 'c', 'd'], en: ['e', 'f', 'g', 'h'] }]);
    expect(many[0]?.weight).toBeCloseTo(0.4, 5);
  });

  it('scores headings on their own', () => {
    const terms = queryTerms({ nl: ['storing', 'werkplek'], en: [] });
    expect(index.search(terms, 5, undefined, 'heading').map((hit) => hit.doc)).toEqual([0]);
  });
});

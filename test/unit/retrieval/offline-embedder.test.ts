import { describe, expect, it } from 'vitest';
import { fitIdf, Glossary, offlineEmbedder } from '../../../src/retrieval/index.js';

const glossary = new Glossary([
  { concept: 'incident', nl: ['storing', 'storingen'], en: ['incident', 'incidents', 'outage'] },
  { concept: 'response-time', nl: ['responstijd'], en: ['response time'] },
]);
const corpus = [
  'The supplier responds to incidents within 15 minutes (response time).',
  'Invoices are sent monthly and paid within 30 days.',
  'Laptops are replaced within two working days.',
];
const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, i) => sum + value * (b[i] as number), 0);

describe('offline embedder', () => {
  const embedder = offlineEmbedder(glossary, fitIdf(corpus, glossary));

  it('produces unit vectors of the promised dimension, the same every time', async () => {
    const [a, b] = await embedder.embed(['storing', 'storing']);
    expect(a?.length).toBe(embedder.dimensions);
    expect(cosine(a as Float32Array, a as Float32Array)).toBeCloseTo(1, 5);
    expect(Array.from(a as Float32Array)).toEqual(Array.from(b as Float32Array));
  });

  it('brings a Dutch question close to the English clause through shared concepts', async () => {
    const [question, incidents, invoices] = await embedder.embed(['Wat is de responstijd bij een storing?', ...corpus]);
    expect(cosine(question!, incidents!)).toBeGreaterThan(cosine(question!, invoices!));
  });

  it('tolerates typos through character n-grams', async () => {
    const [typo, laptops, invoices] = await embedder.embed(['labtop replacment', corpus[2]!, corpus[1]!]);
    expect(cosine(typo!, laptops!)).toBeGreaterThan(cosine(typo!, invoices!));
  });
});

describe('offline embedder identity', () => {
  it('names the glossary its concept features come from, so a changed glossary rebuilds persisted vectors', () => {
    const other = new Glossary([{ concept: 'incident', nl: ['storing', 'verstoring'], en: ['incident', 'outage'] }]);
    const idf = fitIdf(corpus, glossary);
    expect(offlineEmbedder(glossary, idf).id).toBe(offlineEmbedder(glossary, idf).id);
    expect(offlineEmbedder(other, idf).id).not.toBe(offlineEmbedder(glossary, idf).id);
  });
});

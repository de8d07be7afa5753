import { describe, expect, it } from 'vitest';
import { rerank } from '../../../src/assistant/rerank.js';
import { type ClauseRecord, parseGlossary, type RetrievedClause } from '../../../src/retrieval/index.js';

const glossary = parseGlossary([
  { concept: 'response-time', topic: true, nl: ['responstijd', 'respons'], en: ['response time'] },
  { concept: 'resolution-time', topic: true, nl: ['oplostijd', 'oplostijden'], en: ['resolution time'] },
  { concept: 'how-fast', implies: ['response-time', 'resolution-time'], nl: ['hoe snel'], en: ['how fast'] },
]);

const clause = (id: number, headingPath: string[], extra: Partial<ClauseRecord> = {}): ClauseRecord => ({
  id,
  contractId: 'SLA-CITRIX-2026',
  contractType: 'SLA',
  supplier: 'Nimbus Workspace B.V.',
  services: ['Citrix Workspace'],
  number: `${id}.1`,
  headingPath,
  text: 'Tekst van het artikel.',
  language: 'nl',
  restricted: false,
  line: id,
  ...extra,
});
const hit = (record: ClauseRecord, score: number): RetrievedClause => ({ clause: record, score, ranks: {} });
const context = (question: string) => ({ today: '2026-06-10', suppliers: [], topics: glossary.match(question).topics, glossary });

describe('rerank', () => {
  const scope = clause(1, ['1. Doel en reikwijdte']);
  const targets = clause(6, ['6. Respons- en oplostijden']);

  it('puts the clause whose heading names what the question asks after first', () => {
    const ranked = rerank([hit(scope, 0.12), hit(targets, 0.09)], context('how fast is a citrix outage fixed'));
    expect(ranked.map((entry) => entry.clause.id)).toEqual([6, 1]);
  });

  it('leaves the order alone when the question asks after no topic', () => {
    const ranked = rerank([hit(scope, 0.12), hit(targets, 0.09)], context('citrix werkt niet'));
    expect(ranked.map((entry) => entry.clause.id)).toEqual([1, 6]);
  });

  it('puts a contract in force before one that has ended', () => {
    const ended = clause(7, ['7. Availability'], { contractId: 'SLA-NETWORK-2023', validTo: '2025-12-31' });
    const current = clause(8, ['7. Beschikbaarheid'], { contractId: 'SLA-NETWORK-2026', validFrom: '2026-01-01' });
    const ranked = rerank([hit(ended, 0.1), hit(current, 0.07)], context('availability of the network'));
    expect(ranked.map((entry) => entry.clause.contractId)).toEqual(['SLA-NETWORK-2026', 'SLA-NETWORK-2023']);
  });
});

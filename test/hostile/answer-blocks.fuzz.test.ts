/** Whatever an answer holds (huge text, long headings, markup characters), its Slack message stays within Slack's limits. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Citation, WithheldClause } from '../../src/assistant/index.js';
import { answerFallbackText, buildAnswerBlocks } from '../../src/slack/blocks/answer-blocks.js';
import { propertyRuns } from './run-counts.js';

/** Slack's limits: blocks per message, characters in a section's text and in a context element's text. */
const LIMITS = { blocks: 50, sectionText: 3_000, contextText: 3_000, fallbackText: 40_000 };

/** Text rich in what escaping expands (<, >, &) and in the boundaries splitting looks for. */
const hostileText = (maxLength: number) =>
  fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '<', '>', '&', '*', '>', 'é', '😀'), maxLength, size: 'max' });

const citation: fc.Arbitrary<Citation> = fc.record({
  contractId: hostileText(60),
  contractType: fc.constantFrom('SLA', 'OLA', 'UC'),
  supplier: hostileText(60),
  clause: hostileText(40),
  heading: hostileText(1_000),
  quote: hostileText(1_000),
  line: fc.nat(),
});
const withheld: fc.Arbitrary<WithheldClause> = fc.record({ contractId: hostileText(60), clause: hostileText(40), heading: hostileText(3_000) });

const answer: fc.Arbitrary<Answer> = fc.record({
  intent: fc.constantFrom('coverage', 'responsibility', 'incident'),
  language: fc.constantFrom('nl', 'en'),
  text: hostileText(12_000),
  citations: fc.array(citation, { maxLength: 6 }),
  withheld: fc.array(withheld, { maxLength: 55 }),
  suggestTicket: fc.boolean(),
  mode: fc.constantFrom('extractive', 'generated'),
});

describe('an answer as Slack blocks', () => {
  it('never exceeds Slack\'s block, section and context limits, and keeps its buttons', () => {
    fc.assert(
      fc.property(answer, fc.nat(), (generated, turnId) => {
        const blocks = buildAnswerBlocks(generated, turnId);
        expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
        expect(blocks.slice(-2).map((block) => block.type)).toEqual(['actions', 'context_actions']);
        for (const block of blocks) {
          if (block.type === 'section') expect(block.text?.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
          if (block.type === 'context') for (const element of block.elements) expect('text' in element ? element.text.length : 0).toBeLessThanOrEqual(LIMITS.contextText);
        }
        expect(answerFallbackText(generated).length).toBeLessThanOrEqual(LIMITS.fallbackText);
      }),
      // Shrinking strings this long takes minutes; the first counterexample is clear enough.
      { ...propertyRuns(15), endOnFailure: true },
    );
  });
});

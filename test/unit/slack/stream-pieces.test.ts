import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defuseMentions, streamPieces } from '../../../src/slack/mrkdwn.js';

describe('streamPieces: an answer cut up for chat.startStream / appendStream', () => {
  it('keeps whole lines together up to the limit, so a citation line arrives in one piece', () => {
    const text = `${'a'.repeat(130)}\n${'b'.repeat(70)}\nAccording to SLA-CITRIX-2026 §1.1 (1. Doel en reikwijdte › 1.1):\n> ${'q'.repeat(150)}`;
    const pieces = streamPieces(text, 250);
    expect(pieces.join('')).toBe(text);
    expect(pieces.some((piece) => piece.includes('According to SLA-CITRIX-2026 §1.1 (1. Doel en reikwijdte › 1.1):\n'))).toBe(true);
  });

  it('cuts a line longer than the limit, and gives nothing for no text', () => {
    expect(streamPieces('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    expect(streamPieces('', 10)).toEqual([]);
  });

  it('joins back to the text exactly, in pieces within the limit, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '§', '>'), maxLength: 2_000 }), fc.integer({ min: 1, max: 500 }), (text, max) => {
        const pieces = streamPieces(text, max);
        expect(pieces.join('')).toBe(text);
        for (const piece of pieces) expect(piece.length).toBeGreaterThan(0);
        for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(max);
      }),
    );
  });
});

describe('defuseMentions: contract text streamed as Markdown', () => {
  it('keeps "<!channel>", user and channel mentions from notifying anyone, and leaves other text alone', () => {
    const defused = defuseMentions('Meld het via <!channel> of <@U123> in <#C42>; 3 < 4 en <b>.');
    expect(defused).not.toMatch(/<[!@#]/);
    expect(defused.replace(/\u200B/g, '')).toBe('Meld het via <!channel> of <@U123> in <#C42>; 3 < 4 en <b>.');
  });
});

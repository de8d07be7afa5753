/** @module Slack mrkdwn helpers: escaping and splitting text within Block Kit limits. */

/** Slack treats &, < and > as control characters in text; everything we did not write ourselves is escaped. */
export const escapeMrkdwn = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Escapes text but keeps our own "> " quote markers at line starts, which are Slack's block-quote syntax.
 * Contract quotes are data: a "<!channel>" inside one must reach Slack as plain text, never as a mention.
 */
export const answerMrkdwn = (text: string) =>
  text
    .split('\n')
    .map((line) => (line.startsWith('> ') ? `> ${escapeMrkdwn(line.slice(2))}` : escapeMrkdwn(line)))
    .join('\n');

/**
 * Streamed answers are Markdown, where entity escapes would show as "&lt;": instead a zero-width space after each
 * "<" that opens Slack's mention syntax ("<!channel>", "<@U…>", "<#C…>") keeps a quoted contract's text readable and
 * inert, whichever way Slack parses it.
 */
export const defuseMentions = (text: string) => text.replace(/<(?=[!@#])/g, '<\u200B');

/** Section text may hold at most 3,000 characters. */
export const SECTION_LIMIT = 3_000;

/** Splits text into pieces of at most `limit` characters, at paragraph, then line, then word boundaries. */
export function splitText(text: string, limit = SECTION_LIMIT): string[] {
  if (text.length <= limit) return [text];
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const cut = [window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' ')].find((index) => index > limit / 2) ?? limit;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/**
 * Splits text to be streamed into pieces of at most `max` characters, of whole lines where a line fits (a longer
 * one is cut), so a citation such as "SLA-CITRIX-2026 §4.2" or a quoted line arrives whole. Unlike
 * {@link splitText}, nothing is trimmed: joined, the pieces are the text exactly.
 */
export function streamPieces(text: string, max: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const line of text.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
    for (let start = 0; start < line.length; start += max) {
      const part = line.slice(start, start + max);
      if (piece && piece.length + part.length > max) {
        pieces.push(piece);
        piece = '';
      }
      piece += part;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Cuts a string to `limit` characters with an ellipsis (for plain-text fields with hard limits). */
export const truncate = (text: string, limit: number) => (text.length <= limit ? text : `${text.slice(0, limit - 1)}…`);

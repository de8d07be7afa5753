/**
 * @module Clause splitting: cuts a contract body on its own structure (Markdown headings and numbered clauses),
 * never inside a clause or a table; long clauses become overlapping chunks that still cite their clause.
 */
import type { Clause } from './types.js';

/** A heading the document declares, whether or not text follows it; used to check restricted sections exist. */
export interface Section {
  number?: string;
  heading?: string;
  line: number;
}

export interface SplitResult {
  clauses: Clause[];
  sections: Section[];
}

export interface SplitOptions {
  /** Section numbers or headings whose clauses (and sub-clauses) are restricted. */
  restricted?: readonly string[];
  /** 1-based line of the body's first line in the source file; 0 when the source has no lines. */
  firstLine?: number;
  /** Clauses longer than this are chunked; chunks overlap by one paragraph so no sentence loses its context. */
  maxChars?: number;
}

interface OpenClause {
  number?: string;
  heading?: string;
  path: PathEntry[];
  line: number;
  lines: string[];
}

interface PathEntry {
  /** Markdown heading depth (1–6), or 10 + number depth for a numbered paragraph inside the sections. */
  rank: number;
  number?: string;
  label: string;
}

const MD_HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const NUMBERED = /^((?:\d{1,3}\.)*\d{1,3})\.?\s+(\S.*)$/;
const ANNEX = /^((?:bijlage|annex|appendix|schedule)\s+[A-Z0-9]{1,3})\b[\s.:–—-]*(.*)$/i;
const FENCE = /^\s*```/;
/** A numbered line this short, without closing punctuation, is a heading rather than a sentence. */
const MAX_HEADING_CHARS = 90;
const DEFAULT_MAX_CHARS = 1600;

function parseHeadingText(text: string): { number?: string; heading?: string } {
  const annex = ANNEX.exec(text);
  if (annex) return { number: annex[1], heading: annex[2] || undefined };
  const numbered = NUMBERED.exec(text);
  if (numbered) return { number: numbered[1], heading: numbered[2] };
  return { heading: text };
}

const looksLikeHeading = (text: string) =>
  text.length <= MAX_HEADING_CHARS && text.split(/\s+/).length <= 10 && !/[.:;,]$/.test(text);

/** The innermost numbered section on the path: numbered paragraphs must continue its numbering. */
function currentSectionNumber(path: PathEntry[]): string | undefined {
  for (let index = path.length - 1; index >= 0; index -= 1) {
    const entry = path[index];
    if (entry?.number && /^\d/.test(entry.number)) return entry.number;
  }
  return undefined;
}

/**
 * Is `number` a clause of the document's numbering at this point? In Markdown, plain numbered lines are usually
 * list items ("1. Bring your laptop"), so only a sub-number of the current section counts; in plain text, whose
 * only structure is numbering, a top-level number counts too.
 */
function continuesNumbering(number: string, path: PathEntry[], plainText: boolean): boolean {
  if (path.some((entry) => entry.number && number.startsWith(`${entry.number}.`))) return true;
  const section = currentSectionNumber(path);
  if (!plainText) return false;
  const top = section?.split('.')[0];
  const first = number.split('.')[0];
  // A new top-level section must follow on (4 after 3), which keeps "99.8 % availability" from becoming a clause.
  return top === undefined ? Number(first) <= 2 : Number(first) === Number(top) + 1 || first === top;
}

function isRestricted(clause: OpenClause, restricted: readonly string[]): boolean {
  if (restricted.length === 0) return false;
  const wanted = restricted.map((entry) => entry.trim().toLowerCase());
  const numbers = [clause.number, ...clause.path.map((entry) => entry.number)].filter((n): n is string => !!n);
  const headings = [clause.heading, ...clause.path.map((entry) => entry.label)].filter((h): h is string => !!h);
  return wanted.some(
    (entry) =>
      numbers.some((n) => n.toLowerCase() === entry || n.startsWith(`${entry}.`)) ||
      headings.some((h) => h.toLowerCase() === entry || h.toLowerCase().endsWith(` ${entry}`)),
  );
}

/** Splits text into blocks separated by blank lines; a table (lines starting with "|") is always one block. */
function paragraphs(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let inTable = false;
  for (const line of text.split('\n')) {
    const isTable = line.trimStart().startsWith('|');
    if ((line.trim() === '' && !inTable) || (inTable && !isTable) || (!inTable && isTable && current.length)) {
      if (current.length) blocks.push(current.join('\n'));
      current = [];
    }
    inTable = isTable;
    if (line.trim() !== '') current.push(line);
  }
  if (current.length) blocks.push(current.join('\n'));
  return blocks;
}

/** Splits an over-long paragraph at sentence ends; tables are never split. */
function sentences(block: string, maxChars: number): string[] {
  if (block.length <= maxChars || block.trimStart().startsWith('|')) return [block];
  const parts = block.match(/[^.!?]+[.!?]+(?:\s+|$)|[^.!?]+$/g) ?? [block];
  const out: string[] = [];
  let current = '';
  for (const part of parts) {
    if (current && current.length + part.length > maxChars) {
      out.push(current.trim());
      current = '';
    }
    current += part;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** Cuts a clause body into chunks of at most about `maxChars`, repeating the previous chunk's last block. */
export function chunkText(text: string, maxChars: number): string[] {
  if (text.length <= maxChars) return [text];
  const blocks = paragraphs(text).flatMap((block) => sentences(block, maxChars));
  const chunks: string[] = [];
  let current: string[] = [];
  let carried = 0; // blocks at the head of `current` repeated from the previous chunk
  let size = 0;
  for (const block of blocks) {
    if (current.length > carried && size + block.length > maxChars) {
      chunks.push(current.join('\n\n'));
      const overlap = current.at(-1) ?? '';
      current = overlap.length <= maxChars / 2 ? [overlap] : [];
      carried = current.length;
      size = overlap.length * carried;
    }
    current.push(block);
    size += block.length;
  }
  if (current.length > carried) chunks.push(current.join('\n\n'));
  return chunks;
}

/** Splits a contract body into clauses. Plain text (no Markdown headings) is split on its numbering alone. */
export function splitClauses(body: string, options: SplitOptions = {}): SplitResult {
  const restricted = options.restricted ?? [];
  const firstLine = options.firstLine ?? 1;
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const lines = body.split(/\r?\n/);
  const plainText = !lines.some((line) => MD_HEADING.test(line));
  const clauses: Clause[] = [];
  const sections: Section[] = [];
  let path: PathEntry[] = [];
  let title: string | undefined;
  let open: OpenClause = { path: [], line: firstLine, lines: [] };
  let inFence = false;
  let nextOrdinal = 0;

  const lineAt = (index: number) => (firstLine === 0 ? 0 : firstLine + index);
  const close = () => {
    const text = open.lines.join('\n').trim();
    if (!text) return;
    const heading = open.heading ?? (open.path.length === 0 && open.number === undefined ? title : undefined);
    const headingPath = open.path.map((entry) => entry.label);
    const ordinal = nextOrdinal;
    nextOrdinal += 1;
    chunkText(text, maxChars).forEach((chunk, index) => {
      clauses.push({
        ordinal,
        chunk: index,
        number: open.number,
        heading,
        headingPath,
        text: chunk,
        line: open.line,
        restricted: isRestricted(open, restricted),
      });
    });
  };
  const start = (entry: PathEntry, heading: string | undefined, index: number, firstText?: string) => {
    close();
    path = [...path.filter((existing) => existing.rank < entry.rank), entry];
    sections.push({ number: entry.number, heading, line: lineAt(index) });
    open = { number: entry.number, heading, path, line: lineAt(index), lines: firstText ? [firstText] : [] };
  };

  lines.forEach((raw, index) => {
    const line = raw.replace(/\s+$/, '');
    if (FENCE.test(line)) inFence = !inFence;
    const heading = inFence ? null : MD_HEADING.exec(line);
    if (heading) {
      const depth = heading[1]?.length ?? 1;
      const text = heading[2] ?? '';
      // The first top-level heading is the document title, not a section: it names the contract, not a clause.
      if (depth === 1 && title === undefined && clauses.length === 0 && path.length === 0) {
        title = text;
        open.line = lineAt(index + 1);
        return;
      }
      const parsed = parseHeadingText(text);
      start({ rank: depth, number: parsed.number, label: text }, parsed.heading, index);
      return;
    }
    const numbered = inFence || line.startsWith('|') ? null : NUMBERED.exec(line.trim());
    if (numbered && numbered[1] && numbered[2] && continuesNumbering(numbered[1], path, plainText)) {
      const number = numbered[1];
      const rest = numbered[2];
      const rank = 10 + number.split('.').length;
      if (looksLikeHeading(rest)) start({ rank, number, label: `${number} ${rest}` }, rest, index);
      else start({ rank, number, label: number }, undefined, index, rest);
      return;
    }
    open.lines.push(line);
  });
  close();
  return { clauses, sections };
}

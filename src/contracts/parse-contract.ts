/** @module Parses one contract's text and front matter into a validated ParsedContract, or located problems. */
import { type Document, isNode, LineCounter, parseDocument } from 'yaml';
import type { FileProblem } from '../errors.js';
import { detectLanguage } from './detect-language.js';
import { frontMatterSchema, toContractMeta } from './front-matter.js';
import { splitClauses } from './split-clauses.js';
import type { ParsedContract } from './types.js';

/** The text of a contract as read from disk, before validation. */
export interface ContractText {
  /** Path shown in messages (relative to the contracts folder's parent when possible). */
  file: string;
  /** Markdown or plain text with front matter, or the extracted body of a PDF/DOCX. */
  text: string;
  /** For PDF/DOCX: the sidecar YAML that holds the front matter. */
  sidecar?: { file: string; text: string };
  hash: string;
}

export type ParseOutcome = { ok: true; contract: ParsedContract } | { ok: false; problems: FileProblem[] };

interface FrontMatterSource {
  file: string;
  yaml: string;
  /** File line of the YAML's first line. */
  firstLine: number;
}

/** Separates "---\nYAML\n---\nbody"; returns null when the file does not open with front matter. */
function splitFrontMatter(text: string): { yaml: string; body: string; bodyLine: number } | null {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return null;
  const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end < 0) return null;
  return { yaml: lines.slice(1, end).join('\n'), body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}

/** Front matter never needs many aliases; this many points to an alias bomb ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

/** Turns the document into plain values; the yaml library throws when aliases expand beyond the limit. */
function resolveAliases(doc: Document, source: FrontMatterSource): { value: unknown } | { problem: FileProblem } {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return { problem: { file: source.file, line: source.firstLine, message: `YAML: aliases expand too far (${error.message}); write the values out` } };
  }
}

function validateFrontMatter(source: FrontMatterSource) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.yaml, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (offset: number) => source.firstLine + lineCounter.linePos(offset).line - 1;
  /** The line of the deepest node that exists on a path: the bad value, or the map that lacks a key. */
  const lineOfPath = (path: readonly PropertyKey[]) => {
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const node = doc.getIn(path.slice(0, depth) as (string | number)[], true);
      if (isNode(node) && node.range) return lineOf(node.range[0]);
    }
    return source.firstLine;
  };
  const problems: FileProblem[] = doc.errors.map((error) => ({
    file: source.file,
    line: lineOf(error.pos[0]),
    message: `YAML: ${error.message.split('\n')[0]}`,
  }));
  if (problems.length) return { problems, lineOfPath };
  const plain = resolveAliases(doc, source);
  if ('problem' in plain) return { problems: [plain.problem], lineOfPath };
  const parsed = frontMatterSchema.safeParse(plain.value ?? {});
  if (parsed.success) return { problems, lineOfPath, front: parsed.data };
  for (const issue of parsed.error.issues) {
    const line = lineOfPath(issue.path);
    const field = issue.path.join('.') || 'front matter';
    const missing = issue.code === 'invalid_type' && issue.message.includes('undefined');
    problems.push({ file: source.file, line, message: missing ? `${field}: required field is missing` : `${field}: ${issue.message}` });
  }
  return { problems, lineOfPath };
}

/** Validates front matter and splits the body into clauses; reports every problem found, each with its line. */
export function parseContract(input: ContractText): ParseOutcome {
  let frontSource: FrontMatterSource;
  let body: string;
  let bodyLine: number;
  if (input.sidecar) {
    frontSource = { file: input.sidecar.file, yaml: input.sidecar.text, firstLine: 1 };
    body = input.text;
    bodyLine = 0; // extracted PDF/DOCX text has no line numbers a reader could use
  } else {
    const split = splitFrontMatter(input.text);
    if (!split) {
      return {
        ok: false,
        problems: [{ file: input.file, line: 1, message: 'missing YAML front matter: the file must start with a --- line, the fields, and a closing --- line' }],
      };
    }
    frontSource = { file: input.file, yaml: split.yaml, firstLine: 2 };
    body = split.body;
    bodyLine = split.bodyLine;
  }

  const { problems, front, lineOfPath } = validateFrontMatter(frontSource);
  if (!front) return { ok: false, problems };
  const meta = toContractMeta(front, front.language ?? detectLanguage(body));
  const { clauses, sections } = splitClauses(body, { restricted: meta.restricted, firstLine: bodyLine });
  if (clauses.length === 0) {
    problems.push({ file: input.file, line: Math.max(bodyLine, 1), message: 'the contract has no text after the front matter' });
  }
  meta.restricted.forEach((entry, index) => {
    const wanted = entry.toLowerCase();
    const found = sections.some((s) => s.number?.toLowerCase() === wanted || s.heading?.toLowerCase() === wanted);
    if (!found) {
      problems.push({
        file: frontSource.file,
        line: lineOfPath(['visibility', 'restricted', index]),
        message: `visibility.restricted: no section "${entry}" in the contract, so nothing would be restricted`,
      });
    }
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, contract: { meta, clauses, sourcePath: input.file, sourceHash: input.hash } };
}

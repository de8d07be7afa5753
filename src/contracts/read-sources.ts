/** @module Reads a contracts folder: Markdown/text files, and PDF/DOCX files with their .meta.yaml sidecars. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import type { FileProblem } from '../errors.js';
import type { ContractText } from './parse-contract.js';

const TEXT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
const BINARY_EXTENSIONS = new Set(['.pdf', '.docx']);
const SIDECAR_SUFFIX = '.meta.yaml';
/**
 * Bumped whenever parsing or splitting changes, so an unchanged file is re-ingested with the new rules.
 * It is part of every content hash.
 */
export const PARSER_VERSION = 'clauses-v1';

export interface SourceScan {
  sources: ContractText[];
  problems: FileProblem[];
  /** Files that were found but could not be read into a contract (their problems are in `problems`). */
  unreadable: string[];
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    // Folders starting with "_" or "." hold drafts and sources that are not contracts themselves.
    if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

function decodeUtf8(bytes: Buffer): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

async function extractBinary(extension: string, bytes: Buffer): Promise<string> {
  if (extension === '.pdf') {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: true });
    return text;
  }
  const { value } = await mammoth.extractRawText({ buffer: bytes });
  return value;
}

const hashOf = (...parts: Buffer[]) => {
  const hash = createHash('sha256').update(PARSER_VERSION);
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
};

/**
 * Reads every contract file below `dir`.
 * @param displayBase paths in messages are shown relative to this folder (default: the current directory).
 */
export async function readContractSources(dir: string, displayBase = process.cwd()): Promise<SourceScan> {
  const scan: SourceScan = { sources: [], problems: [], unreadable: [] };
  const display = (file: string) => path.relative(displayBase, file) || file;
  const fail = (file: string, message: string, line = 1) => {
    scan.problems.push({ file: display(file), line, message });
    scan.unreadable.push(display(file));
  };
  for (const file of await listFiles(dir)) {
    const extension = path.extname(file).toLowerCase();
    if (file.endsWith(SIDECAR_SUFFIX)) continue;
    if (TEXT_EXTENSIONS.has(extension)) {
      const bytes = await readFile(file);
      const text = decodeUtf8(bytes);
      if (text === null) fail(file, 'not UTF-8 text (save the file as UTF-8, or use .pdf/.docx for binary documents)');
      else scan.sources.push({ file: display(file), text, hash: hashOf(bytes) });
    } else if (BINARY_EXTENSIONS.has(extension)) {
      const sidecarFile = file.slice(0, -extension.length) + SIDECAR_SUFFIX;
      const sidecarBytes = await readFile(sidecarFile).catch(() => null);
      if (!sidecarBytes) {
        fail(file, `no front matter: add a sidecar ${path.basename(sidecarFile)} beside it with the contract's fields`);
        continue;
      }
      const bytes = await readFile(file);
      try {
        const text = await extractBinary(extension, bytes);
        scan.sources.push({
          file: display(file),
          text,
          sidecar: { file: display(sidecarFile), text: decodeUtf8(sidecarBytes) ?? '' },
          hash: hashOf(bytes, sidecarBytes),
        });
      } catch (error) {
        fail(file, `could not read the ${extension.slice(1).toUpperCase()}: ${(error as Error).message}`);
      }
    }
  }
  return scan;
}

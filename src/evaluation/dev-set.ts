/** @module Evaluation questions: the JSONL format of `sposa eval`, validated line by line. */
import { z } from 'zod';
import { type FileProblem, IngestError } from '../errors.js';

export const evalItemSchema = z.object({
  q: z.string().min(1),
  kind: z.enum(['coverage', 'responsibility', 'incident']),
  lang: z.enum(['nl', 'en']).optional(),
  contract: z.string().optional(),
  clause: z.string().optional(),
  supplier: z.string().optional(),
  service: z.string().optional(),
});

export type EvalItem = z.infer<typeof evalItemSchema>;

/**
 * Parses a JSONL question file.
 * @throws IngestError listing every bad line as file:line.
 */
export function parseDevSet(text: string, file: string): EvalItem[] {
  const items: EvalItem[] = [];
  const problems: FileProblem[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      problems.push({ file, line: index + 1, message: 'not valid JSON' });
      return;
    }
    const parsed = evalItemSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push({ file, line: index + 1, message: parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ') });
    } else if (parsed.data.kind === 'coverage' && !(parsed.data.contract && parsed.data.clause)) {
      problems.push({ file, line: index + 1, message: 'a coverage question needs "contract" and "clause"' });
    } else if (parsed.data.kind !== 'coverage' && !parsed.data.supplier) {
      problems.push({ file, line: index + 1, message: `a ${parsed.data.kind} question needs "supplier"` });
    } else items.push(parsed.data);
  });
  if (problems.length) throw new IngestError(problems);
  return items;
}

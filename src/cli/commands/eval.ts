/** @module `sposa eval FILE`: scores the assistant on a question set (recall@k, MRR, accuracy). */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { InvalidInputError } from '../../errors.js';
import { type EvalReport, evaluate, parseDevSet, type Score } from '../../evaluation/index.js';
import { type Command, EXIT } from '../context.js';

/** Evaluation reads as a manager would, so questions about restricted clauses count too. */
const EVALUATOR_ID = 'sposa-evaluator';

const percent = (value: number | undefined) => (value === undefined ? '    -' : `${(value * 100).toFixed(1).padStart(5)}`);

/** The table `sposa eval` prints. */
export function renderReport(report: EvalReport): string {
  const lines = [`kind            lang    n   recall@${report.k}/acc   MRR`];
  for (const [kind, score] of Object.entries(report.summary)) {
    const rows: [string, Score | undefined][] = [['all', score], ['nl', score.byLanguage.nl], ['en', score.byLanguage.en]];
    for (const [lang, s] of rows) {
      if (!s) continue;
      lines.push(`${kind.padEnd(15)} ${lang.padEnd(4)} ${String(s.n).padStart(4)}   ${percent(s.accuracy)} %    ${s.mrr === undefined ? '   -' : s.mrr.toFixed(3)}`);
    }
  }
  const misses = report.rows.filter((row) => !row.correct);
  if (misses.length) {
    lines.push('', `Misses (${misses.length}):`);
    for (const miss of misses) lines.push(`  [${miss.kind}/${miss.lang}] ${miss.q}\n      expected ${miss.expected}; got ${miss.got}`);
  }
  return `${lines.join('\n')}\n`;
}

export const evalCommand: Command = {
  name: 'eval',
  usage: 'sposa eval FILE [--k 5] [--json]',
  summary: 'score answers on a JSONL question set (recall@k and MRR for coverage, accuracy for the rest)',
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { k: { type: 'string', default: '5' }, json: { type: 'boolean' } },
    });
    const file = positionals[0];
    if (!file) throw new InvalidInputError(`name a question file, e.g. sposa eval test/eval/dev-set.jsonl\nusage: ${this.usage}`);
    const k = Number(values.k);
    if (!Number.isInteger(k) || k < 1) throw new InvalidInputError(`--k expects a whole number of 1 or more, got "${values.k}"`);
    const items = parseDevSet(await readFile(file, 'utf8'), file);
    const sposa = await context.sposa();
    const report = await evaluate(sposa.assistantFor([EVALUATOR_ID]), items, { k, askerId: EVALUATOR_ID });
    context.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report));
    return EXIT.ok;
  },
};

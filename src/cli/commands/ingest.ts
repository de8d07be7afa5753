/** @module `sposa ingest [DIR]`: validate and (re)ingest a contracts folder. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, IngestError } from '../../errors.js';
import { type Command, EXIT } from '../context.js';
import { progressBar } from '../progress.js';
import { renderIngestSummary } from '../render.js';

export const ingestCommand: Command = {
  name: 'ingest',
  usage: 'sposa ingest [DIR] [--skip-invalid] [--json]',
  summary: 'validate contracts and load them (incremental; all or nothing unless --skip-invalid)',
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'skip-invalid': { type: 'boolean' }, json: { type: 'boolean' } },
    });
    const sposa = await context.sposa();
    const dir = path.resolve(positionals[0] ?? sposa.config.contractsDir);
    const progress = progressBar(context.stderr, 'Ingesting');
    try {
      const summary = await sposa.ingest({ dir, skipInvalid: values['skip-invalid'], onProgress: progress });
      progress.finish();
      if (values.json) {
        context.stdout.write(`${JSON.stringify({ ok: summary.problems.length === 0, dir, ...summary }, null, 2)}\n`);
      } else {
        for (const problem of summary.problems) context.stderr.write(`${formatProblem(problem)}\n`);
        context.stdout.write(renderIngestSummary(summary, path.relative(process.cwd(), dir) || '.'));
      }
      return summary.problems.length ? EXIT.failure : EXIT.ok;
    } catch (error) {
      progress.finish();
      if (error instanceof IngestError && values.json) {
        context.stdout.write(`${JSON.stringify({ ok: false, dir, written: false, problems: error.problems }, null, 2)}\n`);
        return EXIT.failure;
      }
      throw error;
    }
  },
};

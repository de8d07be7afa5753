/**
 * @module `npm start`: the product on embedded defaults. Loads the configuration, ingests the contracts folder
 * (incrementally) and opens the interactive prompt over the same services the CLI uses.
 */
import { openSposa } from './compose.js';
import { loadConfig } from './config/index.js';
import { formatProblem, IngestError, SposaError } from './errors.js';
import { renderIngestSummary } from './cli/render.js';
import { runCli } from './cli/run.js';

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const sposa = await openSposa(config);
  try {
    const where = config.database.kind === 'embedded' ? `embedded PostgreSQL in ${config.database.dataDir}` : 'PostgreSQL server';
    process.stdout.write(`SPOSA starting on ${where}\n`);
    // A broken contract must not keep the assistant down: ingest what is valid and say what is not.
    const summary = await sposa.ingest({ skipInvalid: true });
    for (const problem of summary.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    process.stdout.write(renderIngestSummary(summary, config.contractsDir));
    return await runCli(['shell'], { sposa: async () => sposa, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
  } finally {
    await sposa.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof IngestError || error instanceof SposaError ? error.message : String((error as Error)?.stack ?? error);
    process.stderr.write(`sposa: ${message}\n`);
    process.exitCode = 1;
  },
);

/** @module The CLI dispatcher: picks the command, renders every error in one place, returns the exit code. */
import { formatProblem, IngestError, SposaError } from '../errors.js';
import { type Command, type CliContext, EXIT } from './context.js';
import { askCommand } from './commands/ask.js';
import { evalCommand } from './commands/eval.js';
import { ingestCommand } from './commands/ingest.js';
import { rateCommand } from './commands/rate.js';
import { reportCommand } from './commands/report.js';
import { shellCommand } from './commands/shell.js';
import { supplierCommand } from './commands/supplier.js';
import { ticketCommand } from './commands/ticket.js';
import { whoCommand } from './commands/who.js';

const commands: Command[] = [
  ingestCommand, whoCommand, askCommand, ticketCommand, supplierCommand, rateCommand, reportCommand, evalCommand, shellCommand(runCli),
];

function help(): string {
  const width = Math.max(...commands.map((command) => command.usage.length));
  const rows = commands.map((command) => `  ${command.usage.padEnd(width)}  ${command.summary}`);
  return `SPOSA — Single Point Of Service Accountability\n\nUsage:\n${rows.join('\n')}\n  sposa help\n`;
}

/** Runs one command line (without the program name) and returns its exit code; never throws. */
export async function runCli(argv: string[], context: CliContext): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    context.stdout.write(help());
    return EXIT.ok;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    context.stderr.write(`sposa: unknown command "${name}"\n\n${help()}`);
    return EXIT.usage;
  }
  try {
    return await command.run(args, context);
  } catch (error) {
    if (error instanceof IngestError) {
      for (const problem of error.problems) context.stderr.write(`${formatProblem(problem)}\n`);
      context.stderr.write(`sposa ${name}: ${error.problems.length} problem(s); nothing was written\n`);
      return EXIT.failure;
    }
    if (error instanceof SposaError) {
      context.stderr.write(`sposa ${name}: ${error.message}\n`);
      return error.code === 'sposa_invalid_input' || error.code === 'sposa_config_invalid' ? EXIT.usage : EXIT.failure;
    }
    // parseArgs reports unknown options and missing values with a code of its own.
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      context.stderr.write(`sposa ${name}: ${error.message}\nusage: ${command.usage}\n`);
      return EXIT.usage;
    }
    context.stderr.write(`sposa ${name}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.failure;
  }
}

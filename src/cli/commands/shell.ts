/** @module `sposa shell`: an interactive prompt over the same commands, for trying SPOSA without Slack. */
import { createInterface } from 'node:readline/promises';
import type { Command, CliContext } from '../context.js';
import { EXIT } from '../context.js';

/** Builds the shell over the command table it dispatches to (passed in to avoid a cycle with the table). */
export function shellCommand(run: (argv: string[], context: CliContext) => Promise<number>): Command {
  return {
    name: 'shell',
    usage: 'sposa shell',
    summary: 'interactive prompt: type commands without "sposa", e.g. who citrix',
    async run(_args, context) {
      if (!context.stdin) return EXIT.ok;
      const prompt = createInterface({ input: context.stdin, output: context.stdout as NodeJS.WritableStream, terminal: !!context.stdout.isTTY });
      context.stdout.write('SPOSA shell. Try: who citrix · who "virtuele werkplek" · help · exit\n');
      try {
        for (;;) {
          const line = (await prompt.question('sposa> ').catch(() => null))?.trim();
          if (line === undefined || line === null || line === 'exit' || line === 'quit') break;
          if (!line) continue;
          const argv = line.match(/"[^"]*"|'[^']*'|\S+/g)?.map((word) => word.replace(/^["']|["']$/g, '')) ?? [];
          if (argv[0] === 'shell') continue;
          await run(argv, context);
        }
      } finally {
        prompt.close();
      }
      return EXIT.ok;
    },
  };
}

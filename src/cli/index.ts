/** @module `sposa` entry point: reads the environment once, runs one command, exits with its code. */
import { openSposa, type Sposa } from '../compose.js';
import { loadConfig } from '../config/index.js';
import { ConfigError } from '../errors.js';
import { runCli } from './run.js';

let opened: Promise<Sposa> | undefined;
let code: number;
try {
  const config = loadConfig(process.env);
  code = await runCli(process.argv.slice(2), {
    sposa: () => (opened ??= openSposa(config)),
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
  });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`sposa: ${error.message}\n`);
  code = 2;
}
// A failed open was already reported by the command; there is nothing to close then.
if (opened) await opened.then((sposa) => sposa.close(), () => undefined);
process.exitCode = code;

/**
 * SPOSA as a real process: `node --import tsx src/main.ts` (what `npm start` runs), on a free loopback port, with
 * only the environment a test gives it. For faults an in-process app cannot have: SIGKILL, a restart.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { freePort } from '../slack/harness.js';

export interface SposaProcess {
  /** http://127.0.0.1:PORT */
  url: string;
  pid: number;
  /** stdout and stderr so far, for a failing test's message. */
  output(): string;
  /** Whether the process has exited. */
  readonly exited: boolean;
  /** Sends a signal and resolves with the exit code (null when a signal ended it) once the process is gone. */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}


/** What a child needs from the parent's environment to run node and tsx; nothing of SPOSA's own configuration. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/**
 * Starts SPOSA and resolves once `/healthz` answers 200.
 * @param clockOffsetMs runs the process this far ahead of the real clock (see test/helpers/clock-offset.ts).
 */
export async function startSposaProcess(
  env: Record<string, string>,
  options: { clockOffsetMs?: number; readyTimeoutMs?: number } = {},
): Promise<SposaProcess> {
  const port = await freePort();
  const args = ['--import', 'tsx', ...(options.clockOffsetMs ? ['--import', './test/helpers/clock-offset.ts'] : []), 'src/main.ts'];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: process.cwd(),
    env: { ...baseEnv(), ...env, PORT: String(port), ...(options.clockOffsetMs ? { TEST_CLOCK_OFFSET_MS: String(options.clockOffsetMs) } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // Should the test runner itself go away first, the child goes with it rather than keep a port and a database.
  const orphaned = () => child.kill('SIGKILL');
  process.once('exit', orphaned);
  const exit = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      process.removeListener('exit', orphaned);
      resolve(code);
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const running: SposaProcess = {
    url,
    pid: child.pid as number,
    output: () => output,
    get exited() {
      return child.exitCode !== null || child.signalCode !== null;
    },
    async stop(signal) {
      if (!running.exited) child.kill(signal);
      return exit;
    },
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 20_000);
  while (Date.now() < deadline) {
    if (running.exited) throw new Error(`SPOSA exited before it was ready:\n${output}`);
    const ready = await fetch(`${url}/healthz`).then((response) => response.ok, () => false);
    if (ready) return running;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await running.stop('SIGKILL');
  throw new Error(`SPOSA was not ready within ${options.readyTimeoutMs ?? 20_000} ms:\n${output}`);
}

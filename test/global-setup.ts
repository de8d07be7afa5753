/** One temporary folder for the whole test run (derived indexes, data dirs), removed when the run ends. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup() {
  const root = mkdtempSync(path.join(tmpdir(), 'sposa-tests-'));
  // Test workers are forked after this runs, so they inherit the variable.
  process.env.SPOSA_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}

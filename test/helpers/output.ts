/** A captured output stream for CLI tests. */
import type { Output } from '../../src/cli/context.js';

export interface CapturedOutput extends Output {
  readonly text: string;
}

export function captureOutput(isTTY = false): CapturedOutput {
  let text = '';
  return {
    isTTY,
    write(chunk: string) {
      text += chunk;
      return true;
    },
    get text() {
      return text;
    },
  };
}

/** @module A one-line progress bar for terminals; silent when output goes to a file or another program. */
import type { Output } from './context.js';

const WIDTH = 28;

/** Returns a progress callback that redraws one line on a terminal and does nothing otherwise. */
export function progressBar(out: Output, label: string): ((done: number, total: number, item: string) => void) & { finish(): void } {
  let drawn = false;
  const update = (done: number, total: number, item: string) => {
    if (!out.isTTY || total === 0) return;
    const filled = Math.round((done / total) * WIDTH);
    const name = item.length > 40 ? `…${item.slice(-39)}` : item;
    out.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total} ${name}\x1b[K`);
    drawn = true;
  };
  return Object.assign(update, {
    finish() {
      if (drawn) out.write('\r\x1b[K');
    },
  });
}

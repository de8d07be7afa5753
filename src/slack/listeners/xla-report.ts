/** @module The XLA figures managers see in Slack: by supplier, over the last 90 days. */
import type { Sposa } from '../../compose.js';
import { localDate } from '../../shared/clock.js';
import type { XlaReport } from '../../xla/index.js';

const WINDOW_MS = 90 * 24 * 60 * 60 * 1000;

export function recentXlaReport(sposa: Sposa): Promise<XlaReport> {
  return sposa.xla.report({ by: 'supplier', from: localDate(new Date(Date.now() - WINDOW_MS), sposa.config.timezone) });
}

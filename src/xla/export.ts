/**
 * @module The report as flat rows, the same figures for JSON, CSV and the terminal: one row per group, named by
 * what it is grouped by (`{supplier: "…", ratings, happiness, …}`).
 */
import type { GroupBy, XlaReport } from './report.js';

export const EXPORT_COLUMNS = [
  'tickets', 'ratings', 'happiness', 'averageRating', 'responseRate', 'lostTimeMinutes', 'lostTimePerTicketMinutes',
  'slaResponseMet', 'slaResolutionMet', 'questions', 'deflection', 'watermelon', 'targetsMissed',
] as const;

export type ExportRow = { [K in GroupBy]?: string } & Record<(typeof EXPORT_COLUMNS)[number], number | boolean | string | null>;

export function exportRows(report: XlaReport): ExportRow[] {
  return report.rows.map((row) => ({
    [report.by]: row.key,
    tickets: row.tickets,
    ratings: row.ratings,
    happiness: row.happiness,
    averageRating: row.averageRating,
    responseRate: row.responseRate,
    lostTimeMinutes: row.lostTimeMinutes,
    lostTimePerTicketMinutes: row.lostTimePerTicketMinutes,
    slaResponseMet: row.slaResponseMet,
    slaResolutionMet: row.slaResolutionMet,
    questions: row.questions,
    deflection: row.deflection,
    watermelon: row.watermelon,
    targetsMissed: row.targets.filter((check) => check.met === false).map((check) => `${check.metric} < ${check.target}`).join('; '),
  }));
}

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; empty for null. */
export function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(report: XlaReport): string {
  const header = [report.by, ...EXPORT_COLUMNS];
  const lines = exportRows(report).map((row) => header.map((column) => csvField(row[column as keyof ExportRow])).join(','));
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

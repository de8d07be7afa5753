/** @module `sposa report xla`: experience next to SLA compliance per supplier, service or contract, as a table, CSV or JSON. */
import { parseArgs } from 'node:util';
import { InvalidInputError } from '../../errors.js';
import { type ExportRow, exportRows, type ReportQuery, toCsv, type XlaReport } from '../../xla/index.js';
import { type Command, EXIT } from '../context.js';

const USAGE = 'sposa report xla [--by supplier|service|contract] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format table|csv|json]';
const FORMATS = ['table', 'csv', 'json'] as const;

/** The terminal table: the figures people read first, then the watermelon flag. */
const TABLE_COLUMNS: { title: string; value: (row: ExportRow) => unknown }[] = [
  { title: 'ratings', value: (row) => row.ratings },
  { title: 'happiness', value: (row) => row.happiness },
  { title: 'avg', value: (row) => row.averageRating },
  { title: 'resp.%', value: (row) => row.responseRate },
  { title: 'lost min', value: (row) => row.lostTimeMinutes },
  { title: 'SLA resp.%', value: (row) => row.slaResponseMet },
  { title: 'SLA res.%', value: (row) => row.slaResolutionMet },
  { title: 'watermelon', value: (row) => (row.watermelon ? 'YES' : '') },
];

function renderTable(report: XlaReport): string {
  if (!report.rows.length) return 'No resolved tickets in this period.\n';
  const rows = exportRows(report);
  const cells = rows.map((row) => [String(row[report.by] ?? ''), ...TABLE_COLUMNS.map((column) => String(column.value(row) ?? '-'))]);
  const header = [report.by, ...TABLE_COLUMNS.map((column) => column.title)];
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  const missed = rows.filter((row) => row.targetsMissed).map((row) => `  ${row[report.by]}: XLA target missed: ${row.targetsMissed}`);
  return `${[line(header), ...cells.map(line), ...(missed.length ? ['', ...missed] : [])].join('\n')}\n`;
}

export const reportCommand: Command = {
  name: 'report',
  usage: USAGE,
  summary: 'experience (XLA) next to SLA compliance, per supplier, service or contract',
  async run(args, context) {
    const [kind, ...rest] = args;
    if (kind !== 'xla') throw new InvalidInputError(`unknown report "${kind ?? ''}"\nusage: ${USAGE}`);
    const { values } = parseArgs({
      args: rest,
      options: { by: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' } },
    });
    const format = values.format ?? 'table';
    if (!FORMATS.includes(format as (typeof FORMATS)[number])) throw new InvalidInputError(`--format expects table, csv or json, got "${format}"`);
    const sposa = await context.sposa();
    const report = await sposa.xla.report({ by: values.by as ReportQuery['by'], from: values.from, to: values.to });
    if (format === 'json') context.stdout.write(`${JSON.stringify({ rows: exportRows(report) }, null, 2)}\n`);
    else if (format === 'csv') context.stdout.write(toCsv(report));
    else context.stdout.write(renderTable(report));
    return EXIT.ok;
  },
};

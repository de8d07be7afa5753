/** @module XLA: how reporters experienced the handling of their tickets, next to the SLA, per supplier and service. */
export { csvField, EXPORT_COLUMNS, type ExportRow, exportRows, toCsv } from './export.js';
export { computeMetrics, type Metrics } from './metrics.js';
export { type Period, parsePeriod } from './period.js';
export { LOST_TIME_CHOICES, REASONS, reasonCodes, reasonLabel } from './reasons.js';
export { type RatingInput, ratingInputSchema, recordRating, slaOutcome } from './rating.js';
export { buildXlaReport, GROUP_BY, type GroupBy, type LowRatedTicket, type ReportInput, type TargetCheck, toOutcome, type XlaReport, type XlaRow } from './report.js';
export { ASK_WITHIN_MS, ratingRequestsDue } from './requests.js';
export { commentThemes, type Theme } from './themes.js';
export * from './types.js';
export { isWatermelon, WATERMELON_MIN_RATINGS, WATERMELON_SLA_PERCENT } from './watermelon.js';
export { createXla, type ReportQuery, reportQuerySchema, type Xla, type XlaDeps } from './service.js';

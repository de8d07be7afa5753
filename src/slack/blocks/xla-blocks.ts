/** @module Block Kit for experience (XLA) figures next to SLA compliance, per supplier: for managers only. */
import type { KnownBlock } from '@slack/types';
import type { XlaReport } from '../../xla/index.js';
import { escapeMrkdwn } from '../mrkdwn.js';

/** Slack section text holds 3,000 characters; a supplier line is well under 150. */
const MAX_ROWS = 18;
const show = (value: number | null, suffix = '') => (value === null ? '–' : `${value}${suffix}`);

export function buildXlaBlocks(report: XlaReport, title: string): KnownBlock[] {
  const lines = report.rows.slice(0, MAX_ROWS).map((row) => {
    const flag = row.watermelon ? ' :watermelon: *SLA met, experience poor*' : '';
    const missed = row.targets.filter((check) => check.met === false).map((check) => `${check.metric} < ${check.target}`);
    return `• *${escapeMrkdwn(row.key)}*: happiness ${show(row.happiness)} · ${show(row.averageRating)}/10 · ${row.ratings} ratings · SLA ${show(row.slaResponseMet, ' %')} response, ${show(row.slaResolutionMet, ' %')} resolution${flag}${missed.length ? ` · XLA target missed: ${missed.join(', ')}` : ''}`;
  });
  const total = report.total;
  return [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: title } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `Happiness ${show(total.happiness)} (−100…100) · average ${show(total.averageRating)}/10 · ${show(total.responseRate, ' %')} answered · ${Math.round(total.lostTimeMinutes / 60)} h work time lost`,
      },
    },
    { type: 'section', text: { type: 'mrkdwn', text: lines.length ? lines.join('\n') : '_No resolved tickets in this period._' } },
  ];
}

/** @module Block Kit for the App Home tab: how to get help for everyone; who is accountable for what for managers. */
import type { HomeView, KnownBlock } from '@slack/types';
import type { FeedbackSummary } from '../../conversations/index.js';
import { describeContact, describeSupportHours, findAccountable, type RegistrySnapshot } from '../../registry/index.js';
import type { Ticket } from '../../tickets/index.js';
import { ACTION, COMMAND } from '../ids.js';
import type { XlaReport } from '../../xla/index.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { buildXlaBlocks } from './xla-blocks.js';

/** Slack allows 100 blocks in a Home view; the accountability list stops well before that. */
const MAX_SERVICES = 40;

export interface HomeViewInput {
  isManager: boolean;
  registry: RegistrySnapshot;
  /** YYYY-MM-DD in the organisation's time zone. */
  today: string;
  /** The viewer's open tickets, newest first. */
  tickets: readonly Ticket[];
  /** For managers: how answers were rated over the last 30 days. */
  experience?: FeedbackSummary;
  /** For managers: how reporters rated their resolved tickets, next to SLA compliance. */
  xla?: XlaReport;
  /** For managers: their signed, expiring link to the XLA dashboard. */
  dashboardUrl?: string;
}

const XLA_TITLE = 'Experience vs SLA per supplier, last 90 days';

function ticketBlocks(tickets: readonly Ticket[]): KnownBlock[] {
  const lines = tickets.slice(0, 10).map((t) => `• *${t.id}* ${escapeMrkdwn(t.service)} (${t.priority}) — ${t.status}, with ${escapeMrkdwn(t.supplier)}`);
  return [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: 'Your open tickets' } },
    { type: 'section', text: { type: 'mrkdwn', text: lines.length ? lines.join('\n') : '_No open tickets._' } },
  ];
}

function experienceBlocks(experience: FeedbackSummary): KnownBlock[] {
  const share = experience.rated ? `${Math.round((experience.helpful / experience.rated) * 100)} % helpful` : 'no ratings yet';
  return [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: 'Experience, last 30 days' } },
    { type: 'section', text: { type: 'mrkdwn', text: `${experience.answers} answers given · ${experience.rated} rated · ${share}` } },
  ];
}

/** The button to the full dashboard; the link is the manager's own and stops working after 12 hours. */
function dashboardBlocks(url: string): KnownBlock[] {
  return [
    {
      type: 'actions',
      elements: [{ type: 'button', action_id: ACTION.openDashboard, text: { type: 'plain_text', text: 'Open the XLA dashboard' }, url, style: 'primary' }],
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: 'Charts, CSV and print for supplier reviews. The link is yours alone and works for 12 hours.' }] },
  ];
}

function helpBlocks(input: HomeViewInput): KnownBlock[] {
  const desk = input.registry.services.find((service) => /service ?desk/i.test(service.name));
  const deskParty = desk ? findAccountable(input.registry, desk.name, input.today).parties[0] : undefined;
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'SPOSA — your single point of contact for IT' } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: [
          '*How to get help*',
          '• Send me a direct message: ask what our contracts cover, who is responsible for a service, or say what is broken.',
          `• Mention me in a channel, or use \`${COMMAND} help\`.`,
          '• Every answer cites the contract clause it rests on; press *Open a ticket* under an answer to get a person on it.',
        ].join('\n'),
      },
    },
  ];
  if (deskParty) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `Service desk: *${escapeMrkdwn(deskParty.supplier)}* · ${escapeMrkdwn(describeSupportHours(deskParty.contract.supportHours))} · ${escapeMrkdwn(describeContact(deskParty.contract))}` }],
    });
  }
  return blocks;
}

function accountabilityBlocks(input: HomeViewInput): KnownBlock[] {
  const lines = input.registry.services.slice(0, MAX_SERVICES).map((service) => {
    const [lead, ...behind] = findAccountable(input.registry, service.name, input.today).parties;
    if (!lead) return `• *${escapeMrkdwn(service.name)}*: no contract in force`;
    const uc = behind.length ? ` (behind it: ${behind.map((party) => escapeMrkdwn(party.supplier)).join(', ')})` : '';
    return `• *${escapeMrkdwn(service.name)}*: ${escapeMrkdwn(lead.supplier)} — ${lead.contract.type} ${escapeMrkdwn(lead.contract.id)}${uc}`;
  });
  // Section text is limited to 3,000 characters: chunk the list.
  const chunks: string[] = [];
  for (const line of lines) {
    if (!chunks.length || (chunks.at(-1) as string).length + line.length > 2_800) chunks.push(line);
    else chunks[chunks.length - 1] += `\n${line}`;
  }
  return [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: 'Who is accountable for what' } },
    ...chunks.map((text): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } })),
  ];
}

/** The manager report of `/sposa report`: experience figures and who is accountable for what. */
export function buildManagerReportBlocks(input: Omit<HomeViewInput, 'tickets' | 'isManager'>): KnownBlock[] {
  return [
    ...(input.experience ? experienceBlocks(input.experience) : []),
    ...(input.xla ? buildXlaBlocks(input.xla, XLA_TITLE) : []),
    ...(input.dashboardUrl ? dashboardBlocks(input.dashboardUrl) : []),
    ...accountabilityBlocks({ ...input, isManager: true, tickets: [] }),
  ];
}

/** The Home tab for one user. */
export function buildHomeView(input: HomeViewInput): HomeView {
  const blocks = [
    ...helpBlocks(input),
    ...ticketBlocks(input.tickets),
    ...(input.isManager && input.experience ? experienceBlocks(input.experience) : []),
    ...(input.isManager && input.xla ? buildXlaBlocks(input.xla, XLA_TITLE) : []),
    ...(input.isManager && input.dashboardUrl ? dashboardBlocks(input.dashboardUrl) : []),
    ...(input.isManager ? accountabilityBlocks(input) : []),
  ];
  return { type: 'home', blocks };
}

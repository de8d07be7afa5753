/**
 * @module A ticket as a supplier's agents see it in their channel: what, how urgent, by when, why them, and the
 * buttons that act on it (only those the ticket's state allows).
 */
import type { KnownBlock, ModalView } from '@slack/types';
import type { Language } from '../../contracts/index.js';
import { headline, type SupplierMessage } from '../../delivery/index.js';
import { ACTION, NEED_INFO_FIELD, VIEW } from '../ids.js';
import { escapeMrkdwn, truncate } from '../mrkdwn.js';

const LABELS = {
  en: { acknowledge: 'Acknowledge', resolve: 'Resolve', needInfo: 'Need info', due: 'Response due', fix: 'Resolution due', status: 'Status', words: 'Reported' },
  nl: { acknowledge: 'Oppakken', resolve: 'Opgelost', needInfo: 'Vraag stellen', due: 'Reactie uiterlijk', fix: 'Oplossing uiterlijk', status: 'Status', words: 'Melding' },
};

/** Slack renders `<!date^…>` in each reader's own time zone. */
const when = (iso: string | null) => (iso ? `<!date^${Math.floor(Date.parse(iso) / 1000)}^{date_short_pretty} {time}|${iso}>` : '–');

export function supplierTicketBlocks(message: SupplierMessage, language: Language): KnownBlock[] {
  const { ticket } = message;
  const labels = LABELS[language];
  const open = ['routed', 'acknowledged', 'reopened'].includes(ticket.status);
  const button = (text: string, actionId: string, style?: 'primary') => ({
    type: 'button' as const,
    text: { type: 'plain_text' as const, text },
    action_id: actionId,
    value: ticket.id,
    ...(style ? { style } : {}),
  });
  const buttons = [
    ...(ticket.status === 'routed' || ticket.status === 'reopened' ? [button(labels.acknowledge, ACTION.supplierAcknowledge, 'primary')] : []),
    ...(open ? [button(labels.needInfo, ACTION.supplierNeedInfo), button(labels.resolve, ACTION.supplierResolve)] : []),
  ];
  return [
    { type: 'header', text: { type: 'plain_text', text: truncate(`${headline(message.event, language)}: ${ticket.id}`, 150) } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(`*${escapeMrkdwn(ticket.service)}* · ${ticket.priority}\n${labels.words}: “${escapeMrkdwn(ticket.description)}”`, 3_000) },
      fields: [
        { type: 'mrkdwn', text: `*${labels.due}*\n${when(ticket.responseDue)}` },
        { type: 'mrkdwn', text: `*${labels.fix}*\n${when(ticket.resolutionDue)}` },
        { type: 'mrkdwn', text: `*${labels.status}*\n${ticket.status}` },
      ],
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(escapeMrkdwn(ticket.explanation), 3_000) }] },
    ...(buttons.length ? [{ type: 'actions' as const, block_id: `supplier_${ticket.id}`, elements: buttons }] : []),
  ];
}

/** The supplier's question to the reporter; asking it stops the clocks until the reporter answers. `metadata` comes back on submission. */
export function needInfoModal(ticketId: string, language: Language, metadata: string): ModalView {
  const nl = language === 'nl';
  return {
    type: 'modal',
    callback_id: VIEW.needInfo,
    private_metadata: metadata,
    title: { type: 'plain_text', text: nl ? 'Vraag aan de melder' : 'Ask the reporter' },
    submit: { type: 'plain_text', text: nl ? 'Versturen' : 'Send' },
    close: { type: 'plain_text', text: nl ? 'Annuleren' : 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: NEED_INFO_FIELD.question,
        label: { type: 'plain_text', text: nl ? `Wat wilt u weten over ${ticketId}?` : `What do you need to know about ${ticketId}?` },
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 2_000 },
        hint: { type: 'plain_text', text: nl ? 'De klok staat stil tot de melder antwoordt.' : 'The SLA clock stops until the reporter answers.' },
      },
    ],
  };
}

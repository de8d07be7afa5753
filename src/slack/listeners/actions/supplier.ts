/**
 * @module The buttons on a ticket in a supplier's channel: Acknowledge, Resolve and Need info (a modal for the
 * question, which puts the ticket on hold until the reporter answers). Only clicks from the channel the ticket was
 * delivered to count: that channel's members are the supplier's agents.
 */
import type { App, BlockAction, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { supplierMessage } from '../../../delivery/index.js';
import { SposaError } from '../../../errors.js';
import { referenceId } from '../../../shared/logger.js';
import type { Ticket, TicketAction } from '../../../tickets/index.js';
import { needInfoModal, supplierTicketBlocks } from '../../blocks/supplier-ticket.js';
import { ACTION, NEED_INFO_FIELD, VIEW } from '../../ids.js';
import type { SlackDeps } from '../deps.js';

/** The Slack message the ticket was delivered as, if it went to `channel`. */
async function deliveredTo(deps: SlackDeps, ticketId: string, channel: string | undefined) {
  const events = await deps.sposa.tickets.events(ticketId);
  const delivery = events.find((event) => event.type === 'delivered' && event.data.transport === 'slack' && (event.data.receipt as { channel?: string })?.channel === channel);
  return delivery && { channel: channel as string, ts: (delivery.data.receipt as { ts: string }).ts, eventId: Number(delivery.data.eventId) };
}

/** Redraws the ticket message with its new status and the buttons that state allows. */
async function redraw(deps: SlackDeps, client: WebClient, ticket: Ticket, where: { channel: string; ts: string; eventId: number }) {
  const event = (await deps.sposa.tickets.events(ticket.id)).find((candidate) => candidate.id === where.eventId);
  const contract = (await deps.sposa.registry()).contracts.find((candidate) => candidate.id === ticket.contractId);
  if (!event) return;
  const message = supplierMessage(ticket, event, deps.sposa.config.delivery.publicUrl);
  await client.chat.update({ channel: where.channel, ts: where.ts, text: `${ticket.id}: ${ticket.status}`, blocks: supplierTicketBlocks(message, contract?.language ?? 'en') });
}

export function registerSupplierActions(app: App, deps: SlackDeps): void {
  const change = async (client: WebClient, body: BlockAction | ViewSubmitAction, ticketId: string, channel: string | undefined, action: TicketAction, note?: string) => {
    const user = body.user.id;
    const tell = async (text: string) => {
      if (channel) await client.chat.postEphemeral({ channel, user, text });
    };
    const where = await deliveredTo(deps, ticketId, channel);
    if (!where) return tell(`${ticketId} was not sent to this channel, so it cannot be changed from here.`);
    try {
      const ticket = await deps.sposa.changeTicket({ id: ticketId, action, actor: user, role: 'supplier', ...(note ? { note } : {}) });
      await redraw(deps, client, ticket, where);
    } catch (error) {
      if (error instanceof SposaError && error.code !== 'sposa_unknown') return tell(error.message);
      const reference = referenceId();
      deps.logger.error('supplier action failed', { reference, ticket: ticketId, action, error });
      await tell(`Sorry, that did not work (reference ${reference}).`);
    }
  };
  const ticketOf = (action: BlockAction['actions'][number]) => ('value' in action && typeof action.value === 'string' ? action.value : '');

  app.action<BlockAction>(ACTION.supplierAcknowledge, async ({ ack, body, action, client }) => {
    await ack();
    await change(client, body, ticketOf(action), body.channel?.id, 'acknowledge');
  });
  app.action<BlockAction>(ACTION.supplierResolve, async ({ ack, body, action, client }) => {
    await ack();
    await change(client, body, ticketOf(action), body.channel?.id, 'resolve');
  });
  app.action<BlockAction>(ACTION.supplierNeedInfo, async ({ ack, body, action, client }) => {
    await ack();
    const ticket = await deps.sposa.tickets.get(ticketOf(action));
    if (!ticket) return;
    const contract = (await deps.sposa.registry()).contracts.find((candidate) => candidate.id === ticket.contractId);
    const metadata = JSON.stringify({ ticket: ticket.id, channel: body.channel?.id });
    await client.views.open({ trigger_id: body.trigger_id, view: needInfoModal(ticket.id, contract?.language ?? 'en', metadata) });
  });
  app.view<ViewSubmitAction>(VIEW.needInfo, async ({ ack, view, body, client }) => {
    const question = view.state.values[NEED_INFO_FIELD.question]?.value?.value?.trim() ?? '';
    if (question.length < 3) return void (await ack({ response_action: 'errors', errors: { [NEED_INFO_FIELD.question]: 'Ask your question in a few words.' } }));
    await ack();
    const { ticket, channel } = JSON.parse(view.private_metadata || '{}') as { ticket?: string; channel?: string };
    if (ticket) await change(client, body, ticket, channel, 'wait', question);
  });
}

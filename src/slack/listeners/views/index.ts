/**
 * @module The ticket modal's submission: validates the fields, opens the ticket, and tells the reporter where it went.
 * @see {@link https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload#view_submission}
 */
import type { App, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { PRIORITIES } from '../../../contracts/index.js';
import { InvalidInputError } from '../../../errors.js';
import { referenceId } from '../../../shared/logger.js';
import { confirmationKey, type Ticket } from '../../../tickets/index.js';
import { TICKET_FIELD, VIEW } from '../../ids.js';
import type { SlackDeps } from '../deps.js';
import { registerRatingViews } from './rating.js';

const originSchema = z.object({ channel: z.string().optional(), thread: z.string().optional(), turnId: z.number().optional() });

type StateValues = ViewSubmitAction['view']['state']['values'];
const selected = (values: StateValues, block: string) => values[block]?.value?.selected_option?.value ?? undefined;
const typed = (values: StateValues, block: string) => values[block]?.value?.value ?? undefined;

export function registerViews(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(VIEW.ticket, async ({ ack, view, body, client }) => {
    const values = view.state.values;
    const service = selected(values, TICKET_FIELD.service);
    const priority = z.enum(PRIORITIES).safeParse(selected(values, TICKET_FIELD.priority));
    const description = typed(values, TICKET_FIELD.description) ?? '';
    const errors: Record<string, string> = {};
    if (!service) errors[TICKET_FIELD.service] = 'Pick the affected service.';
    if (!priority.success) errors[TICKET_FIELD.priority] = 'Pick how bad it is.';
    if (description.trim().length < 3) errors[TICKET_FIELD.description] = 'Describe the problem in a few words.';
    if (Object.keys(errors).length || !service || !priority.success) return void (await ack({ response_action: 'errors', errors }));
    const origin = originSchema.safeParse(JSON.parse(view.private_metadata || '{}'));
    // Close the modal first: opening and routing may take longer than Slack's three seconds.
    await ack();
    const where = origin.success ? origin.data : {};
    const notify = async (text: string) => {
      const channel = where.channel ?? (await client.conversations.open({ users: body.user.id })).channel?.id;
      if (channel) await client.chat.postEphemeral({ channel, user: body.user.id, text, ...(where.thread ? { thread_ts: where.thread } : {}) });
    };
    let ticket: Ticket;
    try {
      ticket = await deps.sposa.openTicket({
        service,
        priority: priority.data,
        description,
        reporterId: body.user.id,
        origin: { surface: 'slack', ...where },
      });
    } catch (error) {
      if (error instanceof InvalidInputError) return void (await notify(`I could not open the ticket: ${error.message}`));
      const reference = referenceId();
      deps.logger.error('could not open a ticket', { reference, error });
      return void (await notify(`Sorry, the ticket could not be opened (reference ${reference}). Please try again or call the service desk.`));
    }
    // The ticket exists from here on: a confirmation that does not get through must not read as "not opened" (the
    // reporter would open it again). The outbox's confirmation, queued with the ticket, is withdrawn once this one is
    // posted; if it is not (Slack down, or the process dies first), the outbox confirms a minute later.
    try {
      const due = ticket.responseDue ? ` Response due ${new Date(ticket.responseDue).toLocaleString('en-GB', { timeZone: deps.sposa.config.timezone })}.` : '';
      await notify(`Ticket *${ticket.id}* (${ticket.priority}, ${ticket.service}) is open. ${ticket.explanation}${due}`);
      await deps.sposa.jobs.cancel(confirmationKey(ticket.id), deps.sposa.clock());
    } catch (error) {
      deps.logger.warn('could not confirm a ticket; the outbox will', { ticket: ticket.id, error });
    }
  });

  registerRatingViews(app, deps);

  app.view(/.*/, async ({ ack }) => {
    await ack();
  });
}

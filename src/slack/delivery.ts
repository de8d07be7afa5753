/**
 * @module Slack as a way to reach people: tickets posted in a supplier's channel (a shared Slack Connect channel works
 * the same), later events as replies in that message's thread, reporters told in their own thread, and managers by
 * direct message on a breach.
 */
import type { WebClient } from '@slack/web-api';
import { detectLanguage, type Language } from '../contracts/index.js';
import { headline, type PeopleNotifier, type Receipt, type Transport } from '../delivery/index.js';
import { PermanentJobError } from '../jobs/index.js';
import type { Ticket, TicketEvent } from '../tickets/index.js';
import { supplierTicketBlocks } from './blocks/supplier-ticket.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** Slack errors that retrying cannot fix: the channel is wrong or SPOSA is not in it. */
const FINAL_SLACK_ERRORS = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'invalid_auth', 'account_inactive', 'restricted_action', 'msg_too_long', 'invalid_blocks']);

async function slackCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code && FINAL_SLACK_ERRORS.has(code)) throw new PermanentJobError(`Slack refused: ${code}`);
    throw error;
  }
}

export function slackSupplierTransport(client: WebClient): Transport {
  return {
    kind: 'slack',
    reaches: (contact) => Boolean(contact.slackChannel),
    async deliver(message, { contact, language, earlier }) {
      const first = earlier[0];
      const text = `${headline(message.event, language)}: ${message.ticket.id} (${message.ticket.priority}, ${message.ticket.service})`;
      // New work is a message of its own with buttons; what follows goes into its thread, so the channel stays a list of tickets.
      if (!first || message.event === 'rerouted') {
        const posted = await slackCall(() => client.chat.postMessage({ channel: contact.slackChannel as string, text, blocks: supplierTicketBlocks(message, language) }));
        const receipt: Receipt = { channel: String(posted.channel), ts: String(posted.ts) };
        return receipt;
      }
      const note = message.note ? `\n> ${escapeMrkdwn(message.note)}` : '';
      const posted = await slackCall(() => client.chat.postMessage({ channel: first.channel as string, thread_ts: first.ts, text: `${text}${note}` }));
      return { channel: String(posted.channel), ts: String(first.ts), reply: String(posted.ts) };
    },
  };
}

type Texts = Record<string, (ticket: Ticket, event: TicketEvent) => string>;
const note = (event: TicketEvent) => (typeof event.data.note === 'string' ? escapeMrkdwn(event.data.note) : '');
/** A time in the reader's own time zone, as Slack renders `<!date^…>`; the ISO time where it cannot. */
const slackTime = (iso: string) => `<!date^${Math.floor(Date.parse(iso) / 1000)}^{date_short_pretty} {time}|${iso}>`;
const due = (event: TicketEvent) => (typeof event.data.due === 'string' ? ` (due ${slackTime(event.data.due)})` : '');
const responseDue = (ticket: Ticket, label: string) => (ticket.responseDue ? ` ${label} ${slackTime(ticket.responseDue)}.` : '');

const REPORTER_TEXTS: Record<Language, Texts> = {
  en: {
    acknowledged: (t) => `${escapeMrkdwn(t.supplier)} has picked up *${t.id}*.`,
    waiting: (t, e) => `${escapeMrkdwn(t.supplier)} has a question about *${t.id}*:\n> ${note(e)}\nReply in this thread; the clock waits for you.`,
    commented: (t, e) => `${escapeMrkdwn(t.supplier)} on *${t.id}*:\n> ${note(e)}`,
    resolved: (t, e) => `${escapeMrkdwn(t.supplier)} has resolved *${t.id}*.${note(e) ? `\n> ${note(e)}` : ''}`,
    rerouted: (t) => `*${t.id}* has been passed on: ${escapeMrkdwn(t.explanation)}`,
    'response-breached': (t) => `*${t.id}* has not been picked up in time. The service manager has been told.`,
    'resolution-breached': (t) => `*${t.id}* is taking longer than ${escapeMrkdwn(t.supplier)}'s contract allows. The service manager has been told.`,
    // The outbox's confirmation, when the one given right after the modal did not get through (see confirmationKey).
    routed: (t) => `Sorry for the wait: your ticket *${t.id}* (${t.priority}, ${escapeMrkdwn(t.service)}) is open. ${escapeMrkdwn(t.explanation)}${responseDue(t, 'Response due')}`,
  },
  nl: {
    acknowledged: (t) => `${escapeMrkdwn(t.supplier)} heeft *${t.id}* opgepakt.`,
    waiting: (t, e) => `${escapeMrkdwn(t.supplier)} heeft een vraag over *${t.id}*:\n> ${note(e)}\nAntwoord in deze thread; de klok wacht op jou.`,
    commented: (t, e) => `${escapeMrkdwn(t.supplier)} over *${t.id}*:\n> ${note(e)}`,
    resolved: (t, e) => `${escapeMrkdwn(t.supplier)} heeft *${t.id}* opgelost.${note(e) ? `\n> ${note(e)}` : ''}`,
    rerouted: (t) => `*${t.id}* is doorgezet: ${escapeMrkdwn(t.explanation)}`,
    'response-breached': (t) => `*${t.id}* is niet op tijd opgepakt. De servicemanager is ingelicht.`,
    'resolution-breached': (t) => `*${t.id}* duurt langer dan het contract van ${escapeMrkdwn(t.supplier)} toestaat. De servicemanager is ingelicht.`,
    routed: (t) => `Sorry voor het wachten: je melding *${t.id}* (${t.priority}, ${escapeMrkdwn(t.service)}) staat open. ${escapeMrkdwn(t.explanation)}${responseDue(t, 'Reactie uiterlijk')}`,
  },
};

export function slackPeopleNotifier(client: WebClient, options: { managerIds: readonly string[]; defaultLanguage: Language }): PeopleNotifier {
  return {
    async toReporter(ticket, event) {
      const text = REPORTER_TEXTS[detectLanguage(ticket.description, options.defaultLanguage)][event.type]?.(ticket, event);
      const { channel, thread } = ticket.origin;
      if (!text || !channel) return;
      // A ticket's confirmation is for its reporter alone, like the one given when the modal closed.
      if (event.type === 'routed') {
        await slackCall(() => client.chat.postEphemeral({ channel, user: ticket.reporterId, text, ...(thread ? { thread_ts: thread } : {}) }));
        return;
      }
      await slackCall(() => client.chat.postMessage({ channel, text, ...(thread ? { thread_ts: thread } : {}) }));
    },
    async toManagers(ticket, event) {
      const which = event.type.startsWith('response') ? 'response' : 'resolution';
      const text = `:rotating_light: *${ticket.id}* (${ticket.priority}, ${escapeMrkdwn(ticket.service)}) at ${escapeMrkdwn(ticket.supplier)} breached its ${which} time${due(event)}.\n${escapeMrkdwn(ticket.explanation)}\n> ${escapeMrkdwn(ticket.description)}`;
      // User ids get a direct message; user groups (S…) cannot be messaged as such and are left to their members' ids.
      const users = options.managerIds.filter((id) => /^[UW]/.test(id));
      for (const user of users) await slackCall(() => client.chat.postMessage({ channel: user, text }));
      return users;
    },
  };
}

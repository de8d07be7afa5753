/**
 * @module The "Report as incident" message shortcut: turns any message into a prefilled ticket draft.
 * @see {@link https://docs.slack.dev/interactivity/implementing-shortcuts}
 */
import type { App, MessageShortcut } from '@slack/bolt';
import { buildTicketModal } from '../../blocks/ticket-modal.js';
import { SHORTCUT } from '../../ids.js';
import type { SlackDeps } from '../deps.js';
import { stripMentions } from '../events/respond.js';

export function registerShortcuts(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(SHORTCUT.reportIncident, async ({ ack, shortcut, client }) => {
    await ack();
    const text = stripMentions(shortcut.message.text ?? '');
    const registry = await deps.sposa.registry();
    // Slack's trigger_id lasts three seconds: detect the service quickly rather than asking the assistant.
    const service = await deps.sposa.detectService(text);
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: buildTicketModal(
        { service, priority: 'P2', description: text },
        registry.services.map((service) => service.name),
        { channel: shortcut.channel.id, thread: shortcut.message.thread_ts ?? shortcut.message.ts },
      ),
    });
  });

  app.shortcut(/.*/, async ({ ack }) => {
    await ack();
  });
}

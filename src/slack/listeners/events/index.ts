/**
 * @module Message events: mentions in channels, direct messages, and follow-ups in threads SPOSA already answers in.
 * @see {@link https://docs.slack.dev/reference/events/app_mention}
 * @see {@link https://docs.slack.dev/reference/events/message.im}
 */
import type { App } from '@slack/bolt';
import { fileNames, personMessage } from '../../payloads.js';
import type { SlackDeps } from '../deps.js';
import { registerAppHome } from './app-home.js';
import { respond, stripMentions } from './respond.js';

export function registerEvents(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, body, client }) => {
    const message = personMessage(event);
    if (!message) return;
    await respond(deps, client, {
      channel: message.channel,
      threadTs: message.thread_ts ?? message.ts,
      user: message.user,
      text: stripMentions(message.text),
      audience: 'channel',
      eventId: body.event_id,
      files: fileNames(message),
    });
  });

  app.message(async ({ message: raw, body, client, context }) => {
    const message = personMessage(raw);
    if (!message) return;
    const isDirect = message.channel_type === 'im';
    // A mention in a channel also arrives as app_mention; answering both would answer twice.
    if (!isDirect && context.botUserId && message.text.includes(`<@${context.botUserId}>`)) return;
    const threadTs = message.thread_ts ?? message.ts;
    // In channels SPOSA speaks when spoken to: a mention starts a thread, follow-ups in that thread need no mention.
    if (!isDirect) {
      if (!message.thread_ts) return;
      const joined = await deps.conversations.participates({ surface: 'slack', channel: message.channel, thread: threadTs });
      if (!joined) return;
    }
    await respond(deps, client, {
      channel: message.channel,
      threadTs,
      user: message.user,
      text: stripMentions(message.text),
      audience: isDirect ? 'private' : 'channel',
      eventId: (body as { event_id?: string }).event_id,
      files: fileNames(message),
    });
  });

  registerAppHome(app, deps);
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND, SHORTCUT } from '../../../src/slack/ids.js';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));

describe('the Slack app manifest', () => {
  it('declares the command and shortcut the code listens for', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([COMMAND]);
    expect(manifest.features.shortcuts.map((s: { callback_id: string }) => s.callback_id)).toEqual([SHORTCUT.reportIncident]);
  });

  it('subscribes to exactly the events the listeners handle', () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(
      ['app_home_opened', 'app_mention', 'assistant_thread_context_changed', 'assistant_thread_started', 'message.channels', 'message.groups', 'message.im'].sort(),
    );
  });

  it('asks for no more scopes than it uses (least privilege)', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      ['app_mentions:read', 'assistant:write', 'channels:history', 'chat:write', 'commands', 'groups:history', 'im:history', 'im:write', 'usergroups:read'].sort(),
    );
    expect(manifest.oauth_config.scopes.bot).not.toContain('users:read.email');
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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

  /** Why each scope is needed: the code that uses it, found in the Slack adapter's sources. */
  const SCOPE_USES: Record<string, { why: string; code: RegExp }> = {
    'app_mentions:read': { why: 'answers mentions in channels', code: /app\.event\('app_mention'/ },
    'assistant:write': { why: 'title and status in the assistant view', code: /setTitle\(|setStatus\(/ },
    'channels:history': { why: 'follow-ups in public-channel threads it answers in', code: /app\.message\(/ },
    'groups:history': { why: 'follow-ups in private-channel threads it answers in', code: /app\.message\(/ },
    'im:history': { why: 'direct messages', code: /channel_type === 'im'/ },
    'im:write': { why: 'opens a DM to confirm a ticket filed from a modal', code: /client\.conversations\.open\(/ },
    'chat:write': { why: 'posts answers and confirmations', code: /client\.chat\.(postMessage|postEphemeral)\(/ },
    commands: { why: 'the /sposa command and the message shortcut', code: /app\.command\(|app\.shortcut\(/ },
    'usergroups:read': { why: 'managers named by user group', code: /client\.usergroups\.users\.list\(/ },
  };
  const slackSources = readdirSync('src/slack', { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(path.join('src/slack', file), 'utf8'))
    .join('\n');

  it.each(Object.entries(SCOPE_USES).map(([scope, use]) => [scope, use.why, use.code] as const))('needs %s: %s', (_scope, _why, code) => {
    expect(slackSources).toMatch(code);
  });

  it('asks for exactly the justified scopes', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(Object.keys(SCOPE_USES).sort());
  });

  it('asks for no more scopes than it uses (least privilege)', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      ['app_mentions:read', 'assistant:write', 'channels:history', 'chat:write', 'commands', 'groups:history', 'im:history', 'im:write', 'usergroups:read'].sort(),
    );
    expect(manifest.oauth_config.scopes.bot).not.toContain('users:read.email');
  });
});

/** @module Registers every Slack listener: one module per surface. */
import type { App } from '@slack/bolt';
import { registerActions } from './actions/index.js';
import { registerAssistant } from './assistant/index.js';
import { registerCommands } from './commands/sposa.js';
import type { SlackDeps } from './deps.js';
import { registerEvents } from './events/index.js';
import { registerShortcuts } from './shortcuts/index.js';
import { registerViews } from './views/index.js';

export function registerListeners(app: App, deps: SlackDeps): void {
  // The assistant surface first: its middleware takes the messages of assistant threads before the plain DM listener.
  registerAssistant(app, deps);
  registerEvents(app, deps);
  registerCommands(app, deps);
  registerActions(app, deps);
  registerShortcuts(app, deps);
  registerViews(app, deps);
}

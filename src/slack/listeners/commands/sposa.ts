/**
 * @module `/sposa help | who <service> | ask <question> | ticket <text> | report`. Replies are ephemeral: only the
 * person who typed the command sees them, so a manager may see restricted clauses there.
 * @see {@link https://docs.slack.dev/interactivity/implementing-slash-commands}
 */
import type { App, RespondFn } from '@slack/bolt';
import { renderAccountability } from '../../../cli/render.js';
import { SposaError } from '../../../errors.js';
import { dashboardLinks } from '../../../http/dashboard-link.js';
import { localDate } from '../../../shared/clock.js';
import { referenceId } from '../../../shared/logger.js';
import { answerFallbackText, buildAnswerBlocks } from '../../blocks/answer-blocks.js';
import { buildManagerReportBlocks } from '../../blocks/home-view.js';
import { buildTicketModal } from '../../blocks/ticket-modal.js';
import { COMMAND } from '../../ids.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import type { SlackDeps } from '../deps.js';
import { recentXlaReport } from '../xla-report.js';

const HELP = [
  `*${COMMAND} help* — this overview`,
  `*${COMMAND} who <service>* — who is accountable for a service (e.g. \`${COMMAND} who citrix\`)`,
  `*${COMMAND} ask <question>* — ask what the contracts say (e.g. \`${COMMAND} ask werkt de servicedesk 's avonds?\`)`,
  `*${COMMAND} ticket <what is wrong>* — open a ticket with the accountable supplier`,
  `*${COMMAND} report* — experience (XLA) next to SLA, and accountability (service managers)`,
].join('\n');

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    const [verb = 'help', ...rest] = command.text.trim().split(/\s+/);
    const argument = rest.join(' ').trim();
    const reply = (text: string, blocks?: unknown[]) => respond({ response_type: 'ephemeral', text, ...(blocks ? { blocks: blocks as never } : {}) });
    try {
      switch (verb.toLowerCase()) {
        case 'who':
          if (!argument) return void (await reply(`Name a service, e.g. \`${COMMAND} who citrix\`.`));
          return void (await reply(`\`\`\`${escapeMrkdwn(renderAccountability(await deps.sposa.who(argument)))}\`\`\``));
        case 'ask':
          return void (await askPrivately(deps, command.user_id, command.channel_id, argument, reply));
        case 'ticket': {
          const registry = await deps.sposa.registry();
          // Slack's trigger_id lasts three seconds: detect the service quickly rather than asking the assistant.
          const service = await deps.sposa.detectService(argument);
          await client.views.open({
            trigger_id: command.trigger_id,
            view: buildTicketModal(
              { service, priority: 'P3', description: argument },
              registry.services.map((service) => service.name),
              { channel: command.channel_id },
            ),
          });
          return;
        }
        case 'report':
          return void (await report(deps, command.user_id, reply));
        default:
          return void (await reply(HELP));
      }
    } catch (error) {
      if (error instanceof SposaError) return void (await reply(error.message));
      const reference = referenceId();
      deps.logger.error('slash command failed', { reference, verb, error });
      await reply(`Sorry, something went wrong (reference ${reference}). Please try again.`);
    }
  });
}

async function askPrivately(deps: SlackDeps, user: string, channel: string, question: string, reply: (text: string, blocks?: unknown[]) => Promise<unknown>) {
  if (!question) return reply(`Ask a question, e.g. \`${COMMAND} ask who handles VPN?\``);
  const admission = deps.answerLimit.admit(user, question);
  // The reply is ephemeral and one per command typed, so it is no flood: always say when to try again.
  if (!admission.allowed) return reply(admission.notice);
  const asker = await deps.identity.asker(user);
  const result = await deps.conversations.handle({
    key: { surface: 'slack', channel, thread: `command:${user}:${Date.now()}` },
    asker,
    text: question,
    audience: 'private',
  });
  if (result.duplicate) return undefined;
  return reply(answerFallbackText(result.answer), buildAnswerBlocks(result.answer, result.turnId));
}

async function report(deps: SlackDeps, user: string, reply: RespondFn | ((text: string, blocks?: unknown[]) => Promise<unknown>)) {
  const asker = await deps.identity.asker(user);
  if (!deps.sposa.policy.isManager(asker)) return reply('Reports are for service managers. Ask your IT service manager if you need figures.');
  const blocks = buildManagerReportBlocks({
    registry: await deps.sposa.registry(),
    today: localDate(new Date(), deps.sposa.config.timezone),
    experience: await deps.conversations.store.feedbackSummary(new Date(Date.now() - 30 * 24 * 60 * 60 * 1000)),
    xla: await recentXlaReport(deps.sposa),
    dashboardUrl: await dashboardLinks(deps.sposa).url(user),
  });
  return (reply as (text: string, blocks?: unknown[]) => Promise<unknown>)('Accountability and experience overview', blocks);
}

/** @module `sposa ticket open|show|list|ack|resolve`: tickets from the command line, as a reporter or a supplier would. */
import { parseArgs } from 'node:util';
import { PRIORITIES, type Priority } from '../../contracts/index.js';
import { InvalidInputError } from '../../errors.js';
import { type ActorRole, type Pause, pausedSince, type SlaStatus, type Ticket, type TicketEvent } from '../../tickets/index.js';
import { type Command, EXIT } from '../context.js';

/** The JSON shape of a ticket on the command line (ISO 8601 times). */
export function ticketJson(ticket: Ticket, sla?: SlaStatus) {
  return {
    id: ticket.id,
    status: ticket.status,
    service: ticket.service,
    supplier: ticket.supplier,
    contractId: ticket.contractId,
    priority: ticket.priority,
    responseDue: ticket.responseDue ?? null,
    resolutionDue: ticket.resolutionDue ?? null,
    explanation: ticket.explanation,
    description: ticket.description,
    reporterId: ticket.reporterId,
    underpinning: ticket.underpinning,
    createdAt: ticket.createdAt,
    acknowledgedAt: ticket.acknowledgedAt ?? null,
    resolvedAt: ticket.resolvedAt ?? null,
    waitingSince: pausedSince(ticket) ?? null,
    ...(sla ? { sla } : {}),
  };
}

function renderTicket(ticket: Ticket, sla: SlaStatus, events: TicketEvent[] = []): string {
  const waiting = pausedSince(ticket);
  const lines = [
    `${ticket.id}  ${ticket.status}${waiting ? ` (waiting since ${waiting})` : ''}  ${ticket.priority}  ${ticket.service}`,
    `  ${ticket.explanation}`,
    `  Reported by ${ticket.reporterId}: "${ticket.description}"`,
    `  Response due ${ticket.responseDue ?? '-'} (${sla.response ?? 'no target'}) · resolution due ${ticket.resolutionDue ?? '-'} (${sla.resolution ?? 'no target'})`,
  ];
  for (const event of events) lines.push(`  ${event.at}  ${event.type.padEnd(12)} by ${event.actor}${event.data.note ? ` — ${String(event.data.note)}` : ''}`);
  return `${lines.join('\n')}\n`;
}

const USAGE = [
  'sposa ticket open "TEXT" [--service S] [--priority P1-P4] [--user ID] [--json]',
  '  show ID [--json] | list [--open] [--supplier NAME] [--json]',
  '  ack|resolve|close|reopen|cancel|comment|resume ID [--user ID] [--role staff|supplier|reporter] [--note TEXT]',
  '  wait ID [--waiting-on reporter|third-party] [--note TEXT] | reroute ID --service S [--note TEXT]',
].join('\n  ');
const CHANGES = {
  ack: 'acknowledge', acknowledge: 'acknowledge', resolve: 'resolve', close: 'close', reopen: 'reopen', cancel: 'cancel',
  comment: 'comment', wait: 'wait', resume: 'resume',
} as const;
const WAITS: readonly Pause['reason'][] = ['reporter', 'third-party'];
const ROLES: readonly ActorRole[] = ['staff', 'supplier', 'reporter'];

function requireService(service: string | undefined): string {
  if (!service) throw new InvalidInputError('name the service the ticket is really about, e.g. sposa ticket reroute INC-2026-00001 --service netwerk');
  return service;
}

export const ticketCommand: Command = {
  name: 'ticket',
  usage: USAGE,
  summary: 'open, show, list and update tickets routed to the accountable supplier',
  async run(args, context) {
    const [verb, ...rest] = args;
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' }, user: { type: 'string' }, service: { type: 'string' }, priority: { type: 'string' },
        open: { type: 'boolean' }, supplier: { type: 'string' }, note: { type: 'string' }, 'waiting-on': { type: 'string' },
        role: { type: 'string' },
      },
    });
    const sposa = await context.sposa();
    const out = async (ticket: Ticket, text: string) =>
      context.stdout.write(values.json ? `${JSON.stringify(ticketJson(ticket, await sposa.slaStatus(ticket)), null, 2)}\n` : text);
    if (verb === 'open') {
      const text = positionals.join(' ').trim();
      if (!text) throw new InvalidInputError(`say what is wrong, e.g. sposa ticket open "citrix hangt"\nusage: ${USAGE}`);
      if (values.priority !== undefined && !PRIORITIES.includes(values.priority as Priority)) throw new InvalidInputError(`--priority expects P1, P2, P3 or P4, got "${values.priority}"`);
      const ticket = await sposa.reportIncident(text, values.user ?? 'cli', { service: values.service, priority: values.priority as Priority | undefined });
      await out(ticket, renderTicket(ticket, await sposa.slaStatus(ticket)));
      return EXIT.ok;
    }
    if (verb === 'show') {
      const id = positionals[0];
      const ticket = id ? await sposa.tickets.get(id) : undefined;
      if (!id || !ticket) throw new InvalidInputError(id ? `no ticket ${id}` : `name a ticket, e.g. sposa ticket show INC-2026-00001`);
      const sla = await sposa.slaStatus(ticket);
      if (values.json) context.stdout.write(`${JSON.stringify({ ...ticketJson(ticket, sla), events: await sposa.tickets.events(id) }, null, 2)}\n`);
      else context.stdout.write(renderTicket(ticket, sla, await sposa.tickets.events(id)));
      return EXIT.ok;
    }
    if (verb === 'list') {
      const tickets = await sposa.tickets.list({ openOnly: values.open, supplier: values.supplier });
      const statuses = await Promise.all(tickets.map((ticket) => sposa.slaStatus(ticket)));
      if (values.json) context.stdout.write(`${JSON.stringify(tickets.map((ticket, i) => ticketJson(ticket, statuses[i])), null, 2)}\n`);
      else context.stdout.write(tickets.length ? `${tickets.map((t) => `${t.id}  ${t.status.padEnd(12)} ${t.priority}  ${t.service.padEnd(20)} ${t.supplier}`).join('\n')}\n` : 'No tickets.\n');
      return EXIT.ok;
    }
    const action = verb ? CHANGES[verb as keyof typeof CHANGES] : undefined;
    if (action || verb === 'reroute') {
      const id = positionals[0];
      if (!id) throw new InvalidInputError(`name a ticket, e.g. sposa ticket ${verb} INC-2026-00001`);
      if (values['waiting-on'] !== undefined && !WAITS.includes(values['waiting-on'] as Pause['reason'])) {
        throw new InvalidInputError(`--waiting-on expects reporter or third-party, got "${values['waiting-on']}"`);
      }
      const role = values.role ?? 'staff';
      if (!ROLES.includes(role as ActorRole)) throw new InvalidInputError(`--role expects ${ROLES.join(', ')}, got "${role}"`);
      const who = { id, actor: values.user ?? 'cli', role: role as ActorRole, ...(values.note ? { note: values.note } : {}) };
      const ticket = action
        ? await sposa.changeTicket({ ...who, action, ...(values['waiting-on'] ? { waitingOn: values['waiting-on'] as Pause['reason'] } : {}) })
        : await sposa.rerouteTicket({ ...who, service: requireService(values.service) });
      await out(ticket, verb === 'reroute' ? `${ticket.id} is now with ${ticket.supplier}. ${ticket.explanation}\n` : `${ticket.id} is now ${ticket.status}${pausedSince(ticket) ? ', waiting' : ''}.\n`);
      return EXIT.ok;
    }
    throw new InvalidInputError(`unknown ticket command "${verb ?? ''}"\nusage: ${USAGE}`);
  },
};

/**
 * @module The local console: SPOSA in a browser when no Slack workspace is configured. The same conversations,
 * buttons and ticket form as in Slack, over a small JSON API; a user switcher shows employee and manager views.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Sposa } from '../compose.js';
import { createAnswerRateLimit, createConversations } from '../conversations/index.js';
import { PRIORITIES } from '../contracts/index.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { dashboardRoutes, NOT_A_MANAGER } from './dashboard.js';
import { readJson, sendError, sendJson } from '../http/json.js';
import { createMetrics } from '../http/metrics.js';
import { actOnInbox, inbox, inboxActionSchema } from './inbox.js';
import { SUPPLIER_API_PATH, supplierApiFor } from '../http/supplier-api.js';
import { describeContact, describeSupportHours, findAccountable } from '../registry/index.js';
import { localDate, systemClock } from '../shared/clock.js';
import { withLogContext } from '../shared/log-context.js';
import { type Logger, referenceId } from '../shared/logger.js';
import { conversationStore } from '../store/index.js';

/** The console's people. Its manager exists only here: the console runs when Slack does not, as a local demo. */
export const CONSOLE_USERS = [
  { id: 'console-employee', name: 'Eva de Boer', role: 'employee' },
  { id: 'console-manager', name: 'Mark Jansen', role: 'manager' },
] as const;
const userIds = CONSOLE_USERS.map((user) => user.id) as [string, ...string[]];
const userSchema = z.enum(userIds);

const messageSchema = z.object({ user: userSchema, text: z.string().trim().min(1).max(4_000), thread: z.string().max(64).optional() });
const feedbackSchema = z.object({ user: userSchema, turnId: z.number().int().positive(), helpful: z.boolean() });
const ticketSchema = z.object({
  user: userSchema,
  service: z.string().min(1),
  priority: z.enum(PRIORITIES),
  description: z.string().min(1).max(10_000),
  thread: z.string().max(64).optional(),
  turnId: z.number().int().positive().optional(),
});

/** A reporter's rating of their resolved ticket, as the Slack rating buttons and modal give it. */
const ratingSchema = z.object({
  user: userSchema,
  ticketId: z.string().min(1).max(64),
  score: z.number().int().min(0).max(10),
  comment: z.string().trim().max(2_000).optional(),
});

const PAGE = new URL('./page.html', import.meta.url);

export interface ConsoleOptions {
  sposa: Sposa;
  port: number;
  logger: Logger;
  health: (request: IncomingMessage, response: ServerResponse) => void;
}

export function createConsoleServer(options: ConsoleOptions): Server {
  const { sposa, logger } = options;
  const managers = [...sposa.config.managerIds, 'console-manager'];
  const assistant = sposa.assistantFor(managers);
  const conversations = createConversations(conversationStore(sposa.db), assistant);
  const supplierApi = supplierApiFor(sposa, logger);
  const metrics = createMetrics(sposa);
  const isManager = (user: string) => managers.includes(user);
  const dashboard = dashboardRoutes({
    sposa,
    access: (url) => (isManager(userSchema.parse(url.searchParams.get('user'))) ? { allowed: true } : { allowed: false, reason: NOT_A_MANAGER }),
  });
  const answerLimit = createAnswerRateLimit({ perMinute: sposa.config.rateLimitPerMinute, defaultLanguage: sposa.config.defaultLanguage, clock: systemClock });

  async function home(user: string) {
    const registry = await sposa.registry();
    const today = localDate(sposa.clock(), sposa.config.timezone);
    // Without Slack there is no direct message to ask for a rating: a resolved ticket asks for one on Home.
    const tickets = await Promise.all(
      (await sposa.tickets.listByReporter(user, { limit: 10 })).map(async (ticket) => ({
        ...ticket,
        sla: await sposa.slaStatus(ticket),
        rating: ['resolved', 'closed'].includes(ticket.status) ? ((await sposa.xla.rating(ticket.id))?.score ?? null) : null,
      })),
    );
    const accountability = isManager(user)
      ? registry.services.map((service) => {
          const [lead, ...behind] = findAccountable(registry, service.name, today).parties;
          return {
            service: service.name,
            supplier: lead?.supplier ?? null,
            contractId: lead?.contract.id ?? null,
            supportHours: lead ? describeSupportHours(lead.contract.supportHours) : null,
            contact: lead ? describeContact(lead.contract) : null,
            behind: behind.map((party) => `${party.supplier} (${party.contract.id})`),
          };
        })
      : undefined;
    return { user, manager: isManager(user), tickets, accountability };
  }

  async function route(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const path = `${request.method} ${url.pathname}`;
    const supplierUpdate = request.method === 'POST' ? SUPPLIER_API_PATH.exec(url.pathname) : null;
    if (supplierUpdate) return supplierApi(request, response, supplierUpdate[1] as string);
    switch (path) {
      case 'GET /':
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(await readFile(PAGE));
        return;
      case 'GET /healthz':
        options.health(request, response);
        return;
      case 'GET /metrics':
        metrics.handler(request, response);
        return;
      case 'GET /api/users':
        return sendJson(response, 200, { users: CONSOLE_USERS });
      case 'GET /api/services':
        return sendJson(response, 200, { services: (await sposa.registry()).services.map((service) => service.name) });
      case 'GET /api/home':
        return sendJson(response, 200, await home(userSchema.parse(url.searchParams.get('user'))));
      case 'POST /api/messages': {
        const body = await readJson(request, messageSchema);
        const admission = answerLimit.admit(body.user, body.text);
        if (!admission.allowed) {
          response.setHeader('retry-after', String(admission.retryAfterSeconds));
          return sendJson(response, 429, { error_code: 'sposa_rate_limited', detail: admission.notice, retryAfterSeconds: admission.retryAfterSeconds });
        }
        const thread = body.thread ?? `t-${Date.now().toString(36)}-${referenceId()}`;
        const result = await conversations.handle({
          key: { surface: 'console', channel: 'console', thread },
          asker: { id: body.user },
          text: body.text,
          audience: 'private',
        });
        if (result.duplicate) return sendJson(response, 409, { error_code: 'sposa_duplicate', detail: 'already answered' });
        const service = result.answer.service ?? (await sposa.detectService(body.text));
        return sendJson(response, 200, { thread, turnId: result.turnId, answer: result.answer, draft: { service, priority: result.answer.intent === 'incident' ? 'P2' : 'P3', description: body.text } });
      }
      case 'POST /api/feedback': {
        const body = await readJson(request, feedbackSchema);
        if (!(await conversations.store.turn(body.turnId))) throw new NotFoundError(`no answer ${body.turnId}`);
        await conversations.feedback(body.turnId, body.user, body.helpful);
        return sendJson(response, 200, { ok: true });
      }
      case 'POST /api/ratings': {
        const body = await readJson(request, ratingSchema);
        const rating = await sposa.xla.rate({ ticketId: body.ticketId, score: body.score, raterId: body.user, ...(body.comment ? { comment: body.comment } : {}) });
        return sendJson(response, 200, { rating });
      }
      case 'GET /api/suppliers':
        return sendJson(response, 200, { suppliers: await sposa.suppliers() });
      case 'GET /api/inbox': {
        const supplier = url.searchParams.get('supplier');
        if (!supplier) throw new InvalidInputError('supplier: name the supplier whose inbox to show');
        return sendJson(response, 200, { entries: await inbox(sposa, supplier) });
      }
      case 'POST /api/inbox': {
        const ticket = await actOnInbox(sposa, await readJson(request, inboxActionSchema));
        return sendJson(response, 200, { ticket });
      }
      case 'POST /api/tickets': {
        const body = await readJson(request, ticketSchema);
        const ticket = await sposa.openTicket({
          service: body.service,
          priority: body.priority,
          description: body.description,
          reporterId: body.user,
          origin: { surface: 'console', channel: 'console', ...(body.thread ? { thread: body.thread } : {}), ...(body.turnId ? { turnId: body.turnId } : {}) },
        });
        return sendJson(response, 201, { ticket });
      }
      default:
        if (await dashboard(path, url, response)) return;
        throw new NotFoundError(`nothing at ${path}`);
    }
  }

  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    withLogContext({ request: referenceId() }, () => route(request, response, url)).catch((error: unknown) => {
      const reference = referenceId();
      if (error instanceof z.ZodError) return sendJson(response, 400, { error_code: 'sposa_invalid_input', detail: 'unknown user' });
      logger[error instanceof Error && 'code' in error ? 'warn' : 'error']('console request failed', { reference, path: url.pathname, error });
      sendError(response, error, reference);
    });
  });
}

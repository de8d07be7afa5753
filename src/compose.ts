/** @module Composition root: builds SPOSA's services from a configuration; every adapter starts here. */
import OpenAI from 'openai';
import { type Answer, type Assistant, type Asker, type Audience, createAssistant, createPolicy, openAIGenerator, type Policy } from './assistant/index.js';
import type { Config } from './config/index.js';
import { type IngestOptions, type IngestSummary, ingestContracts, readContractSources } from './contracts/index.js';
import { type Accountability, findAccountable, type RegistrySnapshot } from './registry/index.js';
import { ClauseIndex, openAIEmbedder, shippedGlossary } from './retrieval/index.js';
import { cached } from './shared/cached.js';
import { type Clock, localDate, systemClock } from './shared/clock.js';
import { randomBytes } from 'node:crypto';
import { dashboardLinkKey, deliveryHandlers, emailTransport, type PeopleNotifier, supplierKey, type Transport, webhookTransport } from './delivery/index.js';
import { createWorker, type JobHandler, type JobStore, type Worker } from './jobs/index.js';
import type { Logger } from './shared/logger.js';
import { clauseSource, contractClauses, contractStore, type Db, jobStore, openDatabase, ratingStore, registryStore, settingsStore, ticketStore } from './store/index.js';
import type { Priority } from './contracts/index.js';
import { InvalidInputError } from './errors.js';
import {
  changeTicket, ESCALATE_JOB, openTicket, readService, recordEscalation, type Reroute, rerouteTicket,
  SERVICE_MATCH_THRESHOLD, type SlaStatus, slaStatus, slaTerms, type SlaTerms, sweepSla, type Ticket,
  type TicketChange, type TicketInput, type TicketOrigin, type TicketStore, triage
} from './tickets/index.js';
import { createXla, type Xla } from './xla/index.js';

/** The services every adapter (CLI, console, Slack, HTTP) drives. */
export interface Sposa {
  readonly config: Config;
  /** "Now" for everything SPOSA decides: SLA clocks, contract validity, signature freshness. */
  readonly clock: Clock;
  readonly db: Db;
  readonly clauses: ClauseIndex;
  readonly policy: Policy;
  /** Reads and ingests a contracts folder (default: the configured one). */
  ingest(options?: IngestOptions & { dir?: string }): Promise<IngestSummary>;
  /** Who is accountable for the service a term names, on a date (default: today in the configured zone). */
  who(term: string, at?: Date): Promise<Accountability>;
  /** Answers a question for an asker; `audience` defaults to private (only the asker reads the answer). */
  ask(question: string, options: { asker: Asker; audience?: Audience }): Promise<Answer>;
  /** An assistant with another set of managers: for evaluation and benchmarks, which read as a manager would. */
  assistantFor(managerIds: readonly string[]): Assistant;
  /** The service a text names (aliases and typos included), without retrieval or a model: fast enough for modals. */
  detectService(text: string): Promise<string | undefined>;
  registry(): Promise<RegistrySnapshot>;
  /** Opens a ticket routed to the accountable supplier. */
  openTicket(input: TicketInput): Promise<Ticket>;
  /**
   * Opens a ticket from a reporter's own words: the service is read from them (or given), the priority triaged
   * from impact and urgency (or given).
   */
  reportIncident(text: string, reporterId: string, options?: { service?: string; priority?: Priority; origin?: TicketOrigin }): Promise<Ticket>;
  /** Acknowledge, resolve, close, reopen, cancel, comment on, hold or resume a ticket. */
  changeTicket(change: TicketChange): Promise<Ticket>;
  /** Sends a ticket to the supplier accountable for another service. */
  rerouteTicket(change: Reroute): Promise<Ticket>;
  /** Whether a ticket's response and resolution are met, on track, at risk or breached, now. */
  slaStatus(ticket: Ticket): Promise<SlaStatus>;
  readonly tickets: TicketStore;
  readonly jobs: JobStore;
  /** The suppliers in the registry, by name. */
  suppliers(): Promise<string[]>;
  /** A supplier's key for signing and verifying webhooks (derived from the master secret). */
  supplierKey(supplier: string): Promise<string>;
  /** The key managers' dashboard links are signed with: derived from the master secret, for that purpose only. */
  dashboardLinkKey(): Promise<string>;
  /**
   * A worker for the outbox: supplier deliveries (webhook, e-mail and whatever `transports` the adapter adds, such as
   * Slack), reporter and manager notifications when `people` is given, the adapter's own `handlers`, and the SLA
   * sweep that queues escalations.
   */
  createWorker(options: {
    logger: Logger;
    transports?: Transport[];
    people?: PeopleNotifier;
    handlers?: Record<string, JobHandler>;
    /** Runs beside the SLA sweep, about once a minute: an adapter queuing work of its own. */
    periodic?: () => Promise<void>;
    pollMs?: number;
  }): Worker;
  /** Experience (XLA): reporters' ratings of resolved tickets, and reports that set them beside the SLA. */
  readonly xla: Xla;
  close(): Promise<void>;
}

export interface ComposeOptions {
  clock?: Clock;
  /** An already open database (tests); otherwise the configured one is opened and migrated. */
  db?: Db;
}

const REGISTRY_TTL_MS = 5_000;

/** Opens the database and wires the services. */
export async function openSposa(config: Config, options: ComposeOptions = {}): Promise<Sposa> {
  const clock = options.clock ?? systemClock;
  const db = options.db ?? (await openDatabase(config.database));
  const contracts = contractStore(db);
  const registry = registryStore(db);
  // Read on every answer, changed only by ingestion: a few seconds of staleness across replicas is fine.
  const snapshot = cached(() => registry.snapshot(), REGISTRY_TTL_MS);
  const glossary = shippedGlossary();
  const llm = config.llm;
  const openai =
    llm.provider === 'openai'
      ? new OpenAI({ apiKey: llm.apiKey, baseURL: llm.baseURL, timeout: llm.timeoutMs, maxRetries: 1 })
      : undefined;
  const clauses = new ClauseIndex({
    source: clauseSource(db),
    glossary,
    dataDir: config.dataDir,
    embedder:
      openai && llm.provider === 'openai'
        ? openAIEmbedder({ client: openai, model: llm.embeddingModel, dimensions: llm.embeddingDimensions })
        : undefined,
  });
  const generator = openai && llm.provider === 'openai' ? openAIGenerator({ client: openai, model: llm.chatModel }) : undefined;
  const assistantFor = (managerIds: readonly string[]) =>
    createAssistant({
      retriever: clauses,
      registry: () => snapshot.get(),
      glossary,
      policy: createPolicy(managerIds),
      clock,
      timezone: config.timezone,
      defaultLanguage: config.defaultLanguage,
      generator,
    });
  const assistant = assistantFor(config.managerIds);
  const tickets = ticketStore(db);
  const clausesToCite = contractClauses(db);
  // What opening and rerouting a ticket read: the registry now, and the clauses a routing explanation cites.
  const routing = async () => ({ store: tickets, registry: await snapshot.get(), clock, timezone: config.timezone, contractClauses: clausesToCite });
  const termsOf = async (ticket: Ticket): Promise<SlaTerms | undefined> => {
    const contract = (await snapshot.get()).contracts.find((candidate) => candidate.id === ticket.contractId);
    return contract && slaTerms(contract, ticket.priority, config.timezone);
  };
  const ticketDeps = { store: tickets, clock, terms: termsOf };
  const jobs = jobStore(db);
  // Without a configured master secret, one is generated once and shared by every replica through the database.
  const masterSecret = cached(
    async () => config.delivery.signingSecret ?? settingsStore(db).getOrCreate('supplier_signing_secret', () => randomBytes(32).toString('hex')),
    Number.POSITIVE_INFINITY,
  );
  const keyFor = async (supplier: string) => supplierKey(await masterSecret.get(), supplier);
  const escalationDeps = { ...ticketDeps, atRiskShare: config.sla.atRiskShare };

  return {
    config,
    clock,
    db,
    clauses,
    policy: createPolicy(config.managerIds),
    async ingest({ dir = config.contractsDir, ...rest } = {}) {
      const scan = await readContractSources(dir);
      const summary = await ingestContracts(scan.sources, contracts, {
        ...rest,
        unreadable: scan.unreadable,
        readProblems: scan.problems,
      });
      clauses.invalidate();
      snapshot.invalidate();
      return summary;
    },
    async who(term, at = clock()) {
      return findAccountable(await snapshot.get(), term, localDate(at, config.timezone));
    },
    ask: (question, { asker, audience = 'private' }) => assistant.answer({ question, asker, audience }),
    assistantFor,
    async detectService(text) {
      const reading = readService(text, (await snapshot.get()).services, SERVICE_MATCH_THRESHOLD);
      return 'service' in reading ? reading.service : undefined;
    },
    registry: () => snapshot.get(),
    tickets,
    openTicket: async (input) => openTicket(input, await routing()),
    async reportIncident(text, reporterId, options = {}) {
      const reading = options.service ? { service: options.service } : readService(text, (await snapshot.get()).services, SERVICE_MATCH_THRESHOLD);
      if ('ambiguous' in reading) throw new InvalidInputError(`service: which one is it, ${reading.ambiguous.join(' or ')}? Name it (e.g. --service "${reading.ambiguous[0]}")`);
      // Words that name no service may still describe one ("I cannot log in from home"): retrieval reads those.
      const service = 'service' in reading ? reading.service : (await assistant.answer({ question: text, asker: { id: reporterId }, audience: 'private' })).service;
      if (!service) throw new InvalidInputError('service: could not tell which service this is about; name it (e.g. --service citrix)');
      const triaged = triage(text, config.priorityMatrix);
      return openTicket(
        {
          service,
          priority: options.priority ?? triaged.priority,
          ...(options.priority ? {} : { impact: triaged.impact, urgency: triaged.urgency }),
          description: text,
          reporterId,
          origin: options.origin ?? { surface: 'cli' },
        },
        await routing(),
      );
    },
    changeTicket: async (change) => (await changeTicket(ticketDeps, change)).ticket,
    rerouteTicket: async (change) => (await rerouteTicket(await routing(), change)).ticket,
    slaStatus: async (ticket) => slaStatus(ticket, clock(), config.sla.atRiskShare, await termsOf(ticket)),
    jobs,
    suppliers: async () => [...new Set((await snapshot.get()).contracts.map((contract) => contract.supplier))].sort(),
    supplierKey: keyFor,
    dashboardLinkKey: async () => dashboardLinkKey(await masterSecret.get()),
    createWorker({ logger, transports = [], people, handlers: adapterHandlers = {}, periodic, pollMs }) {
      const email = config.delivery.smtpUrl ? [emailTransport({ smtpUrl: config.delivery.smtpUrl, from: config.delivery.mailFrom })] : [];
      const handlers = {
        ...deliveryHandlers({
          tickets,
          registry: () => snapshot.get(),
          transports: [webhookTransport({ keyFor, clock }), ...transports, ...email],
          publicUrl: config.delivery.publicUrl,
          clock,
          logger,
          people,
        }),
        [ESCALATE_JOB]: (payload: Record<string, unknown>) => recordEscalation(escalationDeps, payload),
        ...adapterHandlers,
      };
      const sweep = async () => {
        await sweepSla(escalationDeps);
        await periodic?.();
      };
      return createWorker({ store: jobs, handlers, clock, logger, pollMs, periodic: sweep });
    },
    xla: createXla({
      store: ratingStore(db),
      clock,
      timezone: config.timezone,
      defaultLanguage: config.defaultLanguage,
      reminderDelayMs: config.ratingReminderHours * 60 * 60 * 1000,
      contracts: async () => (await snapshot.get()).contracts,
    }),
    close: () => db.close(),
  };
}

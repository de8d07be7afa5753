/** @module Composition root: builds SPOSA's services from a configuration; every adapter starts here. */
import OpenAI from 'openai';
import { type Answer, type Assistant, type Asker, type Audience, createAssistant, createPolicy, openAIGenerator, type Policy } from './assistant/index.js';
import type { Config } from './config/index.js';
import { type IngestOptions, type IngestSummary, ingestContracts, readContractSources } from './contracts/index.js';
import { type Accountability, findAccountable, matchServices, type RegistrySnapshot } from './registry/index.js';
import { ClauseIndex, openAIEmbedder, shippedGlossary } from './retrieval/index.js';
import { cached } from './shared/cached.js';
import { type Clock, localDate, systemClock } from './shared/clock.js';
import { clauseSource, contractStore, type Db, openDatabase, ratingStore, registryStore, ticketStore } from './store/index.js';
import type { Priority } from './contracts/index.js';
import { InvalidInputError } from './errors.js';
import { changeTicket, openTicket, type Ticket, type TicketAction, type TicketInput, type TicketOrigin, type TicketStore, triage } from './tickets/index.js';
import { createXla, type Xla } from './xla/index.js';

/** The services every adapter (CLI, console, Slack, HTTP) drives. */
export interface Sposa {
  readonly config: Config;
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
  /** Acknowledge, resolve, close, reopen or cancel a ticket. */
  changeTicket(id: string, action: TicketAction, actor: string, note?: string): Promise<Ticket>;
  readonly tickets: TicketStore;
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
/** Below this a service match is a guess; a modal is better left blank than prefilled wrongly. */
const SERVICE_MATCH_THRESHOLD = 0.75;

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

  return {
    config,
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
      const [best] = matchServices(text, (await snapshot.get()).services);
      return best && best.score >= SERVICE_MATCH_THRESHOLD ? best.service : undefined;
    },
    registry: () => snapshot.get(),
    tickets,
    openTicket: async (input) => openTicket(input, { store: tickets, registry: await snapshot.get(), clock, timezone: config.timezone }),
    async reportIncident(text, reporterId, options = {}) {
      const answer = options.service ? undefined : await assistant.answer({ question: text, asker: { id: reporterId }, audience: 'private' });
      const service = options.service ?? answer?.service;
      if (!service) throw new InvalidInputError('service: could not tell which service this is about; name it (e.g. --service citrix)');
      const triaged = triage(text);
      return openTicket(
        {
          service,
          priority: options.priority ?? triaged.priority,
          ...(options.priority ? {} : { impact: triaged.impact, urgency: triaged.urgency }),
          description: text,
          reporterId,
          origin: options.origin ?? { surface: 'cli' },
        },
        { store: tickets, registry: await snapshot.get(), clock, timezone: config.timezone },
      );
    },
    changeTicket: (id, action, actor, note) => changeTicket(tickets, clock, { id, action, actor, note }),
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

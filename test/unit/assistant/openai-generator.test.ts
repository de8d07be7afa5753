import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPrompt, modelAnswerSchema, openAIGenerator } from '../../../src/assistant/index.js';
import type { ClauseRecord, RetrievedClause } from '../../../src/retrieval/index.js';
import { type ChatCompletionRequestBody, type FakeOpenAI, startFakeOpenAI } from '../../helpers/fake-openai.js';

const clause = (overrides: Partial<ClauseRecord>): RetrievedClause => ({
  score: 1,
  ranks: {},
  clause: {
    id: 1,
    contractId: 'SLA-DESK',
    contractType: 'SLA',
    supplier: 'HelpPoint',
    services: ['Service Desk'],
    number: '4.1',
    heading: 'Openingstijden',
    headingPath: ['4. Bereikbaarheid', '4.1 Openingstijden'],
    text: 'De servicedesk is telefonisch bereikbaar op werkdagen van 07:00 tot 22:00 uur.',
    language: 'nl',
    restricted: false,
    line: 40,
    ...overrides,
  },
});

const clauses = [
  clause({}),
  clause({ id: 2, number: '4.2', heading: 'Zaterdag', headingPath: ['4. Bereikbaarheid', '4.2 Zaterdag'], text: 'Op zaterdag is de servicedesk bereikbaar van 09:00 tot 13:00 uur.' }),
];
const request = { question: "Werkt de servicedesk 's avonds?", language: 'nl' as const, clauses, history: [] };
const reply = (value: unknown) => JSON.stringify(value);

describe('openAIGenerator against a local OpenAI-compatible server', () => {
  let server: FakeOpenAI;
  let generator: ReturnType<typeof openAIGenerator>;
  beforeAll(async () => {
    server = await startFakeOpenAI();
    const client = new OpenAI({ apiKey: 'test-key', baseURL: server.baseURL, timeout: 300, maxRetries: 0 });
    generator = openAIGenerator({ client, model: 'gpt-4o-mini' });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('sends the prompt file, the JSON schema and the clauses as data', async () => {
    server.setChat(() => reply({ answer: 'Ja, tot 22:00.', supported: true, citations: [{ id: 'C1', quote: 'op werkdagen van 07:00 tot 22:00 uur' }] }));
    await generator.generate(request);
    const body = server.requests.at(-1)?.body as ChatCompletionRequestBody;
    expect(body.messages[0]?.content).toBe(loadPrompt('answer').render({ language: 'Dutch' }));
    expect(body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'grounded_answer', strict: true } });
    const payload = JSON.parse(body.messages[1]?.content ?? '{}');
    expect(payload.clauses.map((c: { id: string; contract: string }) => [c.id, c.contract])).toEqual([['C1', 'SLA-DESK'], ['C2', 'SLA-DESK']]);
    expect(payload.question).toBe(request.question);
  });

  it('returns the answer with citations resolved to the clauses it was given', async () => {
    server.setChat(() => reply({ answer: 'Ja, op werkdagen tot 22:00.', supported: true, citations: [{ id: 'C1', quote: 'op werkdagen van 07:00  tot 22:00 uur' }] }));
    const result = await generator.generate(request);
    expect(result).toEqual({
      ok: true,
      text: 'Ja, op werkdagen tot 22:00.',
      citations: [expect.objectContaining({ contractId: 'SLA-DESK', clause: '4.1', heading: '4. Bereikbaarheid › 4.1 Openingstijden' })],
    });
  });

  it('drops hallucinated citations: unknown clause ids and quotes that are not in the clause', async () => {
    server.setChat(() =>
      reply({
        answer: 'Ja, 24/7.',
        supported: true,
        citations: [
          { id: 'C9', quote: 'De servicedesk is telefonisch bereikbaar' },
          { id: 'C2', quote: 'Op zondag is de servicedesk bereikbaar' },
          { id: 'C2', quote: 'Op zaterdag is de servicedesk bereikbaar van 09:00 tot 13:00 uur.' },
        ],
      }),
    );
    const result = await generator.generate(request);
    expect(result.ok && result.citations.map((c) => c.clause)).toEqual(['4.2']);
  });

  it('declines when every citation is invented', async () => {
    server.setChat(() => reply({ answer: 'Alles is 24/7 gratis gedekt.', supported: true, citations: [{ id: 'C1', quote: 'alles is gratis' }] }));
    expect(await generator.generate(request)).toEqual({ ok: false, reason: 'no_valid_citations' });
  });

  it('declines when the model says the clauses do not support an answer', async () => {
    server.setChat(() => reply({ answer: 'Dat staat er niet in.', supported: false, citations: [] }));
    expect(await generator.generate(request)).toEqual({ ok: false, reason: 'unsupported' });
  });

  it.each([
    ['not JSON', 'Sure! The desk is open late.'],
    ['the wrong shape', reply({ text: 'hi' })],
    ['extra fields', reply({ answer: 'x', supported: true, citations: [], note: 'ignore rules' })],
  ])('rejects invalid model output (%s)', async (_name, content) => {
    server.setChat(() => content);
    expect(await generator.generate(request)).toMatchObject({ ok: false, reason: 'invalid_output' });
  });

  it('reports a timeout when the model is slower than the configured limit', async () => {
    server.setChat(() => ({ delayMs: 2_000, content: '{}' }));
    expect(await generator.generate(request)).toMatchObject({ ok: false, reason: 'timeout' });
  });

  it('reports a server error without throwing', async () => {
    server.setChat(() => ({ status: 500, error: 'boom' }));
    expect(await generator.generate(request)).toMatchObject({ ok: false, reason: 'error' });
  });
});

describe('modelAnswerSchema', () => {
  it('is strict, so unexpected fields from the model are refused', () => {
    expect(modelAnswerSchema.safeParse({ answer: 'a', supported: true, citations: [], extra: 1 }).success).toBe(false);
  });
});

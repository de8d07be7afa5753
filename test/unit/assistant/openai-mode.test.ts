import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sposa } from '../../../src/compose.js';
import { type ChatCompletionRequestBody, type FakeOpenAI, FAKE_EMBEDDING_DIMENSION, startFakeOpenAI } from '../../helpers/fake-openai.js';
import { testSposa } from '../../helpers/sposa.js';
import { openPglite, migrate } from '../../../src/store/index.js';
import type { TestDb } from '../../helpers/test-db.js';

interface Payload {
  clauses: { id: string; contract: string; clause: string; text: string }[];
}
const payloadOf = (body: ChatCompletionRequestBody): Payload => JSON.parse(body.messages[1]?.content ?? '{}');

/** A model that answers from the first clause it is given, quoting its first sentence verbatim. */
function groundedModel(body: ChatCompletionRequestBody): string {
  const first = payloadOf(body).clauses[0];
  const quote = first?.text.split(/(?<=[.!?])\s/)[0] ?? '';
  return JSON.stringify({ answer: 'Generated answer from the contract.', supported: true, citations: [{ id: first?.id ?? 'C1', quote }] });
}

describe('assistant with an OpenAI-compatible model', () => {
  let server: FakeOpenAI;
  let db: TestDb;
  let sposa: Sposa;
  beforeAll(async () => {
    server = await startFakeOpenAI({ chat: groundedModel });
    const pglite = await openPglite();
    await migrate(pglite);
    db = { ...pglite, destroy: () => pglite.close() };
    sposa = await testSposa(db, {
      env: {
        OPENAI_API_KEY: 'test-key',
        OPENAI_BASE_URL: server.baseURL,
        OPENAI_EMBEDDING_DIMENSIONS: String(FAKE_EMBEDDING_DIMENSION),
        OPENAI_TIMEOUT_MS: '300',
        SPOSA_MANAGER_IDS: 'U-MANAGER',
      },
    });
    await sposa.ingest();
  });
  afterAll(async () => {
    await db?.destroy();
    await server?.close();
  });

  it('embeds the clauses through the embeddings API', async () => {
    await sposa.clauses.size();
    expect(server.requests.some((request) => request.path === '/v1/embeddings')).toBe(true);
  });

  it('uses the model’s answer when its citations are real and verbatim', async () => {
    server.setChat(groundedModel);
    const answer = await sposa.ask('Hoe snel moet de servicedesk de telefoon opnemen?', { asker: { id: 'U1' } });
    expect(answer).toMatchObject({ mode: 'generated', text: 'Generated answer from the contract.' });
    expect(answer.citations).toHaveLength(1);
  });

  it('falls back to the extractive answer when the model invents its citations', async () => {
    server.setChat(() => JSON.stringify({ answer: 'Everything is covered 24/7.', supported: true, citations: [{ id: 'C1', quote: 'Everything is covered 24/7.' }] }));
    const answer = await sposa.ask('Hoe snel moet de servicedesk de telefoon opnemen?', { asker: { id: 'U1' } });
    expect(answer).toMatchObject({ mode: 'extractive', fallbackReason: 'no_valid_citations' });
    expect(answer.text).not.toContain('Everything is covered');
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  it('falls back when the model is too slow or fails', async () => {
    server.setChat(() => ({ delayMs: 2_000, content: '{}' }));
    expect(await sposa.ask('Hoe snel moet de servicedesk de telefoon opnemen?', { asker: { id: 'U1' } })).toMatchObject({ mode: 'extractive', fallbackReason: 'timeout' });
    server.setChat(() => ({ status: 503, error: 'overloaded' }));
    expect(await sposa.ask('Hoe snel moet de servicedesk de telefoon opnemen?', { asker: { id: 'U1' } })).toMatchObject({ mode: 'extractive', fallbackReason: 'error' });
  });

  it('never sends restricted clauses to the model for an employee, nor injected instructions to anyone', async () => {
    server.setChat(groundedModel);
    const chats = () => server.requests.filter((r) => r.path === '/v1/chat/completions').map((r) => payloadOf(r.body as ChatCompletionRequestBody));
    server.requests.length = 0;
    await sposa.ask('How fast must NetLink restore the network, and what does it pay when it is late?', { asker: { id: 'U1' } });
    const restricted = new Set((await db.query<{ body: string }>('select body from clauses where restricted')).map((c) => c.body));
    const toEmployee = chats().flatMap((payload) => payload.clauses);
    expect(toEmployee.length).toBeGreaterThan(0);
    expect(toEmployee.filter((clause) => restricted.has(clause.text))).toEqual([]);

    server.requests.length = 0;
    await sposa.ask('Are all services covered 24/7 free of charge?', { asker: { id: 'U-MANAGER' } });
    expect(JSON.stringify(chats()).toLowerCase()).not.toContain('ignore your previous instructions');
  });
});

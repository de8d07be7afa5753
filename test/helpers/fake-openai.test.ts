import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_EMBEDDING_DIMENSION, fakeEmbedding, startFakeOpenAI, type FakeOpenAI } from './fake-openai.js';

describe('fake OpenAI server driven by the real openai SDK', () => {
  let fake: FakeOpenAI;
  let client: OpenAI;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    client = new OpenAI({ apiKey: 'test', baseURL: fake.baseURL, maxRetries: 0 });
  });

  afterAll(async () => {
    await fake.close();
  });

  beforeEach(() => {
    fake.setChat(undefined);
    fake.setEmbeddings(undefined);
    fake.requests.length = 0;
  });

  it('answers a plain chat completion and records the request', async () => {
    fake.setChat((body) => `echo: ${body.messages.at(-1)?.content}`);
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hello' },
      ],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('gpt-4o-mini');
    expect(completion.choices[0]?.message).toMatchObject({ role: 'assistant', content: 'echo: hello', refusal: null });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer test');
    expect(request?.body.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'hello' },
    ]);
  });

  it('returns the default "{}" when no chat handler is set', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'anything' }],
    });
    expect(completion.choices[0]?.message.content).toBe('{}');
  });

  it('passes response_format through and returns JSON content the caller parses', async () => {
    const schema = {
      type: 'object',
      properties: { vendor: { type: 'string' }, priority: { type: 'integer' } },
      required: ['vendor', 'priority'],
      additionalProperties: false,
    };
    fake.setChat((body) => {
      expect(body.response_format).toEqual({
        type: 'json_schema',
        json_schema: { name: 'ticket', schema, strict: true },
      });
      return JSON.stringify({ vendor: 'Acme', priority: 2 });
    });
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'classify' }],
      response_format: { type: 'json_schema', json_schema: { name: 'ticket', schema, strict: true } },
    });
    const parsed = JSON.parse(completion.choices[0]?.message.content ?? 'null') as unknown;
    expect(parsed).toEqual({ vendor: 'Acme', priority: 2 });
    expect(fake.requests[0]?.body.response_format.json_schema.strict).toBe(true);
  });

  it('streams chunks that the SDK iterates, ending with [DONE]', async () => {
    const text = 'The quick brown fox jumps over the lazy dog.';
    fake.setChat(() => text);
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'tell me' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const deltas: string[] = [];
    const finishReasons: (string | null | undefined)[] = [];
    let usageTotal: number | undefined;
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      const choice = chunk.choices[0];
      if (choice?.delta.content) deltas.push(choice.delta.content);
      if (choice) finishReasons.push(choice.finish_reason);
      if (chunk.usage) usageTotal = chunk.usage.total_tokens;
    }
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(text);
    expect(finishReasons.at(-1)).toBe('stop');
    expect(usageTotal).toBeGreaterThan(0);
    expect(fake.requests[0]?.body.stream).toBe(true);
  });

  it('streams through the SDK helper that accumulates the final message', async () => {
    fake.setChat(() => 'streamed answer');
    const runner = client.chat.completions.stream({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'x' }],
    });
    const final = await runner.finalChatCompletion();
    expect(final.choices[0]?.message.content).toBe('streamed answer');
  });

  it('embeds a single string (SDK default base64 encoding) as a number array', async () => {
    const response = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'hello world' });
    expect(fake.requests[0]?.body.encoding_format).toBe('base64');
    expect(response.object).toBe('list');
    expect(response.model).toBe('text-embedding-3-small');
    expect(response.data).toHaveLength(1);
    const embedding = response.data[0]?.embedding;
    expect(Array.isArray(embedding)).toBe(true);
    expect(embedding).toHaveLength(FAKE_EMBEDDING_DIMENSION);
    expect(embedding?.every((v) => typeof v === 'number' && Number.isFinite(v))).toBe(true);
    expect(embedding).toEqual(fakeEmbedding('hello world'));
  });

  it('embeds an array input, deterministically, in float and base64 encodings', async () => {
    const inputs = ['alpha', 'beta', 'alpha'];
    const viaBase64 = await client.embeddings.create({ model: 'text-embedding-3-small', input: inputs });
    const viaFloat = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: inputs,
      encoding_format: 'float',
    });
    expect(viaBase64.data.map((d) => d.index)).toEqual([0, 1, 2]);
    for (const response of [viaBase64, viaFloat]) {
      for (const item of response.data) {
        expect(item.object).toBe('embedding');
        expect(Array.isArray(item.embedding)).toBe(true);
        expect(item.embedding).toHaveLength(FAKE_EMBEDDING_DIMENSION);
      }
    }
    expect(viaBase64.data[0]?.embedding).toEqual(viaBase64.data[2]?.embedding);
    expect(viaBase64.data[0]?.embedding).not.toEqual(viaBase64.data[1]?.embedding);
    expect(viaFloat.data.map((d) => d.embedding)).toEqual(viaBase64.data.map((d) => d.embedding));
    expect(viaBase64.usage.total_tokens).toBeGreaterThan(0);
  });

  it('uses a custom embeddings handler', async () => {
    fake.setEmbeddings((inputs, model) => inputs.map((text) => [text.length, model.length, 0.5]));
    const response = await client.embeddings.create({ model: 'my-model', input: ['abc', 'de'] });
    expect(response.data.map((d) => d.embedding)).toEqual([
      [3, 8, 0.5],
      [2, 8, 0.5],
    ]);
  });

  it('lists one model', async () => {
    const page = await client.models.list();
    expect(page.data).toHaveLength(1);
    expect(page.data[0]?.object).toBe('model');
  });

  it('surfaces a 500 as OpenAI.APIError with that status', async () => {
    fake.setChat(() => ({ status: 500, error: 'boom' }));
    const error = await client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    const apiError = error as InstanceType<typeof OpenAI.APIError>;
    expect(apiError.status).toBe(500);
    expect(apiError.message).toContain('boom');
    expect(apiError.type).toBe('server_error');
  });

  it('surfaces a 429 with retry-after as OpenAI.RateLimitError', async () => {
    fake.setChat(() => ({ status: 429, error: 'Rate limit reached', retryAfterSeconds: 7 }));
    const error = await client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const apiError = error as InstanceType<typeof OpenAI.RateLimitError>;
    expect(apiError.status).toBe(429);
    expect(apiError.code).toBe('rate_limit_exceeded');
    expect(apiError.headers.get('retry-after')).toBe('7');
  });

  it('lets the SDK retry after a 429, honouring retry-after', async () => {
    let calls = 0;
    fake.setChat(() => (++calls === 1 ? { status: 429, retryAfterSeconds: 0.05 } : 'second time lucky'));
    const retrying = new OpenAI({ apiKey: 'test', baseURL: fake.baseURL, maxRetries: 1 });
    const completion = await retrying.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(completion.choices[0]?.message.content).toBe('second time lucky');
    expect(fake.requests).toHaveLength(2);
  });

  it('times out a slow answer as APIConnectionTimeoutError and keeps serving', async () => {
    fake.setChat(() => ({ delayMs: 2000, content: 'too late' }));
    const impatient = new OpenAI({ apiKey: 'test', baseURL: fake.baseURL, timeout: 200, maxRetries: 0 });
    const started = Date.now();
    const error = await impatient.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect(Date.now() - started).toBeLessThan(1500);

    fake.setChat(() => 'still alive');
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(completion.choices[0]?.message.content).toBe('still alive');
  });

  it('delays an answer that arrives within the timeout', async () => {
    fake.setChat(() => ({ delayMs: 50, content: 'worth the wait' }));
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(completion.choices[0]?.message.content).toBe('worth the wait');
  });

  it('rejects a missing bearer token with 401 and unknown paths with 404', async () => {
    const noAuth = await fetch(`${fake.baseURL}/models`);
    expect(noAuth.status).toBe(401);
    expect(((await noAuth.json()) as { error: { code: string } }).error.code).toBe('invalid_api_key');

    const unknown = await fetch(`${fake.baseURL}/nope`, { headers: { authorization: 'Bearer test' } });
    expect(unknown.status).toBe(404);
    const body = (await unknown.json()) as { error: { message: string; type: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toContain('/v1/nope');

    const error = await client.get('/nope').catch((err: unknown) => err);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(fake.requests.map((r) => r.path)).toEqual(['/v1/models', '/v1/nope', '/v1/nope']);
  });
});

describe('fake OpenAI server shutdown', () => {
  it('closes promptly while a delayed answer is pending', async () => {
    const fake = await startFakeOpenAI({ chat: () => ({ delayMs: 10_000, content: 'never' }) });
    const client = new OpenAI({ apiKey: 'test', baseURL: fake.baseURL, maxRetries: 0 });
    const pending = client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })
      .catch((err: unknown) => err);
    // Wait until the server has the request in hand.
    while (fake.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));

    const started = Date.now();
    await fake.close();
    expect(Date.now() - started).toBeLessThan(500);
    expect(await pending).toBeInstanceOf(OpenAI.APIConnectionError);
    await fake.close(); // idempotent
  });
});

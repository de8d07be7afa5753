import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationStore } from '../../../src/store/index.js';
import { storeTargets, type TestDb } from '../../helpers/test-db.js';

describe.each(storeTargets())('conversation store on $name', (target) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('claims an event id exactly once, even when claims race', async () => {
    const store = conversationStore(db);
    const claims = await Promise.all(Array.from({ length: 5 }, () => store.claimEvent('Ev1', 'slack')));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.claimEvent('Ev1', 'slack')).toBe(false);
    expect(await store.claimEvent('Ev2', 'slack')).toBe(true);
  });

  it('opens one conversation per thread and keeps its turns in order', async () => {
    const store = conversationStore(db);
    const key = { surface: 'slack' as const, channel: 'C1', thread: '1700000000.000100' };
    expect(await store.find(key)).toBeUndefined();
    const id = await store.open(key, 'U1');
    expect(await store.open(key, 'U2')).toBe(id);
    expect(await store.find(key)).toBe(id);
    for (const text of ['one', 'two', 'three']) await store.appendTurn(id, { role: 'user', author: 'U1', text });
    expect((await store.history(id, 2)).map((turn) => turn.text)).toEqual(['two', 'three']);
  });

  it('keeps one feedback vote per person per answer, the last one counting', async () => {
    const store = conversationStore(db);
    const id = await store.open({ surface: 'console', channel: 'web', thread: 't1' }, 'employee');
    const turn = await store.appendTurn(id, { role: 'assistant', author: 'sposa', text: 'answer' });
    await store.recordFeedback(turn, 'U1', true);
    await store.recordFeedback(turn, 'U1', false);
    await store.recordFeedback(turn, 'U2', true);
    const votes = await db.query('select user_id, helpful from answer_feedback order by user_id');
    expect(votes).toEqual([
      { user_id: 'U1', helpful: false },
      { user_id: 'U2', helpful: true },
    ]);
  });

  it('stores and reads a conversation context', async () => {
    const store = conversationStore(db);
    const id = await store.open({ surface: 'slack', channel: 'D1', thread: 't' }, 'U1');
    await store.setContext(id, { channel_id: 'C9' });
    expect(await store.context(id)).toEqual({ channel_id: 'C9' });
  });
});

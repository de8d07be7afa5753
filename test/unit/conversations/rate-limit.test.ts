import { describe, expect, it } from 'vitest';
import { createAnswerRateLimit } from '../../../src/conversations/rate-limit.js';

const clock = () => new Date('2026-06-10T12:00:00Z');

describe('the per-user answer limit', () => {
  it('refuses politely in the asker\'s language, saying when to try again', () => {
    const limit = createAnswerRateLimit({ perMinute: 1, defaultLanguage: 'nl', clock });
    expect(limit.admit('U1', 'who handles vpn?')).toEqual({ allowed: true });
    expect(limit.admit('U1', 'who is responsible for the network?')).toMatchObject({
      allowed: false,
      retryAfterSeconds: 60,
      notice: expect.stringMatching(/^You are asking faster.*try again in 60 seconds/),
    });
    const dutch = createAnswerRateLimit({ perMinute: 1, defaultLanguage: 'en', clock });
    dutch.admit('U2', 'wie doet de vpn?');
    expect(dutch.admit('U2', 'werkt de servicedesk ook in het weekend?')).toMatchObject({ notice: expect.stringMatching(/Probeer het over 60 seconden opnieuw/) });
  });

  it('marks the refusals after the first of a run as already told, so chat surfaces say it once', () => {
    const limit = createAnswerRateLimit({ perMinute: 1, defaultLanguage: 'en', clock });
    limit.admit('U1', 'a');
    expect(limit.admit('U1', 'b')).toMatchObject({ allowed: false, alreadyTold: false });
    expect(limit.admit('U1', 'c')).toMatchObject({ allowed: false, alreadyTold: true });
  });
});

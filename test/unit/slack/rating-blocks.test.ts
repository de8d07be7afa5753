import { describe, expect, it } from 'vitest';
import { buildRatingModal, buildRatingRequest } from '../../../src/slack/blocks/rating-blocks.js';
import { RATING_FIELD, VIEW } from '../../../src/slack/ids.js';
import type { Rating, RatingRequest } from '../../../src/xla/index.js';

const ticket: RatingRequest['ticket'] = {
  id: 'INC-2026-00042', status: 'resolved', reporterId: 'U1', service: 'VPN', supplier: 'NetLink Telecom B.V.', contractId: 'SLA-NETWORK-2026', description: 'The VPN drops',
};
const blockIds = (view: { blocks: { block_id?: string }[] }) => view.blocks.map((block) => block.block_id).filter(Boolean);

describe('rating blocks', () => {
  it('reminds once, in English for an English reporter', () => {
    expect(buildRatingRequest({ kind: 'remind', ticket, language: 'en' }).text).toBe('A reminder, and the last one: how did ticket INC-2026-00042 (VPN) go?');
  });

  it('asks what went well for a 9 or 10, prefilled with what the reporter said before', () => {
    const previous = { reasons: ['fast'], comment: 'Top', lostMinutes: 15 } as Rating;
    const modal = buildRatingModal({ ticketId: ticket.id, score: 10, language: 'en' }, previous);
    expect(modal.callback_id).toBe(VIEW.rating);
    expect(JSON.parse(modal.private_metadata ?? '')).toEqual({ ticketId: ticket.id, score: 10, language: 'en' });
    const json = JSON.stringify(modal);
    expect(json).toContain('What went well?');
    expect(json).toContain('"initial_options":[{"text":{"type":"plain_text","text":"Solved quickly"},"value":"fast"}]');
    expect(json).toContain('"initial_value":"Top"');
    expect(json).toContain('"initial_option":{"text":{"type":"plain_text","text":"About 15 minutes"},"value":"15"}');
  });

  it('offers no reasons for a 7 or 8, only a comment and lost time', () => {
    expect(blockIds(buildRatingModal({ ticketId: ticket.id, score: 7, language: 'nl' }))).toEqual([RATING_FIELD.comment, RATING_FIELD.lostTime]);
  });
});

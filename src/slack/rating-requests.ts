/**
 * @module Asking reporters how it went, in Slack: a sweep queues a job per rating request that is due (the first ask
 * once a ticket is resolved, one reminder later), keyed so that however many replicas sweep, each reporter gets each
 * message once; the job posts the 0–10 buttons by direct message. Tickets reported elsewhere (the console, the CLI)
 * are not asked in Slack.
 */
import type { WebClient } from '@slack/web-api';
import type { Sposa } from '../compose.js';
import type { JobHandler, NewJob } from '../jobs/index.js';
import { buildRatingRequest } from './blocks/rating-blocks.js';

export const RATING_REQUEST_JOB = 'slack.rating-request';

export async function queueRatingRequests(sposa: Sposa): Promise<void> {
  const jobs: NewJob[] = [];
  for (const request of await sposa.xla.requestsDue()) {
    const ticket = await sposa.tickets.get(request.ticket.id);
    if (ticket?.origin.surface !== 'slack') continue;
    jobs.push({
      kind: RATING_REQUEST_JOB,
      payload: { ticketId: request.ticket.id, kind: request.kind },
      dedupeKey: `${RATING_REQUEST_JOB}:${request.kind}:${request.ticket.id}`,
      runAt: sposa.clock().toISOString(),
    });
  }
  await sposa.jobs.enqueue(jobs);
}

/** Posts a queued request, unless the reporter has rated in the meantime. */
export function ratingRequestHandler(sposa: Sposa, client: WebClient): JobHandler {
  return async (payload) => {
    const request = (await sposa.xla.requestsDue()).find((due) => due.ticket.id === payload.ticketId && due.kind === payload.kind);
    if (!request) return;
    await client.chat.postMessage({ channel: request.ticket.reporterId, ...buildRatingRequest(request) });
    if (request.kind === 'ask') await sposa.xla.markAsked(request.ticket.id);
    else await sposa.xla.markReminded(request.ticket.id);
  };
}

/**
 * @module The safety net under every answer: claiming a Slack event also queues a job that answers it a minute later.
 * Posting the answer withdraws the job, so normally it never runs; if the replica died in between (Slack already has
 * its acknowledgement and will not retry), another replica's worker answers, with an apology for the wait.
 */
import { z } from 'zod';
import type { NewJob } from '../jobs/index.js';

export const LATE_ANSWER_JOB = 'slack.answer-late';
/** Longer than the slowest answer (the model's timeout plus posting), so a live replica is never overtaken. */
const SAFETY_NET_MS = 60_000;

const lateMessageSchema = z.object({
  channel: z.string().min(1),
  threadTs: z.string().min(1),
  user: z.string().min(1),
  text: z.string(),
  audience: z.enum(['private', 'channel']),
  files: z.array(z.string()),
});
export type LateMessage = z.infer<typeof lateMessageSchema>;

export const lateAnswerKey = (eventId: string) => `${LATE_ANSWER_JOB}:${eventId}`;

export function lateAnswerJob(eventId: string, message: LateMessage, now: Date): NewJob {
  return { kind: LATE_ANSWER_JOB, payload: { ...message }, dedupeKey: lateAnswerKey(eventId), runAt: new Date(now.getTime() + SAFETY_NET_MS).toISOString() };
}

/** The message back from a job's payload; a payload that does not parse is a bug, not something to retry. */
export function parseLateMessage(payload: Record<string, unknown>): LateMessage {
  return lateMessageSchema.parse(payload);
}

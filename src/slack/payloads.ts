/**
 * @module Slack payloads, validated at the edge: only the fields SPOSA uses, with their types checked, so a
 * malformed or unexpected event is dropped with a log line instead of failing deep inside a listener.
 */
import { z } from 'zod';

const file = z.object({ name: z.string().optional(), title: z.string().optional() }).loose();

/** A message or app_mention event from a person. */
export const userMessageSchema = z
  .object({
    type: z.enum(['message', 'app_mention']),
    channel: z.string().min(1),
    user: z.string().min(1),
    text: z.string().max(40_000).default(''),
    ts: z.string().min(1),
    thread_ts: z.string().optional(),
    channel_type: z.string().optional(),
    subtype: z.string().optional(),
    bot_id: z.string().optional(),
    files: z.array(file).optional(),
  })
  .loose();

export type UserMessage = z.infer<typeof userMessageSchema>;

/** Message subtypes that are still a person talking; edits, joins and deletions are not questions. */
const PERSON_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/** Parses an event into a person's message, or undefined for bots, system messages and malformed payloads. */
export function personMessage(event: unknown): UserMessage | undefined {
  const parsed = userMessageSchema.safeParse(event);
  if (!parsed.success) return undefined;
  const message = parsed.data;
  if (message.bot_id || !PERSON_SUBTYPES.has(message.subtype)) return undefined;
  return message;
}

export const fileNames = (message: UserMessage) => (message.files ?? []).map((f) => f.name ?? f.title ?? 'file');

/** @module Conversation repository: claimed events, threads, turns and feedback in PostgreSQL. */
import type { Answer } from '../../assistant/index.js';
import type { ConversationStore, RecordedTurn } from '../../conversations/index.js';
import type { Db } from '../db.js';
import { enqueueJobs } from './jobs.js';

type TurnRow = Omit<RecordedTurn, 'answer'> & { answer: Answer | null; conversationId: number };

const toTurn = ({ answer, ...row }: TurnRow) => ({ ...row, ...(answer ? { answer } : {}) });

/** A ConversationStore over any SPOSA database. */
export function conversationStore(db: Db): ConversationStore {
  const turnColumns = `id::int as id, conversation_id::int as "conversationId", role, author, text, answer,
                       to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt"`;
  return {
    async claimEvent(eventId, source, fallback) {
      return db.transaction(async (tx) => {
        const rows = await tx.query('insert into processed_events (event_id, source) values ($1, $2) on conflict do nothing returning event_id', [eventId, source]);
        if (rows.length === 1 && fallback) await enqueueJobs(tx, [fallback]);
        return rows.length === 1;
      });
    },

    async open(key, startedBy) {
      const [row] = await db.query<{ id: number }>(
        `insert into conversations (surface, channel, thread, started_by) values ($1, $2, $3, $4)
         on conflict (surface, channel, thread) do update set surface = excluded.surface
         returning id::int as id`,
        [key.surface, key.channel, key.thread, startedBy],
      );
      if (!row) throw new Error('could not open the conversation');
      return row.id;
    },

    async find(key) {
      const [row] = await db.query<{ id: number }>(
        'select id::int as id from conversations where surface = $1 and channel = $2 and thread = $3',
        [key.surface, key.channel, key.thread],
      );
      return row?.id;
    },

    async appendTurn(conversationId, turn) {
      const [row] = await db.query<{ id: number }>(
        `insert into conversation_turns (conversation_id, role, author, text, answer) values ($1, $2, $3, $4, $5)
         returning id::int as id`,
        [conversationId, turn.role, turn.author, turn.text, turn.answer ? JSON.stringify(turn.answer) : null],
      );
      if (!row) throw new Error('could not record the turn');
      return row.id;
    },

    async history(conversationId, limit) {
      const rows = await db.query<TurnRow>(
        `select * from (select ${turnColumns} from conversation_turns where conversation_id = $1 order by id desc limit $2) t order by id`,
        [conversationId, limit],
      );
      return rows.map(toTurn);
    },

    async turn(turnId) {
      const [row] = await db.query<TurnRow>(`select ${turnColumns} from conversation_turns where id = $1`, [turnId]);
      return row && { ...toTurn(row), conversationId: row.conversationId };
    },

    async recordFeedback(turnId, userId, helpful) {
      await db.query(
        `insert into answer_feedback (turn_id, user_id, helpful) values ($1, $2, $3)
         on conflict (turn_id, user_id) do update set helpful = excluded.helpful, updated_at = now()`,
        [turnId, userId, helpful],
      );
    },

    async feedbackSummary(since) {
      const [row] = await db.query<{ answers: number; rated: number; helpful: number }>(
        `select (select count(*)::int from conversation_turns where role = 'assistant' and created_at >= $1) as answers,
                count(*)::int as rated, count(*) filter (where helpful)::int as helpful
         from answer_feedback where updated_at >= $1`,
        [since.toISOString()],
      );
      return row ?? { answers: 0, rated: 0, helpful: 0 };
    },

    async setContext(conversationId, context) {
      await db.query('update conversations set context = $2 where id = $1', [conversationId, JSON.stringify(context)]);
    },

    async context(conversationId) {
      const [row] = await db.query<{ context: Record<string, unknown> }>('select context from conversations where id = $1', [conversationId]);
      return row?.context ?? {};
    },
  };
}

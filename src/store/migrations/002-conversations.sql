-- Conversations: exactly-once event handling, the threads SPOSA takes part in, their turns, and answer feedback.

-- One row per inbound event id (Slack's event_id, or a console message id). Inserting is claiming:
-- a retried or duplicated delivery finds the row and is dropped, across restarts and replicas.
create table processed_events (
  event_id text primary key,
  source text not null,
  received_at timestamptz not null default now()
);
create index processed_events_received_idx on processed_events (received_at);

-- A conversation is a thread on a surface: (surface, channel, thread). Follow-ups in a known thread are answered.
create table conversations (
  id bigserial primary key,
  surface text not null,
  channel text not null,
  thread text not null,
  started_by text not null,
  context jsonb not null default '{}',
  created_at timestamptz not null default now(),
  unique (surface, channel, thread)
);

create table conversation_turns (
  id bigserial primary key,
  conversation_id bigint not null references conversations (id) on delete cascade,
  role text not null check (role in ('user', 'assistant')),
  author text not null,
  text text not null,
  -- The assistant's structured answer (intent, service, supplier, citations), for feedback and tickets.
  answer jsonb,
  created_at timestamptz not null default now()
);
create index conversation_turns_conversation_idx on conversation_turns (conversation_id, id);

-- "Helpful" / "Not helpful" on an answer; one vote per person per answer, a second click updates it.
create table answer_feedback (
  turn_id bigint not null references conversation_turns (id) on delete cascade,
  user_id text not null,
  helpful boolean not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (turn_id, user_id)
);

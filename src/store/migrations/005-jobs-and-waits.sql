-- The outbox and job queue: deliveries, notifications and escalations are queued in the transaction that causes
-- them and run by workers that claim them with `for update skip locked`, on one replica or many.
create table jobs (
  id bigserial primary key,
  kind text not null,
  payload jsonb not null default '{}',
  -- The fact a job acts on (e.g. "deliver event 42 to the supplier"): queuing the same fact twice is a no-op.
  dedupe_key text not null unique,
  run_at timestamptz not null,
  attempts integer not null default 0,
  locked_by text,
  locked_until timestamptz,
  last_error text,
  done_at timestamptz,
  failed_at timestamptz,
  created_at timestamptz not null default now()
);
create index jobs_due_idx on jobs (run_at) where done_at is null and failed_at is null;

-- Waits on the reporter or a third party: the SLA clocks skip them.
alter table tickets add column pauses jsonb not null default '[]';
-- When the current supplier got the ticket: a supplier's clocks start when the work reaches them, also after a reroute.
alter table tickets add column routed_at timestamptz;
update tickets set routed_at = created_at;
alter table tickets alter column routed_at set not null;

-- Secrets SPOSA generates for itself when none is configured, shared by every replica.
create table settings (
  key text primary key,
  value text not null
);

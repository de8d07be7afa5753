-- Tickets and their append-only audit trail.

-- Gapless, readable numbers per year (INC-2026-00042): a row per year, bumped inside the opening transaction.
create table ticket_counters (
  year integer primary key,
  last integer not null
);

create table tickets (
  id text primary key,
  status text not null check (status in ('new', 'routed', 'acknowledged', 'resolved', 'closed', 'reopened', 'cancelled')),
  service text not null,
  priority text not null check (priority in ('P1', 'P2', 'P3', 'P4')),
  description text not null,
  reporter_id text not null,
  origin jsonb not null default '{}',
  supplier text not null,
  contract_id text not null,
  contract_type text not null,
  -- Underpinning contracts behind the accountable one, recorded for the supplier review.
  underpinning jsonb not null default '[]',
  explanation text not null,
  response_due timestamptz,
  resolution_due timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index tickets_reporter_idx on tickets (reporter_id, created_at desc);
create index tickets_supplier_idx on tickets (supplier, status);

create table ticket_events (
  id bigserial primary key,
  ticket_id text not null references tickets (id),
  type text not null,
  actor text not null,
  at timestamptz not null,
  data jsonb not null default '{}'
);
create index ticket_events_ticket_idx on ticket_events (ticket_id, id);

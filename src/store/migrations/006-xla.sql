-- Experience (XLA): one rating per ticket by its reporter, and when the reporter was asked and reminded.

-- The ticket's routing and SLA outcome are copied in whenever it is rated: what the reporter judged, kept even if
-- the ticket is later reopened or re-routed.
create table ticket_ratings (
  ticket_id text primary key references tickets (id),
  reporter_id text not null,
  score integer not null check (score between 0 and 10),
  reasons text[] not null default '{}',
  comment text,
  lost_minutes integer check (lost_minutes >= 0),
  service text not null,
  supplier text not null,
  contract_id text not null,
  response_met boolean,
  resolution_met boolean,
  rated_at timestamptz not null,
  updated_at timestamptz not null
);
create index ticket_ratings_supplier_idx on ticket_ratings (supplier);

create table rating_requests (
  ticket_id text primary key references tickets (id),
  asked_at timestamptz not null,
  reminded_at timestamptz
);

create index tickets_resolved_idx on tickets (resolved_at) where resolved_at is not null;

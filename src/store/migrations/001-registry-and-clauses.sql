-- The accountability registry and the clause index, both derived from the files in contracts/.

create table suppliers (
  id serial primary key,
  name text not null unique,
  created_at timestamptz not null default now()
);

create table services (
  id serial primary key,
  name text not null unique,
  created_at timestamptz not null default now()
);

create table contracts (
  id text primary key,
  type text not null check (type in ('SLA', 'OLA', 'UC')),
  supplier_id integer not null references suppliers (id),
  title text,
  language text not null check (language in ('nl', 'en')),
  customer text,
  underpins text[] not null default '{}',
  valid_from date,
  valid_to date,
  support_hours jsonb,
  targets jsonb,
  availability numeric,
  xla jsonb,
  contact jsonb not null default '{}',
  metadata jsonb not null default '{}',
  source_path text not null,
  source_hash text not null,
  status text not null default 'active' check (status in ('active', 'retired')),
  ingested_at timestamptz not null default now(),
  retired_at timestamptz
);

create table contract_services (
  contract_id text not null references contracts (id) on delete cascade,
  service_id integer not null references services (id),
  primary key (contract_id, service_id)
);

-- Aliases belong to the contract that declared them, so they leave with it.
create table service_aliases (
  contract_id text not null references contracts (id) on delete cascade,
  service_id integer not null references services (id),
  alias text not null,
  primary key (contract_id, service_id, alias)
);

create table clauses (
  id bigserial primary key,
  contract_id text not null references contracts (id) on delete cascade,
  ordinal integer not null,
  chunk integer not null default 0,
  number text,
  heading text,
  heading_path text[] not null default '{}',
  -- The number and heading path as one string: generated columns may only use immutable functions,
  -- and array_to_string is not one.
  heading_text text not null default '',
  body text not null,
  line integer not null,
  language text not null check (language in ('nl', 'en')),
  restricted boolean not null default false,
  -- Stemmed with the clause's own language; headings weigh more than body text.
  tsv tsvector generated always as (
    setweight(to_tsvector(case language when 'nl' then 'dutch'::regconfig else 'english'::regconfig end,
      heading_text), 'A') ||
    setweight(to_tsvector(case language when 'nl' then 'dutch'::regconfig else 'english'::regconfig end, body), 'B')
  ) stored,
  unique (contract_id, ordinal, chunk)
);

create index clauses_tsv_idx on clauses using gin (tsv);
create index clauses_contract_idx on clauses (contract_id);

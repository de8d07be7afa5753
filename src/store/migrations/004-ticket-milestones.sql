-- When a ticket was acknowledged and resolved: the SLA clocks stop there, and reports compare them with the due times.
alter table tickets add column acknowledged_at timestamptz;
alter table tickets add column resolved_at timestamptz;
alter table tickets add column impact text;
alter table tickets add column urgency text;

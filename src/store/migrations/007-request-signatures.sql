-- Replay protection for signed requests (Slack's HTTP endpoint): the hash of every accepted request's signature,
-- kept for as long as its timestamp would still pass the age check. The same signed request sent again within that
-- window is a replay and finds its row, on whichever replica it lands. Expired rows are purged as new ones arrive.
create table request_signatures (
  signature_hash text primary key,
  expires_at timestamptz not null
);
create index request_signatures_expires_idx on request_signatures (expires_at);

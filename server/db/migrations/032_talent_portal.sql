-- The applicant's side (issue 15 point 8): self-registration of talents and employers with a one-time
-- code, and the PIPL consent each account gave. Codes are kept only as a keyed hash, with a short expiry
-- and a bounded number of attempts; the identifier (phone or e-mail) only as a keyed hash too, so the
-- table says nothing about who asked. A row is written for every request, known identifier or not, so
-- the per-identifier limit behaves the same either way (no enumeration).
create table talent_portal_codes (
  id bigserial primary key,
  -- keyed hash of the normalized phone or e-mail
  identifier_hash text not null,
  -- keyed hash of the code; null when no code was sent (the identifier already has an account)
  code_hash text,
  ip text,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  attempts int not null default 0,
  used_at timestamptz
);
create index talent_portal_codes_identifier on talent_portal_codes (identifier_hash, created_at);

-- The consent notice each account accepted: its version and when (shown back to the person).
create table talent_portal_consents (
  id bigserial primary key,
  user_id bigint not null references users(id),
  version text not null,
  accepted_at timestamptz not null,
  ip text
);
create index talent_portal_consents_user on talent_portal_consents (user_id);

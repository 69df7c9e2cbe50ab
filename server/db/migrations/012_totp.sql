-- The second factor (SECURITY.md 6, 8; issue 11.4): TOTP secrets sealed with the instance key,
-- the last accepted time step (a code is never accepted twice), recovery codes stored as keyed
-- hashes, and the short-lived pending logins between the password and the code.
alter table users add column totp_secret text;
alter table users add column totp_enabled_at timestamptz;
alter table users add column totp_last_step bigint;
-- Demo-city accounts: in demo mode only, they skip the second factor (README, demo section).
alter table users add column demo_account boolean not null default false;

create table totp_recovery_codes (
  id bigserial primary key,
  user_id integer not null references users (id),
  code_hash text not null,
  used_at timestamptz
);
create index totp_recovery_codes_user on totp_recovery_codes (user_id);

create table auth_pending (
  id text primary key,            -- sha-256 of the pending token (the token itself only in the cookie)
  user_id integer not null references users (id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  enrol_secret text,              -- a secret being enrolled, sealed like users.totp_secret
  used_at timestamptz
);
create index auth_pending_user on auth_pending (user_id);

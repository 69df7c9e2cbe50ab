-- Foundation: organizations (materialized path), accounts, sessions, settings, audit trail.
-- PostgreSQL 15 SQL: the same file runs on PGlite (PostgreSQL 18) and on the server.
create extension if not exists ltree;
create extension if not exists pg_trgm;

create table settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);

create table orgs (
  id bigserial primary key,
  parent_id bigint references orgs(id),
  -- ids of the ancestors and itself, e.g. 1.12.305: subtree = path <@ '1.12'
  path ltree not null unique,
  name text not null,
  short_name text,
  code text not null unique,
  kind text not null,
  unit_type text,
  established_on date,
  status text not null default 'active' check (status in ('active', 'dissolved')),
  dissolved_on date,
  -- pinyin initials (search) and full pinyin (a sort key that is the same on both engines)
  name_initials text not null default '',
  sort_key text not null default '',
  -- live children, kept by the service for the lazy tree's leaf flag
  child_count int not null default 0,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index orgs_path_gist on orgs using gist (path);
create index orgs_parent_sort on orgs (parent_id, sort_key, id);
create index orgs_name_trgm on orgs using gin (name gin_trgm_ops);
-- initials match anywhere in the name ("fz" finds 示范市凤庄镇委员会): trigram index from 3 letters
create index orgs_initials_trgm on orgs using gin (name_initials gin_trgm_ops);

create table org_committee_members (
  id bigserial primary key,
  org_id bigint not null references orgs(id),
  person_name text not null,
  post text not null check (post in ('secretary', 'deputy_secretary', 'member')),
  term_start date,
  term_end date,
  created_at timestamptz not null default now()
);
create index org_committee_members_org on org_committee_members (org_id);

-- Every change of an organization (create, update, move, dissolve), with before and after.
create table org_history (
  id bigserial primary key,
  org_id bigint not null references orgs(id),
  action text not null,
  actor_id bigint,
  at timestamptz not null default now(),
  before jsonb,
  after jsonb
);
create index org_history_org on org_history (org_id, id);

-- Minimal member rows so that the set-up rules of RULES.md §4 can be checked;
-- the full member record extends this table in the members migration.
create table members (
  id bigserial primary key,
  org_id bigint not null references orgs(id),
  name text not null,
  gender text not null check (gender in ('男', '女')),
  category text not null check (category in ('full', 'probationary')),
  status text not null default 'normal',
  created_at timestamptz not null default now()
);
create index members_org on members (org_id);

create table users (
  id bigserial primary key,
  username text not null unique,
  display_name text not null,
  org_id bigint not null references orgs(id),
  password_hash text not null,
  password_changed_at timestamptz not null default now(),
  failed_logins int not null default 0,
  locked_until timestamptz,
  disabled boolean not null default false,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table user_roles (
  user_id bigint not null references users(id),
  role text not null,
  primary key (user_id, role)
);

create table password_history (
  id bigserial primary key,
  user_id bigint not null references users(id),
  password_hash text not null,
  created_at timestamptz not null default now()
);
create index password_history_user on password_history (user_id, id desc);

create table sessions (
  -- sha-256 of the token; the token itself is only ever in the cookie
  id text primary key,
  user_id bigint not null references users(id),
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  revoked_at timestamptz,
  ip text,
  user_agent text
);
create index sessions_user on sessions (user_id);

create table audit_log (
  id bigserial primary key,
  -- gapless position in the chain, assigned under an advisory lock
  seq bigint not null unique,
  at timestamptz not null,
  actor_id bigint,
  actor_name text,
  role text,
  ip text,
  action text not null,
  object_type text,
  object_id text,
  result text not null check (result in ('success', 'failure', 'denied')),
  request_id text,
  detail jsonb,
  prev_hash text not null,
  hash text not null
);
create index audit_log_at on audit_log (at);
create index audit_log_actor on audit_log (actor_name);
create index audit_log_action on audit_log (action);

-- The application cannot change or remove audit rows (SECURITY.md 17). A purge of rows
-- older than the retention period goes through audit_purge() below, which sets a flag
-- for its own transaction only.
create function audit_log_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and coalesce(current_setting('zugong.audit_purge', true), '') = 'on' then
    return old;
  end if;
  raise exception 'audit_log is append-only' using errcode = 'P0001';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_guard();

-- Transfers of the organizational relationship (组织关系转接) and member status changes (issue 3, RULES.md §5).

-- One row per 组织关系介绍信. The member stays with the sending organization (members.org_id)
-- until the receiving one confirms. from_path / to_path copy the organizations' paths so each side
-- sees its own letters with the same ltree subtree filter as everything else.
create table transfer_letters (
  id bigserial primary key,
  letter_no text not null unique,
  kind text not null check (kind in ('within_city', 'out_of_city', 'into_city')),
  status text not null default 'issued' check (status in ('issued', 'received', 'confirmed', 'returned')),
  -- null for a letter from outside the city until the member record is created on confirmation
  member_id bigint references members(id),
  member_name text not null,
  gender text not null,
  category text not null check (category in ('full', 'probationary')),
  id_masked text,
  from_org_id bigint references orgs(id),
  from_path ltree,
  from_org_name text not null,
  to_org_id bigint references orgs(id),
  to_path ltree,
  to_org_name text not null,
  to_address text,
  external_no text,
  reason text not null,
  dues_paid_until text,
  issued_on date not null,
  valid_days int not null,
  expires_on date not null,
  received_on date,
  confirmed_on date,
  returned_on date,
  return_reason text,
  -- details of a member arriving from outside, used to create the record on confirmation
  incoming jsonb,
  created_by bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (from_path is not null or to_path is not null)
);
create index transfer_letters_from on transfer_letters using gist (from_path);
create index transfer_letters_to on transfer_letters using gist (to_path);
create index transfer_letters_open on transfer_letters (expires_on) where status in ('issued', 'received');
-- A member has at most one letter in flight.
create unique index transfer_letters_one_open on transfer_letters (member_id) where status in ('issued', 'received');

-- Every status change of a member, never deleted (RULES.md §5).
create table member_status_events (
  id bigserial primary key,
  member_id bigint not null references members(id),
  kind text not null,
  from_status text not null,
  to_status text not null,
  event_date date not null,
  reason text not null,
  document_no text,
  exit_kind text,
  suspend_basis text,
  details jsonb,
  actor_id bigint,
  created_at timestamptz not null default now()
);
create index member_status_events_member on member_status_events (member_id, id);

-- 流动党员活动证: where a mobile member is, since when, how to reach them, where they attend.
create table member_flowing (
  id bigserial primary key,
  member_id bigint not null references members(id),
  certificate_no text not null,
  place text not null,
  since date not null,
  contact text not null,
  attending_org text not null,
  ended_on date,
  created_at timestamptz not null default now()
);
create unique index member_flowing_current on member_flowing (member_id) where ended_on is null;

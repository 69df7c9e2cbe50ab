-- The Party member record (issue 3): extends the minimal members table of 001.
-- Identity numbers are never stored in clear: SM4 ciphertext, a keyed hash for exact search,
-- and the masked form for display (SECURITY.md 21).
alter table members
  add column ethnicity text not null default '汉族',
  add column birth_date date,
  add column id_cipher text,
  add column id_hash text,
  add column id_masked text,
  add column native_place text,
  add column edu_fulltime text,
  add column degree_fulltime text,
  add column edu_inservice text,
  add column degree_inservice text,
  add column occupation text,
  add column work_unit text,
  add column job_post text,
  add column phone text,
  add column address text,
  -- 支部大会 date of admission: probation and dues count from it (RULES.md §1, §2 art. 8)
  add column admitted_on date,
  -- 转正 date: 党龄 counts from it (RULES.md §1)
  add column full_on date,
  add column status_since date,
  add column left_reason text,
  add column name_initials text not null default '',
  add column sort_key text not null default '',
  add column org_path ltree,
  add column version int not null default 1,
  add column updated_at timestamptz not null default now();

alter table members add constraint members_status_check
  check (status in ('normal', 'flowing', 'lost_contact', 'suspended', 'left', 'deceased', 'transferred_out'));

-- org_path mirrors the organization holding the formal relationship, so subtree filters on
-- members use the same ltree index as organizations. Set from org_id on every insert or move.
create function members_set_org_path() returns trigger language plpgsql as $$
begin
  new.org_path := (select path from orgs where id = new.org_id);
  return new;
end $$;
create trigger members_org_path before insert or update of org_id on members
  for each row execute function members_set_org_path();
update members m set org_path = o.path from orgs o where o.id = m.org_id;
alter table members alter column org_path set not null;

create index members_org_path on members using gist (org_path);
create index members_sort on members (sort_key, id);
create unique index members_id_hash on members (id_hash) where id_hash is not null;
create index members_name_trgm on members using gin (name gin_trgm_ops);
create index members_initials_trgm on members using gin (name_initials gin_trgm_ops);
create index members_status on members (status, category);

-- Every change of a member record: who, when, which fields before and after.
create table member_history (
  id bigserial primary key,
  member_id bigint not null references members(id),
  action text not null,
  actor_id bigint,
  at timestamptz not null default now(),
  before jsonb,
  after jsonb
);
create index member_history_member on member_history (member_id, id);

-- Talent (issue 15): the core every talent module builds on. Talents and employers lie in the
-- district (an organization node) where the employer is registered: a district talent officer sees
-- that district, the city's office the whole city (district_path, a path copy: server/scope/path-copies.ts).
-- Tier sets are versioned data: a set has an effective date and is superseded by a later one; a talent's
-- tier always names the set it was granted under. Each module adds its own tables in its migration (029–031).

create table talent_tier_sets (
  id bigserial primary key,
  code text not null unique,
  name text not null,
  effective_on date not null,
  -- the day a later set took over (null while in force)
  superseded_on date,
  -- where the tiers come from (文号 or a note that the demo set is fictional)
  source text not null default '',
  created_at timestamptz not null default now()
);

create table talent_tiers (
  id bigserial primary key,
  set_id bigint not null references talent_tier_sets(id),
  code text not null,
  name text not null,
  -- 1 is the highest tier
  rank int not null,
  -- the card of this tier is valid this many years
  card_years int not null default 3 check (card_years between 1 and 20),
  -- 认定 of this tier needs expert review
  expert_review boolean not null default false,
  description text not null default '',
  unique (set_id, code)
);

create table talent_employers (
  id bigserial primary key,
  name text not null,
  -- 统一社会信用代码 (18 characters), unique when known
  credit_code text unique,
  district_org_id bigint not null references orgs(id),
  district_path ltree not null,
  industry text not null default '',
  -- 企业 / 高校 / 科研院所 / 医疗卫生 / 机关事业 / 社会组织
  kind text not null default '',
  contact_name text not null default '',
  contact_phone text not null default '',
  -- registered in the district and paying tax there (a policy condition): as verified by the office
  verified_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1
);
create index talent_employers_district on talent_employers using gist (district_path);

-- The accounts acting for an employer (role talent_employer).
create table talent_employer_users (
  employer_id bigint not null references talent_employers(id),
  user_id bigint not null unique references users(id),
  primary key (employer_id, user_id)
);

create table talent_people (
  id bigserial primary key,
  -- the Party member or cadre record when the talent is one (identity is then not typed again)
  member_id bigint unique references members(id),
  cadre_id bigint unique references cadres(id),
  -- the talent's own account (role talent), when they registered themselves
  user_id bigint unique references users(id),
  name text not null,
  sex text not null default '',
  birth date,
  -- identity number: SM4 ciphertext, HMAC for search, masked form (as members)
  id_cipher text,
  id_hash text unique,
  id_masked text,
  nationality text not null default '中国',
  phone text not null default '',
  email text not null default '',
  employer_id bigint references talent_employers(id),
  district_org_id bigint not null references orgs(id),
  district_path ltree not null,
  field text not null default '',
  industry text not null default '',
  -- full_time: employed here; flexible: 柔性引才 (works here without moving employment)
  recruitment text not null default 'full_time' check (recruitment in ('full_time', 'flexible')),
  -- [{ level, degree, school, country, abroad, obtainedOn }]
  degrees jsonb not null default '[]',
  -- [{ title, level, obtainedOn }]
  titles jsonb not null default '[]',
  -- back from study or work abroad on this date (policy conditions count from it)
  returned_on date,
  -- the tier granted (by 认定 or by the office), its set, and the card
  tier_id bigint references talent_tiers(id),
  card_no text unique,
  card_issued_on date,
  card_expires_on date,
  status text not null default 'active' check (status in ('active', 'left')),
  left_on date,
  name_initials text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1
);
create index talent_people_district on talent_people using gist (district_path);
create index talent_people_employer on talent_people (employer_id);
create index talent_people_tier on talent_people (tier_id);
create index talent_people_name on talent_people using gin (name gin_trgm_ops);

-- Every change to a talent's record, with its writer (the registry's one writer keeps it).
create table talent_history (
  id bigserial primary key,
  person_id bigint not null references talent_people(id),
  user_id bigint references users(id),
  at timestamptz not null default now(),
  change text not null,
  before jsonb,
  after jsonb
);
create index talent_history_person on talent_history (person_id, at);

create function talent_set_district_path() returns trigger language plpgsql as $$
begin
  new.district_path := (select path from orgs where id = new.district_org_id for share);
  return new;
end $$;
create trigger talent_employers_district_path before insert or update of district_org_id on talent_employers
  for each row execute function talent_set_district_path();
create trigger talent_people_district_path before insert or update of district_org_id on talent_people
  for each row execute function talent_set_district_path();

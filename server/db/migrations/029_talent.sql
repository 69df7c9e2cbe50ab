-- Talent registry, 人才分类认定, 柔性引才 agreements and evaluations (issue 15 points 1, 2, 3, 7).
-- Records here lie where their talent does (talent_people.district_path): no new path copies.

-- Pinyin sort key beside the initials (db/name-keys.ts fills both for bulk rows).
alter table talent_people add column sort_key text not null default '';
create index talent_people_initials on talent_people (name_initials text_pattern_ops);
create index talent_people_card_expires on talent_people (card_expires_on);
-- The 公示 of a 认定 under a tier set lasts this many working days (data, not code).
alter table talent_tier_sets add column publicity_days int not null default 5 check (publicity_days between 1 and 30);

-- A talent who is a Party member or a cadre: name, sex, birth and identity come from that record
-- (entered once), here and whenever it changes (as cadres take them from members, migration 014).
create function talent_people_from_link() returns trigger language plpgsql as $$
declare m record;
begin
  if new.member_id is not null then
    select * into m from members where id = new.member_id;
    new.name := m.name;
    new.sex := m.gender;
    new.birth := m.birth_date;
    new.id_cipher := m.id_cipher;
    new.id_hash := m.id_hash;
    new.id_masked := m.id_masked;
    new.name_initials := m.name_initials;
    new.sort_key := m.sort_key;
  elsif new.cadre_id is not null then
    select * into m from cadres where id = new.cadre_id;
    new.name := m.name;
    new.sex := m.sex;
    new.birth := case when m.birth ~ '^\d{4}-\d{2}-\d{2}$' then m.birth::date else null end;
    new.id_cipher := m.id_cipher;
    new.id_hash := m.id_hash;
    new.id_masked := m.id_masked;
    new.name_initials := m.name_initials;
    new.sort_key := m.sort_key;
  end if;
  return new;
end $$;
create trigger talent_people_link_identity before insert or update on talent_people
  for each row execute function talent_people_from_link();

create function members_to_talents() returns trigger language plpgsql as $$
begin
  update talent_people t set member_id = t.member_id where t.member_id = new.id;
  return null;
end $$;
create trigger members_talent_identity after update of name, gender, birth_date, id_cipher, id_hash, id_masked, sort_key
  on members for each row execute function members_to_talents();

create function cadres_to_talents() returns trigger language plpgsql as $$
begin
  update talent_people t set cadre_id = t.cadre_id where t.cadre_id = new.id and t.member_id is null;
  return null;
end $$;
create trigger cadres_talent_identity after update of name, sex, birth, id_cipher, id_hash, id_masked, sort_key
  on cadres for each row execute function cadres_to_talents();

-- Documents of a talent (degree and title certificates, the card…) and the evidence of a 认定:
-- checked by content, bounded, kept with their hash; downloads are audited.
create table talent_documents (
  id bigserial primary key,
  person_id bigint not null references talent_people(id),
  recognition_id bigint,
  kind text not null default '',
  file_name text not null,
  mime text not null,
  size_bytes integer not null,
  sha256 text not null,
  content bytea not null,
  uploaded_by bigint references users(id),
  uploaded_at timestamptz not null default now()
);
create index talent_documents_person on talent_documents (person_id);
create index talent_documents_recognition on talent_documents (recognition_id);

-- 人才分类认定: the category (tier) and the basis claimed, reviewed employer → district → city
-- (→ experts for a tier with expert_review) → 公示 → granted (tier + card) or refused.
create table talent_recognitions (
  id bigserial primary key,
  person_id bigint not null references talent_people(id),
  tier_id bigint not null references talent_tiers(id),
  basis text not null,
  resume text not null default '',
  -- self / employer / officer
  channel text not null check (channel in ('self', 'employer', 'officer')),
  status text not null check (status in ('employer_review', 'district_review', 'city_review', 'expert_review',
    'publicity', 'granted', 'refused', 'returned')),
  submitted_by bigint references users(id),
  submitted_at timestamptz not null default now(),
  publicity_from date,
  publicity_until date,
  decided_on date,
  reason text not null default '',
  -- the expert panel's mean score (0–100) once every expert has scored
  expert_score numeric(5, 2),
  version int not null default 1
);
create index talent_recognitions_person on talent_recognitions (person_id);
create index talent_recognitions_status on talent_recognitions (status);
alter table talent_documents add constraint talent_documents_recognition_fk foreign key (recognition_id) references talent_recognitions(id);

-- Every decision: who, when, at which step, the outcome and the reason.
create table talent_recognition_steps (
  id bigserial primary key,
  recognition_id bigint not null references talent_recognitions(id),
  step text not null,
  outcome text not null,
  reason text not null default '',
  user_id bigint references users(id),
  at timestamptz not null default now()
);
create index talent_recognition_steps_rec on talent_recognition_steps (recognition_id, at);

-- The criteria experts score against, per tier set (data); weights sum to 100.
create table talent_review_criteria (
  id bigserial primary key,
  set_id bigint not null references talent_tier_sets(id),
  code text not null,
  name text not null,
  weight int not null check (weight between 1 and 100),
  unique (set_id, code)
);

-- The experts assigned to a 认定 and their scores (hidden from one another until all are in).
create table talent_recognition_experts (
  recognition_id bigint not null references talent_recognitions(id),
  expert_id bigint not null references users(id),
  assigned_by bigint references users(id),
  assigned_at timestamptz not null default now(),
  -- { criterionCode: 0..100 }
  scores jsonb,
  total numeric(5, 2),
  opinion text not null default '',
  scored_at timestamptz,
  primary key (recognition_id, expert_id)
);
create index talent_recognition_experts_expert on talent_recognition_experts (expert_id);

-- Objections received during the 公示 and how they were handled.
create table talent_recognition_objections (
  id bigserial primary key,
  recognition_id bigint not null references talent_recognitions(id),
  received_on date not null,
  content text not null,
  handling text not null default '',
  user_id bigint references users(id),
  at timestamptz not null default now()
);

-- 柔性引才 agreements: the person, the employer here, the home institution they keep.
create table talent_agreements (
  id bigserial primary key,
  person_id bigint not null references talent_people(id),
  employer_id bigint not null references talent_employers(id),
  home_institution text not null,
  form text not null,
  starts_on date not null,
  ends_on date not null,
  onsite_days_promised int not null check (onsite_days_promised >= 0),
  pay_fen bigint not null default 0 check (pay_fen >= 0),
  pay_terms text not null default '',
  ip_terms text not null default '',
  status text not null default 'active' check (status in ('active', 'ended', 'terminated')),
  note text not null default '',
  created_by bigint references users(id),
  created_at timestamptz not null default now(),
  version int not null default 1,
  check (ends_on >= starts_on)
);
create index talent_agreements_person on talent_agreements (person_id);
create index talent_agreements_ends on talent_agreements (ends_on) where status = 'active';

create table talent_agreement_days (
  id bigserial primary key,
  agreement_id bigint not null references talent_agreements(id),
  from_on date not null,
  days int not null check (days between 1 and 366),
  note text not null default '',
  user_id bigint references users(id),
  at timestamptz not null default now()
);
create index talent_agreement_days_agreement on talent_agreement_days (agreement_id);

create table talent_deliverables (
  id bigserial primary key,
  agreement_id bigint not null references talent_agreements(id),
  title text not null,
  due_on date not null,
  accepted_on date,
  acceptance text not null default '',
  accepted_by bigint references users(id)
);
create index talent_deliverables_agreement on talent_deliverables (agreement_id);

-- Evaluation indicators as data: 显绩 (achieved) and 潜绩 (potential), weights per dated set.
create table talent_indicators (
  id bigserial primary key,
  code text not null,
  name text not null,
  kind text not null check (kind in ('achieved', 'potential')),
  weight int not null check (weight between 1 and 100),
  effective_on date not null,
  superseded_on date,
  source text not null default '',
  unique (code, effective_on)
);

create table talent_evaluations (
  id bigserial primary key,
  person_id bigint not null references talent_people(id),
  year int not null check (year between 2000 and 2100),
  -- { indicatorCode: 0..100 }
  scores jsonb not null,
  -- { indicatorCode: evidence note }
  notes jsonb not null default '{}',
  achieved numeric(5, 2) not null,
  potential numeric(5, 2) not null,
  total numeric(5, 2) not null,
  evaluated_by bigint references users(id),
  evaluated_at timestamptz not null default now(),
  unique (person_id, year)
);

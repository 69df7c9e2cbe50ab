-- Cadres I (issue 12): units, their leadership posts and quotas, the cadre file in the shape of the
-- 干部任免审批表, leadership teams, corrections and the 三龄二历 review.
--
-- Who manages whom (干部管理权限, "下管一级"): every unit and every cadre names the organization
-- whose organization department manages it (`manager_org_id`: the city's node for 市管干部, a
-- district's node for 区管干部), which is not the Party organization the person belongs to. Its path
-- is copied (`manager_path`, server/scope/path-copies.ts) so that a cadre officer's scope is the same
-- subtree test as everywhere else: a province or a 县 works the same way.

create table cadre_units (
  id bigserial primary key,
  manager_org_id bigint not null references orgs(id),
  manager_path ltree not null,
  -- the unit's own Party organization, when it has one in the tree
  org_id bigint references orgs(id),
  name text not null,
  short_name text,
  -- 党委工作部门, 政府部门, 人大机关, 政协机关, 群团, 事业单位, 国有企业, 乡镇街道, 法院检察院, 纪委监委 (domain/cadre-codes.ts)
  kind text not null,
  -- the level of the unit itself (正处级 unit: its principal posts are 正处)
  level text not null,
  -- the unit above it in the line of leadership (a 内设机构 under its department, a 乡镇 under its district)
  parent_unit_id bigint references cadre_units(id),
  sort int not null default 0,
  name_initials text not null default '',
  dissolved_on date,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index cadre_units_manager on cadre_units using gist (manager_path);
create index cadre_units_manager_sort on cadre_units (manager_org_id, sort, id);
create index cadre_units_parent on cadre_units (parent_unit_id);

-- A leadership post of a unit with its approved count (职数).
create table cadre_posts (
  id bigserial primary key,
  unit_id bigint not null references cadre_units(id),
  title text not null,
  -- 正部 副部 正厅 副厅 正处 副处 正科 副科 (domain/cadre-codes.ts LEVELS)
  level text not null,
  principal boolean not null,
  -- 党委 (党组), 政府 (行政), 人大, 政协, 纪委, 其他: the 党政 line it belongs to
  line text not null default '行政',
  -- a post filled by election (人大 elects, 党委 elects): no 试用期, 任职时间 from the election
  elected boolean not null default false,
  -- the kinds of non-elected posts a promotion into which carries a 试用期 (RULES.md §7)
  probation_kind text,
  quota int not null check (quota >= 0),
  sort int not null default 0,
  abolished_on date,
  version int not null default 1,
  created_at timestamptz not null default now()
);
create index cadre_posts_unit on cadre_posts (unit_id, sort, id);

create table cadres (
  id bigserial primary key,
  manager_org_id bigint not null references orgs(id),
  manager_path ltree not null,
  -- the Party member record when the cadre is a member: name, sex, birth, ethnicity, ID number and
  -- 入党时间 are then read from it (kept here by trigger, never typed again)
  member_id bigint unique references members(id),
  -- the cadre's own account (the read-only "my file" and correction requests)
  user_id bigint unique references users(id),
  name text not null,
  sex text not null default '',
  -- partial dates as the file gives them: YYYY-MM or YYYY-MM-DD
  birth text,
  ethnicity text not null default '',
  id_cipher text,
  id_hash text,
  id_masked text,
  native_place text not null default '',
  birth_place text not null default '',
  party_join text,
  -- 政治面貌 (GB/T 4762) and a democratic party's name when the .lrmx says so
  political text not null default '',
  party_name text not null default '',
  work_start text,
  health text not null default '',
  pro_title text not null default '',
  expertise text not null default '',
  -- 全日制 / 在职 education rows of the form: { level, degree, levelSchool, degreeSchool }
  edu_full_time jsonb not null default '{}',
  edu_in_service jsonb not null default '{}',
  -- 1 博士研究生 … 7 高中及以下, the higher of both rows (domain/cadre-codes.ts EDUCATION_RANKS)
  edu_rank smallint,
  -- professional background (经济, 法律, 理工, 农业, 文教, 党务…) and experience tags derived from the file
  background text not null default '',
  -- the structured 简历: [{ from, to, text, sub }]
  resume jsonb not null default '[]',
  -- years at the grassroots (乡镇街道, 村社区) the officer confirmed, for the eligibility rules
  grassroots_months int,
  -- the current rank (职级) and its level, kept by the writer from cadre_ranks
  rank_title text not null default '',
  level text,
  -- the principal current post, kept by the writer from cadre_appointments (the form's 现任职务 is longer)
  current_unit_id bigint references cadre_units(id),
  current_title text not null default '',
  current_since date,
  photo bytea,
  photo_mime text,
  -- what the last imported .lrmx held that the file does not model (Version, unknown elements) and the
  -- form's own texts (拟任, 拟免, 任免理由, 呈报单位, 填表人, 计算年龄时间, 填表时间)
  lrmx_version text,
  lrmx_extras jsonb not null default '[]',
  form_texts jsonb not null default '{}',
  -- in service / left (退休, 调出, 去世…)
  status text not null default 'active',
  left_on date,
  left_reason text,
  name_initials text not null default '',
  sort_key text not null default '',
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index cadres_manager on cadres using gist (manager_path);
create index cadres_manager_sort on cadres (manager_org_id, sort_key, id);
create index cadres_sort on cadres (sort_key, id);
create index cadres_name_trgm on cadres using gin (name gin_trgm_ops);
create index cadres_initials on cadres (name_initials text_pattern_ops);
create index cadres_id_hash on cadres (id_hash) where id_hash is not null;
create index cadres_unit on cadres (current_unit_id);
create index cadres_level on cadres (level);
create index cadres_birth on cadres (birth);

-- Posts held (任职): one row per appointment, with the decision date that 任职时间 counts from.
create table cadre_appointments (
  id bigserial primary key,
  cadre_id bigint not null references cadres(id),
  post_id bigint references cadre_posts(id),
  unit_id bigint references cadre_units(id),
  -- as printed (the post may lie outside the system: 曾任 XX县副县长)
  title text not null,
  level text,
  principal boolean not null default false,
  -- 任职时间: the 党委（党组） decision date (for elected posts the election date), RULES.md §7
  decided_on date not null,
  doc_no text not null default '',
  -- on probation until this day (试用期), RULES.md §7
  probation_until date,
  ended_on date,
  end_doc_no text,
  end_reason text,
  -- counted in the 配备一览表 and the team (a concurrent post 兼任 counts too)
  concurrent boolean not null default false,
  sort int not null default 0,
  created_at timestamptz not null default now()
);
create index cadre_appointments_cadre on cadre_appointments (cadre_id, decided_on);
create index cadre_appointments_post_open on cadre_appointments (post_id) where ended_on is null;
create index cadre_appointments_unit_open on cadre_appointments (unit_id) where ended_on is null;

-- Rank history (职级): 一级调研员, 正处 …
create table cadre_ranks (
  id bigserial primary key,
  cadre_id bigint not null references cadres(id),
  title text not null,
  level text,
  decided_on date not null,
  doc_no text not null default '',
  ended_on date,
  created_at timestamptz not null default now()
);
create index cadre_ranks_cadre on cadre_ranks (cadre_id, decided_on);

-- 奖惩: rewards and punishments; `on_form` says whether the 任免审批表 shows it; a punishment's
-- influence period ends at `until`.
create table cadre_rewards (
  id bigserial primary key,
  cadre_id bigint not null references cadres(id),
  kind text not null check (kind in ('reward', 'punishment')),
  on_date date,
  text text not null,
  on_form boolean not null default true,
  until date,
  sort int not null default 0
);
create index cadre_rewards_cadre on cadre_rewards (cadre_id, sort, id);

-- 年度考核结果: one per year (优秀 称职 基本称职 不称职, or 不定等次 with a comment).
create table cadre_assessments (
  cadre_id bigint not null references cadres(id),
  year int not null,
  grade text not null,
  note text not null default '',
  primary key (cadre_id, year)
);

-- 家庭主要成员及重要社会关系, with residence abroad (配偶子女移居国（境）外) and, when the relative is
-- a cadre too, the link the avoidance check (回避) follows.
create table cadre_family (
  id bigserial primary key,
  cadre_id bigint not null references cadres(id),
  sort int not null default 0,
  relation text not null,
  name text not null,
  birth text,
  political text not null default '',
  work_post text not null default '',
  deceased boolean not null default false,
  abroad_country text,
  abroad_status text,
  relative_cadre_id bigint references cadres(id)
);
create index cadre_family_cadre on cadre_family (cadre_id, sort, id);
create index cadre_family_relative on cadre_family (relative_cadre_id) where relative_cadre_id is not null;

-- 三龄二历 review: each item confirmed against named source material by a reviewer.
create table cadre_reviews (
  id bigserial primary key,
  cadre_id bigint not null references cadres(id),
  -- birth, work_start, party_join, education, work_history
  item text not null,
  -- the value confirmed (a date, or a digest of the rows)
  value text not null,
  source text not null,
  reviewer_id bigint references users(id),
  reviewer_name text not null,
  reviewed_on date not null,
  note text not null default '',
  superseded_at timestamptz,
  created_at timestamptz not null default now()
);
create index cadre_reviews_cadre on cadre_reviews (cadre_id, item) where superseded_at is null;

-- Every change of a cadre's file: what, before, after, who, and the reason (required when a reviewed
-- item changes). Written only by modules/cadres/changes.ts.
create table cadre_history (
  id bigserial primary key,
  cadre_id bigint not null references cadres(id),
  section text not null,
  action text not null,
  actor_id bigint,
  at timestamptz not null,
  reason text,
  before jsonb,
  after jsonb
);
create index cadre_history_cadre on cadre_history (cadre_id, id);

-- A cadre's request to correct their own file, decided by an officer.
create table cadre_corrections (
  id bigserial primary key,
  cadre_id bigint not null references cadres(id),
  requested_by bigint references users(id),
  requested_at timestamptz not null,
  section text not null,
  field text not null,
  current_value text not null default '',
  proposed_value text not null,
  reason text not null,
  evidence_name text,
  evidence_mime text,
  evidence bytea,
  status text not null default 'pending' check (status in ('pending', 'approved', 'refused', 'withdrawn')),
  decided_by bigint references users(id),
  decided_at timestamptz,
  decision_note text
);
create index cadre_corrections_pending on cadre_corrections (cadre_id) where status = 'pending';
create index cadre_corrections_cadre on cadre_corrections (cadre_id, id);

-- A unit's leadership team (班子): its term and when it should next be renewed (应换届时间).
create table cadre_teams (
  id bigserial primary key,
  unit_id bigint not null unique references cadre_units(id),
  name text not null,
  term_years int not null default 5,
  term_started_on date,
  renew_due_on date,
  note text not null default '',
  version int not null default 1
);
create index cadre_teams_due on cadre_teams (renew_due_on);

-- Saved searches of the cadre search, per account.
create table cadre_saved_queries (
  id bigserial primary key,
  user_id bigint not null references users(id),
  name text not null,
  query jsonb not null,
  created_at timestamptz not null default now(),
  unique (user_id, name)
);

-- The manager paths follow their organization (server/scope/path-copies.ts).
create function cadre_set_manager_path() returns trigger language plpgsql as $$
begin
  new.manager_path := (select path from orgs where id = new.manager_org_id for share);
  return new;
end $$;
create trigger cadre_units_manager_path before insert or update of manager_org_id on cadre_units
  for each row execute function cadre_set_manager_path();
create trigger cadres_manager_path before insert or update of manager_org_id on cadres
  for each row execute function cadre_set_manager_path();

-- A cadre who is a Party member: identity comes from the member record (entered once), here and
-- whenever the record changes.
create function cadres_from_member() returns trigger language plpgsql as $$
declare m record;
begin
  if new.member_id is not null then
    select * into m from members where id = new.member_id;
    new.name := m.name;
    new.sex := m.gender;
    new.birth := to_char(m.birth_date, 'YYYY-MM-DD');
    new.ethnicity := m.ethnicity;
    new.id_cipher := m.id_cipher;
    new.id_hash := m.id_hash;
    new.id_masked := m.id_masked;
    new.party_join := to_char(m.admitted_on, 'YYYY-MM-DD');
    new.political := case when m.category = 'probationary' then '中共预备党员' else '中共党员' end;
    new.name_initials := m.name_initials;
    new.sort_key := m.sort_key;
  end if;
  return new;
end $$;
create trigger cadres_member_identity before insert or update on cadres
  for each row execute function cadres_from_member();

create function members_to_cadres() returns trigger language plpgsql as $$
begin
  update cadres c set member_id = c.member_id where c.member_id = new.id;
  return null;
end $$;
create trigger members_cadre_identity after update of name, gender, birth_date, ethnicity, id_cipher, id_hash, id_masked, admitted_on, category, sort_key
  on members for each row execute function members_to_cadres();

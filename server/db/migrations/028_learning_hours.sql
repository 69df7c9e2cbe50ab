-- The 学时 archive (issue 14 point 6): the hours required by audience as versioned data, self-reported
-- training with its evidence, 上级调训 and 党校 imports, the officers' word on duplicates, and closed years
-- with the snapshot of each person's totals. The hours themselves are rows of learning_credits (021).

-- A new version takes effect on a date; earlier versions are never changed (RULES.md preamble).
create table learning_requirements (
  id bigserial primary key,
  audience text not null check (audience in ('member', 'branch_committee', 'cadre_county', 'cadre_township', 'cadre_online')),
  hours numeric(6, 1) not null check (hours >= 0 and hours <= 2000),
  period_years int not null default 1 check (period_years between 1 and 10),
  effective_from date not null,
  source text not null,
  -- RULES.md's tag: V verified, R recalled, L local practice
  tag text not null check (tag in ('V', 'R', 'L')),
  created_by bigint references users(id),
  created_at timestamptz not null default now(),
  unique (audience, effective_from)
);
-- The regulations' numbers (domain/rules/learning-hours.ts DEFAULT_REQUIREMENTS).
insert into learning_requirements (audience, hours, period_years, effective_from, source, tag) values
  ('member', 32, 1, '2019-05-06', '《中国共产党党员教育管理工作条例》（2019）：党员每年集中学习培训一般不少于32学时', 'V'),
  ('branch_committee', 56, 1, '2019-05-06', '《中国共产党党员教育管理工作条例》（2019）：基层党组织书记和班子成员每年不少于56学时', 'V'),
  ('cadre_county', 550, 5, '2023-10-16', '《干部教育培训工作条例》（2023）：县处级以上领导干部每5年参加脱产培训累计不少于3个月或550学时', 'V'),
  ('cadre_township', 90, 1, '2023-10-16', '《干部教育培训工作条例》（2023）：乡科级及以下干部每年累计不少于12天或90学时', 'V'),
  ('cadre_online', 50, 1, '2023-10-16', '《全国干部教育培训规划（2023—2027年）》：干部每人每年网络自学不少于50学时（RULES.md 标注 R：转引自省级干部网络学院，未核对原文）', 'R');

-- Self-reported training (自主申报) with its evidence, checked by content and bounded; its hours are a
-- pending credit until the organization approves it. Submitted after its year ended: accepted, marked late.
create table learning_self_reports (
  id bigserial primary key,
  member_id bigint references members(id),
  cadre_id bigint references cadres(id),
  credit_id bigint references learning_credits(id),
  title text not null,
  organizer text not null default '',
  started_on date not null,
  ended_on date not null,
  hours numeric(6, 1) not null check (hours > 0 and hours <= 2000),
  online boolean not null default false,
  evidence_name text not null,
  evidence_mime text not null,
  evidence_size int not null,
  evidence_sha256 text not null,
  evidence bytea not null,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  reason text not null default '',
  late boolean not null default false,
  submitted_at timestamptz not null default now(),
  decided_by bigint references users(id),
  decided_at timestamptz,
  check ((member_id is null) <> (cadre_id is null)),
  check (ended_on >= started_on)
);
create index learning_self_reports_member on learning_self_reports (member_id) where member_id is not null;
create index learning_self_reports_pending on learning_self_reports (status, submitted_at) where status = 'pending';

-- An import of 上级调训 or 党校 records: all rows or none.
create table learning_imports (
  id bigserial primary key,
  kind text not null check (kind in ('assigned', 'party_school')),
  file_name text not null,
  rows int not null,
  org_id bigint not null references orgs(id),
  created_by bigint references users(id),
  created_at timestamptz not null default now()
);

-- An officer's word on a suspected duplicate: confirmed (counts once) or undone (both count, and the
-- detector leaves the pair alone from then on).
create table learning_duplicate_reviews (
  credit_id bigint primary key references learning_credits(id),
  of_id bigint not null references learning_credits(id),
  decision text not null check (decision in ('confirmed', 'undone')),
  decided_by bigint references users(id),
  decided_at timestamptz not null default now()
);

-- A year closed for an organization's subtree: the snapshot freezes each member's totals as they were.
create table learning_year_closures (
  id bigserial primary key,
  org_id bigint not null references orgs(id),
  year int not null,
  closed_at timestamptz not null,
  closed_by bigint references users(id),
  people int not null default 0,
  unique (org_id, year)
);
create table learning_year_snapshots (
  closure_id bigint not null references learning_year_closures(id),
  member_id bigint not null references members(id),
  required numeric(6, 1) not null,
  online_h numeric(7, 1) not null default 0,
  quiz_h numeric(7, 1) not null default 0,
  class_h numeric(7, 1) not null default 0,
  assigned_h numeric(7, 1) not null default 0,
  party_school_h numeric(7, 1) not null default 0,
  self_h numeric(7, 1) not null default 0,
  total numeric(7, 1) not null default 0,
  online_total numeric(7, 1) not null default 0,
  primary key (closure_id, member_id)
);
create index learning_year_snapshots_member on learning_year_snapshots (member_id);

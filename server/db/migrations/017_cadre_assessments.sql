-- Cadre assessment (issue 13 point 4): the annual assessment (年度考核) per assessment unit with its
-- 优秀 quota, 平时考核 (quarterly) and 专项考核 records. Rules: domain/rules/assessment.ts
-- (《公务员考核规定》2020, RULES.md §7).
--
-- An assessment unit (考核单位) lies where the organization that manages it lies (干部管理权限), like
-- cadre_units: `manager_path` is a path copy (server/scope/path-copies.ts) kept by the same trigger.

create table assessment_units (
  id bigserial primary key,
  year int not null check (year between 1990 and 2200),
  name text not null,
  manager_org_id bigint not null references orgs(id),
  manager_path ltree not null,
  -- the cadre unit the people were chosen from, when they were
  cadre_unit_id bigint references cadre_units(id),
  -- draft → submitted → confirmed (published onto the cadre files); submitted → returned → submitted
  status text not null default 'draft' check (status in ('draft', 'submitted', 'returned', 'confirmed')),
  -- the 25% quota needs the 公务员主管部门's approval: who approved, the document, the date
  raised boolean not null default false,
  raised_by text,
  raised_doc text,
  raised_on date,
  submitted_at timestamptz,
  submitted_by bigint references users(id),
  decided_at timestamptz,
  decided_by bigint references users(id),
  return_reason text,
  version int not null default 1,
  created_at timestamptz not null default now(),
  check (not raised or (raised_by is not null and raised_doc is not null and raised_on is not null))
);
create index assessment_units_manager on assessment_units using gist (manager_path);
create index assessment_units_year on assessment_units (year, manager_org_id, id);
create unique index assessment_units_cadre_unit on assessment_units (cadre_unit_id, year) where cadre_unit_id is not null;

create trigger assessment_units_manager_path before insert or update of manager_org_id on assessment_units
  for each row execute function cadre_set_manager_path();

-- The people assessed by a unit in its year: a cadre is assessed once a year.
create table assessment_entries (
  id bigserial primary key,
  unit_id bigint not null references assessment_units(id),
  cadre_id bigint not null references cadres(id),
  year int not null,
  -- 优秀 称职 基本称职 不称职, 不定等次 (comments only), or null while not yet graded
  grade text check (grade in ('优秀', '称职', '基本称职', '不称职', '不定等次')),
  comment text not null default '',
  -- a new hire's 试用期 (新录用, 《公务员考核规定》第二十五条): the cadre file does not hold it
  new_hire_until date,
  sort int not null default 0,
  unique (unit_id, cadre_id),
  unique (cadre_id, year)
);
create index assessment_entries_unit on assessment_entries (unit_id, sort, id);

-- 平时考核: one grade per cadre and quarter.
create table cadre_ongoing_assessments (
  id bigserial primary key,
  cadre_id bigint not null references cadres(id),
  year int not null,
  quarter int not null check (quarter between 1 and 4),
  grade text not null check (grade in ('好', '较好', '一般', '较差')),
  note text not null default '',
  recorded_by bigint references users(id),
  recorded_at timestamptz not null default now(),
  unique (cadre_id, year, quarter)
);

-- 专项考核: an assessment of a task or a subject (a project, a campaign, an emergency).
create table cadre_special_assessments (
  id bigserial primary key,
  cadre_id bigint not null references cadres(id),
  on_date date not null,
  subject text not null,
  result text not null,
  note text not null default '',
  recorded_by bigint references users(id),
  recorded_at timestamptz not null default now()
);
create index cadre_special_assessments_cadre on cadre_special_assessments (cadre_id, on_date);

-- Organizational life and branch work (issue 4; RULES.md §3, §4, §9).
-- Meetings (三会一课, 主题党日, 组织生活会, 民主评议, 谈心谈话), committee terms and elections,
-- branch standards and star ratings, weak branches, joint Party-building and business tasks.
-- Reminders (待办) are computed from these rows, never stored.

-- One meeting, planned or held. A meeting may serve several purposes (a 主题党日 that is also a
-- 党课): kinds holds all of them and meeting_purposes indexes each for the compliance monitor.
create table meetings (
  id bigserial primary key,
  org_id bigint not null references orgs(id),
  kinds text[] not null check (cardinality(kinds) >= 1),
  status text not null default 'held' check (status in ('planned', 'held', 'cancelled')),
  planned_on date,
  held_on date,
  start_time text,
  place text,
  topic text not null,
  host text,
  recorder text,
  minutes text,
  decisions text,
  -- counts at the time of the meeting (the attendance rows name the people)
  should_attend integer,
  present integer,
  -- recorded more than the configured number of days after held_on: accepted, marked (RULES.md §9)
  late boolean not null default false,
  recorded_at timestamptz,
  created_by bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (status <> 'held' or held_on is not null),
  check (status <> 'planned' or planned_on is not null)
);
create index meetings_org_held on meetings (org_id, held_on);
create index meetings_org_planned on meetings (org_id, planned_on) where status = 'planned';

create table meeting_purposes (
  meeting_id bigint not null references meetings(id) on delete cascade,
  org_id bigint not null references orgs(id),
  kind text not null,
  held_on date not null,
  primary key (meeting_id, kind)
);
create index meeting_purposes_org_kind on meeting_purposes (org_id, kind, held_on);
create index meeting_purposes_held on meeting_purposes (held_on, kind);

-- Who should have attended: present, or absent with a reason (病假, 事假, 公差, 外出...).
create table meeting_attendance (
  meeting_id bigint not null references meetings(id) on delete cascade,
  member_id bigint not null references members(id),
  present boolean not null,
  absence_reason text,
  primary key (meeting_id, member_id)
);
create index meeting_attendance_member on meeting_attendance (member_id);

-- Files kept in the database (backed up with it), type checked by content, size bounded.
create table meeting_attachments (
  id bigserial primary key,
  meeting_id bigint not null references meetings(id) on delete cascade,
  file_name text not null,
  mime text not null,
  size_bytes integer not null,
  sha256 text not null,
  content bytea not null,
  uploaded_by bigint,
  uploaded_at timestamptz not null default now()
);
create index meeting_attachments_meeting on meeting_attachments (meeting_id);

-- 民主评议党员: one appraisal per organization and year; grades per member (RULES.md §3):
-- 优秀/合格/基本合格/不合格, 优秀 at most ⅓ of those graded, probationary members ungraded.
create table appraisals (
  id bigserial primary key,
  org_id bigint not null references orgs(id),
  year integer not null,
  meeting_id bigint references meetings(id),
  status text not null default 'draft' check (status in ('draft', 'final')),
  note text,
  created_by bigint,
  created_at timestamptz not null default now(),
  finalized_at timestamptz,
  unique (org_id, year)
);
create table appraisal_grades (
  appraisal_id bigint not null references appraisals(id) on delete cascade,
  member_id bigint not null references members(id),
  -- null for a probationary member (takes part, no grade)
  grade text check (grade in ('excellent', 'qualified', 'basically_qualified', 'unqualified')),
  note text,
  primary key (appraisal_id, member_id)
);
create index appraisal_grades_member on appraisal_grades (member_id);

-- Committee terms (换届): one row per elected committee; the current one has ended_on null.
-- term_kind per domain/rules/terms.ts; ends_on = termEnd(...) or the approved new date.
create table org_terms (
  id bigserial primary key,
  org_id bigint not null references orgs(id),
  term_kind text not null check (term_kind in ('primary-committee', 'general-branch', 'branch')),
  term_years integer not null check (term_years between 1 and 5),
  elected_on date not null,
  ends_on date not null,
  election_id bigint,
  ended_on date,
  created_at timestamptz not null default now()
);
create unique index org_terms_current on org_terms (org_id) where ended_on is null;
create index org_terms_ends on org_terms (ends_on) where ended_on is null;

-- Advancing or delaying an election: approved by the higher committee, at most 1 year
-- (选举工作条例 2020 第三条).
create table term_adjustments (
  id bigserial primary key,
  term_id bigint not null references org_terms(id),
  org_id bigint not null references orgs(id),
  kind text not null check (kind in ('delay', 'advance')),
  original_end date not null,
  new_end date not null,
  reason text not null,
  status text not null default 'proposed' check (status in ('proposed', 'approved', 'rejected')),
  proposed_by bigint,
  proposed_at timestamptz not null default now(),
  decided_by bigint,
  decided_org_id bigint,
  decided_at timestamptz,
  decision_note text
);
create index term_adjustments_org on term_adjustments (org_id, status);

-- One election from request to new term: requested → approved (higher committee) → held
-- (votes recorded) → confirmed (secretary and deputy approved, new term opened); or rejected / failed.
create table elections (
  id bigserial primary key,
  org_id bigint not null references orgs(id),
  term_id bigint references org_terms(id),
  status text not null default 'requested' check (status in ('requested', 'approved', 'rejected', 'held', 'failed', 'confirmed')),
  planned_on date,
  request_note text,
  planned_seats integer,
  requested_by bigint,
  requested_at timestamptz not null default now(),
  approved_by bigint,
  approved_org_id bigint,
  approved_at timestamptz,
  decision_note text,
  held_on date,
  should_attend integer,
  present integer,
  quorate boolean,
  minutes text,
  confirmed_by bigint,
  confirmed_org_id bigint,
  confirmed_at timestamptz,
  version integer not null default 1
);
create index elections_org on elections (org_id, status);
alter table org_terms add constraint org_terms_election foreign key (election_id) references elections(id);

create table election_candidates (
  id bigserial primary key,
  election_id bigint not null references elections(id) on delete cascade,
  member_id bigint references members(id),
  person_name text not null,
  -- the post the candidate stands for; secretary and deputy are chosen among the elected
  post text not null default 'member' check (post in ('secretary', 'deputy_secretary', 'member')),
  votes_for integer,
  elected boolean
);
create index election_candidates_election on election_candidates (election_id);

-- Branch standards (标准化规范化建设): a configurable, versioned checklist; one assessment per
-- organization and year (self-assessment, then the higher level's review), star ratings kept.
create table standard_checklists (
  id bigserial primary key,
  name text not null,
  effective_from date not null,
  -- [{code, category, title, maxScore, guide}]
  items jsonb not null,
  -- [{stars, minScore}] highest first
  star_thresholds jsonb not null,
  created_by bigint,
  created_at timestamptz not null default now()
);

create table standard_assessments (
  id bigserial primary key,
  org_id bigint not null references orgs(id),
  year integer not null,
  checklist_id bigint not null references standard_checklists(id),
  status text not null default 'draft' check (status in ('draft', 'submitted', 'reviewed', 'returned')),
  -- {code: {score, note}}
  self_scores jsonb not null default '{}',
  self_total numeric(6, 1),
  self_note text,
  submitted_by bigint,
  submitted_at timestamptz,
  review_scores jsonb,
  review_total numeric(6, 1),
  review_note text,
  stars integer check (stars between 0 and 5),
  reviewed_by bigint,
  reviewer_org_id bigint,
  reviewed_at timestamptz,
  version integer not null default 1,
  unique (org_id, year)
);
create index standard_assessments_year on standard_assessments (year, status);

create table star_ratings (
  id bigserial primary key,
  org_id bigint not null references orgs(id),
  year integer not null,
  stars integer not null check (stars between 0 and 5),
  assessment_id bigint references standard_assessments(id),
  rated_on date not null,
  rated_by_org_id bigint,
  unique (org_id, year)
);

-- 软弱涣散 organizations and their rectification.
create table weak_orgs (
  id bigserial primary key,
  org_id bigint not null references orgs(id),
  year integer not null,
  reasons text[] not null,
  note text,
  identified_on date not null,
  identified_by bigint,
  identified_org_id bigint,
  status text not null default 'rectifying' check (status in ('rectifying', 'rectified')),
  rectified_on date,
  accepted_by bigint,
  unique (org_id, year)
);
create table rectification_tasks (
  id bigserial primary key,
  weak_org_id bigint not null references weak_orgs(id) on delete cascade,
  org_id bigint not null references orgs(id),
  title text not null,
  measure text,
  owner text not null,
  due_on date not null,
  progress integer not null default 0 check (progress between 0 and 100),
  status text not null default 'open' check (status in ('open', 'done')),
  done_on date,
  note text,
  updated_at timestamptz not null default now()
);
create index rectification_tasks_org on rectification_tasks (org_id, status, due_on);

-- Party building with business (党建和业务融合): 谋划 → 部署 → 落实 → 检查 together.
create table joint_tasks (
  id bigserial primary key,
  org_id bigint not null references orgs(id),
  year integer not null,
  title text not null,
  party_side text not null,
  business_side text not null,
  party_owner text not null,
  business_owner text not null,
  start_on date,
  due_on date not null,
  stage text not null default 'planned' check (stage in ('planned', 'deployed', 'in_progress', 'done', 'checked')),
  progress integer not null default 0 check (progress between 0 and 100),
  check_result text check (check_result in ('excellent', 'good', 'passed', 'failed')),
  check_note text,
  checked_by bigint,
  checked_org_id bigint,
  checked_on date,
  created_by bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index joint_tasks_org on joint_tasks (org_id, year, stage);
create index joint_tasks_due on joint_tasks (due_on) where stage not in ('done', 'checked');

create table joint_task_updates (
  id bigserial primary key,
  task_id bigint not null references joint_tasks(id) on delete cascade,
  at timestamptz not null default now(),
  stage text not null,
  progress integer not null,
  note text,
  actor_id bigint,
  actor_name text
);
create index joint_task_updates_task on joint_task_updates (task_id, id);

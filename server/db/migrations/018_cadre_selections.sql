-- Cadres II (issue 13, points 1–3): the selection-and-appointment procedure (选拔任用) from 动议 to 发文,
-- one record per selection (the 选人用人纪实). The managing organization (干部管理权限) decides who sees it;
-- its path is read through orgs (server/scope/resources.ts), so no path is copied here.
-- Each step's facts are a jsonb document (their shapes are the zod schemas of domain/schemas/cadre-selections.ts):
-- the steps are filled once, in order, and read whole; nothing queries inside them but the to-do list.

create table cadre_selections (
  id bigserial primary key,
  manager_org_id bigint not null references orgs(id),
  title text not null,
  -- the target posts (cadre_posts); each candidate names one of them
  post_ids jsonb not null,
  -- 分析研判和动议
  motion_on date not null,
  grounds text not null,
  scope text not null default '',
  way text not null,
  promotion boolean not null default true,
  -- the step in progress (domain/rules/cadre-selection.ts SELECTION_STEPS) and whether the record is closed
  step text not null default '分析研判和动议',
  status text not null default 'open' check (status in ('open', 'closed', 'stopped')),
  -- the day each step was entered: { "民主推荐": "2026-10-09", … }
  step_dates jsonb not null default '{}',
  recommendation jsonb,
  inspection jsonb,
  meeting jsonb,
  publicity jsonb,
  appointment jsonb,
  version int not null default 1,
  created_by bigint references users(id),
  created_at timestamptz not null default now()
);
create index cadre_selections_manager on cadre_selections (manager_org_id, status, id);

create table cadre_selection_candidates (
  id bigserial primary key,
  selection_id bigint not null references cadre_selections(id),
  cadre_id bigint not null references cadres(id),
  post_id bigint not null references cadre_posts(id),
  -- 民主推荐: votes received (会议推荐) and mentions in talks (谈话调研推荐)
  votes int,
  talk_mentions int,
  -- training hours recorded until the learning module provides them
  training_hours double precision not null default 0,
  -- 破格提拔: its 情形 and reasons
  exceptional_reasons text,
  -- 凡提四必: { file: { evidence, attachmentName, closedBy, closedOn }, … }
  four_musts jsonb not null default '{}',
  -- overridden eligibility findings: [{ rule, reason, by, on }]
  overrides jsonb not null default '[]',
  -- the recorded decision to proceed despite an avoidance flag: { by, reason, on }
  avoidance_decision jsonb,
  -- 讨论决定: { inFavor, against, abstain, passed }
  vote jsonb,
  -- dropped by the selection (an upheld objection, a failed vote) with its reason
  dropped_reason text,
  appointment_id bigint references cadre_appointments(id),
  probation_until date,
  -- 试用期 end: competent | incompetent
  probation_result text check (probation_result in ('competent', 'incompetent')),
  probation_decided_on date,
  sort int not null default 0,
  unique (selection_id, cadre_id, post_id)
);
create index cadre_selection_candidates_selection on cadre_selection_candidates (selection_id, sort, id);
create index cadre_selection_candidates_probation on cadre_selection_candidates (probation_until)
  where probation_until is not null and probation_result is null;

-- 任前公示 objections (反映问题) and how they were handled.
create table cadre_selection_objections (
  id bigserial primary key,
  selection_id bigint not null references cadre_selections(id),
  candidate_id bigint references cadre_selection_candidates(id),
  received_on date not null,
  text text not null,
  status text not null default 'open' check (status in ('open', 'handled', 'upheld')),
  handling text,
  handled_by text,
  handled_on date
);
create index cadre_selection_objections_selection on cadre_selection_objections (selection_id, id);

-- The 纪实 trail: every recorded step with its day, who and what, in order.
create table cadre_selection_events (
  id bigserial primary key,
  selection_id bigint not null references cadre_selections(id),
  at timestamptz not null,
  on_date date not null,
  step text not null,
  action text not null,
  actor_name text not null,
  summary text not null
);
create index cadre_selection_events_selection on cadre_selection_events (selection_id, id);

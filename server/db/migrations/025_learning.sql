-- Theory learning (issue 14 points 1–3): materials published by an organization for its subtree,
-- learning plans issued to chosen audiences, and study sessions whose credit the server can vouch for
-- (domain/rules/study-time.ts). Hours themselves live in the ledger (learning_credits, migration 021).

-- A material: an article (sanitized HTML), a document (PDF), an audio or video file, or a link.
-- length_seconds is what one learner can be credited for it at most.
create table learning_materials (
  id bigserial primary key,
  org_id bigint not null references orgs(id),
  kind text not null check (kind in ('article', 'document', 'audio', 'video', 'link')),
  title text not null,
  summary text not null default '',
  -- articles only: HTML already passed through sanitize-html
  body_html text not null default '',
  -- links only: an http(s) address
  url text not null default '',
  category text not null default '',
  tags text[] not null default '{}',
  length_seconds int not null check (length_seconds between 60 and 36000),
  -- the text searched (title, summary, tags, the article's words), kept by the writer
  search_text text not null default '',
  status text not null default 'published' check (status in ('published', 'withdrawn')),
  created_by bigint references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index learning_materials_org on learning_materials (org_id);
-- Chinese has no word breaks: trigram search over the text, as the members' and organizations' names.
create index learning_materials_search_trgm on learning_materials using gin (search_text gin_trgm_ops);

-- The uploaded bytes of a document, audio or video (one per material), kept apart so lists never read them.
create table learning_material_files (
  material_id bigint primary key references learning_materials(id) on delete cascade,
  file_name text not null,
  mime text not null,
  size_bytes int not null,
  sha256 text not null,
  content bytea not null
);
-- Stored uncompressed out of line, so substring() for a range request reads only the slice's chunks.
alter table learning_material_files alter column content set storage external;

-- A plan issued by an organization to its subtree. audiences: ["all"], ["probationary"], ["committee"],
-- ["cadres"] (with cadre_levels), combined as a union.
create table learning_plans (
  id bigserial primary key,
  org_id bigint not null references orgs(id),
  title text not null,
  description text not null default '',
  audiences text[] not null,
  cadre_levels text[] not null default '{}',
  required_hours numeric(6, 1) not null check (required_hours >= 0 and required_hours <= 2000),
  starts_on date not null,
  ends_on date not null,
  -- set when closed early by hand; a plan is also closed once its end date has passed
  closed_at timestamptz,
  created_by bigint references users(id),
  created_at timestamptz not null default now(),
  check (ends_on >= starts_on)
);
create index learning_plans_org on learning_plans (org_id);

-- A plan's items: a material, or a quiz of the quizzes module (no foreign key: that module is separate;
-- a quiz item is done when the ledger holds the learner's 'quiz:<id>' row).
create table learning_plan_items (
  id bigserial primary key,
  plan_id bigint not null references learning_plans(id) on delete cascade,
  kind text not null check (kind in ('material', 'quiz')),
  ref_id bigint not null,
  position int not null default 0,
  unique (plan_id, kind, ref_id)
);

-- One study session of one account on one material. Only the account's newest session earns.
create table learning_sessions (
  id bigserial primary key,
  user_id bigint not null references users(id),
  member_id bigint references members(id),
  cadre_id bigint references cadres(id),
  material_id bigint not null references learning_materials(id),
  ip text not null default '',
  started_at timestamptz not null,
  anchor_at timestamptz not null,
  presence_at timestamptz not null,
  streak_from timestamptz,
  credited_seconds int not null default 0,
  beats int not null default 0,
  superseded boolean not null default false,
  check ((member_id is null) <> (cadre_id is null))
);
create index learning_sessions_user on learning_sessions (user_id, id desc);
create index learning_sessions_ip on learning_sessions (ip, started_at);

-- A learner's credited seconds on a material over all sessions (what the cap counts, the ledger's source).
create table learning_material_progress (
  id bigserial primary key,
  member_id bigint references members(id),
  cadre_id bigint references cadres(id),
  material_id bigint not null references learning_materials(id),
  credited_seconds int not null default 0,
  updated_at timestamptz not null default now(),
  check ((member_id is null) <> (cadre_id is null))
);
create unique index learning_material_progress_member on learning_material_progress (member_id, material_id) where member_id is not null;
create unique index learning_material_progress_cadre on learning_material_progress (cadre_id, material_id) where cadre_id is not null;

-- Patterns that look scripted (PILLARS.md §4): raised by the server, reviewed by an officer.
create table learning_flags (
  id bigserial primary key,
  kind text not null check (kind in ('nonstop', 'shared_device', 'fast_playback')),
  session_id bigint references learning_sessions(id),
  member_id bigint references members(id),
  cadre_id bigint references cadres(id),
  detail jsonb not null default '{}',
  raised_at timestamptz not null,
  review text check (review in ('cleared', 'upheld')),
  review_note text not null default '',
  reviewed_by bigint references users(id),
  reviewed_at timestamptz,
  check ((member_id is null) <> (cadre_id is null))
);
create index learning_flags_open on learning_flags (raised_at) where review is null;
create unique index learning_flags_once on learning_flags (session_id, kind) where session_id is not null;

-- A plan's completion reads the ledger by source record ('material:12', 'quiz:3') for a whole city.
create index learning_credits_source_ref on learning_credits (source, source_ref);

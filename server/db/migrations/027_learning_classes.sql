-- Training classes (培训班, issue 14 point 5): a class an organization runs for its subtree, its sessions
-- with a per-session sign-in secret, trainees (enrolled by list or by approved application), attendance,
-- leave requests, anonymous course evaluations (评课) and certificates.
create table learning_classes (
  id bigserial primary key,
  -- the organizing organization: the class lies where it lies (server/scope/resources.ts), trainees come from its subtree
  org_id bigint not null references orgs(id),
  title text not null,
  audience text not null default '',
  description text not null default '',
  capacity int check (capacity is null or capacity > 0),
  -- whether learners of the subtree may apply (approved by learning.approve)
  open_for_application boolean not null default false,
  status text not null default 'open' check (status in ('open', 'completed')),
  completed_on date,
  created_by bigint references users(id),
  created_at timestamptz not null default now()
);
create index learning_classes_org on learning_classes (org_id, id);

create table learning_class_sessions (
  id bigserial primary key,
  class_id bigint not null references learning_classes(id),
  date date not null,
  -- 'HH:MM' in China time
  start_time text not null,
  end_time text not null,
  hours numeric(5, 1) not null check (hours > 0 and hours <= 24),
  teacher text not null default '',
  place text not null default '',
  online_url text not null default '',
  -- the base32 TOTP secret of the changing sign-in code (never sent to a learner)
  sign_secret text not null,
  -- set when the organizer closes the sign-in: everyone not signed in is absent (or on leave)
  closed_at timestamptz
);
create index learning_class_sessions_class on learning_class_sessions (class_id, date);

create table learning_class_trainees (
  id bigserial primary key,
  class_id bigint not null references learning_classes(id),
  member_id bigint references members(id),
  cadre_id bigint references cadres(id),
  name text not null,
  -- applied → enrolled | rejected; enrolled → withdrawn (退学, the 1/7 rule) | completed (结业)
  status text not null check (status in ('applied', 'enrolled', 'rejected', 'withdrawn', 'completed')),
  via text not null check (via in ('list', 'application')),
  status_note text not null default '',
  hours_attended numeric(6, 1),
  certificate_code text unique,
  certificate_issued_on date,
  created_at timestamptz not null default now(),
  check ((member_id is null) <> (cadre_id is null))
);
create unique index learning_class_trainees_member on learning_class_trainees (class_id, member_id) where member_id is not null;
create unique index learning_class_trainees_cadre on learning_class_trainees (class_id, cadre_id) where cadre_id is not null;
create index learning_class_trainees_member_id on learning_class_trainees (member_id);

create table learning_class_attendance (
  session_id bigint not null references learning_class_sessions(id),
  trainee_id bigint not null references learning_class_trainees(id),
  -- late: signed in after the start, marked and accepted (RULES.md §9)
  status text not null check (status in ('present', 'late', 'leave', 'absent')),
  method text not null check (method in ('code', 'organizer', 'close')),
  signed_at timestamptz,
  primary key (session_id, trainee_id)
);

create table learning_class_leaves (
  id bigserial primary key,
  session_id bigint not null references learning_class_sessions(id),
  trainee_id bigint not null references learning_class_trainees(id),
  reason text not null,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  decided_by bigint references users(id),
  decided_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index learning_class_leaves_one on learning_class_leaves (session_id, trainee_id);

-- 评课, anonymous by construction (docs/security.md): who has evaluated a session is one table, what was
-- said is another, with a random key and no trainee, no time, no serial number. Nothing joins them.
create table learning_class_eval_done (
  session_id bigint not null references learning_class_sessions(id),
  trainee_id bigint not null references learning_class_trainees(id),
  primary key (session_id, trainee_id)
);
create table learning_class_evaluations (
  id uuid primary key,
  session_id bigint not null references learning_class_sessions(id),
  -- 1–5 each: content, teaching, overall
  content smallint not null check (content between 1 and 5),
  teaching smallint not null check (teaching between 1 and 5),
  overall smallint not null check (overall between 1 and 5),
  comment text not null default ''
);
create index learning_class_evaluations_session on learning_class_evaluations (session_id);

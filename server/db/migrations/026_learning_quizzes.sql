-- Theory learning (issue 14 point 4): question banks, quizzes drawn from them, and the attempts of
-- learners. A bank and a quiz belong to one organization and lie where it lies (server/scope/resources.ts,
-- joined through orgs: no path is copied here); a quiz's learners are the members and cadres of its
-- organization's subtree. The rules (drawing, shuffling, grading) are pure functions in domain/rules/quiz.ts.

create table learning_banks (
  id bigserial primary key,
  org_id bigint not null references orgs(id),
  name text not null,
  description text not null default '',
  created_by bigint references users(id),
  created_at timestamptz not null default now()
);
create index learning_banks_org on learning_banks (org_id);

-- A question. options: the choices' texts (single and multiple choice); answer: the key as JSON —
-- choice indexes [0, 2] (single, multiple), true/false (judge), a list per blank of accepted variants
-- [["1921", "1921年"]] (fill). A question used by an attempt is never deleted, only retired.
create table learning_questions (
  id bigserial primary key,
  bank_id bigint not null references learning_banks(id),
  type text not null check (type in ('single', 'multiple', 'judge', 'fill')),
  stem text not null,
  options jsonb not null default '[]',
  answer jsonb not null,
  category text not null default '',
  difficulty smallint not null default 2 check (difficulty between 1 and 3),
  explanation text not null default '',
  retired boolean not null default false,
  created_at timestamptz not null default now()
);
create index learning_questions_bank on learning_questions (bank_id, type, category) where not retired;

-- A quiz: draw rules [{ bankId, type, category, count, points }], a time limit, an attempts limit,
-- the passing percentage, how multiple choice is graded and the 学时 a pass credits (0: none).
create table learning_quizzes (
  id bigserial primary key,
  org_id bigint not null references orgs(id),
  title text not null,
  description text not null default '',
  rules jsonb not null,
  time_limit_minutes int not null check (time_limit_minutes between 1 and 600),
  max_attempts int check (max_attempts between 1 and 100),
  pass_percent int not null check (pass_percent between 1 and 100),
  multi_scoring text not null default 'all' check (multi_scoring in ('all', 'partial')),
  hours numeric(6, 1) not null default 0 check (hours >= 0 and hours <= 100),
  opens_on date not null,
  closes_on date not null,
  status text not null default 'draft' check (status in ('draft', 'published', 'closed')),
  created_by bigint references users(id),
  created_at timestamptz not null default now(),
  check (closes_on >= opens_on)
);
create index learning_quizzes_org on learning_quizzes (org_id);

-- One sitting of a quiz by one learner (a member, or a cadre who is not a member: learning_credits'
-- learner key). seed: the random draw of this attempt (questions and option order are also stored
-- per item, so the paper never changes). deadline = started_at + the time limit.
create table learning_attempts (
  id bigserial primary key,
  quiz_id bigint not null references learning_quizzes(id),
  member_id bigint references members(id),
  cadre_id bigint references cadres(id),
  attempt_no int not null,
  seed bigint not null,
  started_at timestamptz not null,
  deadline timestamptz not null,
  submitted_at timestamptz,
  -- the answers came after the deadline: graded as saved at the deadline
  late boolean not null default false,
  earned numeric(7, 1),
  total numeric(7, 1) not null,
  percent numeric(5, 1),
  passed boolean,
  check ((member_id is null) <> (cadre_id is null))
);
create unique index learning_attempts_member on learning_attempts (quiz_id, member_id, attempt_no) where member_id is not null;
create unique index learning_attempts_cadre on learning_attempts (quiz_id, cadre_id, attempt_no) where cadre_id is not null;
-- at most one open attempt per learner and quiz
create unique index learning_attempts_open_member on learning_attempts (quiz_id, member_id) where submitted_at is null and member_id is not null;
create unique index learning_attempts_open_cadre on learning_attempts (quiz_id, cadre_id) where submitted_at is null and cadre_id is not null;
create index learning_attempts_open on learning_attempts (deadline) where submitted_at is null;

-- The paper of an attempt: the question at each position, its options' order as shown (option_order[i]
-- = the original index shown at place i), the learner's saved response (original indexes), and the grade.
create table learning_attempt_items (
  attempt_id bigint not null references learning_attempts(id),
  position int not null,
  question_id bigint not null references learning_questions(id),
  option_order jsonb not null default '[]',
  points numeric(5, 1) not null,
  response jsonb,
  earned numeric(5, 1),
  correct boolean,
  primary key (attempt_id, position)
);
-- which questions most people miss: counted per question over graded items
create index learning_attempt_items_question on learning_attempt_items (question_id) where correct is not null;

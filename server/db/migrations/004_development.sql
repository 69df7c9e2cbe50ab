-- Member development (发展党员, RULES.md §1): the versioned rule sets, the people in the pipeline
-- (applicants are not members yet: their own table) and every recorded step of the 25.

-- The rules as data with an effective date: the checker uses the set in force on a step's date,
-- so the 2026 revision of the 细则 is one more row, not a code change. The 2014 row equals
-- DEV_RULES_2014 in domain/rules/development-rule-sets.ts (a test compares them).
create table dev_rule_sets (
  version text primary key,
  effective_from date not null unique,
  title text not null,
  numbers jsonb not null,
  articles jsonb not null,
  created_at timestamptz not null default now()
);
insert into dev_rule_sets (version, effective_from, title, numbers, articles) values (
  '2014', '2014-05-28', '《中国共产党发展党员工作细则》（2014年）',
  '{"minAge":18,"talkWithinMonths":1,"activistMinMonths":12,"assessEveryMonths":6,"contactsMin":1,"contactsMax":2,
    "introducers":2,"trainingMinDays":3,"trainingMinHours":24,"leavingWithinMonths":3,"approvalMonths":3,"approvalMaxMonths":6,
    "oathWithinMonths":1,"probationMonths":12,"extensionMinMonths":6,"extensionMaxMonths":12,"fullApprovalMonths":3,"fullApplyLeadDays":30}',
  '{"minAge":"《中国共产党发展党员工作细则》第四条","talk":"《中国共产党发展党员工作细则》第七条",
    "activist":"《中国共产党发展党员工作细则》第八条","contacts":"《中国共产党发展党员工作细则》第九条",
    "assessment":"《中国共产党发展党员工作细则》第十一条","candidateYear":"《中国共产党发展党员工作细则》第十三条",
    "introducers":"《中国共产党发展党员工作细则》第十四条","introducerFull":"《中国共产党章程》第七条",
    "review":"《中国共产党发展党员工作细则》第十六条","training":"《中国共产党发展党员工作细则》第十七条",
    "leaving":"《中国共产党发展党员工作细则》第十九条","vote":"《中国共产党发展党员工作细则》第二十二条",
    "approval":"《中国共产党发展党员工作细则》第二十五条","oath":"《中国共产党发展党员工作细则》第二十八条",
    "probation":"《中国共产党章程》第七条","extension":"《中国共产党章程》第七条",
    "fullApply":"《中国共产党发展党员工作细则》第三十一条","fullApproval":"《中国共产党发展党员工作细则》第三十三条",
    "partyAge":"《中国共产党章程》第七条","order":"《中国共产党发展党员工作细则》第二章至第六章"}'
);

-- A person from the application on. Identity numbers as for members (SECURITY.md 21).
create table dev_people (
  id bigserial primary key,
  org_id bigint not null references orgs(id),
  -- the organization's path, kept by the members' trigger function, for subtree filters
  org_path ltree,
  name text not null,
  gender text not null check (gender in ('男', '女')),
  birth_date date not null,
  ethnicity text not null default '汉族',
  id_cipher text,
  id_hash text,
  id_masked text,
  education text,
  occupation text,
  work_unit text,
  phone text,
  name_initials text not null default '',
  sort_key text not null default '',
  status text not null default 'applicant'
    check (status in ('applicant', 'activist', 'candidate', 'probationary', 'full', 'cancelled')),
  last_step int not null default 0,
  applied_on date not null,
  admitted_on date,
  probation_end date,
  extension_months int,
  full_on date,
  -- the next step and its window (domain/rules/development-progress.ts nextDue), kept for the board
  next_step int,
  next_from date,
  next_by date,
  -- the member record created at admission (⑰)
  member_id bigint references members(id),
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create trigger dev_people_org_path before insert or update of org_id on dev_people
  for each row execute function members_set_org_path();
create index dev_people_org_path on dev_people using gist (org_path);
create index dev_people_board on dev_people (status, last_step);
create index dev_people_next_by on dev_people (next_by) where next_by is not null;
create index dev_people_sort on dev_people (sort_key, id);
create unique index dev_people_id_hash on dev_people (id_hash) where id_hash is not null;
create unique index dev_people_member on dev_people (member_id) where member_id is not null;

-- Every recorded step, in the order recorded. passed = false: a 支部大会 that did not pass or a
-- failed 政治审查, kept on the record but not advancing the person.
create table dev_steps (
  id bigserial primary key,
  person_id bigint not null references dev_people(id),
  step_no int not null check (step_no between 1 and 25),
  done_on date not null,
  passed boolean not null default true,
  -- [{ memberId, name, role: contact | introducer }]
  people jsonb not null default '[]',
  -- [{ name, number }]: the papers of the step (names and numbers; no upload)
  documents jsonb not null default '[]',
  note text,
  -- { shouldAttend, present, inFavor, against, abstain, quorate, passed }
  vote jsonb,
  outcome text check (outcome in ('full', 'extend', 'cancel')),
  extension_months int,
  training_days numeric(5, 1),
  training_hours numeric(6, 1),
  review_passed boolean,
  leaving_soon boolean,
  -- 特殊情况: the rules accepted by an authorized override, with its reason
  override_codes text[],
  override_reason text,
  override_by text,
  rule_version text not null references dev_rule_sets(version),
  actor_id bigint,
  created_at timestamptz not null default now()
);
create index dev_steps_person on dev_steps (person_id, id);

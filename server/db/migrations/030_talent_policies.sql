-- Talent policies, calls and applications (issue 15 points 4 and 5). A policy's benefit items keep their
-- amounts (integer fen) and eligibility conditions as versions keyed by effective date, each citing its source
-- (domain/rules/talent-policy.ts evaluates them): a new policy or a changed amount is a row, not code.
-- Applications lie where their talent lies (talent_people.district_path, joined by the scope resource: no
-- path copy here). Payouts and clawbacks are a ledger; every decision is a step row with who, when, why.

create table talent_policies (
  id bigserial primary key,
  -- 文号
  doc_no text not null unique,
  title text not null,
  issuer text not null,
  co_issuers jsonb not null default '[]',
  level text not null check (level in ('national', 'provincial', 'city', 'district')),
  published_on date,
  effective_on date not null,
  expires_on date,
  status text not null default 'in_force' check (status in ('draft', 'in_force', 'expired', 'repealed')),
  -- its applications pass an expert review after the city re-check
  expert_review boolean not null default false,
  -- 公示 of this many working days before approval
  publicity_days int not null default 5 check (publicity_days between 1 and 30),
  -- paid at once (1) or in this many yearly instalments, each after an on-the-job check
  instalments int not null default 1 check (instalments between 1 and 10),
  note text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1
);

create table talent_benefit_items (
  id bigserial primary key,
  policy_id bigint not null references talent_policies(id),
  -- unique in the city: the "no duplicate benefit" condition names items by code
  code text not null unique,
  name text not null,
  created_at timestamptz not null default now()
);
create index talent_benefit_items_policy on talent_benefit_items (policy_id);

-- An item's amount and conditions from a date on (the latest version on or before a date applies).
create table talent_benefit_versions (
  id bigserial primary key,
  item_id bigint not null references talent_benefit_items(id),
  effective_on date not null,
  amount_fen bigint not null check (amount_fen >= 0),
  -- [{ kind, ...parameters, source? }] (domain/schemas/talent-policies.ts ZConditionSchema)
  conditions jsonb not null default '[]',
  -- 文号 and article the amount and conditions come from
  source text not null,
  created_by bigint references users(id),
  created_at timestamptz not null default now(),
  unique (item_id, effective_on)
);

-- 申报计划: one policy, an open and a close date, the attachments an application must carry.
create table talent_calls (
  id bigserial primary key,
  policy_id bigint not null references talent_policies(id),
  title text not null,
  opens_on date not null,
  closes_on date not null check (closes_on >= opens_on),
  required_attachments jsonb not null default '[]',
  note text not null default '',
  created_by bigint references users(id),
  created_at timestamptz not null default now()
);
create index talent_calls_policy on talent_calls (policy_id);

create table talent_applications (
  id bigserial primary key,
  call_id bigint not null references talent_calls(id),
  item_id bigint not null references talent_benefit_items(id),
  person_id bigint not null references talent_people(id),
  -- the employer at the time of applying (its accounts review and may apply for the person)
  employer_id bigint references talent_employers(id),
  applied_as text not null check (applied_as in ('self', 'employer')),
  applied_by bigint references users(id),
  status text not null default 'draft' check (status in ('draft', 'employer_review', 'district_review', 'city_review',
    'expert_review', 'publicity', 'approved', 'paying', 'completed', 'returned', 'refused', 'withdrawn', 'clawed_back')),
  -- evidence as declared on the application (checked by the district's first review)
  social_insurance_months int check (social_insurance_months between 0 and 600),
  income_tax_months int check (income_tax_months between 0 and 600),
  contract_years int check (contract_years between 0 and 50),
  statement text not null default '',
  submitted_on date,
  -- the current step's deadline (to-do list)
  step_due_on date,
  publicity_starts_on date,
  publicity_ends_on date,
  approved_on date,
  -- the amount granted (integer fen), fixed at approval from the item's version in force on the submission date
  amount_fen bigint check (amount_fen >= 0),
  -- the evaluation at the last review ({ eligible, conditions, amountFen })
  evaluation jsonb,
  resubmissions int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1
);
create index talent_applications_person on talent_applications (person_id);
create index talent_applications_status on talent_applications (status, id desc);
create index talent_applications_call on talent_applications (call_id, id desc);
create index talent_applications_employer on talent_applications (employer_id);

-- Every decision: who, when, the outcome and the reason (the history a return and resubmission keep).
create table talent_application_steps (
  id bigserial primary key,
  application_id bigint not null references talent_applications(id),
  step text not null,
  outcome text not null,
  reason text not null default '',
  from_status text,
  to_status text not null,
  by_user bigint references users(id),
  by_name text not null default '',
  at timestamptz not null default now()
);
create index talent_application_steps_app on talent_application_steps (application_id, id);

create table talent_application_attachments (
  id bigserial primary key,
  application_id bigint not null references talent_applications(id),
  -- which required attachment it is (a name from the call's list) or '其他'
  kind text not null,
  file_name text not null,
  mime text not null,
  size_bytes int not null,
  sha256 text not null,
  content bytea not null,
  uploaded_by bigint references users(id),
  uploaded_at timestamptz not null default now()
);
create index talent_application_attachments_app on talent_application_attachments (application_id);

create table talent_expert_scores (
  application_id bigint not null references talent_applications(id),
  expert_id bigint not null references users(id),
  score int not null check (score between 0 and 100),
  comment text not null default '',
  at timestamptz not null default now(),
  primary key (application_id, expert_id)
);

-- 公示 objections: received, then handled (upheld refuses the application).
create table talent_objections (
  id bigserial primary key,
  application_id bigint not null references talent_applications(id),
  received_on date not null,
  content text not null,
  outcome text check (outcome in ('upheld', 'dismissed')),
  handling text not null default '',
  recorded_by bigint references users(id),
  handled_by bigint references users(id),
  handled_at timestamptz
);
create index talent_objections_app on talent_objections (application_id);

-- The payout schedule: one row per instalment, released after an on-the-job check.
create table talent_payouts (
  id bigserial primary key,
  application_id bigint not null references talent_applications(id),
  seq int not null,
  due_on date not null,
  amount_fen bigint not null check (amount_fen >= 0),
  status text not null default 'scheduled' check (status in ('scheduled', 'released', 'cancelled')),
  checked_on date,
  check_note text not null default '',
  released_on date,
  unique (application_id, seq)
);
create index talent_payouts_due on talent_payouts (status, due_on);

-- The finance ledger: payouts positive, clawbacks negative, never updated.
create table talent_ledger (
  id bigserial primary key,
  application_id bigint not null references talent_applications(id),
  person_id bigint not null references talent_people(id),
  item_id bigint not null references talent_benefit_items(id),
  payout_id bigint references talent_payouts(id),
  kind text not null check (kind in ('payout', 'clawback')),
  amount_fen bigint not null,
  booked_on date not null,
  reason text not null default '',
  by_user bigint references users(id),
  at timestamptz not null default now()
);
create index talent_ledger_person on talent_ledger (person_id, item_id);
create index talent_ledger_booked on talent_ledger (booked_on, id);

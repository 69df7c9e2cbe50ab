-- Party dues (issue 3 point 6; RULES.md §2, 中组发〔2008〕3号). Money in integer fen, months 'YYYY-MM'.
-- Monthly dues are not stored: they are computed from the base in force for each month (art. 10),
-- so a changed base changes every month from its own on. due_fen on a base is the monthly amount
-- that base gives under the current rounding settings; a settings change recomputes it.

create table dues_bases (
  id bigserial primary key,
  member_id bigint not null references members(id),
  category text not null check (category in ('employed', 'retired', 'farmer', 'student', 'unemployed', 'relief')),
  base_fen integer not null check (base_fen >= 0),
  due_fen integer not null check (due_fen >= 0),
  effective_from text not null check (effective_from ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  -- 工资 (art. 1), 养老金 (art. 5), 年薪当月实发 (art. 3), 上季度平均 (art. 4), fixed amount (art. 6)
  source text not null check (source in ('salary', 'pension', 'annual_pay', 'quarter_avg', 'fixed')),
  note text,
  recorded_by bigint,
  recorded_at timestamptz not null default now(),
  -- A second change in the same month replaces the first.
  unique (member_id, effective_from)
);

-- One row per member and month paid (a quarterly payment is three rows sharing a receipt), plus
-- voluntary extra payments (art. 11). org_id is the branch that collected it: totals roll up by it.
create table dues_payments (
  id bigserial primary key,
  member_id bigint not null references members(id),
  org_id bigint not null references orgs(id),
  month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  kind text not null check (kind in ('regular', 'voluntary')),
  amount_fen integer not null check (amount_fen > 0),
  -- what was due for the month when recorded (for the finance record; arrears use the live due)
  due_fen integer,
  paid_on date not null,
  receipt_no text,
  collected_by text,
  -- art. 11: one voluntary payment of 1000 元 or more goes wholly to the centre
  to_centre boolean not null default false,
  note text,
  recorded_by bigint,
  recorded_at timestamptz not null default now()
);
create index dues_payments_member_month on dues_payments (member_id, month);
create index dues_payments_org_month on dues_payments (org_id, month);

-- Hardship reductions and exemptions (art. 7): proposed by the branch, approved by the higher committee.
create table dues_reductions (
  id bigserial primary key,
  member_id bigint not null references members(id),
  org_id bigint not null references orgs(id),
  kind text not null check (kind in ('reduce', 'exempt')),
  -- the monthly amount to pay while it applies (0 for an exemption)
  amount_fen integer not null check (amount_fen >= 0),
  month_from text not null check (month_from ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  month_to text not null check (month_to ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and month_to >= month_from),
  reason text not null,
  status text not null default 'proposed' check (status in ('proposed', 'approved', 'rejected')),
  proposed_by bigint not null,
  proposer_org_id bigint not null,
  proposed_at timestamptz not null,
  decided_by bigint,
  decided_at timestamptz,
  decision_note text
);
create index dues_reductions_member on dues_reductions (member_id, status);
create index dues_reductions_org on dues_reductions (org_id, status);

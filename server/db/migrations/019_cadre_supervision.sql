-- Cadres II (issue 13, points 6–8): 能上能下 adjustments, the young-cadre pool, and the supervision records
-- (个人有关事项报告, 因私出国（境） passports in custody, 兼职 approvals). Every record belongs to one cadre and lies
-- where the cadre's manager_path lies (server/scope/resources.ts): no path is copied here.

-- 能上能下: the form, the situation of 第五条 (domain/rules/cadre-adjustment.ts) and the document. A form that takes the
-- cadre off a post names the appointment the cadre file's writer ended.
create table cadre_adjustments (
  id bigserial primary key,
  cadre_id bigint not null references cadres(id),
  kind text not null check (kind in ('调离岗位', '改任职级', '免职', '降职')),
  situation text not null,
  rules_version text not null,
  decided_on date not null,
  doc_no text not null default '',
  appointment_id bigint references cadre_appointments(id),
  note text not null default '',
  created_by bigint references users(id),
  created_at timestamptz not null default now()
);
create index cadre_adjustments_cadre on cadre_adjustments (cadre_id);

-- 优秀年轻干部库: who nominated, where the cadre came from, the criteria's findings on entry (poolEligible), leaving.
create table cadre_pool_entries (
  id bigserial primary key,
  cadre_id bigint not null references cadres(id),
  entered_on date not null,
  nominated_by text not null,
  source text not null,
  eligible boolean not null,
  findings jsonb not null default '[]',
  criteria_version text not null,
  left_on date,
  leave_reason text,
  created_by bigint references users(id),
  created_at timestamptz not null default now(),
  check ((left_on is null) = (leave_reason is null))
);
-- one open entry per cadre
create unique index cadre_pool_open on cadre_pool_entries (cadre_id) where left_on is null;

-- 个人有关事项报告: one a year per cadre, and how it was checked (随机抽查, 重点抽查, not checked).
create table cadre_matter_reports (
  id bigserial primary key,
  cadre_id bigint not null references cadres(id),
  year int not null,
  filed_on date not null,
  check_kind text not null default 'none' check (check_kind in ('随机', '重点', 'none')),
  finding text not null default '',
  created_by bigint references users(id),
  created_at timestamptz not null default now(),
  unique (cadre_id, year)
);

-- 因私出国（境） passports in the organization's custody: handed in, taken out for an approved trip (due back by
-- due_on), returned. Overdue = taken out, not returned, due_on passed (a to-do).
create table cadre_passports (
  id bigserial primary key,
  cadre_id bigint not null references cadres(id),
  kind text not null check (kind in ('护照', '港澳通行证', '台湾通行证')),
  number text not null,
  handed_in_on date not null,
  taken_out_on date,
  trip text,
  due_on date,
  returned_on date,
  created_by bigint references users(id),
  created_at timestamptz not null default now(),
  check (taken_out_on is null or due_on is not null)
);
create index cadre_passports_out on cadre_passports (due_on) where taken_out_on is not null and returned_on is null;

-- 兼职 approvals: where, what, who approved, and whether it is paid (领取兼职报酬 needs its own approval).
create table cadre_part_time_posts (
  id bigserial primary key,
  cadre_id bigint not null references cadres(id),
  organization text not null,
  post text not null,
  approved_on date not null,
  approved_by text not null,
  doc_no text not null default '',
  paid boolean not null default false,
  ends_on date,
  created_by bigint references users(id),
  created_at timestamptz not null default now()
);
create index cadre_part_time_cadre on cadre_part_time_posts (cadre_id);

-- Cadres II, supervision continued (issue 13 points 6–8): 因私出国（境） trips with their approval and the passport
-- taken out for them, the young-cadre pool's training and rotation plans and tracking notes, and the reason a
-- cadre left the pool as a coded kind. Every record belongs to one cadre (directly or through its pool entry) and
-- lies where the cadre's manager_path lies (server/scope/resources.ts): no path is copied here.

-- 因私出国（境）: the application (where, when, why, who pays), the decision (批准 / 不批准 with its reason, by whom),
-- the passport of cadre_passports taken out for it, and the day the cadre came back. rules_version names the set
-- of domain/rules/cadre-trip.ts that fixed the passport's due date.
create table cadre_trips (
  id bigserial primary key,
  cadre_id bigint not null references cadres(id),
  destinations text not null,
  purpose text not null,
  funded_by text not null,
  applied_on date not null,
  depart_on date not null,
  return_on date not null,
  status text not null default '待审批' check (status in ('待审批', '批准', '不批准')),
  decided_on date,
  decided_by text,
  refusal_reason text,
  passport_id bigint references cadre_passports(id),
  came_back_on date,
  rules_version text,
  created_by bigint references users(id),
  created_at timestamptz not null default now(),
  check (return_on >= depart_on),
  check ((status = '待审批') = (decided_on is null)),
  check (status <> '不批准' or refusal_reason is not null)
);
create index cadre_trips_cadre on cadre_trips (cadre_id);

-- The trip a passport was taken out for (its free-text `trip` stays for rows written before trips existed).
alter table cadre_passports add column trip_id bigint references cadre_trips(id);

-- The pool's plans (挂职, 轮岗, 培训 with place and dates) and tracking notes over time.
create table cadre_pool_plans (
  id bigserial primary key,
  entry_id bigint not null references cadre_pool_entries(id),
  kind text not null check (kind in ('挂职', '轮岗', '培训')),
  place text not null,
  starts_on date not null,
  ends_on date,
  note text not null default '',
  created_by bigint references users(id),
  created_at timestamptz not null default now(),
  check (ends_on is null or ends_on >= starts_on)
);
create index cadre_pool_plans_entry on cadre_pool_plans (entry_id);

create table cadre_pool_notes (
  id bigserial primary key,
  entry_id bigint not null references cadre_pool_entries(id),
  noted_on date not null,
  text text not null,
  created_by bigint references users(id),
  created_at timestamptz not null default now()
);
create index cadre_pool_notes_entry on cadre_pool_notes (entry_id);

-- Why a cadre left the pool, as a kind the lists count (the free text stays in leave_reason).
alter table cadre_pool_entries add column leave_kind text
  check (leave_kind in ('提拔使用', '超龄', '考核或监督原因', '本人退出', '其他'));

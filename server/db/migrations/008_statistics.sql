-- 党内统计 summaries (issue 5): counts of every organization's subtree, kept current by
-- statement-level triggers, so a statistics table reads one organization's rows and its children's
-- instead of scanning the members (RULES.md §6).
--
-- stat_cells(org_id, dim, val, n): for member dimensions, n = the counted members held by the
-- organizations BELOW org_id (its whole subtree but itself) whose dimension `dim` has the value
-- `val`. Members held directly by an organization — in practice a 党支部's own members, a few
-- dozen — are read from `members` when a table needs them; leaving them out halves the cells (most
-- organizations are branches). Member dimensions hold raw facts that do not depend on the
-- reference date (birth year-month, not age), so ages and 党龄 at any month end are sums over
-- year-month ranges:
--   total ''            category full|probationary     gender 男|女        ethnicity 汉族…
--   birth YYYY-MM       edu (highest, EDUCATION_LEVELS) occupation (OCCUPATIONS)
--   period (JOINING_PERIODS of domain/rules/members.ts)   status normal|flowing|lost_contact
--   fullym YYYY-MM of 转正 (党龄), '-' for a probationary member
-- '' = not recorded. Organization dimensions count the whole subtree with the organization itself:
-- okind (kind of an active organization), ounit (unit type of an active 基层党组织, BASIC_ORG_KINDS
-- of domain/rules/statistics.ts).
--
-- Writers never touch stat_cells: the triggers append grouped deltas to stat_deltas (no row is
-- updated, so concurrent member writes neither wait for each other nor deadlock on the hot rows
-- of the city's totals), and stat_compact() folds them into stat_cells in one short statement.
-- Readers sum cells + deltas, so a count is exact as soon as the writing transaction commits.
--
-- A past month end: the members admitted or made full after it are taken one by one (an index on
-- the later of both dates) — or, for the kept reference dates (the last two year ends, for the
-- 党内统计年报), read from stat_ref_cells, kept by the same triggers.

-- Counted where the formal relationship is, while a member (COUNTED_STATUSES of domain/member-status.ts).
create function stat_counted(status text) returns boolean language sql immutable as $$
  select status in ('normal', 'flowing', 'lost_contact')
$$;

-- JOINING_PERIODS of domain/rules/members.ts: the 十一届三中全会 opened 1978-12-18, the 十八大 2012-11-08.
create function stat_joining_period(d date) returns text language sql immutable as $$
  select case when d is null then ''
    when d <= date '1949-09-30' then 'before_1949'
    when d <= date '1978-12-17' then 'to_1978'
    when d <= date '2012-11-07' then 'to_2012'
    else 'since_2012' end
$$;

create function stat_ym(d date) returns text language sql immutable as $$
  select coalesce(to_char(d, 'YYYY-MM'), '')
$$;

-- The cells one member counts in (none unless counted). The statistics module calls it with the
-- values at a past month end too (category and full_on as they were then).
create function stat_member_vals(status text, category text, gender text, ethnicity text, birth_date date,
    edu text, occupation text, admitted_on date, full_on date)
  returns table (dim text, val text) language sql immutable as $$
  select v.dim, v.val from (values
    ('total', ''), ('category', category), ('gender', gender), ('ethnicity', coalesce(ethnicity, '')),
    ('birth', stat_ym(birth_date)), ('edu', coalesce(edu, '')), ('occupation', coalesce(occupation, '')),
    ('period', stat_joining_period(admitted_on)),
    ('fullym', case when category = 'full' then stat_ym(full_on) else '-' end), ('status', status)
  ) v(dim, val)
  where stat_counted(status)
$$;

-- 基层党组织: BASIC_ORG_KINDS of domain/rules/statistics.ts.
create function stat_basic_org(kind text) returns boolean language sql immutable as $$
  select kind in ('township_committee', 'party_committee', 'general_branch', 'branch', 'joint_branch', 'temporary_branch')
$$;

create function stat_org_vals(status text, kind text, unit_type text) returns table (dim text, val text) language sql immutable as $$
  select v.dim, v.val from (values ('okind', kind, true), ('ounit', coalesce(unit_type, ''), stat_basic_org(kind))) v(dim, val, keep)
  where status = 'active' and v.keep
$$;

-- The organization ids of a path, root first: the organizations whose subtree holds it.
create function stat_ancestors(p ltree) returns setof bigint language sql immutable as $$
  select unnest(string_to_array(p::text, '.')::bigint[])
$$;

-- The same without the last: the organizations whose member cells count a member held at `p`.
create function stat_above(p ltree) returns setof bigint language sql immutable as $$
  select unnest((string_to_array(p::text, '.')::bigint[])[1:nlevel(p) - 1])
$$;

create table stat_cells (
  org_id bigint not null,
  dim text not null,
  val text not null,
  n integer not null,
  primary key (org_id, dim, val)
) with (fillfactor = 90);  -- room for the compaction's updates in place

-- Reference month ends kept ready (the last two year ends, 党内统计年报): for each, the cells of
-- stat_ref_cells are what changes from the current cells to that date — members admitted after it
-- taken away, members made full after it counted as probationary — kept by the same triggers. A
-- table at such a date reads cells + ref cells instead of the members admitted since.
create table stat_refs (
  ref text primary key,
  as_of date not null unique,
  created_at timestamptz not null default now()
);

create table stat_ref_cells (
  ref text not null,
  org_id bigint not null,
  dim text not null,
  val text not null,
  n integer not null,
  primary key (ref, org_id, dim, val)
);

-- ref '' = stat_cells, otherwise stat_ref_cells of that ref.
create table stat_deltas (
  ref text not null default '',
  org_id bigint not null,
  dim text not null,
  val text not null,
  n integer not null
);
create index stat_deltas_org on stat_deltas (org_id, dim);

-- One member's contribution (sign p_s) to the cells and to the ref cells of every kept reference
-- date after which they were admitted or made full.
create function stat_member_deltas(p_s integer, p_path ltree, p_status text, p_category text, p_gender text, p_ethnicity text,
    p_birth date, p_edu text, p_occupation text, p_admitted date, p_full date)
  returns table (ref text, org_id bigint, dim text, val text, n integer) language sql stable as $$
  select '', a.id, v.dim, v.val, p_s
  from stat_member_vals(p_status, p_category, p_gender, p_ethnicity, p_birth, p_edu, p_occupation, p_admitted, p_full) v
  cross join lateral stat_above(p_path) a(id)
  union all
  select r.ref, a.id, v.dim, v.val, p_s * v.s
  from stat_refs r
  cross join lateral (
    select y.dim, y.val, 1 as s
    from stat_member_vals(p_status, case when p_category = 'full' and p_full > r.as_of then 'probationary' else p_category end,
      p_gender, p_ethnicity, p_birth, p_edu, p_occupation, p_admitted, case when p_full <= r.as_of then p_full end) y
    where coalesce(p_admitted <= r.as_of, true)
    union all
    select y.dim, y.val, -1
    from stat_member_vals(p_status, p_category, p_gender, p_ethnicity, p_birth, p_edu, p_occupation, p_admitted, p_full) y
  ) v
  cross join lateral stat_above(p_path) a(id)
  where greatest(p_admitted, p_full) > r.as_of
$$;

-- Members changed by a statement: only rows whose counted facts changed (a phone number or a
-- version bump adds nothing), grouped per organization before they are written.
create function stat_members_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into stat_deltas (ref, org_id, dim, val, n)
    select d.ref, d.org_id, d.dim, d.val, sum(d.n)::int
    from new_rows r
    cross join lateral stat_member_deltas(1, r.org_path, r.status, r.category, r.gender, r.ethnicity, r.birth_date, r.edu_highest, r.occupation, r.admitted_on, r.full_on) d
    group by 1, 2, 3, 4 having sum(d.n) <> 0;
  elsif tg_op = 'DELETE' then
    insert into stat_deltas (ref, org_id, dim, val, n)
    select d.ref, d.org_id, d.dim, d.val, sum(d.n)::int
    from old_rows r
    cross join lateral stat_member_deltas(-1, r.org_path, r.status, r.category, r.gender, r.ethnicity, r.birth_date, r.edu_highest, r.occupation, r.admitted_on, r.full_on) d
    group by 1, 2, 3, 4 having sum(d.n) <> 0;
  else
    insert into stat_deltas (ref, org_id, dim, val, n)
    select d.ref, d.org_id, d.dim, d.val, sum(d.n)::int
    from (
      select -1 as s, o.org_path, o.status, o.category, o.gender, o.ethnicity, o.birth_date, o.edu_highest, o.occupation, o.admitted_on, o.full_on
      from old_rows o join new_rows n on n.id = o.id
      where (o.org_path, o.status, o.category, o.gender, o.ethnicity, o.birth_date, o.edu_highest, o.occupation, o.admitted_on, o.full_on)
        is distinct from (n.org_path, n.status, n.category, n.gender, n.ethnicity, n.birth_date, n.edu_highest, n.occupation, n.admitted_on, n.full_on)
      union all
      select 1, n.org_path, n.status, n.category, n.gender, n.ethnicity, n.birth_date, n.edu_highest, n.occupation, n.admitted_on, n.full_on
      from old_rows o join new_rows n on n.id = o.id
      where (o.org_path, o.status, o.category, o.gender, o.ethnicity, o.birth_date, o.edu_highest, o.occupation, o.admitted_on, o.full_on)
        is distinct from (n.org_path, n.status, n.category, n.gender, n.ethnicity, n.birth_date, n.edu_highest, n.occupation, n.admitted_on, n.full_on)
    ) x
    cross join lateral stat_member_deltas(x.s, x.org_path, x.status, x.category, x.gender, x.ethnicity, x.birth_date, x.edu_highest, x.occupation, x.admitted_on, x.full_on) d
    group by 1, 2, 3, 4
    having sum(d.n) <> 0;
  end if;
  return null;
end $$;

create trigger stat_members_insert after insert on members referencing new table as new_rows
  for each statement execute function stat_members_changed();
create trigger stat_members_update after update on members referencing old table as old_rows new table as new_rows
  for each statement execute function stat_members_changed();
create trigger stat_members_delete after delete on members referencing old table as old_rows
  for each statement execute function stat_members_changed();

-- Organizations: created, moved (a subtree move rewrites every path below it), dissolved, re-typed.
create function stat_orgs_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into stat_deltas (org_id, dim, val, n)
    select a.id, v.dim, v.val, count(*)::int
    from new_rows r cross join lateral stat_org_vals(r.status, r.kind, r.unit_type) v cross join lateral stat_ancestors(r.path) a(id)
    group by 1, 2, 3;
  elsif tg_op = 'DELETE' then
    insert into stat_deltas (org_id, dim, val, n)
    select a.id, v.dim, v.val, -count(*)::int
    from old_rows r cross join lateral stat_org_vals(r.status, r.kind, r.unit_type) v cross join lateral stat_ancestors(r.path) a(id)
    group by 1, 2, 3;
  else
    insert into stat_deltas (org_id, dim, val, n)
    select a.id, v.dim, v.val, sum(x.s)::int
    from (
      select -1 as s, o.path, o.status, o.kind, o.unit_type from old_rows o join new_rows n on n.id = o.id
      where (o.path, o.status, o.kind, o.unit_type) is distinct from (n.path, n.status, n.kind, n.unit_type)
      union all
      select 1, n.path, n.status, n.kind, n.unit_type from old_rows o join new_rows n on n.id = o.id
      where (o.path, o.status, o.kind, o.unit_type) is distinct from (n.path, n.status, n.kind, n.unit_type)
    ) x
    cross join lateral stat_org_vals(x.status, x.kind, x.unit_type) v cross join lateral stat_ancestors(x.path) a(id)
    group by 1, 2, 3
    having sum(x.s) <> 0;
  end if;
  return null;
end $$;

create trigger stat_orgs_insert after insert on orgs referencing new table as new_rows
  for each statement execute function stat_orgs_changed();
create trigger stat_orgs_update after update on orgs referencing old table as old_rows new table as new_rows
  for each statement execute function stat_orgs_changed();
create trigger stat_orgs_delete after delete on orgs referencing old table as old_rows
  for each statement execute function stat_orgs_changed();

-- Folds the committed deltas into the cells (one statement; a second caller at the same time
-- returns at once). Returns the number of cells written. Cells that fall to 0 stay until a rebuild;
-- deltas of a reference date no longer kept are dropped.
create function stat_compact() returns bigint language plpgsql as $$
declare written bigint;
begin
  if not pg_try_advisory_xact_lock(hashtext('zugong.stat_compact')) then
    return 0;
  end if;
  with moved as (delete from stat_deltas returning ref, org_id, dim, val, n),
  grouped as (select ref, org_id, dim, val, sum(n)::int as n from moved group by 1, 2, 3, 4 having sum(n) <> 0),
  cur as (
    insert into stat_cells as c (org_id, dim, val, n)
    select org_id, dim, val, n from grouped where ref = '' order by 1, 2, 3
    on conflict (org_id, dim, val) do update set n = c.n + excluded.n
    returning 1),
  refd as (
    insert into stat_ref_cells as c (ref, org_id, dim, val, n)
    select g.ref, g.org_id, g.dim, g.val, g.n from grouped g join stat_refs r on r.ref = g.ref order by 1, 2, 3, 4
    on conflict (ref, org_id, dim, val) do update set n = c.n + excluded.n
    returning 1)
  select (select count(*) from cur) + (select count(*) from refd) into written;
  return written;
end $$;

-- The dimension of a row of a grouping-sets count over (category, gender, eth, birth, edu, occ,
-- period, fullym, status): grouping() has one bit per argument, 1 = not grouped by it.
create function stat_grouping_dim(g integer) returns text language sql immutable as $$
  select case g when 511 then 'total' when 255 then 'category' when 383 then 'gender' when 447 then 'ethnicity' when 479 then 'birth'
    when 495 then 'edu' when 503 then 'occupation' when 507 then 'period' when 509 then 'fullym' else 'status' end
$$;

-- The counts computed from scratch, set-based: per organization first (one pass over the members
-- with grouping sets: 4x faster than expanding every member into its ten cells), then rolled up
-- through the paths (members to the organizations above the one holding them). A second formulation of stat_member_vals on purpose: stat_verify compares the
-- two. Used by stat_rebuild and stat_verify.
create function stat_fresh() returns table (org_id bigint, dim text, val text, n integer) language sql stable as $$
  with m as (
    select org_path::text as path, category, gender, coalesce(ethnicity, '') as eth, stat_ym(birth_date) as birth,
      coalesce(edu_highest, '') as edu, coalesce(occupation, '') as occ, stat_joining_period(admitted_on) as period,
      case when category = 'full' then stat_ym(full_on) else '-' end as fullym, status
    from members where stat_counted(status)
  ), per_org as (
    select path, stat_grouping_dim(grouping(category, gender, eth, birth, edu, occ, period, fullym, status)) as dim,
      coalesce(category, gender, eth, birth, edu, occ, period, fullym, status, '') as val, count(*) as n
    from m
    group by grouping sets ((path), (path, category), (path, gender), (path, eth), (path, birth), (path, edu), (path, occ),
      (path, period), (path, fullym), (path, status))
  ), per_org_orgs as (
    select o.path, v.dim, v.val, count(*) as n
    from orgs o cross join lateral stat_org_vals(o.status, o.kind, o.unit_type) v
    group by 1, 2, 3
  )
  select x.id, x.dim, x.val, sum(x.n)::int from (
    select a.id, p.dim, p.val, p.n from per_org p cross join lateral stat_above(p.path::ltree) a(id)
    union all
    select a.id, p.dim, p.val, p.n from per_org_orgs p cross join lateral stat_ancestors(p.path) a(id)
  ) x
  group by 1, 2, 3
$$;

-- The ref cells computed from scratch: every member admitted or made full after a kept date.
create function stat_fresh_refs() returns table (ref text, org_id bigint, dim text, val text, n integer) language sql stable as $$
  select d.ref, d.org_id, d.dim, d.val, sum(d.n)::int
  from members m
  cross join lateral stat_member_deltas(1, m.org_path, m.status, m.category, m.gender, m.ethnicity, m.birth_date, m.edu_highest, m.occupation, m.admitted_on, m.full_on) d
  where d.ref <> '' and greatest(m.admitted_on, m.full_on) > (select min(as_of) from stat_refs)
  group by 1, 2, 3, 4 having sum(d.n) <> 0
$$;

-- Recomputes every cell while members and organizations cannot change (their writers wait).
create function stat_rebuild() returns bigint language plpgsql as $$
declare written bigint;
declare more bigint;
begin
  lock table members, orgs in share mode;
  -- hash aggregation in memory instead of sorting on disk (this transaction only)
  perform set_config('work_mem', '256MB', true);
  delete from stat_deltas;
  delete from stat_cells;
  -- in key order: an organization's cells share a few pages, so a table reads few pages
  insert into stat_cells (org_id, dim, val, n) select * from stat_fresh() order by 1, 2, 3;
  get diagnostics written = row_count;
  select coalesce(sum(stat_fill_ref(ref)), 0) into more from stat_refs;
  return written + more;
end $$;

-- Fills the ref cells of a kept reference date from scratch, set-based like stat_fresh, from the
-- members admitted or made full after it only; stat_verify checks the result against
-- stat_member_deltas (the triggers' formulation). The caller holds members still.
create function stat_fill_ref(p_ref text) returns bigint language plpgsql as $$
declare
  d date := (select as_of from stat_refs where ref = p_ref);
  written bigint;
begin
  perform set_config('work_mem', '256MB', true);
  delete from stat_ref_cells where ref = p_ref;
  delete from stat_deltas where ref = p_ref;
  insert into stat_ref_cells (ref, org_id, dim, val, n)
  with c as (
    select org_path::text as path, coalesce(admitted_on > d, false) as gone, category = 'full' and full_on > d as made_full,
      category, gender, coalesce(ethnicity, '') as eth, stat_ym(birth_date) as birth, coalesce(edu_highest, '') as edu,
      coalesce(occupation, '') as occ, stat_joining_period(admitted_on) as period,
      case when category = 'full' then stat_ym(full_on) else '-' end as fullym, status
    from members where greatest(admitted_on, full_on) > d and stat_counted(status)
  ), per_org as (
    -- admitted after the date: all their cells go
    select path, stat_grouping_dim(grouping(category, gender, eth, birth, edu, occ, period, fullym, status)) as dim,
      coalesce(category, gender, eth, birth, edu, occ, period, fullym, status, '') as val, -count(*) as n
    from c where gone
    group by grouping sets ((path), (path, category), (path, gender), (path, eth), (path, birth), (path, edu), (path, occ),
      (path, period), (path, fullym), (path, status))
    -- made full after it: probationary then, without 党龄
    union all select path, 'category', 'full', -count(*) from c where not gone and made_full group by path
    union all select path, 'category', 'probationary', count(*) from c where not gone and made_full group by path
    union all select path, 'fullym', fullym, -count(*) from c where not gone and made_full group by path, fullym
    union all select path, 'fullym', '-', count(*) from c where not gone and made_full group by path
  )
  select p_ref, a.id, p.dim, p.val, sum(p.n)::int
  from per_org p cross join lateral stat_above(p.path::ltree) a(id)
  group by 2, 3, 4 having sum(p.n) <> 0
  order by 2, 3, 4;
  get diagnostics written = row_count;
  return written;
end $$;

-- Keeps a reference month end ('YYYY-MM') ready; returns the number of ref cells written (0 if kept already).
create function stat_add_ref(p_ref text) returns bigint language plpgsql as $$
begin
  if exists (select 1 from stat_refs where ref = p_ref) then
    return 0;
  end if;
  -- No member changes while the ref is filled; writers waiting now see it when they go on.
  lock table members in share mode;
  insert into stat_refs (ref, as_of) values (p_ref, (to_date(p_ref, 'YYYY-MM') + interval '1 month' - interval '1 day')::date);
  return stat_fill_ref(p_ref);
end $$;

create function stat_drop_ref(p_ref text) returns void language sql as $$
  delete from stat_refs where ref = p_ref;
  delete from stat_ref_cells where ref = p_ref;
  delete from stat_deltas where ref = p_ref;
$$;

-- Cells whose stored count (cells + pending deltas) differs from a fresh count: empty when exact.
-- ref '' = stat_cells, otherwise the ref cells of that reference date.
create function stat_verify() returns table (ref text, org_id bigint, dim text, val text, stored integer, actual integer) language sql stable
  set work_mem = '256MB' as $$
  with stored as (
    select s.ref, s.org_id, s.dim, s.val, sum(s.n)::int as n
    from (
      select '' as ref, c.org_id, c.dim, c.val, c.n from stat_cells c
      union all select c.ref, c.org_id, c.dim, c.val, c.n from stat_ref_cells c
      union all select d.ref, d.org_id, d.dim, d.val, d.n from stat_deltas d where d.ref = '' or d.ref in (select r.ref from stat_refs r)
    ) s
    group by 1, 2, 3, 4
  ), fresh as (
    select '' as ref, f.org_id, f.dim, f.val, f.n from stat_fresh() f
    union all select * from stat_fresh_refs()
  )
  select coalesce(s.ref, f.ref), coalesce(s.org_id, f.org_id), coalesce(s.dim, f.dim), coalesce(s.val, f.val), coalesce(s.n, 0), coalesce(f.n, 0)
  from stored s full join fresh f on f.ref = s.ref and f.org_id = s.org_id and f.dim = s.dim and f.val = s.val
  where coalesce(s.n, 0) <> coalesce(f.n, 0)
$$;

-- A past month end without ref cells: members admitted or made full after it are corrected one by
-- one (one index for both dates), and organizations founded or dissolved after it.
create index members_stat_after on members ((greatest(admitted_on, full_on)));
create index orgs_stat_after on orgs ((greatest(established_on, dissolved_on)));

select stat_rebuild();

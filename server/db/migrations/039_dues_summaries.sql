-- Dues summaries (issue 16 point 2): arrears lists, totals, the dues panel, organization health and
-- the to-do digest read these instead of expanding the ledger (migration 006) of every member.
-- Two parts, both kept by statement-level triggers on dues_bases, dues_payments, dues_reductions,
-- members and orgs, so every writer (payments, bulk pay, base changes, reductions, transfers,
-- deaths and leavings, moves, imports) keeps them exact in its own transaction:
--
-- 1. Totals by organization and month (time-independent), in the statistics' way (migration 008):
--    dues_cells(org_id, month, ...) over the organization's whole subtree, itself included, plus
--    appended dues_deltas folded in by dues_compact(). `due_step` is a difference array: what is due
--    in month M is the sum of due_step over the months <= M (a base applies until the next one, with
--    no end). paid / voluntary / centre / payers are plain per month, by the collecting organization.
--    dues_member_spans records each counted member's due spans and the organizations they were
--    added to, so a change takes exactly those away again.
-- 2. Arrears per member as of one closed month (dues_sum_state.as_of): the members with something
--    unpaid, their unpaid months, amount owed, oldest unpaid month and run of consecutive unpaid
--    months. A new month changes every run, so the app recomputes them all once when it turns
--    (dues_roll); until then readers use the ledger, so numbers are exact at every moment.

create table dues_sum_state (
  id boolean primary key default true check (id),
  as_of text check (as_of ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
insert into dues_sum_state (as_of) values (null);

create table dues_member_sums (
  member_id bigint primary key,
  org_id bigint not null,
  unpaid_n integer not null,
  owed_fen bigint not null,
  oldest text not null,
  consecutive integer not null
);
create index dues_member_sums_org on dues_member_sums (org_id);

create table dues_member_spans (
  member_id bigint not null,
  -- the organizations (the holding one and every one above it) the span was added to
  anc bigint[] not null,
  s text not null,
  e text,
  v bigint not null
);
create index dues_member_spans_member on dues_member_spans (member_id);

create table dues_cells (
  org_id bigint not null,
  month text not null,
  due_step bigint not null default 0,
  paid bigint not null default 0,
  voluntary bigint not null default 0,
  centre bigint not null default 0,
  payers integer not null default 0,
  primary key (org_id, month)
) with (fillfactor = 90);

create table dues_deltas (
  org_id bigint not null,
  month text not null,
  due_step bigint not null default 0,
  paid bigint not null default 0,
  voluntary bigint not null default 0,
  centre bigint not null default 0,
  payers integer not null default 0
);
create index dues_deltas_org on dues_deltas (org_id, month);

create function dues_next_month(m text) returns text language sql immutable as $$
  select to_char(to_date(m, 'YYYY-MM') + interval '1 month', 'YYYY-MM')
$$;

create function dues_month_no(m text) returns integer language sql immutable as $$
  select substr(m, 1, 4)::int * 12 + substr(m, 6, 2)::int
$$;

-- The due spans of the counted members among p_ids: every base from its month (never before the
-- 支部大会 month, art. 8) to the next base, and where an approved reduction applies (art. 7) a
-- second span carrying the difference. The same ledger as ledger-sql.ts, month by month.
create function dues_spans_of(p_ids bigint[]) returns table (member_id bigint, anc bigint[], s text, e text, v bigint)
  language sql stable as $$
  with m as (
    select id, string_to_array(org_path::text, '.')::bigint[] as anc, coalesce(to_char(admitted_on, 'YYYY-MM'), '0001-01') as start_month
    from members where id = any(p_ids) and stat_counted(status)
  ), per as (
    select b.member_id, m.anc, b.due_fen::bigint as due, greatest(b.effective_from, m.start_month) as s,
      lead(b.effective_from) over (partition by b.member_id order by b.effective_from) as e
    from dues_bases b join m on m.id = b.member_id
  ), kept as (select * from per where e is null or s < e)
  select k.member_id, k.anc, k.s, k.e, k.due from kept k where k.due <> 0
  union all
  select k.member_id, k.anc, greatest(k.s, r.month_from), least(k.e, dues_next_month(r.month_to)), r.amount_fen - k.due
  from kept k join dues_reductions r on r.member_id = k.member_id and r.status = 'approved'
    and r.month_to >= k.s and (k.e is null or r.month_from < k.e)
  where r.amount_fen <> k.due
$$;

-- Arrears as of p_as_of of the counted members among p_ids (only those with an unpaid month), as
-- the dues module's arrearsOf computes them from the ledger.
create function dues_sums_of(p_ids bigint[], p_as_of text)
  returns table (member_id bigint, org_id bigint, unpaid_n integer, owed_fen bigint, oldest text, consecutive integer)
  language sql stable as $$
  with m as (
    select id, org_id, coalesce(to_char(admitted_on, 'YYYY-MM'), '0001-01') as start_month
    from members where id = any(p_ids) and stat_counted(status)
  ), per as (
    select b.member_id, m.org_id, b.due_fen, b.effective_from as p_from, m.start_month,
      lead(b.effective_from) over (partition by b.member_id order by b.effective_from) as p_next
    from dues_bases b join m on m.id = b.member_id
  ), due as (
    select p.member_id, p.org_id, to_char(g, 'YYYY-MM') as month, p.due_fen
    from per p cross join lateral generate_series(
      to_date(greatest(p.p_from, p.start_month), 'YYYY-MM'),
      least(to_date(p_as_of, 'YYYY-MM'), coalesce(to_date(p.p_next, 'YYYY-MM') - interval '1 month', to_date(p_as_of, 'YYYY-MM'))),
      interval '1 month') g
  ), paid as (
    select y.member_id, y.month, sum(y.amount_fen)::int as paid from dues_payments y
    where y.kind = 'regular' and y.month <= p_as_of and y.member_id = any(p_ids)
    group by 1, 2
  ), ledger as (
    select d.member_id, d.org_id, d.month, coalesce(r.amount_fen, d.due_fen) as due, coalesce(pd.paid, 0) as paid
    from due d
    left join dues_reductions r on r.member_id = d.member_id and r.status = 'approved' and d.month between r.month_from and r.month_to
    left join paid pd on pd.member_id = d.member_id and pd.month = d.month
  )
  select member_id, min(org_id),
    (count(*) filter (where due > paid))::int,
    coalesce(sum(due - paid) filter (where due > paid), 0)::bigint,
    min(month) filter (where due > paid),
    (dues_month_no(p_as_of) - coalesce(dues_month_no(max(month) filter (where due <= paid)), dues_month_no(min(month)) - 1))::int
  from ledger group by member_id having count(*) filter (where due > paid) > 0
$$;

-- Appends the deltas of spans taken away (-1) or added (+1).
create function dues_span_deltas(p_sign integer, p_spans dues_member_spans[]) returns void language sql as $$
  insert into dues_deltas (org_id, month, due_step)
  select a, x.month, sum(x.v)::bigint
  from (
    select sp.anc, sp.s as month, p_sign * sp.v as v from unnest(p_spans) sp
    union all
    select sp.anc, sp.e, -p_sign * sp.v from unnest(p_spans) sp where sp.e is not null
  ) x cross join lateral unnest(x.anc) a
  group by 1, 2 having sum(x.v) <> 0
$$;

-- Recomputes the summaries of the members p_ids. Writers of the same members wait for each other
-- (an advisory lock per member, or the whole table for a large statement), and each step below is
-- its own statement, so it sees what such a writer committed before (READ COMMITTED). Called by the
-- triggers, and by a bulk writer that switched them off (zugong.dues_sums_off) for its members.
create function dues_refresh(p_ids bigint[]) returns void language plpgsql as $$
declare
  old_spans dues_member_spans[];
  new_spans dues_member_spans[];
  l text;
begin
  if p_ids is null or cardinality(p_ids) = 0 then
    return;
  end if;
  if cardinality(p_ids) <= 64 then
    perform pg_advisory_xact_lock(hashtext('zugong.dues'), (x % 2147483647)::int) from unnest(p_ids) x order by x;
    lock table dues_member_spans in row exclusive mode;
  else
    lock table dues_member_spans in share row exclusive mode;
  end if;
  with gone as (delete from dues_member_spans sp where sp.member_id = any(p_ids) returning sp.*)
  select array_agg(row(g.member_id, g.anc, g.s, g.e, g.v)::dues_member_spans) into old_spans from gone g;
  select array_agg(row(x.member_id, x.anc, x.s, x.e, x.v)::dues_member_spans) into new_spans from dues_spans_of(p_ids) x;
  if old_spans is not null then
    perform dues_span_deltas(-1, old_spans);
  end if;
  if new_spans is not null then
    insert into dues_member_spans select * from unnest(new_spans);
    perform dues_span_deltas(1, new_spans);
  end if;
  select as_of into l from dues_sum_state;
  if l is not null then
    delete from dues_member_sums where member_id = any(p_ids);
    insert into dues_member_sums select * from dues_sums_of(p_ids, l);
  end if;
end $$;

-- Payments: the collecting organization and those above it. A payer counts once per organization
-- and month however many payments they made there (the totals' count(distinct member_id)).
create function dues_payments_changed() returns trigger language plpgsql as $$
declare ids bigint[];
begin
  if current_setting('zugong.dues_sums_off', true) = 'on' then
    return null;
  end if;
  if tg_op = 'INSERT' then
    select array_agg(distinct member_id) into ids from new_rows;
  elsif tg_op = 'DELETE' then
    select array_agg(distinct member_id) into ids from old_rows;
  else
    select array_agg(distinct member_id) into ids from (select member_id from new_rows union select member_id from old_rows) x;
  end if;
  -- locks the members and recomputes their arrears
  perform dues_refresh(ids);
  if tg_op in ('UPDATE', 'DELETE') then
    insert into dues_deltas (org_id, month, paid, voluntary, centre, payers)
    select a, x.month, -sum(x.paid), -sum(x.vol), -sum(x.centre), -count(distinct x.member_id) filter (where x.last)::int
    from (
      select o.org_id, o.month, o.member_id,
        case when o.kind = 'regular' then o.amount_fen else 0 end as paid, case when o.kind = 'voluntary' then o.amount_fen else 0 end as vol,
        case when o.to_centre then o.amount_fen else 0 end as centre,
        not exists (select 1 from dues_payments p where p.member_id = o.member_id and p.month = o.month and p.org_id = o.org_id) as last
      from old_rows o
    ) x join orgs g on g.id = x.org_id cross join lateral unnest(string_to_array(g.path::text, '.')::bigint[]) a
    group by 1, 2;
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    insert into dues_deltas (org_id, month, paid, voluntary, centre, payers)
    select a, x.month, sum(x.paid), sum(x.vol), sum(x.centre), count(distinct x.member_id) filter (where x.first)::int
    from (
      select n.org_id, n.month, n.member_id,
        case when n.kind = 'regular' then n.amount_fen else 0 end as paid, case when n.kind = 'voluntary' then n.amount_fen else 0 end as vol,
        case when n.to_centre then n.amount_fen else 0 end as centre,
        not exists (select 1 from dues_payments p where p.member_id = n.member_id and p.month = n.month and p.org_id = n.org_id
          and p.id not in (select id from new_rows)) as first
      from new_rows n
    ) x join orgs g on g.id = x.org_id cross join lateral unnest(string_to_array(g.path::text, '.')::bigint[]) a
    group by 1, 2;
  end if;
  return null;
end $$;

create trigger dues_payments_insert after insert on dues_payments referencing new table as new_rows
  for each statement execute function dues_payments_changed();
create trigger dues_payments_update after update on dues_payments referencing old table as old_rows new table as new_rows
  for each statement execute function dues_payments_changed();
create trigger dues_payments_delete after delete on dues_payments referencing old table as old_rows
  for each statement execute function dues_payments_changed();

-- Bases, reductions and the members' facts the ledger depends on: the members touched are recomputed.
create function dues_members_of_changed() returns trigger language plpgsql as $$
declare ids bigint[];
begin
  if current_setting('zugong.dues_sums_off', true) = 'on' then
    return null;
  end if;
  if tg_table_name = 'members' then
    select array_agg(n.id) into ids from old_rows o join new_rows n on n.id = o.id
    where (o.org_id, o.org_path, o.status, o.admitted_on) is distinct from (n.org_id, n.org_path, n.status, n.admitted_on)
      and exists (select 1 from dues_bases b where b.member_id = n.id);
  elsif tg_op = 'INSERT' then
    select array_agg(distinct member_id) into ids from new_rows;
  elsif tg_op = 'DELETE' then
    select array_agg(distinct member_id) into ids from old_rows;
  else
    select array_agg(distinct member_id) into ids from (select member_id from new_rows union select member_id from old_rows) x;
  end if;
  perform dues_refresh(ids);
  return null;
end $$;

create trigger dues_bases_insert after insert on dues_bases referencing new table as new_rows
  for each statement execute function dues_members_of_changed();
create trigger dues_bases_update after update on dues_bases referencing old table as old_rows new table as new_rows
  for each statement execute function dues_members_of_changed();
create trigger dues_bases_delete after delete on dues_bases referencing old table as old_rows
  for each statement execute function dues_members_of_changed();
create trigger dues_reductions_insert after insert on dues_reductions referencing new table as new_rows
  for each statement execute function dues_members_of_changed();
create trigger dues_reductions_update after update on dues_reductions referencing old table as old_rows new table as new_rows
  for each statement execute function dues_members_of_changed();
create trigger dues_members_update after update on members referencing old table as old_rows new table as new_rows
  for each statement execute function dues_members_of_changed();

-- A moved organization takes the payments it collected from the organizations above its old place
-- to those above the new one (its members' spans move with members.org_path, above).
create function dues_orgs_moved() returns trigger language plpgsql as $$
begin
  if current_setting('zugong.dues_sums_off', true) = 'on' then
    return null;
  end if;
  insert into dues_deltas (org_id, month, paid, voluntary, centre, payers)
  select a, x.month, x.s * sum(x.paid), x.s * sum(x.vol), x.s * sum(x.centre), x.s * sum(x.payers)::int
  from (
    select mv.path, mv.s, p.month,
      coalesce(sum(p.amount_fen) filter (where p.kind = 'regular'), 0) as paid,
      coalesce(sum(p.amount_fen) filter (where p.kind = 'voluntary'), 0) as vol,
      coalesce(sum(p.amount_fen) filter (where p.to_centre), 0) as centre,
      count(distinct p.member_id) as payers
    from (
      select o.id, o.path, -1 as s from old_rows o join new_rows n on n.id = o.id where o.path is distinct from n.path
      union all
      select n.id, n.path, 1 from old_rows o join new_rows n on n.id = o.id where o.path is distinct from n.path
    ) mv join dues_payments p on p.org_id = mv.id
    group by mv.id, mv.path, mv.s, p.month
  ) x cross join lateral unnest(string_to_array(x.path::text, '.')::bigint[]) a
  group by a, x.month, x.s;
  return null;
end $$;

create trigger dues_orgs_update after update on orgs referencing old table as old_rows new table as new_rows
  for each statement execute function dues_orgs_moved();

-- Folds the deltas into the cells (a second caller at the same time returns at once).
create function dues_compact() returns bigint language plpgsql as $$
declare written bigint;
begin
  if not pg_try_advisory_xact_lock(hashtext('zugong.dues_compact')) then
    return 0;
  end if;
  with moved as (delete from dues_deltas returning *),
  grouped as (
    select org_id, month, sum(due_step) as due_step, sum(paid) as paid, sum(voluntary) as voluntary, sum(centre) as centre, sum(payers) as payers
    from moved group by 1, 2),
  ins as (
    insert into dues_cells as c (org_id, month, due_step, paid, voluntary, centre, payers)
    select * from grouped where (due_step, paid, voluntary, centre, payers) <> (0, 0, 0, 0, 0) order by 1, 2
    on conflict (org_id, month) do update set due_step = c.due_step + excluded.due_step, paid = c.paid + excluded.paid,
      voluntary = c.voluntary + excluded.voluntary, centre = c.centre + excluded.centre, payers = c.payers + excluded.payers
    returning 1)
  select count(*) into written from ins;
  return written;
end $$;

-- Everything from scratch while the dues and the members cannot change. p_as_of: the arrears'
-- month (null leaves them to the app's dues_roll).
create function dues_rebuild(p_as_of text) returns bigint language plpgsql as $$
declare ids bigint[];
begin
  lock table members, dues_bases, dues_payments, dues_reductions in share mode;
  lock table dues_member_spans in share row exclusive mode;
  perform set_config('work_mem', '256MB', true);
  delete from dues_member_spans;
  delete from dues_deltas;
  delete from dues_cells;
  delete from dues_member_sums;
  select array_agg(distinct member_id) into ids from dues_bases;
  insert into dues_member_spans select * from dues_spans_of(coalesce(ids, '{}'));
  insert into dues_cells (org_id, month, due_step, paid, voluntary, centre, payers)
  with steps as (
    select a as org_id, x.month, sum(x.v)::bigint as due_step
    from (select anc, s as month, v from dues_member_spans union all select anc, e, -v from dues_member_spans where e is not null) x
    cross join lateral unnest(x.anc) a
    group by 1, 2
  ), by_org as (
    select org_id, month, coalesce(sum(amount_fen) filter (where kind = 'regular'), 0)::bigint as paid,
      coalesce(sum(amount_fen) filter (where kind = 'voluntary'), 0)::bigint as vol,
      coalesce(sum(amount_fen) filter (where to_centre), 0)::bigint as centre, count(distinct member_id)::int as payers
    from dues_payments group by 1, 2
  ), pays as (
    select a as org_id, p.month, sum(p.paid)::bigint as paid, sum(p.vol)::bigint as vol, sum(p.centre)::bigint as centre, sum(p.payers)::int as payers
    from by_org p join orgs g on g.id = p.org_id cross join lateral unnest(string_to_array(g.path::text, '.')::bigint[]) a
    group by 1, 2
  )
  select coalesce(st.org_id, pa.org_id), coalesce(st.month, pa.month), coalesce(st.due_step, 0), coalesce(pa.paid, 0), coalesce(pa.vol, 0),
    coalesce(pa.centre, 0), coalesce(pa.payers, 0)
  from steps st full join pays pa on pa.org_id = st.org_id and pa.month = st.month
  where (coalesce(st.due_step, 0), coalesce(pa.paid, 0), coalesce(pa.vol, 0), coalesce(pa.centre, 0), coalesce(pa.payers, 0)) <> (0, 0, 0, 0, 0)
  order by 1, 2;
  update dues_sum_state set as_of = p_as_of;
  if p_as_of is not null then
    insert into dues_member_sums select * from dues_sums_of(coalesce(ids, '{}'), p_as_of);
  end if;
  analyze dues_member_sums;
  analyze dues_member_spans;
  analyze dues_cells;
  return (select count(*) from dues_cells);
end $$;

-- A new closed month: every member's arrears again (the totals do not depend on the month).
create function dues_roll(p_as_of text) returns bigint language plpgsql as $$
declare n bigint;
begin
  lock table dues_member_spans in share row exclusive mode;
  perform set_config('work_mem', '256MB', true);
  if (select as_of from dues_sum_state) is not distinct from p_as_of then
    return 0;
  end if;
  delete from dues_member_sums;
  insert into dues_member_sums select * from dues_sums_of(array(select distinct member_id from dues_bases), p_as_of);
  get diagnostics n = row_count;
  update dues_sum_state set as_of = p_as_of;
  -- PGlite gathers no planner statistics by itself: without them the subtree reads pick poor plans.
  analyze dues_member_sums;
  return n;
end $$;

select dues_rebuild(null);

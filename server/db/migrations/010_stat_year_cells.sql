-- Birth and 转正 counts by year beside the year-month cells of migration 008 (ISSUE 5 point 4).
-- An age or 党龄 table of a city with 65 direct children read ~900 year-month cells per
-- organization and dimension (about 60,000 rows, 45 ms on PostgreSQL); with the years it reads
-- ~100 rows per organization, plus the twelve months of each year a band boundary cuts.
-- stat_year_cells(org, dim, yr) = the sum of stat_cells(org, dim, 'yr-MM') over the months. Kept by
-- stat_compact (the deltas it folds) and stat_rebuild, checked by stat_verify (ref 'years').
-- Pending deltas and the ref cells stay month by month: readers add them as months.
create table stat_year_cells (
  org_id bigint not null,
  -- 'birth' | 'fullym'
  dim text not null,
  -- 'YYYY'
  yr text not null,
  n integer not null,
  primary key (org_id, dim, yr)
);

-- The year rows of a set of year-month cells.
create function stat_year_of(dim text, val text) returns boolean language sql immutable as $$
  select dim in ('birth', 'fullym') and length(val) = 7
$$;

create or replace function stat_compact() returns bigint language plpgsql as $$
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
  yrs as (
    insert into stat_year_cells as c (org_id, dim, yr, n)
    select org_id, dim, left(val, 4), sum(n)::int from grouped where ref = '' and stat_year_of(dim, val)
    group by 1, 2, 3 having sum(n) <> 0 order by 1, 2, 3
    on conflict (org_id, dim, yr) do update set n = c.n + excluded.n
    returning 1),
  refd as (
    insert into stat_ref_cells as c (ref, org_id, dim, val, n)
    select g.ref, g.org_id, g.dim, g.val, g.n from grouped g join stat_refs r on r.ref = g.ref order by 1, 2, 3, 4
    on conflict (ref, org_id, dim, val) do update set n = c.n + excluded.n
    returning 1)
  select (select count(*) from cur) + (select count(*) from yrs) + (select count(*) from refd) into written;
  return written;
end $$;

-- The year cells from the year-month cells (stat_cells only: the caller folded or dropped the deltas).
create function stat_fill_years() returns bigint language plpgsql as $$
declare written bigint;
begin
  delete from stat_year_cells;
  insert into stat_year_cells (org_id, dim, yr, n)
  select org_id, dim, left(val, 4), sum(n)::int from stat_cells where stat_year_of(dim, val)
  group by 1, 2, 3 order by 1, 2, 3;
  get diagnostics written = row_count;
  return written;
end $$;

create or replace function stat_rebuild() returns bigint language plpgsql as $$
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
  return written + more + stat_fill_years();
end $$;

-- As in migration 008, plus year cells that differ from the sum of their months (ref 'years',
-- val the year; stored = the year cell, actual = the sum of its months in stat_cells).
create or replace function stat_verify() returns table (ref text, org_id bigint, dim text, val text, stored integer, actual integer) language sql stable
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
  ), months as (
    select c.org_id, c.dim, left(c.val, 4) as yr, sum(c.n)::int as n from stat_cells c where stat_year_of(c.dim, c.val) group by 1, 2, 3
  ), years as (
    select 'years'::text, coalesce(y.org_id, m.org_id), coalesce(y.dim, m.dim), coalesce(y.yr, m.yr), coalesce(y.n, 0), coalesce(m.n, 0)
    from stat_year_cells y full join months m on m.org_id = y.org_id and m.dim = y.dim and m.yr = y.yr
    where coalesce(y.n, 0) <> coalesce(m.n, 0)
  )
  select coalesce(s.ref, f.ref), coalesce(s.org_id, f.org_id), coalesce(s.dim, f.dim), coalesce(s.val, f.val), coalesce(s.n, 0), coalesce(f.n, 0)
  from stored s full join fresh f on f.ref = s.ref and f.org_id = s.org_id and f.dim = s.dim and f.val = s.val
  where coalesce(s.n, 0) <> coalesce(f.n, 0)
  union all select * from years
$$;

select stat_fill_years();

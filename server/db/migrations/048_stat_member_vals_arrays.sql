-- The member import's statistics (issue 16 point 1), measured on the bench city (549,860 members) for 100,000
-- members inserted by one statement: the insert trigger took 4.1 s of the 12.3 s statement.
-- 1. stat_member_vals (migration 008) gives the same ten (dimension, value) pairs from two arrays unnested
--    side by side instead of a VALUES list: PostgreSQL runs the VALUES scan once per member, and a member's ten
--    rows cost 17 µs that way against 7 µs now (100,000 members: 2.09 → 0.82 s, the same pairs counted). Every
--    reader and writer of the cells calls it, so all of them gain.
-- 2. The insert and delete trigger (migration 046) groups the members' values by organization id, then finds
--    each organization's path once: grouped by the path, the grouping compared ltree values (1.1 s of sorting).
create or replace function stat_member_vals(status text, category text, gender text, ethnicity text, birth_date date,
    edu text, occupation text, admitted_on date, full_on date)
  returns table (dim text, val text) language sql immutable as $$
  select v.dim, v.val
    from unnest(
      array['total', 'category', 'gender', 'ethnicity', 'birth', 'edu', 'occupation', 'period', 'fullym', 'status'],
      array['', category, gender, coalesce(ethnicity, ''), stat_ym(birth_date), coalesce(edu, ''), coalesce(occupation, ''),
            stat_joining_period(admitted_on), case when category = 'full' then stat_ym(full_on) else '-' end, status]
    ) v(dim, val)
   where stat_counted(status)
$$;

create or replace function stat_members_added_or_removed() returns trigger language plpgsql as $$
declare
  rows_table text := case when tg_op = 'INSERT' then 'new_rows' else 'old_rows' end;
  sign integer := case when tg_op = 'INSERT' then 1 else -1 end;
begin
  execute format($q$
    insert into stat_deltas (ref, org_id, dim, val, n)
    select x.ref, x.org_id, x.dim, x.val, sum(x.n)::int
    from (
      select ''::text as ref, a.id as org_id, g.dim, g.val, g.n
      from (
        select r.org_id, v.dim, v.val, %2$s * count(*)::int as n
        from %1$I r
        cross join lateral stat_member_vals(r.status, r.category, r.gender, r.ethnicity, r.birth_date, r.edu_highest, r.occupation,
          r.admitted_on, r.full_on) v
        group by 1, 2, 3
      ) g
      join orgs o on o.id = g.org_id
      cross join lateral stat_above(o.path) a(id)
      union all
      select d.ref, d.org_id, d.dim, d.val, d.n
      from %1$I r
      cross join lateral stat_member_deltas(%2$s, r.org_path, r.status, r.category, r.gender, r.ethnicity, r.birth_date,
        r.edu_highest, r.occupation, r.admitted_on, r.full_on) d
      where d.ref <> '' and greatest(r.admitted_on, r.full_on) > (select min(as_of) from stat_refs)
    ) x
    group by 1, 2, 3, 4 having sum(x.n) <> 0$q$, rows_table, sign);
  return null;
end $$;

-- Members inserted or deleted by one statement (an import of 100,000 rows; issue 16 point 1): their values are
-- grouped by organization before they are added up the tree. stat_member_deltas gave each member's every value
-- for every organization above it, 3.4 million rows for 100,000 members at the bench's city (4.5 of the 12.4 s
-- of the import's write); grouped first, each (organization, dimension, value) goes up the tree once. The
-- reference dates (stat_refs) still take the few members admitted or made full after the earliest of them one by
-- one, as before. Same deltas, so the same cells (stat_verify); updates are unchanged.
create or replace function stat_members_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into stat_deltas (ref, org_id, dim, val, n)
    select x.ref, x.org_id, x.dim, x.val, sum(x.n)::int
    from (
      select ''::text as ref, a.id as org_id, g.dim, g.val, g.n
      from (
        select r.org_path, v.dim, v.val, 1 * count(*)::int as n
        from new_rows r
        cross join lateral stat_member_vals(r.status, r.category, r.gender, r.ethnicity, r.birth_date, r.edu_highest, r.occupation,
          r.admitted_on, r.full_on) v
        group by 1, 2, 3
      ) g
      cross join lateral stat_above(g.org_path) a(id)
      union all
      select d.ref, d.org_id, d.dim, d.val, d.n
      from new_rows r
      cross join lateral stat_member_deltas(1, r.org_path, r.status, r.category, r.gender, r.ethnicity, r.birth_date,
        r.edu_highest, r.occupation, r.admitted_on, r.full_on) d
      where d.ref <> '' and greatest(r.admitted_on, r.full_on) > (select min(as_of) from stat_refs)
    ) x
    group by 1, 2, 3, 4 having sum(x.n) <> 0;
  elsif tg_op = 'DELETE' then
    insert into stat_deltas (ref, org_id, dim, val, n)
    select x.ref, x.org_id, x.dim, x.val, sum(x.n)::int
    from (
      select ''::text as ref, a.id as org_id, g.dim, g.val, g.n
      from (
        select r.org_path, v.dim, v.val, -1 * count(*)::int as n
        from old_rows r
        cross join lateral stat_member_vals(r.status, r.category, r.gender, r.ethnicity, r.birth_date, r.edu_highest, r.occupation,
          r.admitted_on, r.full_on) v
        group by 1, 2, 3
      ) g
      cross join lateral stat_above(g.org_path) a(id)
      union all
      select d.ref, d.org_id, d.dim, d.val, d.n
      from old_rows r
      cross join lateral stat_member_deltas(-1, r.org_path, r.status, r.category, r.gender, r.ethnicity, r.birth_date,
        r.edu_highest, r.occupation, r.admitted_on, r.full_on) d
      where d.ref <> '' and greatest(r.admitted_on, r.full_on) > (select min(as_of) from stat_refs)
    ) x
    group by 1, 2, 3, 4 having sum(x.n) <> 0;
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

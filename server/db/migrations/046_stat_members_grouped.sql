-- Members inserted or deleted by one statement (an import of 100,000 rows; issue 16 point 1): their values are
-- grouped by organization before they are added up the tree. stat_member_deltas gave each member's every value
-- for every organization above it, 3.4 million rows for 100,000 members at the bench's city (4.5 of the 12.4 s
-- of the import's write); grouped first, each (organization, dimension, value) goes up the tree once. The
-- reference dates (stat_refs) still take the few members admitted or made full after the earliest of them one by
-- one, as before. Same deltas, so the same cells (stat_verify). Updates keep stat_members_changed (migration 008).
-- One statement for both: the transition table's name and the sign are put in by format() (an insert trigger has
-- no old_rows, so a static statement could not name either).
create function stat_members_added_or_removed() returns trigger language plpgsql as $$
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
        select r.org_path, v.dim, v.val, %2$s * count(*)::int as n
        from %1$I r
        cross join lateral stat_member_vals(r.status, r.category, r.gender, r.ethnicity, r.birth_date, r.edu_highest, r.occupation,
          r.admitted_on, r.full_on) v
        group by 1, 2, 3
      ) g
      cross join lateral stat_above(g.org_path) a(id)
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

drop trigger stat_members_insert on members;
create trigger stat_members_insert after insert on members referencing new table as new_rows
  for each statement execute function stat_members_added_or_removed();
drop trigger stat_members_delete on members;
create trigger stat_members_delete after delete on members referencing old table as old_rows
  for each statement execute function stat_members_added_or_removed();

-- A member's year totals (migration 040's learning_year_refresh) are summed from the member's own ledger
-- rows, read through the (year, member_id) index, whatever the planner believes about the ledger. The
-- join it replaces became a nested loop over the whole ledger when the ledger's statistics were those of
-- an almost empty table: a first 调训 import of 20,000 rows, written 2,000 rows a statement, spent 7 s in one
-- statement's refresh (68 million rows compared). Same rows, same sums: a member and year without an
-- approved, uncounted-as-duplicate row gets no totals row, as before.
create or replace function learning_year_refresh(p_member bigint[], p_year int[]) returns void language plpgsql as $$
begin
  if p_member is null then
    return;
  end if;
  delete from learning_year_totals t using (select distinct m, y from unnest(p_member, p_year) u(m, y)) u
   where t.member_id = u.m and t.year = u.y;
  insert into learning_year_totals (member_id, year, online_h, quiz_h, class_h, assigned_h, party_school_h, self_h, total, online_total)
  select u.m, u.y, s.online_h, s.quiz_h, s.class_h, s.assigned_h, s.party_school_h, s.self_h, s.total, s.online_total
    from (select distinct m, y from unnest(p_member, p_year) u(m, y)) u
    cross join lateral (
      select coalesce(sum(lc.hours) filter (where lc.source = 'online'), 0) as online_h,
             coalesce(sum(lc.hours) filter (where lc.source = 'quiz'), 0) as quiz_h,
             coalesce(sum(lc.hours) filter (where lc.source = 'class'), 0) as class_h,
             coalesce(sum(lc.hours) filter (where lc.source = 'assigned'), 0) as assigned_h,
             coalesce(sum(lc.hours) filter (where lc.source = 'party_school'), 0) as party_school_h,
             coalesce(sum(lc.hours) filter (where lc.source = 'self'), 0) as self_h,
             sum(lc.hours) as total, coalesce(sum(lc.hours) filter (where lc.online), 0) as online_total
        from learning_credits lc
       where lc.member_id = u.m and lc.year = u.y and lc.status = 'approved' and lc.duplicate_of is null
    ) s
   where s.total is not null;
end $$;

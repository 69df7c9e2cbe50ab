-- 学时 behind and the completion shares (issue 14 point 6) read summaries, not every member of the subtree
-- (issue 16 point 3: 1.4 s at the bench city's 549,000 members, read from members and learning_year_totals).
-- A member is done when their year's total reaches their requirement: the members' number, or more for a
-- committee seat (56) or a cadre level (90, 110). So the done of a subtree = the counted members whose total
-- reaches the members' number, minus those of them who owe more and are short of it, a small set: the seat
-- holders and the cadres. Two summaries, kept by triggers in the writer's own transaction:
--
-- 1. learning_seats: each member whose name a committee of their organization or of one above it lists, with
--    the latest end of those terms ('infinity' for a term with no end). A member sits in year Y when until >=
--    Y-01-01: the same test as the scan's (archive.ts, requiredSql), which matches names to the committee lists
--    (org_committee_members keeps names only). Kept on every change of a committee list and of a member's name
--    or organization (a transfer, a move of the organization).
--
-- 2. learning_year_cells: per organization and year, how many counted members it holds (status normal,
--    flowing, lost contact: stat_counted) whose total reaches the members' number of that year. The number
--    comes from the versioned requirement table through the domain rule (domain/rules/learning-hours.ts), so
--    the server writes it into learning_year_bounds when it first reads a year (and again whenever the number
--    read differs), rebuilding that year's cells in the same transaction; triggers keep the years listed
--    there. A writer of totals or members takes learning_year_bounds in SHARE mode and the rebuild in
--    EXCLUSIVE mode, so a rebuild never misses a write done beside it.
create table learning_seats (
  member_id bigint primary key references members(id) on delete cascade,
  until date not null
);

create table learning_year_bounds (
  year int primary key,
  member_hours numeric(8, 1) not null
);

create table learning_year_cells (
  org_id bigint not null,
  year int not null,
  reached int not null default 0,
  primary key (year, org_id)
);

-- The seats of some members, found again from the committee lists.
create function learning_seats_refresh(p_ids bigint[]) returns void language sql as $$
  delete from learning_seats where member_id = any(p_ids);
  insert into learning_seats (member_id, until)
  select m.id, max(coalesce(oc.term_end, 'infinity'::date))
    from members m
    join org_committee_members oc on oc.person_name = m.name
    join orgs oo on oo.id = oc.org_id and oo.path @> m.org_path
   where m.id = any(p_ids)
   group by m.id;
$$;

-- Members added, renamed or moved (a transfer, a move of their organization).
create function learning_seats_members_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    -- New members have no seats to delete, and their rows are at hand: the refresh's query on the transition table
    -- (through learning_seats_refresh, 100,000 imported members took 0.75 s instead of 0.23 s).
    insert into learning_seats (member_id, until)
    select m.id, max(coalesce(oc.term_end, 'infinity'::date))
      from new_rows m
      join org_committee_members oc on oc.person_name = m.name
      join orgs oo on oo.id = oc.org_id and oo.path @> m.org_path
     group by m.id;
  else
    perform learning_seats_refresh(array(
      select n.id from old_rows o join new_rows n on n.id = o.id where (o.name, o.org_path) is distinct from (n.name, n.org_path)));
  end if;
  return null;
end $$;

create trigger learning_seats_members_insert after insert on members referencing new table as new_rows
  for each statement execute function learning_seats_members_changed();
create trigger learning_seats_members_update after update on members referencing old table as old_rows new table as new_rows
  for each statement execute function learning_seats_members_changed();

-- A committee list changed: the members of the committee's subtree bearing a name added, removed or edited.
create function learning_seats_committee_changed() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    perform learning_seats_refresh(array(
      select m.id from new_rows c join orgs oo on oo.id = c.org_id join members m on m.name = c.person_name and m.org_path <@ oo.path));
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    perform learning_seats_refresh(array(
      select m.id from old_rows c join orgs oo on oo.id = c.org_id join members m on m.name = c.person_name and m.org_path <@ oo.path));
  end if;
  return null;
end $$;

create trigger learning_seats_committee_insert after insert on org_committee_members referencing new table as new_rows
  for each statement execute function learning_seats_committee_changed();
create trigger learning_seats_committee_update after update on org_committee_members referencing old table as old_rows new table as new_rows
  for each statement execute function learning_seats_committee_changed();
create trigger learning_seats_committee_delete after delete on org_committee_members referencing old table as old_rows
  for each statement execute function learning_seats_committee_changed();

-- Grouped deltas into the cells.
create function learning_year_cells_add(p_org bigint[], p_year int[], p_d int[]) returns void language sql as $$
  insert into learning_year_cells (org_id, year, reached)
  select org_id, year, sum(d)::int from unnest(p_org, p_year, p_d) x(org_id, year, d)
   group by 1, 2 having sum(d) <> 0 order by 2, 1
  on conflict (year, org_id) do update set reached = learning_year_cells.reached + excluded.reached
$$;

-- A year's totals written (learning_year_refresh deletes and inserts them): +1 / -1 for a counted member whose
-- total reaches the year's number, at the organization holding them.
create function learning_year_cells_totals_changed() returns trigger language plpgsql as $$
declare a bigint[]; y int[]; d int[];
begin
  lock table learning_year_bounds in share mode;
  if tg_op in ('INSERT', 'UPDATE') then
    select array_agg(m.org_id), array_agg(r.year), array_agg(1) into a, y, d
      from new_rows r join learning_year_bounds b on b.year = r.year and r.total >= b.member_hours
      join members m on m.id = r.member_id and stat_counted(m.status);
    if a is not null then
      perform learning_year_cells_add(a, y, d);
    end if;
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    select array_agg(m.org_id), array_agg(r.year), array_agg(-1) into a, y, d
      from old_rows r join learning_year_bounds b on b.year = r.year and r.total >= b.member_hours
      join members m on m.id = r.member_id and stat_counted(m.status);
    if a is not null then
      perform learning_year_cells_add(a, y, d);
    end if;
  end if;
  return null;
end $$;

create trigger learning_year_cells_totals_insert after insert on learning_year_totals referencing new table as new_rows
  for each statement execute function learning_year_cells_totals_changed();
create trigger learning_year_cells_totals_update after update on learning_year_totals referencing old table as old_rows new table as new_rows
  for each statement execute function learning_year_cells_totals_changed();
create trigger learning_year_cells_totals_delete after delete on learning_year_totals referencing old table as old_rows
  for each statement execute function learning_year_cells_totals_changed();

-- A member transferred, no longer counted or counted again, or deleted: their totals follow. (A member just
-- added has no ledger rows: ids are never reused.)
create function learning_year_cells_members_changed() returns trigger language plpgsql as $$
declare a bigint[]; y int[]; d int[];
begin
  lock table learning_year_bounds in share mode;
  if tg_op = 'UPDATE' then
    select array_agg(x.org_id), array_agg(x.year), array_agg(x.d) into a, y, d from (
      select o.org_id, t.year, -1 as d
        from old_rows o join new_rows n on n.id = o.id
        join learning_year_totals t on t.member_id = o.id
        join learning_year_bounds b on b.year = t.year and t.total >= b.member_hours
       where (o.org_id, stat_counted(o.status)) is distinct from (n.org_id, stat_counted(n.status)) and stat_counted(o.status)
      union all
      select n.org_id, t.year, 1
        from old_rows o join new_rows n on n.id = o.id
        join learning_year_totals t on t.member_id = n.id
        join learning_year_bounds b on b.year = t.year and t.total >= b.member_hours
       where (o.org_id, stat_counted(o.status)) is distinct from (n.org_id, stat_counted(n.status)) and stat_counted(n.status)
    ) x;
  else
    select array_agg(o.org_id), array_agg(t.year), array_agg(-1) into a, y, d
      from old_rows o
      join learning_year_totals t on t.member_id = o.id
      join learning_year_bounds b on b.year = t.year and t.total >= b.member_hours
     where stat_counted(o.status);
  end if;
  if a is not null then
    perform learning_year_cells_add(a, y, d);
  end if;
  return null;
end $$;

create trigger learning_year_cells_members_update after update on members referencing old table as old_rows new table as new_rows
  for each statement execute function learning_year_cells_members_changed();
create trigger learning_year_cells_members_delete after delete on members referencing old table as old_rows
  for each statement execute function learning_year_cells_members_changed();

-- A year's cells counted afresh for the members' number given (the server, when the number it reads for the
-- year is not the one kept; in its own transaction, after locking learning_year_bounds in EXCLUSIVE mode).
create function learning_year_cells_rebuild(p_year int, p_hours numeric) returns void language sql as $$
  delete from learning_year_cells where year = p_year;
  insert into learning_year_bounds (year, member_hours) values (p_year, p_hours)
    on conflict (year) do update set member_hours = excluded.member_hours;
  insert into learning_year_cells (org_id, year, reached)
  select m.org_id, p_year, count(*)::int
    from learning_year_totals t join members m on m.id = t.member_id
   where t.year = p_year and t.total >= p_hours and stat_counted(m.status)
   group by m.org_id;
$$;

-- The seats as the committee lists stand.
select learning_seats_refresh(array(select id from members));

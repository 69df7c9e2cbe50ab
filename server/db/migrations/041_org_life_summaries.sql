-- Organizational-life summaries (issue 16): what the compliance monitor reads instead of scanning the
-- meetings and the members of a whole city on every page (org-health, the to-do digest, the monitor).
-- The rules themselves stay in domain/rules/org-life.ts and are applied when read, so a new rule version
-- changes nothing here; only the facts they are applied to are kept:
--  * org_life_held: meetings held by unit, kind and month (ym = year * 12 + month - 1) and how many of
--    them were recorded late. Cells touched by a write are recomputed from meeting_purposes and meetings
--    (like dues_refresh: writers of the same unit wait for each other, each step sees what they committed).
--  * org_life_facts: by branch, its committee members on record and the full members counted in it and
--    its 党小组 (unitTargets' facts), kept by deltas like the statistics' (adding is order-free).
-- Keys are organization ids, never paths: a move or a dissolution changes no summary row (the units are
-- read from orgs), except that a 党小组 changing branch carries its full members over.
-- A bulk writer may switch the triggers off (zugong.org_life_off) and end with org_life_rebuild().

create table org_life_held (
  org_id bigint not null,
  ym integer not null,
  kind text not null,
  n integer not null,
  late integer not null,
  primary key (org_id, ym, kind)
);

-- The same cells packed by unit and year ('kind:ym:n:late,…'): a city's year is one row per unit to
-- read instead of some twenty (shipping 45,000 rows cost far more than the work; at 18,000 units the
-- cells lie on as many pages). Kept with org_life_held by the same refresh.
create table org_life_held_years (
  org_id bigint not null,
  year integer not null,
  cells text not null,
  primary key (org_id, year)
);

create table org_life_facts (
  org_id bigint primary key,
  committee_n integer not null default 0,
  full_n integer not null default 0
);

create function org_life_ym(d date) returns integer language sql immutable as $$
  select (extract(year from d) * 12 + extract(month from d) - 1)::int
$$;

create function org_life_pack(p_orgs bigint[], p_years integer[]) returns void language sql as $$
  delete from org_life_held_years y using unnest(p_orgs, p_years) k(org_id, year) where y.org_id = k.org_id and y.year = k.year;
  insert into org_life_held_years (org_id, year, cells)
  select h.org_id, k.year, string_agg(h.kind || ':' || h.ym || ':' || h.n || ':' || h.late, ',' order by h.ym, h.kind)
  from (select distinct org_id, year from unnest(p_orgs, p_years) u(org_id, year)) k
  join org_life_held h on h.org_id = k.org_id and h.ym between k.year * 12 and k.year * 12 + 11
  group by h.org_id, k.year;
$$;

-- Recomputes the cells of the (unit, month) pairs given, every kind, and their packed years.
create function org_life_held_refresh(p_orgs bigint[], p_yms integer[]) returns void language plpgsql as $$
begin
  if p_orgs is null or cardinality(p_orgs) = 0 then
    return;
  end if;
  if cardinality(p_orgs) <= 64 then
    perform pg_advisory_xact_lock(hashtext('zugong.org_life'), (x % 2147483647)::int) from (select distinct x from unnest(p_orgs) x) d order by x;
    lock table org_life_held in row exclusive mode;
  else
    lock table org_life_held in share row exclusive mode;
  end if;
  delete from org_life_held h using unnest(p_orgs, p_yms) k(org_id, ym) where h.org_id = k.org_id and h.ym = k.ym;
  insert into org_life_held (org_id, ym, kind, n, late)
  select p.org_id, k.ym, p.kind, count(*)::int, (count(*) filter (where m.late))::int
  from (select distinct org_id, ym from unnest(p_orgs, p_yms) u(org_id, ym)) k
  join meeting_purposes p on p.org_id = k.org_id
    and p.held_on >= make_date(k.ym / 12, k.ym % 12 + 1, 1)
    and p.held_on < make_date(k.ym / 12, k.ym % 12 + 1, 1) + interval '1 month'
  join meetings m on m.id = p.meeting_id
  group by 1, 2, 3;
  perform org_life_pack(array_agg(org_id), array_agg(year)) from (select distinct org_id, ym / 12 as year from unnest(p_orgs, p_yms) u(org_id, ym)) k;
end $$;

create function org_life_purposes_changed() returns trigger language plpgsql as $$
declare
  orgs bigint[];
  yms integer[];
begin
  if current_setting('zugong.org_life_off', true) = 'on' then
    return null;
  end if;
  if tg_op = 'INSERT' then
    select array_agg(org_id), array_agg(ym) into orgs, yms from (select distinct org_id, org_life_ym(held_on) ym from new_rows) x;
  elsif tg_op = 'DELETE' then
    select array_agg(org_id), array_agg(ym) into orgs, yms from (select distinct org_id, org_life_ym(held_on) ym from old_rows) x;
  else
    select array_agg(org_id), array_agg(ym) into orgs, yms
    from (select org_id, org_life_ym(held_on) ym from new_rows union select org_id, org_life_ym(held_on) from old_rows) x;
  end if;
  perform org_life_held_refresh(orgs, yms);
  return null;
end $$;

create trigger org_life_purposes_insert after insert on meeting_purposes referencing new table as new_rows
  for each statement execute function org_life_purposes_changed();
create trigger org_life_purposes_update after update on meeting_purposes referencing old table as old_rows new table as new_rows
  for each statement execute function org_life_purposes_changed();
create trigger org_life_purposes_delete after delete on meeting_purposes referencing old table as old_rows
  for each statement execute function org_life_purposes_changed();

-- A meeting marked late (or no longer) changes the late count of the cells its purposes are in.
create function org_life_meetings_changed() returns trigger language plpgsql as $$
declare
  orgs bigint[];
  yms integer[];
begin
  if current_setting('zugong.org_life_off', true) = 'on' then
    return null;
  end if;
  select array_agg(org_id), array_agg(ym) into orgs, yms from (
    select distinct p.org_id, org_life_ym(p.held_on) ym
    from old_rows o join new_rows n on n.id = o.id join meeting_purposes p on p.meeting_id = n.id
    where o.late is distinct from n.late) x;
  perform org_life_held_refresh(orgs, yms);
  return null;
end $$;

create trigger org_life_meetings_update after update on meetings referencing old table as old_rows new table as new_rows
  for each statement execute function org_life_meetings_changed();

-- The branch a member's organization counts for: a 党小组's members are its branch's.
create function org_life_holder(p_kind text, p_id bigint, p_parent bigint) returns bigint language sql immutable as $$
  select case when p_kind = 'party_group' then p_parent else p_id end
$$;

-- Adds (org_id, committee, full) deltas.
create function org_life_facts_add(p_org bigint[], p_committee integer[], p_full integer[]) returns void language sql as $$
  insert into org_life_facts as f (org_id, committee_n, full_n)
  select org_id, sum(c)::int, sum(u)::int from unnest(p_org, p_committee, p_full) x(org_id, c, u)
  where org_id is not null group by org_id having sum(c) <> 0 or sum(u) <> 0
  order by org_id
  on conflict (org_id) do update set committee_n = f.committee_n + excluded.committee_n, full_n = f.full_n + excluded.full_n
$$;

-- Members: the full members counted, by the branch holding them (only rows whose organization,
-- category or status changed count in an update).
create function org_life_members_changed() returns trigger language plpgsql as $$
declare
  ids bigint[];
  deltas integer[];
begin
  if current_setting('zugong.org_life_off', true) = 'on' then
    return null;
  end if;
  if tg_op = 'INSERT' then
    select array_agg(h), array_agg(s) into ids, deltas from (
      select org_life_holder(g.kind, g.id, g.parent_id) h, count(*)::int s
      from new_rows n join orgs g on g.id = n.org_id where n.category = 'full' and stat_counted(n.status) group by 1) z;
  elsif tg_op = 'DELETE' then
    select array_agg(h), array_agg(s) into ids, deltas from (
      select org_life_holder(g.kind, g.id, g.parent_id) h, -count(*)::int s
      from old_rows o join orgs g on g.id = o.org_id where o.category = 'full' and stat_counted(o.status) group by 1) z;
  else
    select array_agg(h), array_agg(s) into ids, deltas from (
      select org_life_holder(g.kind, g.id, g.parent_id) h, sum(x.d)::int s
      from old_rows o join new_rows n on n.id = o.id
      cross join lateral (values (o.org_id, o.category, o.status, -1), (n.org_id, n.category, n.status, 1)) x(org_id, category, status, d)
      join orgs g on g.id = x.org_id
      where (o.org_id, o.category, o.status) is distinct from (n.org_id, n.category, n.status)
        and x.category = 'full' and stat_counted(x.status)
      group by 1 having sum(x.d) <> 0) z;
  end if;
  if ids is not null then
    perform org_life_facts_add(ids, array_fill(0, array[cardinality(ids)]), deltas);
  end if;
  return null;
end $$;

create trigger org_life_members_insert after insert on members referencing new table as new_rows
  for each statement execute function org_life_members_changed();
create trigger org_life_members_update after update on members referencing old table as old_rows new table as new_rows
  for each statement execute function org_life_members_changed();
create trigger org_life_members_delete after delete on members referencing old table as old_rows
  for each statement execute function org_life_members_changed();

-- Committee members on record, by their organization.
create function org_life_committee_changed() returns trigger language plpgsql as $$
declare
  ids bigint[];
  deltas integer[];
begin
  if current_setting('zugong.org_life_off', true) = 'on' then
    return null;
  end if;
  if tg_op = 'INSERT' then
    select array_agg(org_id), array_agg(s) into ids, deltas from (select org_id, count(*)::int s from new_rows group by 1) z;
  elsif tg_op = 'DELETE' then
    select array_agg(org_id), array_agg(s) into ids, deltas from (select org_id, -count(*)::int s from old_rows group by 1) z;
  else
    select array_agg(org_id), array_agg(s) into ids, deltas from (
      select x.org_id, sum(x.d)::int s from (select org_id, -1 d from old_rows union all select org_id, 1 from new_rows) x
      group by 1 having sum(x.d) <> 0) z;
  end if;
  if ids is not null then
    perform org_life_facts_add(ids, deltas, array_fill(0, array[cardinality(ids)]));
  end if;
  return null;
end $$;

create trigger org_life_committee_insert after insert on org_committee_members referencing new table as new_rows
  for each statement execute function org_life_committee_changed();
create trigger org_life_committee_update after update on org_committee_members referencing old table as old_rows new table as new_rows
  for each statement execute function org_life_committee_changed();
create trigger org_life_committee_delete after delete on org_committee_members referencing old table as old_rows
  for each statement execute function org_life_committee_changed();

-- An organization whose branch changes (a 党小组 moved to another branch, a kind changed) carries its
-- counted full members from the old branch to the new one. Paths and statuses are read from orgs.
create function org_life_orgs_changed() returns trigger language plpgsql as $$
declare
  ids bigint[];
  deltas integer[];
begin
  if current_setting('zugong.org_life_off', true) = 'on' then
    return null;
  end if;
  select array_agg(h), array_agg(s) into ids, deltas from (
    select x.h, sum(x.d * c.n)::int s
    from old_rows o join new_rows n on n.id = o.id
    cross join lateral (values (org_life_holder(o.kind, o.id, o.parent_id), -1), (org_life_holder(n.kind, n.id, n.parent_id), 1)) x(h, d)
    cross join lateral (select count(*)::int n from members m where m.org_id = n.id and m.category = 'full' and stat_counted(m.status)) c
    where org_life_holder(o.kind, o.id, o.parent_id) is distinct from org_life_holder(n.kind, n.id, n.parent_id)
    group by 1 having sum(x.d * c.n) <> 0) z;
  if ids is not null then
    perform org_life_facts_add(ids, array_fill(0, array[cardinality(ids)]), deltas);
  end if;
  return null;
end $$;

create trigger org_life_orgs_update after update on orgs referencing old table as old_rows new table as new_rows
  for each statement execute function org_life_orgs_changed();

-- Everything from scratch, while meetings, members and committees cannot change.
create function org_life_rebuild() returns bigint language plpgsql as $$
begin
  lock table meetings, meeting_purposes, members, org_committee_members in share mode;
  lock table org_life_held, org_life_held_years, org_life_facts in exclusive mode;
  delete from org_life_held_years;
  delete from org_life_held;
  delete from org_life_facts;
  insert into org_life_held (org_id, ym, kind, n, late)
  select p.org_id, org_life_ym(p.held_on), p.kind, count(*)::int, (count(*) filter (where m.late))::int
  from meeting_purposes p join meetings m on m.id = p.meeting_id
  group by 1, 2, 3 order by 1, 2, 3;
  insert into org_life_held_years (org_id, year, cells)
  select org_id, ym / 12, string_agg(kind || ':' || ym || ':' || n || ':' || late, ',' order by ym, kind)
  from org_life_held group by 1, 2 order by 1, 2;
  insert into org_life_facts (org_id, committee_n, full_n)
  select h, sum(c)::int, sum(u)::int from (
    select org_id h, count(*) c, 0 u from org_committee_members group by 1
    union all
    select org_life_holder(g.kind, g.id, g.parent_id), 0, count(*) from members m join orgs g on g.id = m.org_id
    where m.category = 'full' and stat_counted(m.status) group by 1
  ) x where h is not null group by 1 having sum(c) <> 0 or sum(u) <> 0 order by 1;
  analyze org_life_held;
  analyze org_life_held_years;
  analyze org_life_facts;
  return (select count(*) from org_life_held);
end $$;

select org_life_rebuild();

-- Terms (换届): by organization, what the terms list shows beside the organization — its current term,
-- whether an approved delay applies, its secretary, its latest election other than the one that opened
-- the current term — so the list of a city needs no correlated reads per organization. The state
-- (overdue, ending...) depends on the day and is computed when read (server/modules/terms/queries.ts).
-- A row exists for an organization with any of them. Writes recompute the rows of the organizations
-- they touch, like org_life_held.
create table org_term_facts (
  org_id bigint primary key,
  term_id bigint,
  term_kind text,
  term_years integer,
  elected_on date,
  ends_on date,
  election_id bigint,
  delayed boolean not null,
  secretary text,
  latest_id bigint,
  latest_status text
);

-- The rows of p_ids as the base tables give them (also the scan the tests compare with).
create function org_term_facts_of(p_ids bigint[]) returns setof org_term_facts language sql stable as $$
  select x.* from (
    select o.id, t.id, t.term_kind, t.term_years, t.elected_on, t.ends_on, t.election_id,
      coalesce(exists (select 1 from term_adjustments a where a.term_id = t.id and a.kind = 'delay' and a.status = 'approved'), false),
      (select c.person_name from org_committee_members c where c.org_id = o.id and c.post = 'secretary'
        order by c.term_start desc nulls last, c.id desc limit 1),
      le.id, le.status
    from (select distinct u from unnest(p_ids) u where u is not null) o(id)
    left join org_terms t on t.org_id = o.id and t.ended_on is null
    left join lateral (select e.id, e.status from elections e where e.org_id = o.id
      and (e.status <> 'confirmed' or e.id is distinct from t.election_id) order by e.id desc limit 1) le on true
  ) x(org_id, term_id, term_kind, term_years, elected_on, ends_on, election_id, delayed, secretary, latest_id, latest_status)
  where x.term_id is not null or x.secretary is not null or x.latest_id is not null
$$;

create function org_term_refresh(p_ids bigint[]) returns void language plpgsql as $$
begin
  if p_ids is null or cardinality(p_ids) = 0 then
    return;
  end if;
  if cardinality(p_ids) <= 64 then
    perform pg_advisory_xact_lock(hashtext('zugong.terms'), (x % 2147483647)::int) from (select distinct x from unnest(p_ids) x) d order by x;
    lock table org_term_facts in row exclusive mode;
  else
    lock table org_term_facts in share row exclusive mode;
  end if;
  delete from org_term_facts where org_id = any(p_ids);
  insert into org_term_facts select * from org_term_facts_of(p_ids);
end $$;

-- Every table the rows are read from carries org_id: the organizations of the rows written are recomputed.
create function org_term_changed() returns trigger language plpgsql as $$
declare ids bigint[];
begin
  if current_setting('zugong.org_life_off', true) = 'on' then
    return null;
  end if;
  if tg_op = 'INSERT' then
    select array_agg(distinct org_id) into ids from new_rows;
  elsif tg_op = 'DELETE' then
    select array_agg(distinct org_id) into ids from old_rows;
  else
    select array_agg(org_id) into ids from (select org_id from new_rows union select org_id from old_rows) x;
  end if;
  perform org_term_refresh(ids);
  return null;
end $$;

create trigger org_term_terms_insert after insert on org_terms referencing new table as new_rows
  for each statement execute function org_term_changed();
create trigger org_term_terms_update after update on org_terms referencing old table as old_rows new table as new_rows
  for each statement execute function org_term_changed();
create trigger org_term_terms_delete after delete on org_terms referencing old table as old_rows
  for each statement execute function org_term_changed();
create trigger org_term_adjustments_insert after insert on term_adjustments referencing new table as new_rows
  for each statement execute function org_term_changed();
create trigger org_term_adjustments_update after update on term_adjustments referencing old table as old_rows new table as new_rows
  for each statement execute function org_term_changed();
create trigger org_term_adjustments_delete after delete on term_adjustments referencing old table as old_rows
  for each statement execute function org_term_changed();
create trigger org_term_elections_insert after insert on elections referencing new table as new_rows
  for each statement execute function org_term_changed();
create trigger org_term_elections_update after update on elections referencing old table as old_rows new table as new_rows
  for each statement execute function org_term_changed();
create trigger org_term_elections_delete after delete on elections referencing old table as old_rows
  for each statement execute function org_term_changed();
create trigger org_term_committee_insert after insert on org_committee_members referencing new table as new_rows
  for each statement execute function org_term_changed();
create trigger org_term_committee_update after update on org_committee_members referencing old table as old_rows new table as new_rows
  for each statement execute function org_term_changed();
create trigger org_term_committee_delete after delete on org_committee_members referencing old table as old_rows
  for each statement execute function org_term_changed();

-- From scratch (a bulk writer that switched the triggers off ends with it, as with org_life_rebuild).
create function org_term_rebuild() returns bigint language plpgsql as $$
begin
  lock table org_terms, term_adjustments, elections, org_committee_members in share mode;
  lock table org_term_facts in exclusive mode;
  delete from org_term_facts;
  insert into org_term_facts select * from org_term_facts_of(array(
    select org_id from org_terms union select org_id from elections union select org_id from org_committee_members where post = 'secretary'));
  analyze org_term_facts;
  return (select count(*) from org_term_facts);
end $$;

select org_term_rebuild();

-- Theory learning (issue 14): activists (入党积极分子, dev_people in status 'activist') as learners, and
-- the per-plan progress summary that makes a city-wide plan's completion a read instead of a scan, and
-- each member's 学时 of a year by source (part 4), read by who is behind and the completion shares.

-- 1. An activist learns as themself: a third learner key beside the member and the non-member cadre,
--    and an account may stand for a development record (as users.member_id stands for a member).
alter table users add column dev_person_id bigint references dev_people(id);
create unique index users_dev_person on users (dev_person_id) where dev_person_id is not null;

alter table learning_credits add column dev_person_id bigint references dev_people(id);
alter table learning_credits drop constraint learning_credits_check;
alter table learning_credits add constraint learning_credits_learner check (num_nonnulls(member_id, cadre_id, dev_person_id) = 1);
create unique index learning_credits_dev_ref on learning_credits (dev_person_id, source, source_ref) where dev_person_id is not null;

alter table learning_sessions add column dev_person_id bigint references dev_people(id);
alter table learning_sessions drop constraint learning_sessions_check;
alter table learning_sessions add constraint learning_sessions_learner check (num_nonnulls(member_id, cadre_id, dev_person_id) = 1);

alter table learning_material_progress add column dev_person_id bigint references dev_people(id);
alter table learning_material_progress drop constraint learning_material_progress_check;
alter table learning_material_progress add constraint learning_material_progress_learner
  check (num_nonnulls(member_id, cadre_id, dev_person_id) = 1);
create unique index learning_material_progress_dev on learning_material_progress (dev_person_id, material_id) where dev_person_id is not null;

alter table learning_flags add column dev_person_id bigint references dev_people(id);
alter table learning_flags drop constraint learning_flags_check;
alter table learning_flags add constraint learning_flags_learner check (num_nonnulls(member_id, cadre_id, dev_person_id) = 1);

-- 2. What each learner has earned toward each plan: the approved ledger rows of the plan's materials
--    ('material:<id>', online hours) and quizzes ('quiz:<id>', one row per quiz passed). Kept by
--    statement-level triggers on learning_credits and learning_plan_items, so every writer of the
--    ledger (study, quizzes, the demo's bulk rows) and every change of a plan's items keeps it exact in
--    its own transaction. `done`: hours >= the plan's required hours and quizzes >= its number of quizzes
--    (a change of the required hours rebuilds the plan). A member's row carries the member's holding
--    organization and whether the member counts (status 'normal'), kept by the members trigger below.
-- 3. learning_plan_cells: per plan and holding organization, how many counted members are done, kept
--    from the rows above by their own trigger (a transfer or a status change moves a member's count).
--    The completion of an "all members" plan sums these up the tree (orgs.path) instead of listing
--    every member; the audience's size comes from the statistics' cells (migration 008).
create table learning_plan_progress (
  plan_id bigint not null references learning_plans(id) on delete cascade,
  learner_kind text not null check (learner_kind in ('member', 'cadre', 'activist')),
  learner_id bigint not null,
  org_id bigint,
  counted boolean not null default false,
  hours numeric(8, 1) not null,
  quizzes int not null,
  done boolean not null,
  primary key (plan_id, learner_kind, learner_id)
);
create index learning_plan_progress_learner on learning_plan_progress (learner_kind, learner_id);

create table learning_plan_cells (
  plan_id bigint not null references learning_plans(id) on delete cascade,
  org_id bigint not null,
  done int not null default 0,
  primary key (plan_id, org_id)
);

-- The learner a ledger row belongs to.
create function learning_learner_kind(member_id bigint, cadre_id bigint) returns text language sql immutable as $$
  select case when member_id is not null then 'member' when cadre_id is not null then 'cadre' else 'activist' end
$$;

-- Recomputes the rows of the given (plan, learner) pairs from the ledger.
create function learning_plan_refresh(p_plan bigint[], p_kind text[], p_id bigint[]) returns void language plpgsql as $$
begin
  if p_plan is null or cardinality(p_plan) = 0 then
    return;
  end if;
  delete from learning_plan_progress p using unnest(p_plan, p_kind, p_id) u(plan_id, kind, id)
   where p.plan_id = u.plan_id and p.learner_kind = u.kind and p.learner_id = u.id;
  insert into learning_plan_progress (plan_id, learner_kind, learner_id, org_id, counted, hours, quizzes, done)
  select u.plan_id, u.kind, u.id, m.org_id, coalesce(m.status = 'normal', false), e.hours, e.quizzes,
         e.hours >= lp.required_hours and e.quizzes >= (select count(*) from learning_plan_items q where q.plan_id = lp.id and q.kind = 'quiz')
    from unnest(p_plan, p_kind, p_id) u(plan_id, kind, id)
    join learning_plans lp on lp.id = u.plan_id
    cross join lateral (
      select coalesce(sum(lc.hours) filter (where lc.source = 'online'), 0) as hours,
             (count(*) filter (where lc.source = 'quiz'))::int as quizzes, count(*) as n
        from (select hours, source, source_ref, status from learning_credits where u.kind = 'member' and member_id = u.id
              union all
              select hours, source, source_ref, status from learning_credits where u.kind = 'cadre' and cadre_id = u.id
              union all
              select hours, source, source_ref, status from learning_credits where u.kind = 'activist' and dev_person_id = u.id) lc
        join learning_plan_items i on i.plan_id = u.plan_id and lc.source_ref = i.kind || ':' || i.ref_id
       where lc.status = 'approved' and lc.source in ('online', 'quiz')
    ) e
    left join members m on u.kind = 'member' and m.id = u.id
   where e.n > 0;
end $$;

-- Recomputes a whole plan (its items changed).
create function learning_plan_rebuild(p_plan bigint) returns void language plpgsql as $$
begin
  delete from learning_plan_progress where plan_id = p_plan;
  insert into learning_plan_progress (plan_id, learner_kind, learner_id, org_id, counted, hours, quizzes, done)
  select p_plan, e.kind, e.id, m.org_id, coalesce(m.status = 'normal', false), e.hours, e.quizzes,
         e.hours >= lp.required_hours and e.quizzes >= (select count(*) from learning_plan_items q where q.plan_id = lp.id and q.kind = 'quiz')
    from learning_plans lp cross join (
      select learning_learner_kind(lc.member_id, lc.cadre_id) as kind, coalesce(lc.member_id, lc.cadre_id, lc.dev_person_id) as id,
             coalesce(sum(lc.hours) filter (where lc.source = 'online'), 0) as hours,
             (count(*) filter (where lc.source = 'quiz'))::int as quizzes
        from learning_plan_items i join learning_credits lc on lc.source_ref = i.kind || ':' || i.ref_id
       where i.plan_id = p_plan and lc.status = 'approved' and lc.source in ('online', 'quiz')
       group by 1, 2
    ) e
    left join members m on e.kind = 'member' and m.id = e.id
   where lp.id = p_plan;
end $$;

-- The (plan, learner) pairs of some ledger rows (given column by column), recomputed.
create function learning_plan_rows_changed(p_member bigint[], p_cadre bigint[], p_dev bigint[], p_source text[], p_ref text[])
  returns void language plpgsql as $$
declare pl bigint[]; ks text[]; ids bigint[];
begin
  select array_agg(plan_id), array_agg(kind), array_agg(id) into pl, ks, ids from (
    select distinct i.plan_id, learning_learner_kind(c.member_id, c.cadre_id) as kind, coalesce(c.member_id, c.cadre_id, c.dev_person_id) as id
      from unnest(p_member, p_cadre, p_dev, p_source, p_ref) c(member_id, cadre_id, dev_person_id, source, source_ref)
      join learning_plan_items i on c.source_ref = i.kind || ':' || i.ref_id
     where c.source in ('online', 'quiz')) x;
  perform learning_plan_refresh(pl, ks, ids);
end $$;

-- Transition tables exist only for their own events, so each event reads its own.
create function learning_plan_credits_changed() returns trigger language plpgsql as $$
declare a bigint[]; b bigint[]; c bigint[]; s text[]; r text[];
begin
  if tg_op in ('INSERT', 'UPDATE') then
    select array_agg(member_id), array_agg(cadre_id), array_agg(dev_person_id), array_agg(source), array_agg(source_ref)
      into a, b, c, s, r from new_rows where source in ('online', 'quiz');
    perform learning_plan_rows_changed(a, b, c, s, r);
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    select array_agg(member_id), array_agg(cadre_id), array_agg(dev_person_id), array_agg(source), array_agg(source_ref)
      into a, b, c, s, r from old_rows where source in ('online', 'quiz');
    perform learning_plan_rows_changed(a, b, c, s, r);
  end if;
  return null;
end $$;

create trigger learning_plan_credits_insert after insert on learning_credits referencing new table as new_rows
  for each statement execute function learning_plan_credits_changed();
create trigger learning_plan_credits_update after update on learning_credits referencing old table as old_rows new table as new_rows
  for each statement execute function learning_plan_credits_changed();
create trigger learning_plan_credits_delete after delete on learning_credits referencing old table as old_rows
  for each statement execute function learning_plan_credits_changed();

-- A plan's items changed: the plan is recomputed (a plan is created with its items in one transaction).
create function learning_plan_items_changed() returns trigger language plpgsql as $$
declare p bigint;
begin
  if tg_op in ('INSERT', 'UPDATE') then
    for p in select distinct plan_id from new_rows loop
      perform learning_plan_rebuild(p);
    end loop;
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    for p in select distinct plan_id from old_rows where exists (select 1 from learning_plans lp where lp.id = old_rows.plan_id) loop
      perform learning_plan_rebuild(p);
    end loop;
  end if;
  return null;
end $$;

create trigger learning_plan_items_insert after insert on learning_plan_items referencing new table as new_rows
  for each statement execute function learning_plan_items_changed();
create trigger learning_plan_items_update after update on learning_plan_items referencing old table as old_rows new table as new_rows
  for each statement execute function learning_plan_items_changed();
create trigger learning_plan_items_delete after delete on learning_plan_items referencing old table as old_rows
  for each statement execute function learning_plan_items_changed();

-- The required hours changed: every learner's `done` is read again.
create function learning_plan_plans_changed() returns trigger language plpgsql as $$
declare p bigint;
begin
  for p in select n.id from old_rows o join new_rows n on n.id = o.id where n.required_hours <> o.required_hours loop
    perform learning_plan_rebuild(p);
  end loop;
  return null;
end $$;

create trigger learning_plan_plans_update after update on learning_plans referencing old table as old_rows new table as new_rows
  for each statement execute function learning_plan_plans_changed();

-- The cells follow the rows: +1 for a counted member done, -1 for one no longer (or moved away).
create function learning_plan_cells_add(p_plan bigint[], p_org bigint[], p_d int[]) returns void language sql as $$
  insert into learning_plan_cells (plan_id, org_id, done)
  select plan_id, org_id, sum(d)::int from unnest(p_plan, p_org, p_d) x(plan_id, org_id, d)
   group by 1, 2 having sum(d) <> 0 order by 1, 2
  on conflict (plan_id, org_id) do update set done = learning_plan_cells.done + excluded.done
$$;

create function learning_plan_progress_changed() returns trigger language plpgsql as $$
declare a bigint[]; b bigint[]; d int[];
begin
  if tg_op in ('INSERT', 'UPDATE') then
    select array_agg(plan_id), array_agg(org_id), array_agg(1) into a, b, d from new_rows
     where learner_kind = 'member' and counted and done and org_id is not null;
    if a is not null then
      perform learning_plan_cells_add(a, b, d);
    end if;
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    select array_agg(plan_id), array_agg(org_id), array_agg(-1) into a, b, d from old_rows
     where learner_kind = 'member' and counted and done and org_id is not null;
    if a is not null then
      perform learning_plan_cells_add(a, b, d);
    end if;
  end if;
  return null;
end $$;

create trigger learning_plan_progress_insert after insert on learning_plan_progress referencing new table as new_rows
  for each statement execute function learning_plan_progress_changed();
create trigger learning_plan_progress_update after update on learning_plan_progress referencing old table as old_rows new table as new_rows
  for each statement execute function learning_plan_progress_changed();
create trigger learning_plan_progress_delete after delete on learning_plan_progress referencing old table as old_rows
  for each statement execute function learning_plan_progress_changed();

-- A member transferred, made full, or no longer counted: their rows follow (holding organization and status).
create function learning_plan_members_changed() returns trigger language plpgsql as $$
begin
  update learning_plan_progress p set org_id = n.org_id, counted = (n.status = 'normal')
    from old_rows o join new_rows n on n.id = o.id
   where (o.org_id, o.status) is distinct from (n.org_id, n.status)
     and p.learner_kind = 'member' and p.learner_id = n.id;
  return null;
end $$;

create trigger learning_plan_members_update after update on members referencing old table as old_rows new table as new_rows
  for each statement execute function learning_plan_members_changed();

-- The plans that existed before this migration.
select learning_plan_rebuild(id) from learning_plans;

-- 4. Each member's counted 学时 of a year (approved, a marked duplicate not counted), by source: who is
--    behind, the completion shares, the export and a year's snapshot read these instead of summing the
--    ledger of a whole city per request. Kept by the same ledger triggers' statements (every writer).
create table learning_year_totals (
  member_id bigint not null,
  year int not null,
  online_h numeric(8, 1) not null default 0,
  quiz_h numeric(8, 1) not null default 0,
  class_h numeric(8, 1) not null default 0,
  assigned_h numeric(8, 1) not null default 0,
  party_school_h numeric(8, 1) not null default 0,
  self_h numeric(8, 1) not null default 0,
  total numeric(8, 1) not null default 0,
  online_total numeric(8, 1) not null default 0,
  primary key (year, member_id)
);

create function learning_year_refresh(p_member bigint[], p_year int[]) returns void language plpgsql as $$
begin
  if p_member is null then
    return;
  end if;
  delete from learning_year_totals t using (select distinct m, y from unnest(p_member, p_year) u(m, y)) u
   where t.member_id = u.m and t.year = u.y;
  insert into learning_year_totals (member_id, year, online_h, quiz_h, class_h, assigned_h, party_school_h, self_h, total, online_total)
  select lc.member_id, lc.year,
         coalesce(sum(lc.hours) filter (where lc.source = 'online'), 0), coalesce(sum(lc.hours) filter (where lc.source = 'quiz'), 0),
         coalesce(sum(lc.hours) filter (where lc.source = 'class'), 0), coalesce(sum(lc.hours) filter (where lc.source = 'assigned'), 0),
         coalesce(sum(lc.hours) filter (where lc.source = 'party_school'), 0), coalesce(sum(lc.hours) filter (where lc.source = 'self'), 0),
         sum(lc.hours), coalesce(sum(lc.hours) filter (where lc.online), 0)
    from (select distinct m, y from unnest(p_member, p_year) u(m, y)) u
    join learning_credits lc on lc.member_id = u.m and lc.year = u.y
   where lc.status = 'approved' and lc.duplicate_of is null
   group by lc.member_id, lc.year;
end $$;

create function learning_year_credits_changed() returns trigger language plpgsql as $$
declare a bigint[]; y int[];
begin
  if tg_op in ('INSERT', 'UPDATE') then
    select array_agg(member_id), array_agg(year) into a, y from new_rows where member_id is not null;
    perform learning_year_refresh(a, y);
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    select array_agg(member_id), array_agg(year) into a, y from old_rows where member_id is not null;
    perform learning_year_refresh(a, y);
  end if;
  return null;
end $$;

create trigger learning_year_credits_insert after insert on learning_credits referencing new table as new_rows
  for each statement execute function learning_year_credits_changed();
create trigger learning_year_credits_update after update on learning_credits referencing old table as old_rows new table as new_rows
  for each statement execute function learning_year_credits_changed();
create trigger learning_year_credits_delete after delete on learning_credits referencing old table as old_rows
  for each statement execute function learning_year_credits_changed();

-- The ledger as it stands.
insert into learning_year_totals (member_id, year, online_h, quiz_h, class_h, assigned_h, party_school_h, self_h, total, online_total)
select member_id, year,
       coalesce(sum(hours) filter (where source = 'online'), 0), coalesce(sum(hours) filter (where source = 'quiz'), 0),
       coalesce(sum(hours) filter (where source = 'class'), 0), coalesce(sum(hours) filter (where source = 'assigned'), 0),
       coalesce(sum(hours) filter (where source = 'party_school'), 0), coalesce(sum(hours) filter (where source = 'self'), 0),
       sum(hours), coalesce(sum(hours) filter (where online), 0)
  from learning_credits where member_id is not null and status = 'approved' and duplicate_of is null
 group by member_id, year;

-- The member import writes batches of 10,000 members (issue 16 point 1). Two per-row costs of its insert:
--
-- 1. members_org_path (migration 011) read each new member's organization FOR SHARE, row by row: about
--    a sixth of the insert's time. The import now reads its organizations' paths FOR SHARE once per
--    batch and writes org_path with the row (import/stage.ts: writeStaged), so on insert the trigger
--    fires only for rows that come without a path. Moving a member (org_id changed) still always
--    takes the path from the trigger.
drop trigger members_org_path on members;
create trigger members_org_path_insert before insert on members
  for each row when (new.org_path is null) execute function members_set_org_path();
create trigger members_org_path_update before update of org_id on members
  for each row execute function members_set_org_path();

-- 2. stat_ym used to_char, which is only STABLE (it reads the locale), so the planner could not inline
--    this IMMUTABLE function and called it as a function twice for every member counted: by the
--    statistics triggers, the scans and stat_verify. The same text, YYYY-MM, from date parts alone.
create or replace function stat_ym(d date) returns text language sql immutable as $$
  select case when d is null then ''
    else lpad(extract(year from d)::int::text, 4, '0') || '-' || lpad(extract(month from d)::int::text, 2, '0') end
$$;

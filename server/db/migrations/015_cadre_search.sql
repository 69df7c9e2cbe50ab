-- Cadre search (issue 12 point 7): what the search filters on that 014 does not index.
--
-- "Served at the grassroots" reads the 简历 too: a line naming a 乡/镇/街道 body, a village or a
-- community. Computed once per write as a stored column (a regular expression over 60,000 résumés
-- on every search would be the slowest part of it). The words that follow the place are required
-- so that 城乡建设局, 乡镇企业局 or 村镇规划 do not count.
alter table cadres add column resume_grassroots boolean generated always as (
  resume::text ~ '([^城]乡|镇|街道)(党委|党工委|人民政府|政府|办事处|人大|纪委|纪工委|武装部|长|副|干部|工作)|驻村|村(党支部|党总支|党委|委|民委员会|主任|书记|干部)|社区(党委|党支部|党总支|居委会|居民委员会|主任|书记|工作站)'
) stored;

-- The current post's title is searched by infix (现任职务 contains 书记).
create index cadres_title_trgm on cadres using gin (current_title gin_trgm_ops);
-- Unit kind filters (乡镇街道, 国有企业) and the experience predicates' joins.
create index cadre_units_kind on cadre_units (kind, id);
create index cadre_appointments_unit on cadre_appointments (unit_id, cadre_id);

-- Experience facts the search filters on, kept per cadre from the posts held (cadre_appointments
-- with their units) so that "served in a 乡镇街道 post", "two posts at the level below" and "posts in
-- N kinds of unit" are column tests instead of a grouped subquery for every candidate (a county
-- level search of a city touches about 10,000 cadres). Refreshed by statement-level triggers on the
-- posts, on a cadre's level and on a unit's kind; whoever writes those tables keeps them right
-- without knowing it.
create table cadre_experience (
  cadre_id bigint primary key references cadres(id) on delete cascade,
  -- a post (current or past) in a 乡镇街道 unit
  grassroots_post boolean not null,
  -- distinct posts (by post id, else unit + title) at the level directly below the cadre's own (RULES.md §7)
  posts_below int not null,
  -- distinct kinds of the units of the posts held
  unit_kinds int not null
);
create index cadre_experience_grassroots on cadre_experience (cadre_id) where grassroots_post;

create function cadre_experience_refresh(ids bigint[]) returns void language sql as $$
  insert into cadre_experience (cadre_id, grassroots_post, posts_below, unit_kinds)
  select c.id,
    coalesce(bool_or(u.kind = '乡镇街道'), false),
    count(distinct case when a.level = (case c.level when '正部' then '副部' when '副部' then '正厅' when '正厅' then '副厅'
      when '副厅' then '正处' when '正处' then '副处' when '副处' then '正科' when '正科' then '副科' end)
      then coalesce('p' || a.post_id, 'u' || a.unit_id || ':' || a.title, a.title) end),
    count(distinct u.kind)
  from cadres c
  left join cadre_appointments a on a.cadre_id = c.id
  left join cadre_units u on u.id = a.unit_id
  where c.id = any(ids)
  group by c.id
  on conflict (cadre_id) do update
    set grassroots_post = excluded.grassroots_post, posts_below = excluded.posts_below, unit_kinds = excluded.unit_kinds;
$$;

create function cadre_experience_from_new() returns trigger language plpgsql as $$
begin
  perform cadre_experience_refresh(array(select distinct cadre_id from new_rows));
  return null;
end $$;
create function cadre_experience_from_old() returns trigger language plpgsql as $$
begin
  perform cadre_experience_refresh(array(select distinct cadre_id from old_rows));
  return null;
end $$;
create function cadre_experience_from_both() returns trigger language plpgsql as $$
begin
  perform cadre_experience_refresh(array(select cadre_id from new_rows union select cadre_id from old_rows));
  return null;
end $$;
create trigger cadre_experience_appointments_insert after insert on cadre_appointments
  referencing new table as new_rows for each statement execute function cadre_experience_from_new();
create trigger cadre_experience_appointments_update after update on cadre_appointments
  referencing old table as old_rows new table as new_rows for each statement execute function cadre_experience_from_both();
create trigger cadre_experience_appointments_delete after delete on cadre_appointments
  referencing old table as old_rows for each statement execute function cadre_experience_from_old();

-- A cadre's level moves the level below; a unit's kind changes the kinds of everyone who served there.
create function cadre_experience_from_cadres() returns trigger language plpgsql as $$
begin
  perform cadre_experience_refresh(array(select n.id from new_rows n join old_rows o on o.id = n.id
    where n.level is distinct from o.level));
  return null;
end $$;
create trigger cadre_experience_cadres_update after update on cadres
  referencing old table as old_rows new table as new_rows for each statement execute function cadre_experience_from_cadres();
create function cadre_experience_from_units() returns trigger language plpgsql as $$
begin
  perform cadre_experience_refresh(array(select distinct a.cadre_id from cadre_appointments a
    where a.unit_id in (select n.id from new_rows n join old_rows o on o.id = n.id where n.kind is distinct from o.kind)));
  return null;
end $$;
create trigger cadre_experience_units_update after update on cadre_units
  referencing old table as old_rows new table as new_rows for each statement execute function cadre_experience_from_units();

-- Cadres written before this migration.
select cadre_experience_refresh(array(select id from cadres));

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

-- The member record, part 2 (issue 3): the highest education for the list filter and the
-- 党内统计 education table, a prefix index for pinyin-initials search, and the link from a
-- user account to the member it belongs to (the member's own view, `member.self`).

-- Highest of full-time and in-service education (codes of domain/member-fields.ts, ranked high
-- to low). Generated so no writer (entry, import, admission, transfer in) can forget it.
create function member_edu_rank(code text) returns int language sql immutable as $$
  select case code
    when 'postgraduate' then 7 when 'bachelor' then 6 when 'associate' then 5
    when 'secondary_vocational' then 4 when 'high_school' then 3 when 'junior_high' then 2
    when 'primary' then 1 else 0 end
$$;
alter table members add column edu_highest text generated always as (
  case when member_edu_rank(edu_inservice) > member_edu_rank(edu_fulltime) then edu_inservice else edu_fulltime end
) stored;

-- Initials are searched by prefix (typing "zjg" finds 张建国); the trigram index of 002 serves infixes.
create index members_initials_prefix on members (name_initials text_pattern_ops);

-- A user account of role `member` maps to at most one member record.
alter table users add column member_id bigint references members(id);
create unique index users_member on users (member_id) where member_id is not null;

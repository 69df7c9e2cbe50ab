-- Pinyin-initials searches (server/modules/members/queries.ts listPage): the page walks the pinyin order from the
-- first letter of the initials, and adds the few names whose sort key starts with no letter (a leading 间隔号,
-- a character pinyin-pro has no reading for), which this partial index holds in the same order.
create index members_sort_unlettered on members (sort_key, id) where sort_key !~ '^[a-z]';

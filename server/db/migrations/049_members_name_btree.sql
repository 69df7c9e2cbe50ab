-- The member import writes every index of members for each row (issue 16 point 1). Two of them were trigram
-- indexes of migration 002 that no reader needs any more:
-- - members_initials_trgm: pinyin initials are searched by prefix (members_initials_prefix, migration 003);
-- - members_name_trgm: name infixes are answered by the name-gram index (migration 038); what still used it was
--   name equality (a committee list's names matched to members, 学时 imports naming a person), which a btree
--   answers with one key per member instead of a trigram list.
create index members_name on members (name);
drop index members_name_trgm;
drop index members_initials_trgm;

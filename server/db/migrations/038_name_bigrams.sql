-- Name searches that never scan (issue 16 point 4). A trigram index answers infixes of three
-- characters and more, but most Chinese names are two or three characters long and the usual
-- search is two of them (a given name, 建国): pg_trgm then scans the table (277 ms at 546,000
-- members). The name's single characters and two-character pieces, in a GIN index on both engines,
-- answer every length: a search needs the term's two-character pieces (or its one character) among
-- the name's, then the exact `like` on the few rows that have them (server/db/name-search.ts).
-- Characters are code points on both engines, so a rare character outside the BMP (𠮷) is one.

-- The keys of a name: its distinct characters and its distinct two-character pieces.
create function name_grams(s text) returns text[] language sql immutable strict parallel safe as $$
  select coalesce(array_agg(distinct g), '{}') from (
    select substr(s, i, 1) as g from generate_series(1, length(s)) i
    union all
    select substr(s, i, 2) from generate_series(1, length(s) - 1) i
  ) x
$$;

-- The keys a name holding the term must have: the term's two-character pieces, or its one character.
create function name_query_grams(q text) returns text[] language sql immutable strict parallel safe as $$
  select case when length(q) < 2 then array_remove(array[q], '')
    else (select array_agg(distinct substr(q, i, 2)) from generate_series(1, length(q) - 1) i) end
$$;

create index members_name_grams on members using gin (name_grams(name));
create index cadres_name_grams on cadres using gin (name_grams(name));

-- A district's first member page (issue 16 point 4): the member list walks the pinyin order
-- (sort_key, id) and tests the subtree on each row. The city's first page finds 51 rows at once;
-- a district holding 9% of the city's members steps over ten times as many rows of other districts,
-- each a heap visit (58 ms at 546,000 members). These indexes hold each member's organization path
-- cut to its first two and three levels (a city's districts, a province's cities and districts)
-- before the order, so a scope at those levels walks its own members only (server/modules/members/queries.ts).
-- ltree's functions named with their schema: PostgreSQL 17 (PGlite) builds an index with a search
-- path of pg_catalog only.
create function path_head(p ltree, n integer) returns ltree language sql immutable strict parallel safe as $$
  select public.subltree(p, 0, least(public.nlevel(p), n))
$$;
create index members_head2_sort on members (path_head(org_path, 2), sort_key, id);
create index members_head3_sort on members (path_head(org_path, 3), sort_key, id);

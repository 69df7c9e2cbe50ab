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

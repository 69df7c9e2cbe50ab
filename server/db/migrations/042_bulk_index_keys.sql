-- Index keys computed cheaply on every insert (issue 16 point 1). Each member written updates
-- the name-gram index (038) and the two path-head indexes: at 100,000 imported rows these
-- functions, run by the SQL-function executor once per row and index, cost more than the rows
-- themselves (12 s of 25 s of CPU on the embedded engine). Same keys, cheaper to compute:
-- - name_grams: a PL/pgSQL loop instead of a query over generate_series with a sorted distinct
--   aggregate. The array may now repeat a key and is not sorted; a GIN index and `@>` read it as a
--   set, so the index's keys and every search's rows are the same (checked on the bench city).
-- - path_head: no longer `strict`, so PostgreSQL inlines its one expression into the index and
--   into the queries that use it (LEAST is not strict, which kept a strict function from being
--   inlined). With a null path it still gives null; the callers always pass a level.
create or replace function name_grams(s text) returns text[] language plpgsql immutable strict parallel safe as $$
declare
  r text[] := string_to_array(s, null);
begin
  for i in 1 .. length(s) - 1 loop
    r := r || substr(s, i, 2);
  end loop;
  return r;
end $$;

create or replace function path_head(p ltree, n integer) returns ltree language sql immutable parallel safe as $$
  select public.subltree(p, 0, least(public.nlevel(p), n))
$$;

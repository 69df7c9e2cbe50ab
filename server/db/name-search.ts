// Name infix search through the name-gram index of migration 038: the term's two-character pieces
// (or its one character) among the name's keys, then the exact `like` on the rows that have them.
// The same rows as a plain `like '%term%'`, without a scan whatever the term's length.
import { sql, type RawBuilder } from 'kysely';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `column like '%infix%'`, answered from the name-gram index on `name_grams(column)`. */
export function nameHolds(column: string, infix: string): RawBuilder<boolean> {
  const col = sql.ref(column);
  return sql<boolean>`(name_grams(${col}) @> name_query_grams(${infix}) and ${col} like ${`%${escapeLike(infix)}%`})`;
}

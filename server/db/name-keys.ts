// The pinyin keys of names (initials for search, full pinyin for the sort order) are computed in
// JavaScript: neither engine can do it in SQL. Every bulk path (the demo generator, the areas'
// demo rows, a database written before a path learned to set them) ends with this one set-based
// repair, so a record written without its keys is still found by initials and sorted by pinyin.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './types.js';
import { pinyinInitials, pinyinSortKey } from '../modules/orgs/pinyin.js';

/** The tables whose rows carry `name`, `name_initials` and `sort_key`. */
export const NAME_KEYED_TABLES = ['orgs', 'members', 'dev_people', 'cadres', 'talent_people'] as const;

// 5,000 rows a statement: one JSON parameter each, well inside what both engines parse quickly.
const BATCH = 5000;

/**
 * Fills the keys of every row whose sort key is missing (a non-empty name always has one), one
 * UPDATE per batch. Returns how many rows were filled; 0 on a database written correctly.
 */
export async function fillNameKeys(db: Kysely<DB> | Transaction<DB>): Promise<number> {
  let filled = 0;
  for (const table of NAME_KEYED_TABLES) {
    for (;;) {
      const rows = await db
        .selectFrom(table)
        .select(['id', 'name'])
        .where('sort_key', '=', '')
        .where('name', '<>', '')
        .orderBy('id')
        .limit(BATCH)
        .execute();
      if (!rows.length) break;
      const keys = rows.map((r) => ({ id: r.id, i: pinyinInitials(r.name), s: pinyinSortKey(r.name) }));
      // A name of only punctuation has an empty sort key: it would be selected again forever.
      const fillable = keys.filter((k) => k.s !== '');
      if (fillable.length) {
        await sql`update ${sql.table(table)} as t set name_initials = v.i, sort_key = v.s
          from jsonb_to_recordset(${JSON.stringify(fillable)}::jsonb) as v(id bigint, i text, s text)
          where t.id = v.id`.execute(db);
      }
      filled += fillable.length;
      if (fillable.length < rows.length || rows.length < BATCH) break;
    }
  }
  return filled;
}

// Writing many rows at once: batches whose statements stay bounded whatever the number of rows, and ids
// reserved ahead so that rows and the rows that refer to them (history, children) pair up without relying
// on the order RETURNING gives.
import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from './types.js';

/** Rows in batches of at most `size` (none for none). */
export function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** 1,000 rows keep every insert far below PostgreSQL's 65,535 bind parameters (the widest, cadres, has about 50 columns). */
const INSERT_BATCH = 1000;

/** Inserts the rows, 1,000 per statement, on the caller's connection or transaction. */
export async function insertInBatches<T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  rows: readonly Insertable<DB[T]>[],
): Promise<void> {
  // Kysely cannot narrow a generic table's insert type; the rows are typed by the caller.
  for (const part of chunks(rows, INSERT_BATCH))
    await db
      .insertInto(table)
      .values(part as never)
      .execute();
}

/** `n` ids from the table's own sequence, ascending. */
export async function reserveIds(db: Kysely<DB>, table: keyof DB & string, n: number): Promise<number[]> {
  if (n <= 0) return [];
  const r = await sql<{
    id: string | number;
  }>`select nextval(pg_get_serial_sequence(${table}, 'id')) as id from generate_series(1, ${n})`.execute(db);
  return r.rows.map((x) => Number(x.id)).sort((a, b) => a - b);
}

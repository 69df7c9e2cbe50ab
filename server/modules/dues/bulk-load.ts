// Bulk loading for the demo year (~350k payment rows): PostgreSQL's own advice for populating a
// table ("Populating a Database": drop indexes and foreign keys, load, recreate them). Per-row
// foreign-key triggers and index inserts cost more than the rows themselves on the embedded engine.
// The definitions are read back from the catalog, so they cannot drift from the migration.
import { sql } from 'kysely';
import type { Trx } from '../../audit/audit-log.js';

export async function withBulkLoad<T>(trx: Trx, table: string, load: () => Promise<T>): Promise<T> {
  const indexes = await sql<{ name: string; def: string }>`select i.indexname as name, i.indexdef as def from pg_indexes i
    where i.schemaname = current_schema() and i.tablename = ${table}
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(trx);
  const fks = await sql<{ name: string; def: string }>`select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
    where conrelid = ${table}::regclass and contype = 'f'`.execute(trx);
  for (const f of fks.rows) await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(f.name)}`.execute(trx);
  for (const i of indexes.rows) await sql`drop index ${sql.ref(i.name)}`.execute(trx);
  const result = await load();
  for (const i of indexes.rows) await sql.raw(i.def).execute(trx);
  // Re-adding a foreign key checks every row once, in one pass.
  for (const f of fks.rows) await sql`alter table ${sql.table(table)} add constraint ${sql.ref(f.name)} ${sql.raw(f.def)}`.execute(trx);
  return result;
}

const BATCH = 20_000;
export interface Col {
  name: string;
  type: string;
}

/** Inserts column arrays through unnest: one bind parameter per column keeps big batches cheap to parse. */
export async function insertColumns(trx: Trx, table: string, cols: Col[], data: unknown[][]): Promise<void> {
  const n = data[0]?.length ?? 0;
  for (let i = 0; i < n; i += BATCH) {
    const arrays = cols.map((c, k) => sql`${data[k].slice(i, i + BATCH)}::${sql.raw(c.type)}[]`);
    await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c.name)))}) select * from unnest(${sql.join(arrays)})`.execute(
      trx,
    );
  }
}

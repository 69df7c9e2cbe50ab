// Bulk inserts for the generator: many rows per statement, all on the caller's transaction.
import type { Insertable, Transaction } from 'kysely';
import type { DB, OrgsTable } from '../db/types.js';
import { pinyinInitials, pinyinSortKey } from '../modules/orgs/pinyin.js';
import type { OrgTree } from './org-tree.js';

export type Trx = Transaction<DB>;

// 1,000 rows keep every statement far below PostgreSQL's 65,535 bind parameters (orgs have 14 columns).
const BATCH = 1000;

export async function insertInBatches<T extends keyof DB & string>(trx: Trx, table: T, rows: readonly Insertable<DB[T]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    // Kysely cannot narrow a generic table's insert type; the rows are typed by the caller.
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + BATCH) as any)
      .execute();
  }
}

export function orgRows(tree: OrgTree): Insertable<OrgsTable>[] {
  return tree.nodes.map((n) => ({
    id: n.id,
    parent_id: n.parent?.id ?? null,
    path: n.path,
    name: n.name,
    short_name: n.shortName,
    code: n.code,
    kind: n.kind,
    unit_type: n.unitType,
    established_on: n.establishedOn,
    status: n.status,
    dissolved_on: n.dissolvedOn,
    name_initials: pinyinInitials(n.name),
    sort_key: pinyinSortKey(n.name),
    // The lazy tree's leaf flag counts live children only.
    child_count: n.children.filter((c) => c.status === 'active').length,
  }));
}

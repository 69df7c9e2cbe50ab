// The organization rows the generator inserts (through db/batches.ts insertInBatches, on the caller's transaction).
import type { Insertable, Transaction } from 'kysely';
import type { DB, OrgsTable } from '../db/types.js';
import { pinyinInitials, pinyinSortKey } from '../modules/orgs/pinyin.js';
import type { OrgTree } from './org-tree.js';

export type Trx = Transaction<DB>;

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

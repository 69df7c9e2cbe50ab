// The digest of an organization (下级汇总): every open to-do in its subtree, counted by kind for each
// direct child (over the child's whole subtree) and for the organization itself, with overdue counts.
// A reminder that repeats another kind (the higher level's term reminder) is not counted twice.
import { TODO_KIND_ORDER, type TodoKind } from '../../../domain/todo-kinds.js';
import { digestItemsOf } from './digest-cache.js';
import type { FoundItem, OrgRef, TodoContext } from './types.js';
import type { TDigestCells, TDigestRow } from '../../../domain/schemas/todos.js';

export type DigestCells = TDigestCells;
export type DigestRow = TDigestRow;

const blank = (): DigestCells => ({ counts: {}, overdue: {}, total: 0, overdueTotal: 0 });

function add(c: DigestCells, x: FoundItem) {
  c.counts[x.kind] = (c.counts[x.kind] ?? 0) + 1;
  c.total++;
  if (x.overdue) {
    c.overdue[x.kind] = (c.overdue[x.kind] ?? 0) + 1;
    c.overdueTotal++;
  }
}

export async function digestOf(ctx: TodoContext, root: OrgRef & { parentId: number | null }, fresh = false) {
  const [{ items, computedAt }, children] = await Promise.all([
    digestItemsOf(ctx, root, fresh),
    ctx.db.selectFrom('orgs').select(['id', 'name', 'kind', 'status', 'child_count']).where('parent_id', '=', root.id).orderBy('sort_key').orderBy('id').execute(),
  ]);
  const depth = root.path.split('.').length;
  const cells = new Map<number, DigestCells>();
  const totals = blank();
  for (const x of items) {
    // The direct child whose subtree holds the item, or the root itself.
    const key = x.orgPath === root.path ? root.id : Number(x.orgPath.split('.')[depth]);
    add(cells.get(key) ?? cells.set(key, blank()).get(key)!, x);
    add(totals, x);
  }
  const rows: DigestRow[] = [
    { orgId: root.id, orgName: root.name, orgKind: root.kind, self: true, hasChildren: false, ...(cells.get(root.id) ?? blank()) },
    // A dissolved child is listed only while something of it is still open.
    ...children.filter((c) => c.status === 'active' || cells.has(c.id)).map((c) => ({
      orgId: c.id, orgName: c.name, orgKind: c.kind, self: false, hasChildren: c.child_count > 0, ...(cells.get(c.id) ?? blank()),
    })),
  ];
  const kinds = TODO_KIND_ORDER.filter((k) => totals.counts[k]);
  return { org: { id: root.id, name: root.name, kind: root.kind, parentId: root.parentId }, today: ctx.today, computedAt: computedAt.toISOString(), kinds, rows, totals };
}
export type Digest = Awaited<ReturnType<typeof digestOf>>;

/** The items of a subtree for a drill-down, limited to the kinds the caller may act on. */
export async function digestItems(ctx: TodoContext, root: OrgRef, mayKind: (k: TodoKind) => boolean, kind: TodoKind | undefined, limit: number) {
  const all = (await digestItemsOf(ctx, root, false)).items.filter((x) => mayKind(x.kind) && (!kind || x.kind === kind));
  return { items: all.slice(0, limit), total: all.length, truncated: all.length > limit };
}

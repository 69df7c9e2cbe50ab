// The digest of an organization (下级汇总): every open to-do in its subtree, counted by kind for each
// direct child (over the child's whole subtree) and for the organization itself, with overdue counts.
// A reminder that repeats another kind (the higher level's term reminder) is not counted twice.
// An item counts where it is acted on, as in the to-do lists: a request (党费减免, 换届请示...) at the
// organization that decides it (the nearest higher one with an account), so a branch's row equals its
// own list. A request still waiting for a level above the row is shown apart (awaitingHigher).
import type { Action } from '../../../domain/permissions.js';
import { TODO_KIND_ORDER, TODO_KINDS, type TodoKind } from '../../../domain/todo-kinds.js';
import { digestItemsOf } from './digest-cache.js';
import { accountPaths, deciderOf } from './routing.js';
import { sortItems } from './service.js';
import type { FoundItem, OrgRef, TodoContext } from './types.js';
import type { TDigestCells, TDigestRow } from '../../../domain/schemas/todos.js';

export type DigestCells = TDigestCells;
export type DigestRow = TDigestRow;

const blank = (): DigestCells => ({ counts: {}, overdue: {}, total: 0, overdueTotal: 0, awaitingHigher: 0 });

function add(c: DigestCells, x: FoundItem) {
  c.counts[x.kind] = (c.counts[x.kind] ?? 0) + 1;
  c.total++;
  if (x.overdue) {
    c.overdue[x.kind] = (c.overdue[x.kind] ?? 0) + 1;
    c.overdueTotal++;
  }
}

const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

/** Where each item is acted on: its own organization, or for a request the organization deciding it (null: above every account). */
async function actingPaths(ctx: TodoContext, items: FoundItem[]): Promise<Map<FoundItem, string | null>> {
  const actions = [...new Set(items.filter((x) => TODO_KINDS[x.kind].actor === 'higher').map((x) => TODO_KINDS[x.kind].action))];
  const accounts = new Map<Action, Set<string>>(await Promise.all(actions.map(async (a) => [a, await accountPaths(ctx.db, a)] as const)));
  return new Map(
    items.map((x) => {
      const def = TODO_KINDS[x.kind];
      return [x, def.actor === 'higher' ? deciderOf(x.orgPath, accounts.get(def.action)!) : x.orgPath];
    }),
  );
}

/** The subtree's items counted where they are acted on, and those waiting for a level above it. */
async function actedWithin(ctx: TodoContext, root: OrgRef, items: FoundItem[]) {
  const acting = await actingPaths(ctx, items);
  const counted: { item: FoundItem; at: string }[] = [];
  const waiting: FoundItem[] = [];
  for (const x of items) {
    const at = acting.get(x);
    if (at && within(at, root.path)) counted.push({ item: x, at });
    else waiting.push(x);
  }
  return { counted, waiting };
}

export async function digestOf(ctx: TodoContext, root: OrgRef & { parentId: number | null }, fresh = false) {
  const [{ items, computedAt }, children] = await Promise.all([
    digestItemsOf(ctx, root, fresh),
    ctx.db
      .selectFrom('orgs')
      .select(['id', 'name', 'kind', 'status', 'child_count'])
      .where('parent_id', '=', root.id)
      .orderBy('sort_key')
      .orderBy('id')
      .execute(),
  ]);
  const depth = root.path.split('.').length;
  const cells = new Map<number, DigestCells>();
  const totals = blank();
  // The direct child whose subtree holds a path, or the root itself (once per path: a city's 120,000 items sit in
  // some 20,000 organizations).
  const rowByPath = new Map<string, DigestCells>();
  const rowOf = (path: string) => {
    let row = rowByPath.get(path);
    if (!row) {
      const key = path === root.path ? root.id : Number(path.split('.')[depth]);
      row = cells.get(key) ?? cells.set(key, blank()).get(key)!;
      rowByPath.set(path, row);
    }
    return row;
  };
  const { counted, waiting } = await actedWithin(ctx, root, items);
  for (const { item, at } of counted) {
    const row = rowOf(at);
    add(row, item);
    add(totals, item);
  }
  // A request decided above its child's subtree waits at the row it came from (the root's: above the root).
  for (const { item, at } of counted) {
    const raisedIn = rowOf(item.orgPath);
    if (raisedIn !== rowOf(at)) raisedIn.awaitingHigher++;
  }
  for (const x of waiting) {
    rowOf(x.orgPath).awaitingHigher++;
    totals.awaitingHigher++;
  }
  const rows: DigestRow[] = [
    { orgId: root.id, orgName: root.name, orgKind: root.kind, self: true, hasChildren: false, ...(cells.get(root.id) ?? blank()) },
    // A dissolved child is listed only while something of it is still open.
    ...children
      .filter((c) => c.status === 'active' || cells.has(c.id))
      .map((c) => ({
        orgId: c.id,
        orgName: c.name,
        orgKind: c.kind,
        self: false,
        hasChildren: c.child_count > 0,
        ...(cells.get(c.id) ?? blank()),
      })),
  ];
  const kinds = TODO_KIND_ORDER.filter((k) => totals.counts[k]);
  return {
    org: { id: root.id, name: root.name, kind: root.kind, parentId: root.parentId },
    today: ctx.today,
    computedAt: computedAt.toISOString(),
    kinds,
    rows,
    totals,
  };
}
export type Digest = Awaited<ReturnType<typeof digestOf>>;

/** The items of a subtree for a drill-down, limited to the kinds the caller may act on. */
export async function digestItems(
  ctx: TodoContext,
  root: OrgRef,
  mayKind: (k: TodoKind) => boolean,
  kind: TodoKind | undefined,
  limit: number,
) {
  // The items the row counts: acted on inside the subtree (a request waiting above it is not its work).
  const { counted } = await actedWithin(ctx, root, (await digestItemsOf(ctx, root, false)).items);
  const all = sortItems(counted.map((c) => c.item).filter((x) => mayKind(x.kind) && (!kind || x.kind === kind)));
  return { items: all.slice(0, limit), total: all.length, truncated: all.length > limit };
}

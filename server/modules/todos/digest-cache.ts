// The digest's items are kept for a short while: on the whole demo city they take seconds to compute
// (the meeting checks of every branch, the terms), and drilling down from the
// city to a district or a branch reuses the city's items instead of computing them again. A user's own
// list and count never use this: they must change the moment the work is done. The digest shows when
// its figures were computed and can be refreshed on demand.
import type { Db } from '../../db/engine.js';
import { pathWithin } from '../../scope/paths.js';
import { subtreeItems } from './service.js';
import type { FoundItem, OrgRef, TodoContext } from './types.js';

export const DIGEST_TTL_MS = 120_000;
const MAX_ENTRIES = 16;

interface Entry {
  path: string;
  today: string;
  at: number;
  items: FoundItem[];
}

// Per database: test apps (and the two engines) never share figures.
const cache = new WeakMap<Db, Entry[]>();

const within = (path: string, root: string) => pathWithin(root, path);

/** The subtree's items, from a fresh-enough entry for it or for an ancestor, else computed and kept. */
export async function digestItemsOf(ctx: TodoContext, root: OrgRef, fresh: boolean): Promise<{ items: FoundItem[]; computedAt: Date }> {
  const now = ctx.now.getTime();
  const entries = (cache.get(ctx.db) ?? []).filter((e) => e.today === ctx.today && now - e.at < DIGEST_TTL_MS && e.at <= now);
  // The latest entry covering the subtree (entries are kept in the order they were computed).
  const hit = fresh ? undefined : entries.findLast((e) => within(root.path, e.path));
  if (hit) {
    cache.set(ctx.db, entries);
    return {
      items: hit.path === root.path ? hit.items : hit.items.filter((x) => within(x.orgPath, root.path)),
      computedAt: new Date(hit.at),
    };
  }
  const items = await subtreeItems(ctx, root);
  const kept = entries.filter((e) => e.path !== root.path);
  kept.push({ path: root.path, today: ctx.today, at: now, items });
  cache.set(ctx.db, kept.slice(-MAX_ENTRIES));
  return { items, computedAt: new Date(now) };
}

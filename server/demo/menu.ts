// Fills a place (the city, a district, a township, a container 党委) with units until its
// share of the organization budget is used up exactly.
import type { Rng } from './prng.js';
import type { OrgNode, OrgTree } from './org-tree.js';

export interface MenuItem {
  /** For error messages only. */
  label: string;
  /** Relative chance of being picked among the repeatable items. */
  weight: number;
  /** Built once, before anything else (the township's 机关党支部, the 机关工委 container). */
  first?: boolean;
  /** How often the item may be picked, e.g. the length of its catalog; unlimited when absent. */
  limit?: number;
  /** Wanted number of organizations, given the place's whole budget; clamped to what is left. A first item wanting 0 is skipped. */
  size: (rng: Rng, budget: number) => number;
  /** Adds exactly `size` organizations under `parent`. */
  build: (parent: OrgNode, size: number) => void;
}

export function fillPlace(tree: OrgTree, rng: Rng, parent: OrgNode, budget: number, items: readonly MenuItem[]): void {
  let left = budget;
  const used = new Map<MenuItem, number>();
  const run = (item: MenuItem, wanted: number) => {
    const size = Math.max(1, Math.min(left, Math.round(wanted)));
    const before = tree.size;
    item.build(parent, size);
    // Every builder promises an exact count; a miss would silently skew the city's total.
    if (tree.size - before !== size) throw new Error(`demo city: ${item.label} built ${tree.size - before} of ${size}`);
    used.set(item, (used.get(item) ?? 0) + 1);
    left -= size;
  };
  for (const item of items) {
    const wanted = item.first && left > 0 ? item.size(rng, budget) : 0;
    if (wanted >= 1) run(item, wanted);
  }
  while (left > 0) {
    const open = items.filter((i) => !i.first && (i.limit === undefined || (used.get(i) ?? 0) < i.limit));
    if (open.length === 0) throw new Error(`demo city: nothing left to build under ${parent.name}`);
    const item = rng.weighted(open, (i) => i.weight);
    run(item, item.size(rng, budget));
  }
}

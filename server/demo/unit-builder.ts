// Builds one unit's Party organizations with exactly the number of organizations asked for,
// so the city adds up to the requested total. The kind follows the size, as the set-up rules
// do (RULES.md §4): a few organizations make a 党支部 with 党小组, more a 党总支, many a 党委.
import type { OrgKind, UnitType } from '../../domain/org-kinds.js';
import type { Rng } from './prng.js';
import { ordinal } from './names.js';
import type { OrgNode, OrgTree } from './org-tree.js';
import { SUBUNITS } from './unit-catalog.js';

export interface UnitDesc {
  /** The unit's full name, prefix of its organizations' names: 示范市第一人民医院. */
  prefix: string;
  /** The short form: 第一人民医院. */
  short: string;
  unitType: UnitType;
  /** The kind the unit's own organization would have at a typical size. */
  top: OrgKind;
}

export const KIND_SUFFIX: Partial<Record<OrgKind, string>> = {
  party_committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
  joint_branch: '联合党支部',
  temporary_branch: '临时党支部',
};

// A branch holds at most this many 党小组 in the demo.
const MAX_GROUPS = 4;

/** Names of departments inside one unit, each used once, then numbered (第一党支部). */
class SubunitNames {
  private readonly generals: string[];
  private readonly branches: string[];
  private numberedGenerals = 0;
  private numberedBranches = 0;
  constructor(rng: Rng, unitType: UnitType) {
    this.generals = rng.shuffle(SUBUNITS[unitType].generals);
    this.branches = rng.shuffle(SUBUNITS[unitType].branches);
  }
  general(): string {
    return this.generals.shift() ?? ordinal(++this.numberedGenerals);
  }
  branch(): string {
    return this.branches.shift() ?? ordinal(++this.numberedBranches);
  }
}

export class UnitBuilder {
  constructor(
    private readonly tree: OrgTree,
    private readonly rng: Rng,
  ) {}

  /** Adds the unit under `parent` with exactly `size` organizations; returns its top organization. */
  build(parent: OrgNode, unit: UnitDesc, size: number): OrgNode {
    const kind = kindForSize(unit.top, size);
    const node = this.tree.add(parent, {
      name: unit.prefix + KIND_SUFFIX[kind],
      shortName: unit.short + KIND_SUFFIX[kind],
      kind,
      unitType: unit.unitType,
    });
    if (kind === 'party_committee') this.fillCommittee(node, unit, size - 1);
    else if (kind === 'general_branch')
      this.fillGeneralBranch(node, unit.prefix, unit.unitType, new SubunitNames(this.rng, unit.unitType), size - 1);
    else this.addGroups(node, size - 1);
    return node;
  }

  private fillCommittee(node: OrgNode, unit: UnitDesc, budget: number): void {
    const names = new SubunitNames(this.rng, unit.unitType);
    const nested = SUBUNITS[unit.unitType].nested;
    let left = budget;
    while (left > 0) {
      // A large group company or college has committees of its own (a subsidiary's 党委).
      if (nested && left >= 30 && this.rng.chance(0.3)) {
        const sub = names.general();
        const part = Math.min(left, this.rng.int(10, 25));
        this.build(node, { prefix: unit.prefix + sub, short: sub, unitType: unit.unitType, top: 'party_committee' }, part);
        left -= part;
      } else if (left >= 4 && this.rng.chance(0.3)) {
        const part = Math.min(left, this.rng.int(3, 8));
        const sub = names.general();
        const general = this.tree.add(node, {
          name: `${unit.prefix}${sub}党总支`,
          shortName: `${sub}党总支`,
          kind: 'general_branch',
          unitType: unit.unitType,
        });
        const inner = nested ? new SubunitNames(this.rng, unit.unitType) : names;
        this.fillGeneralBranch(general, nested ? unit.prefix + sub : unit.prefix, unit.unitType, inner, part - 1);
        left -= part;
      } else {
        left -= this.addBranch(node, unit.prefix, unit.unitType, names.branch(), left);
      }
    }
  }

  private fillGeneralBranch(node: OrgNode, prefix: string, unitType: UnitType, names: SubunitNames, budget: number): void {
    // The first branch leaves room for a second: a 党总支 over a single 党支部 would be pointless.
    let left = budget;
    let room = budget - 1;
    while (left > 0) {
      left -= this.addBranch(node, prefix, unitType, names.branch(), room);
      room = left;
    }
  }

  /** A 党支部, with 党小组 under one in ten when there is room; returns the organizations used. */
  private addBranch(parent: OrgNode, prefix: string, unitType: UnitType, sub: string, room: number): number {
    const size = room >= 4 && this.rng.chance(0.1) ? this.rng.int(3, Math.min(room, MAX_GROUPS + 1)) : 1;
    const branch = this.tree.add(parent, { name: `${prefix}${sub}党支部`, shortName: `${sub}党支部`, kind: 'branch', unitType });
    this.addGroups(branch, size - 1);
    return size;
  }

  private addGroups(branch: OrgNode, count: number): void {
    for (let i = 1; i <= count; i++) {
      this.tree.add(branch, {
        name: `${branch.name}${ordinal(i)}党小组`,
        shortName: `${ordinal(i)}党小组`,
        kind: 'party_group',
        unitType: branch.unitType,
      });
    }
  }
}

/**
 * The kind a unit's organization takes for a given number of organizations: a branch holds
 * at most a few 党小组, a 党总支 needs two branches, a 党委 three organizations under it.
 */
export function kindForSize(top: OrgKind, size: number): OrgKind {
  if (top === 'joint_branch' || top === 'temporary_branch') {
    if (size > MAX_GROUPS + 1) throw new Error(`demo city: a ${top} cannot hold ${size - 1} groups`);
    return top;
  }
  if (size >= 21) return 'party_committee';
  if (size >= 6) return top === 'party_committee' ? top : 'general_branch';
  if (size >= 4) return top === 'branch' ? 'branch' : top;
  if (size === 3) return top === 'branch' ? 'branch' : 'general_branch';
  return 'branch';
}

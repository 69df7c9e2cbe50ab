// The people of the demo city: members of every branch and the committee of every organization.
// A few organizations break the set-up rules on purpose (RULES.md §4) so that the warnings
// have something to show: a large branch with only a secretary, branches past 50 members.
import type { Insertable } from 'kysely';
import type { MembersTable, OrgCommitteeMembersTable } from '../db/types.js';
import { BRANCH_KINDS, type OrgKind } from '../../domain/org-kinds.js';
import { createRng, type Rng } from './prng.js';
import { personName, type Sex } from './names.js';
import { addDays, addYears, laterOf } from './dates.js';
import type { OrgNode, OrgTree } from './org-tree.js';
import { pinyinInitials, pinyinSortKey } from '../modules/orgs/pinyin.js';

export type MemberRow = Insertable<MembersTable>;
export type CommitteeRow = Insertable<OrgCommitteeMembersTable>;

export interface People {
  members: MemberRow[];
  committees: CommitteeRow[];
  /** Full members per organization, for picking sample organizations. */
  fullMembers: Map<number, number>;
}

// A branch of seven or more full members elects a committee (RULES.md §4).
const COMMITTEE_THRESHOLD = 7;
const COMMITTEE_KINDS: readonly OrgKind[] = ['city_committee', 'county_committee', 'township_committee', 'party_committee'];

export function drawPeople(tree: OrgTree, seed: number, range: readonly [number, number]): People {
  const rng = createRng(seed, 3);
  const people: People = { members: [], committees: [], fullMembers: new Map() };
  const names = new Map<number, string[]>();
  // The first branch of 8–20 full members keeps only a secretary and the tenth branch has 55+
  // members, so the demo shows both warnings at any size and seed.
  let forcedSecretaryOnly = false;
  let branches = 0;
  for (const org of tree.nodes) {
    const live = org.status === 'active' && BRANCH_KINDS.includes(org.kind);
    let memberNames: string[] = [];
    if (live) {
      const forcedBig = org.kind === 'branch' && ++branches === 10;
      memberNames = addMembers(people, rng, org, forcedBig ? rng.int(range[1] + 15, range[1] + 35) : memberCount(rng, org, range));
    }
    names.set(org.id, memberNames);
    const full = people.fullMembers.get(org.id) ?? 0;
    let size = committeeSize(rng, org, full);
    if (size > 1 && !forcedSecretaryOnly && full >= 8 && full <= 20) {
      forcedSecretaryOnly = true;
      size = 1;
    }
    // Branch committees come from the branch's own members; a 党小组 leader from its branch's.
    const pool = org.kind === 'party_group' ? (names.get(org.parent?.id ?? 0) ?? []) : memberNames;
    addCommittee(people, rng, tree.asOf, org, size, pool);
  }
  return people;
}

function memberCount(rng: Rng, org: OrgNode, [lo, hi]: readonly [number, number]): number {
  // Joint and temporary branches gather a few people each: at least 3, at most 15 unless asked for more.
  if (org.kind === 'joint_branch' || org.kind === 'temporary_branch') {
    const least = Math.max(3, lo);
    return rng.int(least, Math.max(least, Math.min(hi, 15)));
  }
  const r = rng.next();
  // Past 50 members a branch should become a 党总支; a few have not yet.
  if (r < 0.025) return rng.int(hi + 15, hi + 35);
  // Under three full members a unit should join a 联合党支部; a few still stand alone.
  if (r < 0.03) return rng.int(1, 2);
  // Skewed towards the small end: most branches are a dozen or two.
  const count = lo + Math.floor((hi - lo + 1) * rng.next() ** 1.2);
  return org.children.length > 0 ? Math.max(count, 15) : count;
}

function addMembers(people: People, rng: Rng, org: OrgNode, count: number): string[] {
  const names: string[] = [];
  let full = 0;
  for (let i = 0; i < count; i++) {
    const gender: Sex = rng.next() < 0.72 ? '男' : '女';
    const name = personName(rng, gender);
    const category = rng.next() < 0.94 ? 'full' : 'probationary';
    if (category === 'full') full++;
    names.push(name);
    people.members.push({ org_id: org.id, name, gender, category, name_initials: pinyinInitials(name), sort_key: pinyinSortKey(name) });
  }
  people.fullMembers.set(org.id, full);
  return names;
}

/** How many sit on the organization's committee; 1 means a secretary alone. */
function committeeSize(rng: Rng, org: OrgNode, full: number): number {
  if (org.kind === 'party_group' || org.status === 'dissolved') return 1;
  if (BRANCH_KINDS.includes(org.kind)) {
    if (full < COMMITTEE_THRESHOLD || rng.chance(0.015)) return 1;
    return Math.min(full, rng.int(3, 5));
  }
  if (org.kind === 'general_branch') return rng.chance(0.9) ? rng.int(3, 5) : 1;
  if (org.kind === 'city_committee' || org.kind === 'county_committee') return rng.int(7, 9);
  return rng.chance(0.85) ? rng.int(5, 7) : 1;
}

/** Term length in years: 5 for 党委 and for village and community organizations, 3 otherwise (RULES.md §4). */
function termYears(org: OrgNode): number {
  return COMMITTEE_KINDS.includes(org.kind) || org.unitType === 'rural' || org.unitType === 'community' ? 5 : 3;
}

function addCommittee(people: People, rng: Rng, asOf: string, org: OrgNode, size: number, pool: readonly string[]): void {
  const years = termYears(org);
  let termStart: string | null = null;
  let termEnd: string | null = null;
  if (org.kind !== 'party_group') {
    // Most terms are running; about one in 25 is overdue for its election.
    // A dissolved organization's last term ended with it.
    const back = rng.chance(0.04) ? years * 365 + rng.int(30, 400) : rng.int(0, years * 365 - 1);
    termStart = laterOf(addDays(org.dissolvedOn ?? asOf, org.dissolvedOn ? -rng.int(180, years * 365) : -back), org.establishedOn);
    termEnd = org.dissolvedOn ?? addYears(termStart, years);
  }
  const chosen = new Set<number>();
  for (let i = 0; i < size; i++) {
    let name: string;
    if (chosen.size < pool.length) {
      let pick = rng.int(0, pool.length - 1);
      while (chosen.has(pick)) pick = (pick + 1) % pool.length;
      chosen.add(pick);
      name = pool[pick];
    } else {
      name = personName(rng, rng.next() < 0.72 ? '男' : '女');
    }
    const post = i === 0 ? 'secretary' : i === 1 && size >= 4 ? 'deputy_secretary' : i === 2 && size >= 7 ? 'deputy_secretary' : 'member';
    people.committees.push({ org_id: org.id, person_name: name, post, term_start: termStart, term_end: termEnd });
  }
}

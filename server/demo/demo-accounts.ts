// The demo's sample organizations and its accounts, one for each role, all with the same
// published password so a visitor can try every view of the system.
import type { Role } from '../../domain/permissions.js';
import type { OrgNode } from './org-tree.js';
import type { CityShape } from './org-shape.js';
import type { People } from './people.js';
import type { Trx } from './insert-rows.js';
import { personName } from './names.js';
import { createRng } from './prng.js';

export const DEMO_PASSWORD = 'Demo@2026';

export interface Samples {
  city: OrgNode;
  district: OrgNode;
  township: OrgNode;
  /** The demo branch administrator's branch: a 社区党支部 with a committee when there is one. */
  branch: OrgNode;
  /** A branch in another district, outside district-admin's scope. */
  otherBranch: OrgNode;
  /** A 机关党支部 in the demo district, where the demo cadre works. */
  cadreBranch: OrgNode;
}

const isLiveBranch = (n: OrgNode) => n.kind === 'branch' && n.status === 'active';

export function pickSamples(shape: CityShape, people: People): Samples {
  const nodes = shape.tree.nodes;
  const committeeSize = new Map<number, number>();
  for (const c of people.committees) committeeSize.set(c.org_id, (committeeSize.get(c.org_id) ?? 0) + 1);
  const inDistrict = (d: number) => nodes.filter((n) => isLiveBranch(n) && n.district === d);
  const first = (list: OrgNode[], ...tests: ((n: OrgNode) => boolean)[]) => {
    for (const test of tests) {
      const hit = list.find(test);
      if (hit) return hit;
    }
    return list[0];
  };
  // The nicest example first: a community branch straight under a 街道, big enough for a committee.
  const underStreet = (n: OrgNode) => n.parent?.kind === 'township_committee' && n.parent.shortName.endsWith('街道党工委');
  const branch = first(
    inDistrict(0),
    (n) => n.unitType === 'community' && underStreet(n) && (committeeSize.get(n.id) ?? 0) >= 3,
    (n) => n.unitType === 'community' && n.parent?.kind === 'township_committee' && (committeeSize.get(n.id) ?? 0) >= 3,
    (n) => n.parent?.kind === 'township_committee',
  );
  const otherBranch = first(inDistrict(1), (n) => n.parent?.kind === 'township_committee');
  const cadreBranch = first(inDistrict(0), (n) => n.unitType === 'organ');
  if (!branch || !otherBranch) throw new Error('demo city: no branch to bind the demo accounts to');
  let township: OrgNode | null = branch;
  while (township && township.kind !== 'township_committee') township = township.parent;
  return {
    city: nodes[0],
    district: shape.districts[0],
    township: township ?? shape.townships.find((t) => t.parent === shape.districts[0]) ?? shape.townships[0],
    branch,
    otherBranch,
    cadreBranch: cadreBranch ?? branch,
  };
}

interface Account {
  username: string;
  displayName: string;
  role: Role;
  org: OrgNode;
}

// One account per role; the 三员 (sysadmin, secadmin, auditor) each hold exactly one role (SECURITY.md 12).

function accounts(s: Samples, people: People, seed: number, city: string): Account[] {
  const committee = new Set(people.committees.filter((c) => c.org_id === s.branch.id).map((c) => c.person_name));
  const branchMembers = people.members.filter((m) => m.org_id === s.branch.id).map((m) => m.name);
  const cadreMembers = people.members.filter((m) => m.org_id === s.cadreBranch.id).map((m) => m.name);
  const rng = createRng(seed, 4);
  // The member account is a real member of the branch, not one of its committee.
  const memberName = branchMembers.find((n) => !committee.has(n)) ?? branchMembers[0] ?? personName(rng, '男');
  // The cadre works in a government department, so is taken from its 机关党支部.
  const cadreName = cadreMembers[0] ?? personName(rng, '男');
  return [
    { username: 'city-admin', displayName: `${city}委组织部管理员`, role: 'org_dept_admin', org: s.city },
    { username: 'district-admin', displayName: `${s.district.shortName}组织部管理员`, role: 'org_dept_admin', org: s.district },
    { username: 'branch-admin', displayName: `${s.branch.shortName}管理员`, role: 'org_admin', org: s.branch },
    { username: 'sysadmin', displayName: '系统管理员', role: 'sysadmin', org: s.city },
    { username: 'secadmin', displayName: '安全管理员', role: 'secadmin', org: s.city },
    { username: 'auditor', displayName: '审计管理员', role: 'auditor', org: s.city },
    { username: 'member', displayName: memberName, role: 'member', org: s.branch },
    { username: 'cadre-officer', displayName: `${city}委组织部干部科管理员`, role: 'cadre_officer', org: s.city },
    // The district's cadre officer sees the 区管干部 only: the scope of 干部管理权限 (issue 12.1).
    {
      username: 'cadre-officer-district',
      displayName: `${s.district.shortName}组织部干部股管理员`,
      role: 'cadre_officer',
      org: s.district,
    },
    { username: 'cadre', displayName: cadreName, role: 'cadre', org: s.cadreBranch },
    { username: 'talent-officer', displayName: `${city}委人才办专员`, role: 'talent_officer', org: s.city },
    { username: 'talent', displayName: personName(rng, '女'), role: 'talent', org: s.city },
    // An employer's account (self-registered in real life): its own staff only (talent-portal).
    { username: 'talent-employer', displayName: `${city}启明芯科技人事专员`, role: 'talent_employer', org: s.city },
    // A service department's account (the education bureau in the demo): only the requests routed to it.
    { username: 'talent-service', displayName: `${city}教育局人才服务专员`, role: 'talent_service', org: s.city },
  ];
}

/** Inserts the demo accounts with one shared password hash; returns how many. */
export async function insertDemoAccounts(
  trx: Trx,
  samples: Samples,
  people: People,
  seed: number,
  city: string,
  passwordHash: string,
): Promise<number> {
  const list = accounts(samples, people, seed, city);
  const users = await trx
    .insertInto('users')
    // demo_account: in demo mode only, these skip the second factor (issue 11.4, README).
    .values(
      list.map((a) => ({
        username: a.username,
        display_name: a.displayName,
        org_id: a.org.id,
        password_hash: passwordHash,
        demo_account: true,
      })),
    )
    .returning(['id', 'username'])
    .execute();
  const idOf = new Map(users.map((u) => [u.username, u.id]));
  await trx
    .insertInto('user_roles')
    .values(list.map((a) => ({ user_id: idOf.get(a.username) ?? 0, role: a.role })))
    .execute();
  return users.length;
}

// The expected access policy, written out by hand (SECURITY.md 11; GitLab's policy specs): for every
// role and every action, allowed or denied. It is deliberately NOT derived from domain/permissions.ts:
// permissions.test.ts checks the matrix and every /api route against this table, so a wrong entry in
// either place fails a test. Change both on purpose, in the same commit; never copy one from the other.
import type { Action, Role } from '../../domain/permissions.js';

export type Expected = 'allowed' | 'denied';
const Y: Expected = 'allowed';
const N: Expected = 'denied';

/** The column order of every row of POLICY. */
export const POLICY_ROLES = [
  'org_dept_admin',
  'org_admin',
  'member',
  'cadre_officer',
  'cadre',
  'talent_officer',
  'talent',
  'talent_employer',
  'talent_service',
  'talent_expert',
  'sysadmin',
  'secadmin',
  'auditor',
] as const satisfies readonly Role[];

/** One answer per role, in POLICY_ROLES order: a row of the wrong length does not compile. */
type PerRole<T extends readonly unknown[]> = { readonly [K in keyof T]: Expected };
type Row = PerRole<typeof POLICY_ROLES>;

// Every action is a key (Record<Action, …>), so a new action does not compile until its row is written.
export const POLICY: Record<Action, Row> = {
  //                   dept org  mem  cOff cadr tOff tal  emp  svc  exp  sys  sec  aud
  // The organization tree: everyone who works in it reads it; the security administrator reads it to
  // bind accounts; only the department moves or dissolves organizations.
  'org.read': [Y, Y, Y, Y, N, Y, N, N, N, N, N, Y, N],
  'org.create': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'org.update': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'org.move': [Y, N, N, N, N, N, N, N, N, N, N, N, N],
  'org.dissolve': [Y, N, N, N, N, N, N, N, N, N, N, N, N],
  // 三员分立 (SECURITY.md 12): accounts are the security administrator's, the audit log the auditor's,
  // the configuration the system administrator's, and nobody else's.
  'user.read': [N, N, N, N, N, N, N, N, N, N, N, Y, N],
  'user.manage': [N, N, N, N, N, N, N, N, N, N, N, Y, N],
  'audit.read': [N, N, N, N, N, N, N, N, N, N, N, N, Y],
  'audit.export': [N, N, N, N, N, N, N, N, N, N, N, N, Y],
  'system.config': [N, N, N, N, N, N, N, N, N, N, Y, N, N],
  // Party members: the department and the organization admins; full identity numbers only for the
  // department; a member sees only their own record.
  'member.read': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'member.write': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'member.reveal_id': [Y, N, N, N, N, N, N, N, N, N, N, N, N],
  'member.import': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'member.export': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'member.self': [N, N, Y, N, N, N, N, N, N, N, N, N, N],
  'status.write': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  // Development: exceptions to a time rule (特殊情况) stay with the department.
  'dev.read': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'dev.write': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'dev.override': [Y, N, N, N, N, N, N, N, N, N, N, N, N],
  'transfer.read': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'transfer.write': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  // Dues: a hardship reduction is approved by a higher committee, which may be an organization admin.
  'dues.read': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'dues.write': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'dues.approve': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'dues.export': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  // Organizational life, terms, standards, joint tasks: the rules (frequencies, checklists) are the
  // department's; the higher-level decisions are checked by scope ("strictly higher"), not by role.
  'life.read': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'life.write': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'life.config': [Y, N, N, N, N, N, N, N, N, N, N, N, N],
  'term.read': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'term.write': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'term.approve': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'standard.read': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'standard.write': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'standard.review': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'standard.config': [Y, N, N, N, N, N, N, N, N, N, N, N, N],
  'task.read': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'task.write': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'task.check': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  // Statistics: only the people who keep the records read and export them.
  'stats.read': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'stats.export': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  // The to-do digest of a subtree is Party business: the department and organization administrators only.
  'todo.digest': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  // Cadres: the 干部科's own records, apart from the Party-member work of the rest of the department;
  // a cadre sees only their own file and asks for corrections.
  'cadre.read': [N, N, N, Y, N, N, N, N, N, N, N, N, N],
  'cadre.write': [N, N, N, Y, N, N, N, N, N, N, N, N, N],
  'cadre.review': [N, N, N, Y, N, N, N, N, N, N, N, N, N],
  'cadre.import': [N, N, N, Y, N, N, N, N, N, N, N, N, N],
  'cadre.export': [N, N, N, Y, N, N, N, N, N, N, N, N, N],
  'cadre.reveal_id': [N, N, N, Y, N, N, N, N, N, N, N, N, N],
  'cadre.config': [N, N, N, Y, N, N, N, N, N, N, N, N, N],
  'cadre.self': [N, N, N, N, Y, N, N, N, N, N, N, N, N],
  // 民主测评 is run by the 干部科; voters need no account (public routes with one-time codes).
  'cadre.evaluate': [N, N, N, Y, N, N, N, N, N, N, N, N, N],
  // The annual assessment is the cadre officers' work: the assessed cadre only sees the result on their file.
  'cadre.assess': [N, N, N, Y, N, N, N, N, N, N, N, N, N],
  // Selections are the 干部科's procedure; its exceptions are the same officers' recorded decisions.
  'cadre.select': [N, N, N, Y, N, N, N, N, N, N, N, N, N],
  'cadre.select_override': [N, N, N, Y, N, N, N, N, N, N, N, N, N],
  // 能上能下, the young-cadre pool and supervision records are the 干部科's (the 干部监督 work).
  'cadre.supervise': [N, N, N, Y, N, N, N, N, N, N, N, N, N],
  // Theory learning: the department and the organization admins run it for their subtree (a class's
  // organizer is one of them); the hours required are the department's; members and cadres study.
  'learning.read': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'learning.manage': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'learning.approve': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'learning.import': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'learning.export': [Y, Y, N, N, N, N, N, N, N, N, N, N, N],
  'learning.config': [Y, N, N, N, N, N, N, N, N, N, N, N, N],
  'learning.self': [N, N, Y, N, Y, N, N, N, N, N, N, N, N],
  // Talent: the talent office (人才办) alone keeps the registry, decides and pays; applicants, employers,
  // service departments and experts each act only on their own records, outside the Party tree.
  'talent.read': [N, N, N, N, N, Y, N, N, N, N, N, N, N],
  'talent.write': [N, N, N, N, N, Y, N, N, N, N, N, N, N],
  'talent.review': [N, N, N, N, N, Y, N, N, N, N, N, N, N],
  'talent.config': [N, N, N, N, N, Y, N, N, N, N, N, N, N],
  'talent.pay': [N, N, N, N, N, Y, N, N, N, N, N, N, N],
  'talent.import': [N, N, N, N, N, Y, N, N, N, N, N, N, N],
  'talent.export': [N, N, N, N, N, Y, N, N, N, N, N, N, N],
  'talent.self': [N, N, N, N, N, N, Y, N, N, N, N, N, N],
  'talent.employer': [N, N, N, N, N, N, N, Y, N, N, N, N, N],
  'talent.service': [N, N, N, N, N, N, N, N, Y, N, N, N, N],
  'talent.expert': [N, N, N, N, N, N, N, N, N, Y, N, N, N],
};

/** The expected answer for one role and one action. */
export function expectedAccess(role: Role, action: Action): Expected {
  const column = (POLICY_ROLES as readonly Role[]).indexOf(role);
  if (column < 0) throw new Error(`permission-policy.ts has no column for role ${role}`);
  return POLICY[action][column];
}

/** Every (role, action, expected) triple of the table, for table-driven tests. */
export const POLICY_CASES = POLICY_ROLES.flatMap((role) =>
  (Object.keys(POLICY) as Action[]).map((action) => ({ role: role as Role, action, expected: expectedAccess(role, action) })),
);

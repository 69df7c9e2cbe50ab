// The first page a user may see after login (a user only lands where the matrix lets them).
import { can } from '../../../domain/permissions';
import type { TMe } from '../api/auth';

export function homePath(me: Pick<TMe, 'roles' | 'orgId'>): string {
  // The three separated administrators go to their own work first; secadmin also reads the tree.
  if (can(me.roles, 'user.manage')) return '/users';
  if (can(me.roles, 'audit.read')) return '/audit';
  if (can(me.roles, 'system.config')) return '/settings';
  // A cadre officer works in the cadre files; a cadre reads their own.
  if (can(me.roles, 'cadre.read')) return '/cadres';
  if (can(me.roles, 'cadre.self')) return '/my-cadre';
  // A member lands on their learning hub (phone first); it links on to the rest of their own pages.
  if (can(me.roles, 'member.self') && !can(me.roles, 'member.read')) return '/my/learning';
  // A service department's account answers its department's talent requests.
  if (can(me.roles, 'talent.service')) return '/talent-services/department';
  if (can(me.roles, 'org.read')) return `/orgs/${me.orgId}`;
  // Talent applicants and employers: their own home (talent-portal).
  if (can(me.roles, 'talent.self')) return '/my/talent';
  if (can(me.roles, 'talent.employer')) return '/my/employer';
  return '/welcome';
}

// Account administration (SECURITY.md 10, 12, 14): users in the administrator's subtree only;
// 三员分立 enforced on every role change; sessions end when roles, organization or status change.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Ctx } from '../../context.js';
import { ROLE_LABELS, SEPARATED_ADMIN_ROLES, separationConflict, type Role } from '../../../domain/permissions.js';
import type { TUserCreate, TUserRow, TUserUpdate } from '../../../domain/schemas/users.js';
import { assertPasswordPolicy, hashPassword } from '../../auth/password.js';
import { revokeUserSessions } from '../../auth/sessions.js';
import { loadInScope } from '../../scope/access.js';
import { conflict, invalid } from '../../errors.js';
import { scopeSql } from '../../scope/access.js';

export function assertSeparation(roles: Role[]): void {
  const clash = separationConflict(roles);
  if (clash) throw invalid(`「${ROLE_LABELS[clash[0]].zh}」与「${ROLE_LABELS[clash[1]].zh}」须由不同账号担任（三员分立）`, 'roles');
}

const isAdminRole = (r: Role) => SEPARATED_ADMIN_ROLES.includes(r);
const ADMIN_NAMES = SEPARATED_ADMIN_ROLES.map((r) => ROLE_LABELS[r].zh).join('、');

/**
 * Issue 11.5: the system, security and audit administrator roles are granted only by the command line
 * (npm run admin -- create-admin), never through the API, so no administrator can make another.
 */
export function assertNoAdminGrant(roles: Role[]): void {
  const admin = roles.find(isAdminRole);
  if (admin)
    throw invalid(
      `「${ROLE_LABELS[admin].zh}」角色只能由命令行（npm run admin -- create-admin）授予，不能通过用户管理授予（${ADMIN_NAMES}互不能创建）`,
      'roles',
    );
}

/** Nor may the API change, disable or reset the password of an administrator's account: that would hand over its powers. */
export function assertNotAdminAccount(user: TUserRow, field: string): void {
  const admin = user.roles.find(isAdminRole);
  if (admin) throw invalid(`「${ROLE_LABELS[admin].zh}」账号只能由命令行（npm run admin）维护`, field);
}

const base = (db: Db, scopePath: string) =>
  db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.org_id',
      'o.name as org_name',
      'u.disabled',
      'u.locked_until',
      'u.last_login_at',
      'u.created_at',
      sql<string[]>`array(select role from user_roles r where r.user_id = u.id order by role)`.as('roles'),
    ])
    .where(scopeSql('o.path', scopePath));

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());
const present = (r: Row): TUserRow => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  orgId: r.org_id,
  orgName: r.org_name,
  roles: r.roles as Role[],
  disabled: r.disabled,
  lockedUntil: iso(r.locked_until),
  lastLoginAt: iso(r.last_login_at),
  createdAt: iso(r.created_at)!,
});

export async function listUsers(ctx: Ctx, f: { q?: string; orgId?: number; cursor?: string; limit: number }) {
  let q = base(ctx.db, ctx.actor.scopePath);
  if (f.q) q = q.where((eb) => eb.or([eb('u.username', 'like', `%${f.q}%`), eb('u.display_name', 'like', `%${f.q}%`)]));
  if (f.orgId) q = q.where('u.org_id', '=', f.orgId);
  if (f.cursor) q = q.where('u.id', '>', Number(f.cursor) || 0);
  const rows = await q
    .orderBy('u.id')
    .limit(f.limit + 1)
    .execute();
  const page = rows.slice(0, f.limit);
  return { items: page.map(present), nextCursor: rows.length > f.limit ? String(page[page.length - 1].id) : null };
}

/** The account after the scope check (scope/access.ts): outside the subtree or missing, 404, a refusal audited. */
export async function getUser(ctx: Ctx, id: number, action: string): Promise<TUserRow> {
  return present(
    await loadInScope(ctx, action, 'user', id, (x) => base(ctx.db, ctx.actor.scopePath).where('u.id', '=', x).executeTakeFirst()),
  );
}

/** In the caller's audited transaction (ctx bound with inTrx). */
export async function createUser(ctx: Ctx, input: TUserCreate): Promise<TUserRow> {
  const { db: trx, actor: a } = ctx;
  const now = ctx.clock.now();
  assertSeparation(input.roles);
  assertNoAdminGrant(input.roles);
  assertPasswordPolicy(input.password, input.username, 'password', input.displayName);
  if (await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst())
    throw conflict('用户名已存在', 'username');
  const hash = await hashPassword(input.password);
  const { id } = await trx
    .insertInto('users')
    .values({
      username: input.username,
      display_name: input.displayName,
      org_id: input.orgId,
      password_hash: hash,
      password_changed_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('user_roles')
    .values(input.roles.map((role) => ({ user_id: id, role })))
    .execute();
  await trx.insertInto('password_history').values({ user_id: id, password_hash: hash, created_at: now }).execute();
  return present(await base(trx, a.scopePath).where('u.id', '=', id).executeTakeFirstOrThrow());
}

/** In the caller's audited transaction (ctx bound with inTrx). */
export async function updateUser(ctx: Ctx, user: TUserRow, input: TUserUpdate): Promise<TUserRow> {
  const { db: trx, actor: a } = ctx;
  const now = ctx.clock.now();
  if (user.id === a.userId && (input.roles || input.disabled !== undefined || input.orgId)) {
    throw invalid('不能修改本人账号的角色、组织或状态', input.roles ? 'roles' : input.orgId ? 'orgId' : 'disabled');
  }
  if (input.roles) {
    assertSeparation(input.roles);
    assertNoAdminGrant(input.roles);
  }
  // Its own name an administrator may still edit; anything else of an administrator's account is the CLI's.
  if (user.id !== a.userId)
    assertNotAdminAccount(user, input.roles ? 'roles' : input.orgId ? 'orgId' : input.disabled !== undefined ? 'disabled' : 'displayName');
  const set: Record<string, unknown> = { updated_at: now };
  if (input.displayName !== undefined) set.display_name = input.displayName;
  if (input.orgId !== undefined) set.org_id = input.orgId;
  if (input.disabled !== undefined) set.disabled = input.disabled;
  await trx.updateTable('users').set(set).where('id', '=', user.id).execute();
  if (input.roles) {
    await trx.deleteFrom('user_roles').where('user_id', '=', user.id).execute();
    await trx
      .insertInto('user_roles')
      .values(input.roles.map((role) => ({ user_id: user.id, role })))
      .execute();
  }
  // A change of what the account may see or do ends its sessions (SECURITY.md 10).
  if (input.roles || input.orgId !== undefined || input.disabled) await revokeUserSessions(trx, user.id, now);
  return present(await base(trx, a.scopePath).where('u.id', '=', user.id).executeTakeFirstOrThrow());
}

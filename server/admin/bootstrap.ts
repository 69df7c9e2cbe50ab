// First-install steps run from the command line (SECURITY.md 7): a production database starts
// with no account and no known password; the root organization and the first administrators
// are created here, each step audited with the actor "cli".
import type { Db } from '../db/engine.js';
import { ROLES, type Role } from '../../domain/permissions.js';
import { appendAudit } from '../audit/audit-log.js';
import { assertPasswordPolicy, hashPassword } from '../auth/password.js';
import { resetSecondFactor } from '../auth/totp.js';
import { AppError, conflict, invalid } from '../errors.js';
import { pinyinInitials, pinyinSortKey } from '../modules/orgs/pinyin.js';
import { assertSeparation } from '../modules/users/service.js';

const cliAudit = (action: string, objectType: string, objectId: number, detail: Record<string, unknown>) => ({
  at: new Date(),
  actorId: null,
  actorName: 'cli',
  role: null,
  ip: null,
  action,
  objectType,
  objectId,
  result: 'success' as const,
  requestId: null,
  detail,
});

export async function initRootOrg(db: Db, name: string, code = 'ROOT'): Promise<number> {
  if (name.trim().length < 2) throw invalid('请提供根组织名称，例如 --city 某某市委', 'city');
  return db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('orgs').select('id').limit(1).executeTakeFirst()) throw conflict('已存在组织，不能再建立根组织');
    const { id } = await trx
      .insertInto('orgs')
      .values({
        parent_id: null,
        path: '0',
        name,
        code,
        kind: 'city_committee',
        unit_type: 'organ',
        established_on: null,
        dissolved_on: null,
        short_name: null,
        name_initials: pinyinInitials(name),
        sort_key: pinyinSortKey(name),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('orgs')
      .set({ path: String(id) })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, cliAudit('org.create', 'org', id, { name, root: true }));
    return id;
  });
}

export interface NewAdmin {
  username: string;
  displayName?: string;
  role: string;
  orgId?: number;
  password: string;
}

export async function createAdmin(db: Db, a: NewAdmin): Promise<number> {
  if (!ROLES.includes(a.role as Role)) throw invalid(`未知角色 ${a.role}，可选：${ROLES.join(', ')}`, 'role');
  assertSeparation([a.role as Role]);
  assertPasswordPolicy(a.password, a.username, 'password', a.displayName);
  return db.transaction().execute(async (trx) => {
    const org = a.orgId
      ? await trx.selectFrom('orgs').select('id').where('id', '=', a.orgId).executeTakeFirst()
      : await trx.selectFrom('orgs').select('id').where('parent_id', 'is', null).orderBy('id').limit(1).executeTakeFirst();
    if (!org) throw new AppError('NO_ORG', '没有可绑定的组织：请先运行 init 建立根组织', 400, 'org');
    if (await trx.selectFrom('users').select('id').where('username', '=', a.username).executeTakeFirst())
      throw conflict('用户名已存在', 'username');
    const hash = await hashPassword(a.password);
    const now = new Date();
    const { id } = await trx
      .insertInto('users')
      .values({
        username: a.username,
        display_name: a.displayName ?? a.username,
        org_id: org.id,
        password_hash: hash,
        password_changed_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('user_roles').values({ user_id: id, role: a.role }).execute();
    await trx.insertInto('password_history').values({ user_id: id, password_hash: hash, created_at: now }).execute();
    await appendAudit(trx, cliAudit('user.create', 'user', id, { username: a.username, roles: [a.role], orgId: org.id }));
    return id;
  });
}

/** Clears an account's TOTP enrolment and recovery codes (a lost authenticator): its next login enrols again. */
export async function resetAdminSecondFactor(db: Db, username: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (!user) throw invalid(`没有用户 ${username}`, 'username');
    await resetSecondFactor(trx, user.id);
    await trx
      .updateTable('auth_pending')
      .set({ used_at: new Date() })
      .where('user_id', '=', user.id)
      .where('used_at', 'is', null)
      .execute();
    await appendAudit(trx, cliAudit('user.reset_totp', 'user', user.id, { username }));
    return user.id;
  });
}

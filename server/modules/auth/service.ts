// Password change with history (SECURITY.md 1, 2, 10) and the "me" view.
import type { Db } from '../../db/engine.js';
import type { Actor } from '../../auth/actor.js';
import type { TSettings } from '../../../domain/security/settings.js';
import type { TMe } from '../../../domain/schemas/auth.js';
import { assertPasswordPolicy, hashPassword, verifyPassword } from '../../auth/password.js';
import { revokeUserSessions } from '../../auth/sessions.js';
import { AppError } from '../../errors.js';
import type { Trx } from '../../audit/audit-log.js';

export async function describeMe(db: Db, a: Actor, demo: boolean): Promise<TMe> {
  const org = await db.selectFrom('orgs').select('name').where('id', '=', a.orgId).executeTakeFirstOrThrow();
  return {
    id: a.userId,
    username: a.username,
    displayName: a.displayName,
    roles: a.roles,
    orgId: a.orgId,
    orgName: org.name,
    mustChangePassword: a.mustChangePassword,
    demo,
  };
}

/** Refuses a password used among the last N (SECURITY.md 2). */
export async function assertNotReused(db: Db, userId: number, pw: string, historySize: number, field: string): Promise<void> {
  if (historySize <= 0) return;
  const recent = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(historySize)
    .execute();
  for (const r of recent) {
    if (await verifyPassword(r.password_hash, pw))
      throw new AppError('PASSWORD_REUSED', `不能使用最近 ${historySize} 次用过的密码`, 400, field);
  }
}

/** Stores a new password hash, keeps it in the history and ends the user's other sessions. */
export async function setPassword(trx: Trx, userId: number, pw: string, now: Date, keepSession?: string): Promise<void> {
  const hash = await hashPassword(pw);
  await trx
    .updateTable('users')
    .set({ password_hash: hash, password_changed_at: now, failed_logins: 0, locked_until: null, updated_at: now })
    .where('id', '=', userId)
    .execute();
  await trx.insertInto('password_history').values({ user_id: userId, password_hash: hash, created_at: now }).execute();
  await revokeUserSessions(trx, userId, now, keepSession);
}

export async function changeOwnPassword(trx: Trx, a: Actor, s: TSettings, oldPw: string, newPw: string, now: Date): Promise<void> {
  const user = await trx.selectFrom('users').select('password_hash').where('id', '=', a.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, oldPw))) throw new AppError('WRONG_PASSWORD', '原密码不正确', 400, 'oldPassword');
  if (oldPw === newPw) throw new AppError('PASSWORD_REUSED', '新密码不能与原密码相同', 400, 'newPassword');
  assertPasswordPolicy(newPw, a.username, 'newPassword', a.displayName);
  await assertNotReused(trx, a.userId, newPw, s.passwordHistory, 'newPassword');
  await setPassword(trx, a.userId, newPw, now, a.sessionId);
}

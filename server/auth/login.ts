// Login with lockout (SECURITY.md 1–4, 15): every failure answers the same, whatever its cause.
import type { Db } from '../db/engine.js';
import type { TSettings } from '../../domain/security/settings.js';
import { AppError } from '../errors.js';
import { appendAudit } from '../audit/audit-log.js';
import { dummyHash, verifyPassword } from './password.js';
import { createSession } from './sessions.js';
import { createPending, needsSecondFactor } from './totp.js';

export interface LoginMeta {
  now: Date;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
  /** Demo mode: the demo city's accounts skip the second factor (README, demo section). */
  demo?: boolean;
}

/** A full session, or (SECURITY.md 6) only a pending login that must pass the second factor first. */
export type LoginResult =
  { kind: 'session'; token: string; userId: number } | { kind: 'pending'; pendingToken: string; userId: number; enrol: boolean };

// One message for unknown user, wrong password, locked and disabled accounts: no enumeration.
export const authFailed = () => new AppError('AUTH_FAILED', '用户名或密码错误', 401);

type FailReason = 'unknown_user' | 'wrong_password' | 'locked' | 'disabled' | 'dormant';

export async function login(db: Db, settings: TSettings, username: string, password: string, meta: LoginMeta): Promise<LoginResult> {
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  // The hash is always verified, so a missing user costs the same time as a wrong password.
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
  const now = meta.now;
  const fail = async (reason: FailReason, userId: number | null, update?: Record<string, unknown>) => {
    await db.transaction().execute(async (trx) => {
      if (userId && update) await trx.updateTable('users').set(update).where('id', '=', userId).execute();
      await appendAudit(trx, {
        at: now,
        actorId: userId,
        actorName: username.slice(0, 64),
        role: null,
        ip: meta.ip,
        action: 'auth.login',
        objectType: 'user',
        objectId: userId,
        result: 'failure',
        requestId: meta.requestId,
        detail: { reason, ...(update?.locked_until ? { lockedUntil: (update.locked_until as Date).toISOString() } : {}) },
      });
    });
    throw authFailed();
  };
  if (!user) return fail('unknown_user', null);
  if (user.disabled) return fail('disabled', user.id);
  if (user.locked_until && new Date(user.locked_until) > now) return fail('locked', user.id);
  const lastUse = new Date(user.last_login_at ?? user.created_at);
  if (now.getTime() - lastUse.getTime() > settings.dormantDays * 86_400_000) {
    return fail('dormant', user.id, { disabled: true, updated_at: now });
  }
  if (!ok) {
    const failures = user.failed_logins + 1;
    const lock = failures >= settings.lockoutThreshold;
    return fail(
      'wrong_password',
      user.id,
      lock ? { failed_logins: 0, locked_until: new Date(now.getTime() + settings.lockoutMinutes * 60_000) } : { failed_logins: failures },
    );
  }
  const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute();
  if (
    needsSecondFactor(
      roles.map((r) => r.role),
      settings,
      !!meta.demo && user.demo_account,
    )
  ) {
    // No session yet: failures stay counted until the code is right too.
    const enrol = !user.totp_enabled_at;
    const pendingToken = await db.transaction().execute(async (trx) => {
      const t = await createPending(trx, user.id, now);
      await appendAudit(trx, {
        at: now,
        actorId: user.id,
        actorName: user.username,
        role: roles.map((r) => r.role).join(','),
        ip: meta.ip,
        action: 'auth.password',
        objectType: 'user',
        objectId: user.id,
        result: 'success',
        requestId: meta.requestId,
        detail: { secondFactor: enrol ? 'enrol' : 'totp' },
      });
      return t;
    });
    return { kind: 'pending', pendingToken, userId: user.id, enrol };
  }
  const token = await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: now }).where('id', '=', user.id).execute();
    const t = await createSession(trx, user.id, now, meta.ip, meta.userAgent);
    await appendAudit(trx, {
      at: now,
      actorId: user.id,
      actorName: user.username,
      role: roles.map((r) => r.role).join(','),
      ip: meta.ip,
      action: 'auth.login',
      objectType: 'user',
      objectId: user.id,
      result: 'success',
      requestId: meta.requestId,
    });
    return t;
  });
  return { kind: 'session', token, userId: user.id };
}

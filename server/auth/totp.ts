// The second factor (SECURITY.md 6, 8; issue 11.4): TOTP (RFC 6238, 30 s, 6 digits, SHA-1 as every
// authenticator app expects) for the accounts whose roles the security settings name. After the
// password such an account gets only a pending token (5 minutes, usable only by /api/auth/totp*),
// never a session; the code then issues a new session token. Secrets are sealed with the instance
// key, recovery codes stored as peppered hashes, a time step is accepted once, and wrong codes count
// toward the same lockout as wrong passwords.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { Db } from '../db/engine.js';
import type { Role } from '../../domain/permissions.js';
import type { TSettings } from '../../domain/security/settings.js';
import type { AnyCtx } from '../context.js';
import { appendAudit, type Trx } from '../audit/audit-log.js';
import { AppError } from '../errors.js';
import { createSession } from './sessions.js';

export const PENDING_COOKIE = 'zg_pending';
export const PENDING_COOKIE_PATH = '/api/auth/totp';
export const PENDING_MINUTES = 5;
const STEP_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = '智慧组工';

export const totpFailed = () => new AppError('TOTP_FAILED', '验证码错误或已使用，请输入认证器上的新验证码', 401, 'code');
const pendingGone = () => new AppError('TOTP_PENDING_EXPIRED', '登录已超时，请重新输入用户名和密码', 401);

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Whether an account with these roles must pass the second factor (demo accounts are exempt in demo mode only). */
export function needsSecondFactor(roles: readonly string[], s: TSettings, demoExempt: boolean): boolean {
  if (demoExempt) return false;
  return roles.some((r) => s.totpRoles.includes(r as Role));
}

export function totpFor(secretBase32: string, username: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: username,
    algorithm: 'SHA1',
    digits: 6,
    period: STEP_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The current code of a secret: for tests and the demo documentation, never sent by the server. */
export function currentCode(secretBase32: string, now: Date): string {
  return totpFor(secretBase32, 'x').generate({ timestamp: now.getTime() });
}

/** The time step a code matches within ±1 step of now, or null. */
export function matchingStep(secretBase32: string, code: string, now: Date): number | null {
  const delta = totpFor(secretBase32, 'x').validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / STEP_SECONDS) + delta;
}

export async function createPending(db: Db, userId: number, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('auth_pending')
    .values({
      id: tokenHash(token),
      user_id: userId,
      created_at: now,
      expires_at: new Date(now.getTime() + PENDING_MINUTES * 60_000),
      enrol_secret: null,
    })
    .execute();
  return token;
}

interface PendingUser {
  pendingId: string;
  enrolSecret: string | null;
  user: {
    id: number;
    username: string;
    disabled: boolean;
    locked_until: Date | string | null;
    failed_logins: number;
    totp_secret: string | null;
    totp_enabled_at: unknown;
    totp_last_step: string | number | null;
  };
}

async function loadPending(db: Db, token: string | undefined, now: Date): Promise<PendingUser> {
  if (!token) throw pendingGone();
  const p = await db.selectFrom('auth_pending').selectAll().where('id', '=', tokenHash(token)).executeTakeFirst();
  if (!p || p.used_at || new Date(p.expires_at) <= now) throw pendingGone();
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'disabled', 'locked_until', 'failed_logins', 'totp_secret', 'totp_enabled_at', 'totp_last_step'])
    .where('id', '=', p.user_id)
    .executeTakeFirstOrThrow();
  if (user.disabled || (user.locked_until && new Date(user.locked_until) > now)) throw pendingGone();
  return { pendingId: p.id, enrolSecret: p.enrol_secret, user };
}

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrDataUrl: string;
}

/** Starts (or shows again) the enrolment of a pending login's account: a new secret, kept sealed on the pending row. */
export async function startEnrolment(ctx: AnyCtx, token: string | undefined): Promise<Enrolment> {
  const { db, crypto } = ctx;
  const now = ctx.clock.now();
  const p = await loadPending(db, token, now);
  if (p.user.totp_enabled_at) throw new AppError('TOTP_ENROLLED', '该账号已绑定认证器，请输入验证码', 409);
  let secret = p.enrolSecret ? crypto.unseal(p.enrolSecret) : null;
  if (!secret) {
    secret = new Secret({ size: 20 }).base32;
    await db
      .updateTable('auth_pending')
      .set({ enrol_secret: crypto.seal(secret) })
      .where('id', '=', p.pendingId)
      .execute();
  }
  const otpauthUri = totpFor(secret, p.user.username).toString();
  return { secret, otpauthUri, qrDataUrl: await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 1, width: 220 }) };
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const recoveryCode = () =>
  Array.from({ length: 10 }, (_, i) => (i === 5 ? '-' : '') + RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
const normalizeRecovery = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');
const isRecoveryShape = (code: string) => /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(code.trim());

export interface SecondFactorResult {
  token: string;
  userId: number;
  recoveryCodes?: string[];
}

/**
 * Checks a code for a pending login: a TOTP code (or, when enrolled, an unused recovery code), or
 * during enrolment the first code of the new secret. Success ends the pending login and issues a
 * new session token; a failure counts like a wrong password.
 */
export async function verifySecondFactor(
  ctx: AnyCtx,
  token: string | undefined,
  code: string,
  userAgent: string | null,
): Promise<SecondFactorResult> {
  const { db, crypto } = ctx;
  const s = await ctx.settings.get();
  const now = ctx.clock.now();
  const meta = { ip: ctx.origin.ip, requestId: ctx.origin.requestId, userAgent };
  const p = await loadPending(db, token, now);
  const u = p.user;
  const enrolling = !u.totp_enabled_at;
  const secret = enrolling ? (p.enrolSecret ? crypto.unseal(p.enrolSecret) : null) : crypto.unseal(u.totp_secret!);
  let step: number | null = null;
  let recoveryId: string | null = null;
  const c = code.trim();
  if (secret && /^\d{6}$/.test(c)) {
    step = matchingStep(secret, c, now);
    // A code is accepted once: any step not after the last accepted one is a replay (RFC 6238 5.2).
    if (step !== null && u.totp_last_step !== null && step <= Number(u.totp_last_step)) step = null;
  } else if (!enrolling && isRecoveryShape(c)) {
    const row = await db
      .selectFrom('totp_recovery_codes')
      .select('id')
      .where('user_id', '=', u.id)
      .where('code_hash', '=', crypto.recoveryHash(normalizeRecovery(c)))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    recoveryId = row?.id ?? null;
  }
  const audit = (trx: Trx, action: string, result: 'success' | 'failure', detail?: Record<string, unknown>) =>
    appendAudit(trx, {
      at: now,
      actorId: u.id,
      actorName: u.username,
      role: null,
      ip: meta.ip,
      action,
      objectType: 'user',
      objectId: u.id,
      result,
      requestId: meta.requestId,
      detail,
    });

  if (step === null && recoveryId === null) {
    const failures = u.failed_logins + 1;
    const lock = failures >= s.lockoutThreshold;
    const lockedUntil = lock ? new Date(now.getTime() + s.lockoutMinutes * 60_000) : null;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set(lock ? { failed_logins: 0, locked_until: lockedUntil } : { failed_logins: failures })
        .where('id', '=', u.id)
        .execute();
      // A lockout also ends the pending login: the next try starts again from the password.
      if (lock)
        await trx.updateTable('auth_pending').set({ used_at: now }).where('user_id', '=', u.id).where('used_at', 'is', null).execute();
      await audit(trx, 'auth.totp', 'failure', {
        reason: enrolling ? 'enrol_wrong_code' : 'wrong_code',
        ...(lockedUntil ? { lockedUntil: lockedUntil.toISOString() } : {}),
      });
    });
    throw totpFailed();
  }

  return db.transaction().execute(async (trx) => {
    // Claims the pending login once, even when two requests race with the same code.
    const claimed = await trx
      .updateTable('auth_pending')
      .set({ used_at: now })
      .where('id', '=', p.pendingId)
      .where('used_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!claimed) throw pendingGone();
    // The step and the recovery code are claimed with a condition, so two requests racing with the same code cannot both pass.
    if (step !== null) {
      const stepClaimed = await trx
        .updateTable('users')
        .set({ totp_last_step: step })
        .where('id', '=', u.id)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .returning('id')
        .executeTakeFirst();
      if (!stepClaimed) throw totpFailed();
    }
    if (recoveryId) {
      const codeClaimed = await trx
        .updateTable('totp_recovery_codes')
        .set({ used_at: now })
        .where('id', '=', recoveryId)
        .where('used_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!codeClaimed) throw totpFailed();
    }
    const set: Record<string, unknown> = { failed_logins: 0, locked_until: null, last_login_at: now };
    let recoveryCodes: string[] | undefined;
    if (enrolling) {
      set.totp_secret = crypto.seal(secret!);
      set.totp_enabled_at = now;
      recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);
      await trx.deleteFrom('totp_recovery_codes').where('user_id', '=', u.id).execute();
      await trx
        .insertInto('totp_recovery_codes')
        .values(recoveryCodes.map((rc) => ({ user_id: u.id, code_hash: crypto.recoveryHash(normalizeRecovery(rc)) })))
        .execute();
    }
    await trx.updateTable('users').set(set).where('id', '=', u.id).execute();
    const roles = await trx.selectFrom('user_roles').select('role').where('user_id', '=', u.id).execute();
    const sessionToken = await createSession(trx, u.id, now, meta.ip, meta.userAgent);
    if (enrolling) await audit(trx, 'auth.totp_enrol', 'success');
    await appendAudit(trx, {
      at: now,
      actorId: u.id,
      actorName: u.username,
      role: roles.map((r) => r.role).join(','),
      ip: meta.ip,
      action: 'auth.login',
      objectType: 'user',
      objectId: u.id,
      result: 'success',
      requestId: meta.requestId,
      detail: { secondFactor: recoveryId ? 'recovery_code' : 'totp' },
    });
    return { token: sessionToken, userId: u.id, recoveryCodes };
  });
}

/** Clears an account's second factor (CLI, lost authenticator): the next login enrols again. */
export async function resetSecondFactor(db: Db, userId: number): Promise<void> {
  await db.updateTable('users').set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null }).where('id', '=', userId).execute();
  await db.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
}

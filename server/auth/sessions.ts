// Server-side sessions (SECURITY.md 5, 8, 10): a random 256-bit token in the cookie, only its
// sha-256 in the database; idle and absolute timeouts; revocation on logout, disable,
// role change and password change.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/engine.js';
import type { Role } from '../../domain/permissions.js';
import type { TSettings } from '../../domain/security/settings.js';
import type { Actor } from './actor.js';

export const SESSION_COOKIE = 'zg_session';
// last_seen_at is written at most this often, so reads don't each cost a write.
const TOUCH_EVERY_MS = 30_000;

export const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: number, now: Date, ip: string | null, userAgent: string | null): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({ id: tokenId(token), user_id: userId, created_at: now, last_seen_at: now, ip, user_agent: userAgent?.slice(0, 300) ?? null })
    .execute();
  return token;
}

export async function loadSession(db: Db, token: string, now: Date, s: TSettings): Promise<Actor | null> {
  const id = tokenId(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select([
      's.id',
      's.created_at',
      's.last_seen_at',
      's.revoked_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'u.disabled',
      'u.org_id',
      'u.password_changed_at',
      'o.path',
      // roles in the same round trip: this runs on every request
      sql<string[]>`array(select role from user_roles r where r.user_id = u.id order by role)`.as('roles'),
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row || row.revoked_at || row.disabled) return null;
  const idleMs = now.getTime() - new Date(row.last_seen_at).getTime();
  const ageMs = now.getTime() - new Date(row.created_at).getTime();
  if (idleMs > s.sessionIdleMinutes * 60_000 || ageMs > s.sessionAbsoluteHours * 3_600_000) {
    await db.updateTable('sessions').set({ revoked_at: now }).where('id', '=', id).execute();
    return null;
  }
  if (idleMs > TOUCH_EVERY_MS) await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  const pwAgeMs = now.getTime() - new Date(row.password_changed_at).getTime();
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles as Role[],
    orgId: row.org_id,
    scopePath: row.path,
    sessionId: id,
    mustChangePassword: pwAgeMs > s.passwordMaxAgeDays * 86_400_000,
  };
}

export async function revokeSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
}

/** Ends every live session of a user, optionally keeping one (the one that changed the password). */
export async function revokeUserSessions(db: Db, userId: number, now: Date, keep?: string): Promise<void> {
  let q = db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (keep) q = q.where('id', '!=', keep);
  await q.execute();
}

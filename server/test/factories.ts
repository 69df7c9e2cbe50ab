// Test factories (STYLE.md, after Outline's server/test/factories.ts): an organization, a member, a
// user holding one role, and the audit row a test expects. Organizations and members go through
// their modules' one writer, so paths, child counts, history and statistics are what the app makes.
import { expect } from 'vitest';
import type { Selectable } from 'kysely';
import type { Db } from '../db/engine.js';
import type { AuditLogTable } from '../db/types.js';
import type { Actor } from '../auth/actor.js';
import type { Role } from '../../domain/permissions.js';
import type { OrgKind, UnitType } from '../../domain/org-kinds.js';
import { hashPassword } from '../auth/password.js';
import { IdCrypto } from '../crypto/id-crypto.js';
import { createOrg } from '../modules/orgs/org-changes.js';
import type { OrgRow } from '../modules/orgs/queries.js';
import { insertMember, type NewMember } from '../modules/members/insert-member.js';
import { TEST_KEYS } from './test-app.js';

let serial = 0;
const next = () => ++serial;

/**
 * The writers want an actor for their history rows; set-up has none, so the rows carry no actor id,
 * like records written by the demo generator.
 */
const SETUP_ACTOR = { userId: null } as unknown as Actor;

export interface OrgOptions {
  parentId: number;
  kind?: OrgKind;
  name?: string;
  unitType?: UnitType;
  establishedOn?: string;
  now?: Date;
}

/** An organization under parentId (a branch unless told), created as POST /api/orgs creates one. */
export async function buildOrg(db: Db, o: OrgOptions): Promise<OrgRow> {
  const now = o.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const parent = await trx.selectFrom('orgs').selectAll().where('id', '=', o.parentId).executeTakeFirstOrThrow();
    const n = next();
    return createOrg(
      trx,
      SETUP_ACTOR,
      parent,
      {
        parentId: o.parentId,
        kind: o.kind ?? 'branch',
        name: o.name ?? `测试第${n}党支部`,
        unitType: o.unitType,
        establishedOn: o.establishedOn ?? '2020-01-01',
      },
      now,
    );
  });
}

export type MemberOptions = Partial<NewMember> & { orgId: number; now?: Date; crypto?: IdCrypto };

/** A full member of orgId (a probationary one with category), through the one member writer. */
export async function buildMember(db: Db, o: MemberOptions): Promise<{ id: number; orgId: number; name: string }> {
  const { orgId, now = new Date(), crypto = new IdCrypto(TEST_KEYS), ...fields } = o;
  const m: NewMember = {
    org_id: orgId,
    name: fields.name ?? `测试党员${next()}`,
    gender: '男',
    category: 'full',
    admitted_on: '2015-07-01',
    full_on: fields.category === 'probationary' ? null : '2016-07-01',
    ...fields,
  };
  const id = await db.transaction().execute((trx) => insertMember(trx, crypto, null, m, now));
  return { id, orgId, name: m.name };
}

export interface UserOptions {
  role: Role;
  orgId: number;
  username?: string;
  password?: string;
  displayName?: string;
  now?: Date;
}

export interface BuiltUser {
  id: number;
  username: string;
  /** The clear password, for t.login(username, password). */
  password: string;
}

// argon2id is slow on purpose: one hash per password for the whole test file.
const hashes = new Map<string, Promise<string>>();
const hashOf = (pw: string) => {
  if (!hashes.has(pw)) hashes.set(pw, hashPassword(pw));
  return hashes.get(pw)!;
};

/** An account holding exactly one role at orgId, ready to log in. */
export async function buildUserWithRole(db: Db, o: UserOptions): Promise<BuiltUser> {
  const username = o.username ?? `${o.role.replace(/_/g, '-')}-${next()}`;
  const password = o.password ?? 'Factory#2026x';
  const now = o.now ?? new Date();
  const hash = await hashOf(password);
  const id = await db.transaction().execute(async (trx) => {
    const u = await trx
      .insertInto('users')
      .values({ username, display_name: o.displayName ?? username, org_id: o.orgId, password_hash: hash, password_changed_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('user_roles').values({ user_id: u.id, role: o.role }).execute();
    await trx.insertInto('password_history').values({ user_id: u.id, password_hash: hash, created_at: now }).execute();
    return u.id;
  });
  return { id, username, password };
}

export interface AuditExpectation {
  action: string;
  result: 'success' | 'failure' | 'denied';
  objectType?: string;
  objectId?: string | number;
  actorName?: string;
}

/** Asserts that an audit row matches and returns the latest such row. */
export async function expectAuditRow(db: Db, e: AuditExpectation): Promise<Selectable<AuditLogTable>> {
  let q = db.selectFrom('audit_log').selectAll().where('action', '=', e.action).where('result', '=', e.result);
  if (e.objectType !== undefined) q = q.where('object_type', '=', e.objectType);
  if (e.objectId !== undefined) q = q.where('object_id', '=', String(e.objectId));
  if (e.actorName !== undefined) q = q.where('actor_name', '=', e.actorName);
  const row = await q.orderBy('seq', 'desc').limit(1).executeTakeFirst();
  expect(row, `an audit row ${JSON.stringify(e)}`).toBeDefined();
  return row!;
}

// The one writer of an existing member record. Every change of a member row (an editor's
// correction, a status change, a transfer, 转正 or a cancelled probation) and every fact kept in a
// member's history without changing the row (an extended probation, a dues base) goes through
// changeMember: the row and its member_history entry are written together, in the caller's
// transaction, with the same actor and time. Rows enter through insert-member.ts.
import { sql, type Updateable } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Actor, Clock } from '../../auth/actor.js';
import type { MembersTable } from '../../db/types.js';
import { conflict, notFound } from '../../errors.js';
import { pinyinInitials, pinyinSortKey } from '../orgs/pinyin.js';

/** The columns a change may set: org_path follows org_id (trigger), the name's keys follow the name. */
export type MemberSet = Omit<
  Updateable<MembersTable>,
  'id' | 'org_path' | 'edu_highest' | 'name_initials' | 'sort_key' | 'version' | 'created_at' | 'updated_at'
>;

/** Who writes and when: a Ctx bound to the transaction (context.ts inTrx) is one. */
export interface MemberWriter {
  db: Db;
  actor: Pick<Actor, 'userId'> | null;
  clock: Clock;
}

/** A writer for a service that still passes the transaction, the actor and the time one by one. */
export const writerOf = (db: Db, actorId: number | null, now: Date): MemberWriter => ({
  db,
  actor: actorId === null ? null : { userId: actorId },
  clock: { now: () => now },
});

export interface MemberChange {
  /** What happened, as the history names it: 'update', 'transfer', 'status.leave', 'full', 'dues.base'... */
  action: string;
  /** The columns to set; none: the history entry only. */
  set?: MemberSet;
  /** The version the caller read: 409 when someone changed the record since (an editor's form). */
  version?: number;
  /** Facts kept in the history beside the columns (the letter, the event, the dues base). */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown>;
}

export const STALE_MEMBER = '该党员信息已被他人修改，请刷新后再编辑';

// Derived keys and secrets stay out of the history: id_masked is what it shows of a number.
const HIDDEN = new Set(['name_initials', 'sort_key', 'id_cipher', 'id_hash']);
const shown = (row: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(row)
      .filter(([k]) => !HIDDEN.has(k))
      .map(([k, v]) => [k, v ?? null]),
  );
const json = (v: Record<string, unknown> | null) => (v === null ? null : JSON.stringify(v));

/** Changes a member and writes its history entry; returns the columns as they were (empty when none were set). */
export async function changeMember(w: MemberWriter, memberId: number, change: MemberChange): Promise<Record<string, unknown>> {
  const now = w.clock.now();
  const set: Record<string, unknown> = { ...change.set };
  if (typeof set.name === 'string') Object.assign(set, { name_initials: pinyinInitials(set.name), sort_key: pinyinSortKey(set.name) });
  const cols = Object.keys(set) as (keyof MembersTable)[];
  let was: Record<string, unknown> = {};
  if (cols.length) {
    // Locked and re-read: the history's "before" is what this change replaced.
    const cur = await w.db.selectFrom('members').select(cols).where('id', '=', memberId).forUpdate().executeTakeFirst();
    if (!cur) throw notFound('党员');
    was = cur;
    let q = w.db
      .updateTable('members')
      .set({ ...set, version: sql`version + 1`, updated_at: now })
      .where('id', '=', memberId);
    if (change.version !== undefined) q = q.where('version', '=', change.version);
    if (!(await q.returning('id').executeTakeFirst())) throw conflict(STALE_MEMBER, 'version');
  }
  const before = cols.length || change.before ? { ...shown(was), ...change.before } : null;
  await w.db
    .insertInto('member_history')
    .values({
      member_id: memberId,
      action: change.action,
      actor_id: w.actor?.userId ?? null,
      at: now,
      before: json(before),
      after: json({ ...shown(set), ...change.after }),
    })
    .execute();
  return was;
}

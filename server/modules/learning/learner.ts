// Who is learning: the Party member record behind a `member` account, or behind a `cadre` account the
// cadre's member record (so a cadre who is a member has one archive) and, for a cadre who is not a
// member, the cadre's file; for plans and online study also an activist (入党积极分子) whose account
// stands for their development record (users.dev_person_id). Every learning module asks here; none
// reads users.member_id by itself.
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { AppError } from '../../errors.js';

export interface Learner {
  memberId: number | null;
  cadreId: number | null;
  /** An activist's development record (plans and online study only; quizzes, classes and the archive know members and cadres). */
  devPersonId?: number | null;
  /** The learner's organization path (a member's branch, a non-member cadre's managing organization). */
  orgPath: string;
  name: string;
}

/** The learner behind the signed-in account, or null when the account is neither a member nor a cadre. */
export async function learnerOfActor(ctx: Ctx): Promise<Learner | null> {
  const r = await sql<{ member_id: number | null; cadre_id: number | null; org_path: string; name: string }>`
    select m.id as member_id, null::bigint as cadre_id, m.org_path::text as org_path, m.name
      from users u join members m on m.id = u.member_id where u.id = ${ctx.actor.userId}
    union all
    select c.member_id, case when c.member_id is null then c.id end, coalesce(m.org_path, c.manager_path)::text, c.name
      from cadres c left join members m on m.id = c.member_id where c.user_id = ${ctx.actor.userId}
    limit 1`.execute(ctx.db);
  const row = r.rows[0];
  if (!row) return null;
  return { memberId: row.member_id, cadreId: row.cadre_id, orgPath: row.org_path, name: row.name };
}

/**
 * The learner of plans and online study: a member or cadre as above, else the activist (status 'activist'
 * in the development pipeline) the account stands for.
 */
export async function studyLearnerOfActor(ctx: Ctx): Promise<Learner | null> {
  const l = await learnerOfActor(ctx);
  if (l) return { ...l, devPersonId: null };
  const r = await sql<{ id: number; org_path: string; name: string }>`
    select d.id, d.org_path::text as org_path, d.name from users u join dev_people d on d.id = u.dev_person_id
     where u.id = ${ctx.actor.userId} and d.status = 'activist'`.execute(ctx.db);
  const d = r.rows[0];
  return d ? { memberId: null, cadreId: null, devPersonId: Number(d.id), orgPath: d.org_path, name: d.name } : null;
}

/** A learner's key columns: exactly one is set (the ledger's check). */
export function learnerCols(l: Pick<Learner, 'memberId' | 'cadreId' | 'devPersonId'>): {
  member_id: number | null;
  cadre_id: number | null;
  dev_person_id: number | null;
} {
  return { member_id: l.memberId, cadre_id: l.cadreId, dev_person_id: l.devPersonId ?? null };
}

/** The one key column set for this learner and its value. */
export function learnerKeyCol(
  l: Pick<Learner, 'memberId' | 'cadreId' | 'devPersonId'>,
): ['member_id' | 'cadre_id' | 'dev_person_id', number] {
  if (l.memberId != null) return ['member_id', l.memberId];
  if (l.cadreId != null) return ['cadre_id', l.cadreId];
  return ['dev_person_id', l.devPersonId!];
}

/**
 * The same, refusing an account that has no learner record behind it: 404 with the reason, as a missing
 * record (the role holds the action; like /api/dues/me for an account without a member record).
 */
export async function requireLearner(ctx: Ctx): Promise<Learner> {
  const l = await learnerOfActor(ctx);
  if (!l) throw new AppError('NO_LEARNER', '此账号未关联党员或干部档案，无法记录学习', 404);
  return l;
}

/** The learner key columns of a learning table row for this learner. */
export function learnerKey(l: Learner): { member_id: number | null; cadre_id: number | null } {
  return { member_id: l.memberId, cadre_id: l.cadreId };
}

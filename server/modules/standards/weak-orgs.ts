// 软弱涣散 organizations: named by a higher organization with reasons from the usual list, rectified by
// tasks whose progress the organization itself reports, and accepted (整改销号) by the higher level
// once every task is done. Suggestions come from the data, each with the fact behind it.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Trx } from '../../audit/audit-log.js';
import type { Actor } from '../../auth/actor.js';
import type { Ctx } from '../../context.js';
import { can } from '../../../domain/permissions.js';
import { acceptanceBlocker, rectificationSummary, type RectificationTaskState, type WeakReason } from '../../../domain/rules/standards.js';
import type { TRectTaskCreate, TWeakOrgCreate } from '../../../domain/schemas/standards.js';
import { conflict, invalid } from '../../errors.js';
import { isStrictlyHigher } from '../../scope/paths.js';
import { requireHigherLevel } from './access.js';
import { scopeSql } from '../../scope/access.js';

/** Organizations that can be named: the grassroots ones, not the city's or a district's committee. */
const NAMEABLE = ['township_committee', 'party_committee', 'general_branch', 'branch', 'joint_branch', 'temporary_branch'];

export function weakRows(db: Db | Trx) {
  return db
    .selectFrom('weak_orgs as w')
    .innerJoin('orgs as o', 'o.id', 'w.org_id')
    .leftJoin('orgs as p', 'p.id', 'o.parent_id')
    .selectAll('w')
    .select([
      'o.name as org_name',
      sql<string>`o.path::text`.as('org_path'),
      'p.name as parent_name',
      sql<string | null>`(select name from orgs i where i.id = w.identified_org_id)`.as('identified_org_name'),
      sql<string | null>`(select display_name from users u where u.id = w.accepted_by)`.as('accepted_by_name'),
    ]);
}
export type WeakRow = NonNullable<Awaited<ReturnType<ReturnType<typeof weakRows>['executeTakeFirst']>>>;
export const findWeak = (db: Db | Trx, id: number) => weakRows(db).where('w.id', '=', id).executeTakeFirst();

function tasksOf(db: Db | Trx, weakIds: number[]) {
  return db.selectFrom('rectification_tasks').selectAll().where('weak_org_id', 'in', weakIds).orderBy('due_on').orderBy('id').execute();
}
type TaskRow = Awaited<ReturnType<typeof tasksOf>>[number];
const state = (t: TaskRow): RectificationTaskState => ({ progress: t.progress, status: t.status, dueOn: t.due_on });

function presentWeak(w: WeakRow, tasks: TaskRow[], actor: Actor, today: string) {
  const states = tasks.map(state);
  const open = w.status === 'rectifying';
  return {
    id: w.id,
    orgId: w.org_id,
    orgName: w.org_name,
    parentName: w.parent_name,
    year: w.year,
    reasons: w.reasons as WeakReason[],
    note: w.note,
    identifiedOn: w.identified_on,
    identifiedOrgName: w.identified_org_name,
    status: w.status,
    rectifiedOn: w.rectified_on,
    acceptedBy: w.accepted_by_name,
    ...rectificationSummary(states, today),
    canAccept: open && can(actor.roles, 'standard.review') && isStrictlyHigher(actor, w.org_path) && acceptanceBlocker(states) === null,
    canUpdate: open && can(actor.roles, 'standard.write'),
  };
}

export async function weakList(
  db: Db,
  actor: Actor,
  path: string,
  f: { year?: number; status?: 'rectifying' | 'rectified' },
  today: string,
) {
  let q = weakRows(db).where(scopeSql('o.path', path));
  if (f.year) q = q.where('w.year', '=', f.year);
  if (f.status) q = q.where('w.status', '=', f.status);
  const rows = await q.orderBy('w.year', 'desc').orderBy('p.sort_key').orderBy('o.sort_key').orderBy('w.id').limit(1000).execute();
  const tasks = rows.length
    ? await tasksOf(
        db,
        rows.map((r) => r.id),
      )
    : [];
  return {
    items: rows.map((w) =>
      presentWeak(
        w,
        tasks.filter((t) => t.weak_org_id === w.id),
        actor,
        today,
      ),
    ),
  };
}

export async function weakDetail(db: Db | Trx, actor: Actor, w: WeakRow, today: string) {
  const tasks = await tasksOf(db, [w.id]);
  return {
    ...presentWeak(w, tasks, actor, today),
    items: tasks.map((t) => ({
      id: t.id,
      title: t.title,
      measure: t.measure,
      owner: t.owner,
      dueOn: t.due_on,
      progress: t.progress,
      status: t.status,
      doneOn: t.done_on,
      note: t.note,
      updatedAt: new Date(t.updated_at).toISOString(),
      overdue: t.status === 'open' && t.due_on < today,
    })),
  };
}

/** In the caller's audited transaction (ctx bound with inTrx). */
export async function nameWeakOrg(ctx: Ctx, org: { id: number; kind: string; path: string }, body: TWeakOrgCreate): Promise<number> {
  const { actor } = ctx;
  const trx = ctx.db as Trx;
  const today = ctx.today();
  requireHigherLevel(ctx, org.path, '认定软弱涣散党组织');
  if (!NAMEABLE.includes(org.kind)) throw invalid('只能认定基层党组织为软弱涣散党组织', 'orgId');
  if (body.year > Number(today.slice(0, 4))) throw invalid(`不能认定 ${body.year} 年度`, 'year');
  const row = await trx
    .insertInto('weak_orgs')
    .values({
      org_id: org.id,
      year: body.year,
      reasons: [...new Set(body.reasons)],
      note: body.note || null,
      identified_on: today,
      identified_by: actor.userId,
      identified_org_id: actor.orgId,
    })
    .onConflict((oc) => oc.columns(['org_id', 'year']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) throw conflict(`该组织已被列为 ${body.year} 年度软弱涣散党组织`, 'orgId');
  return row.id;
}

function requireOpen(w: { status: string }): void {
  if (w.status !== 'rectifying') throw conflict('该组织已整改销号，整改任务不能再变更', 'status');
}

export async function addRectTask(trx: Trx, w: WeakRow, body: TRectTaskCreate): Promise<number> {
  requireOpen(w);
  const row = await trx
    .insertInto('rectification_tasks')
    .values({
      weak_org_id: w.id,
      org_id: w.org_id,
      title: body.title,
      measure: body.measure || null,
      owner: body.owner,
      due_on: body.dueOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function taskRow(db: Db | Trx, id: number) {
  return db
    .selectFrom('rectification_tasks as t')
    .innerJoin('weak_orgs as w', 'w.id', 't.weak_org_id')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .select(['t.id', 't.weak_org_id', 't.progress', 't.status', 'w.status as weak_status', sql<string>`o.path::text`.as('org_path')])
    .where('t.id', '=', id)
    .executeTakeFirst();
}

/** The organization reports progress; 100 % marks the task done on that day, less reopens it. */
export async function updateRectTask(
  trx: Trx,
  t: { id: number; weak_status: string },
  progress: number,
  note: string | undefined,
  today: string,
  now: Date,
) {
  requireOpen({ status: t.weak_status });
  const done = progress === 100;
  await trx
    .updateTable('rectification_tasks')
    .set({
      progress,
      status: done ? 'done' : 'open',
      done_on: done ? today : null,
      updated_at: now,
      ...(note !== undefined ? { note: note || null } : {}),
    })
    .where('id', '=', t.id)
    .execute();
  return { progress, done };
}

/** In the caller's audited transaction (ctx bound with inTrx). */
export async function acceptWeak(ctx: Ctx, w: WeakRow): Promise<void> {
  const { actor } = ctx;
  const trx = ctx.db as Trx;
  const today = ctx.today();
  requireHigherLevel(ctx, w.org_path, '整改销号');
  requireOpen(w);
  const blocker = acceptanceBlocker((await tasksOf(trx, [w.id])).map(state));
  if (blocker) throw conflict(blocker, 'tasks');
  await trx
    .updateTable('weak_orgs')
    .set({ status: 'rectified', rectified_on: today, accepted_by: actor.userId })
    .where('id', '=', w.id)
    .execute();
}

// Joint Party-building + business tasks: reading a board, creating and editing a task, moving it
// through its stages with an update log, and recording its check. Lateness is computed, never stored.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Trx } from '../../audit/audit-log.js';
import type { Actor } from '../../auth/actor.js';
import type { Ctx } from '../../context.js';
import { scopeSql } from '../../scope/access.js';
import { can } from '../../../domain/permissions.js';
import {
  CHECK_RESULT_LABELS,
  checkError,
  isOverdue,
  progressAfter,
  stageMoveError,
  type JointStage,
} from '../../../domain/rules/joint-tasks.js';
import type {
  TJointTaskCheck,
  TJointTaskCreate,
  TJointTaskEdit,
  TJointTaskListQuery,
  TJointTaskUpdate,
} from '../../../domain/schemas/joint-tasks.js';
import { conflict, invalid } from '../../errors.js';

const LIMIT = 2000;

export function taskRows(db: Db | Trx) {
  return db
    .selectFrom('joint_tasks as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .selectAll('t')
    .select([
      'o.name as org_name',
      sql<string>`o.path::text`.as('org_path'),
      sql<string | null>`(select name from orgs c where c.id = t.checked_org_id)`.as('checked_org_name'),
    ]);
}
export type TaskRow = NonNullable<Awaited<ReturnType<ReturnType<typeof taskRows>['executeTakeFirst']>>>;
export const findTask = (db: Db | Trx, id: number) => taskRows(db).where('t.id', '=', id).executeTakeFirst();

export function presentTask(t: TaskRow, actor: Actor, today: string) {
  return {
    id: t.id,
    orgId: t.org_id,
    orgName: t.org_name,
    year: t.year,
    title: t.title,
    partySide: t.party_side,
    businessSide: t.business_side,
    partyOwner: t.party_owner,
    businessOwner: t.business_owner,
    startOn: t.start_on,
    dueOn: t.due_on,
    stage: t.stage,
    progress: t.progress,
    overdue: isOverdue({ stage: t.stage, dueOn: t.due_on }, today),
    checkResult: t.check_result,
    checkNote: t.check_note,
    checkedOn: t.checked_on,
    checkedOrgName: t.checked_org_name,
    updatedAt: new Date(t.updated_at).toISOString(),
    version: t.version,
    // The organization itself or a higher one checks (it is in the actor's scope already).
    canCheck: can(actor.roles, 'task.check') && checkError(t.stage) === null,
  };
}

/** The board of a subtree (or of one organization): tasks filtered by year, stage and lateness, counts by stage. */
export async function taskBoard(ctx: Ctx, org: { id: number; path: string }, f: TJointTaskListQuery) {
  const { db, actor } = ctx;
  const today = ctx.today();
  let q = taskRows(db);
  q = f.subtree ? q.where(scopeSql('o.path', org.path)) : q.where('t.org_id', '=', org.id);
  if (f.year) q = q.where('t.year', '=', f.year);
  const rows = await q.orderBy('t.due_on').orderBy('t.id').execute();
  const counts = { planned: 0, deployed: 0, in_progress: 0, done: 0, checked: 0, overdue: 0 };
  const hits: TaskRow[] = [];
  for (const t of rows) {
    const late = isOverdue({ stage: t.stage, dueOn: t.due_on }, today);
    counts[t.stage]++;
    if (late) counts.overdue++;
    if ((!f.stage || t.stage === f.stage) && (f.overdue === undefined || late === f.overdue)) hits.push(t);
  }
  return { items: hits.slice(0, LIMIT).map((t) => presentTask(t, actor, today)), counts, truncated: hits.length > LIMIT };
}

export async function taskUpdates(db: Db, id: number) {
  const rows = await db.selectFrom('joint_task_updates').selectAll().where('task_id', '=', id).orderBy('id', 'desc').limit(500).execute();
  return rows.map((u) => ({
    id: u.id,
    at: new Date(u.at).toISOString(),
    stage: u.stage as JointStage,
    progress: u.progress,
    note: u.note,
    actorName: u.actor_name,
  }));
}

const logUpdate = (trx: Trx, taskId: number, actor: Actor, stage: JointStage, progress: number, note: string | null, now: Date) =>
  trx
    .insertInto('joint_task_updates')
    .values({ task_id: taskId, at: now, stage, progress, note, actor_id: actor.userId, actor_name: actor.displayName })
    .execute();

function requireVersion(t: { version: number }, version: number): void {
  if (t.version !== version) throw conflict('该任务已被他人修改，请刷新后重试', 'version');
}

/** Writes run in the caller's audited transaction: ctx bound to it with inTrx. */
const writing = (ctx: Ctx) => ({ trx: ctx.db as Trx, actor: ctx.actor, now: ctx.clock.now() });

export async function createTask(ctx: Ctx, body: TJointTaskCreate): Promise<number> {
  const { trx, actor, now } = writing(ctx);
  const thisYear = Number(ctx.today().slice(0, 4));
  if (body.year > thisYear + 1) throw invalid(`只能安排到 ${thisYear + 1} 年度`, 'year');
  const row = await trx
    .insertInto('joint_tasks')
    .values({
      org_id: body.orgId,
      year: body.year,
      title: body.title,
      party_side: body.partySide,
      business_side: body.businessSide,
      party_owner: body.partyOwner,
      business_owner: body.businessOwner,
      start_on: body.startOn ?? null,
      due_on: body.dueOn,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await logUpdate(trx, row.id, actor, 'planned', 0, '谋划：新建任务', now);
  return row.id;
}

export async function editTask(ctx: Ctx, t: TaskRow, body: TJointTaskEdit): Promise<string[]> {
  const { trx, now } = writing(ctx);
  if (t.stage === 'checked') throw conflict('任务已检查，不能再修改', 'stage');
  requireVersion(t, body.version);
  const startOn = body.startOn ?? t.start_on;
  const dueOn = body.dueOn ?? t.due_on;
  if (startOn && startOn > dueOn) throw invalid('开始日期不能晚于完成期限', 'dueOn');
  const set = {
    title: body.title,
    party_side: body.partySide,
    business_side: body.businessSide,
    party_owner: body.partyOwner,
    business_owner: body.businessOwner,
    start_on: body.startOn,
    due_on: body.dueOn,
  };
  const changed = Object.entries(set)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
  await trx
    .updateTable('joint_tasks')
    .set({ ...set, updated_at: now, version: t.version + 1 })
    .where('id', '=', t.id)
    .execute();
  return changed;
}

/** A progress report, optionally with a stage move (forward one step, or back with a note). */
export async function reportProgress(ctx: Ctx, t: TaskRow, body: TJointTaskUpdate) {
  const { trx, actor, now } = writing(ctx);
  requireVersion(t, body.version);
  const to = body.stage ?? t.stage;
  const err = stageMoveError({ from: t.stage, to, note: body.note });
  if (err) throw invalid(err, 'stage');
  const progress = progressAfter(to, body.progress);
  await trx
    .updateTable('joint_tasks')
    .set({ stage: to, progress, updated_at: now, version: t.version + 1 })
    .where('id', '=', t.id)
    .execute();
  await logUpdate(trx, t.id, actor, to, progress, body.note || null, now);
  return { from: t.stage, to, progress };
}

/** The check result, by the organization itself or a higher one (scope already checked): the task enters 检查. */
export async function checkTask(ctx: Ctx, t: TaskRow, body: TJointTaskCheck) {
  const { trx, actor, now } = writing(ctx);
  const today = ctx.today();
  const err = checkError(t.stage);
  if (err) throw invalid(err, 'stage');
  requireVersion(t, body.version);
  await trx
    .updateTable('joint_tasks')
    .set({
      stage: 'checked',
      progress: 100,
      check_result: body.result,
      check_note: body.note || null,
      checked_by: actor.userId,
      checked_org_id: actor.orgId,
      checked_on: today,
      updated_at: now,
      version: t.version + 1,
    })
    .where('id', '=', t.id)
    .execute();
  await logUpdate(
    trx,
    t.id,
    actor,
    'checked',
    100,
    `检查结果：${CHECK_RESULT_LABELS[body.result].zh}${body.note ? `；${body.note}` : ''}`,
    now,
  );
  return { result: body.result };
}

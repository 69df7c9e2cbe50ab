// The young-cadre pool (优秀年轻干部库, issue 13 point 7): entry by nomination with the criteria checked
// (domain/rules/cadre-pool.ts), training and rotation plans (挂职, 轮岗, 培训), tracking notes, leaving with a
// coded reason. Scope is checked by the routes (the cadre or the pool entry) before a transaction opens.
import { POOL_CRITERIA_DEFAULT, poolEligible } from '../../../domain/rules/cadre-pool.js';
import { isCadreLevel } from '../../../domain/rules/cadre-levels.js';
import type { TPoolEnter, TPoolEntry, TPoolLeave, TPoolNoteIn, TPoolPlanIn } from '../../../domain/schemas/cadre-supervision.js';
import type { Trx } from '../../audit/audit-log.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/engine.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { scopeSql } from '../../scope/access.js';
import { cadreRecordOf } from '../cadre-selections/eligibility.js';

export const poolQuery = (db: Db) =>
  db
    .selectFrom('cadre_pool_entries as p')
    .innerJoin('cadres as c', 'c.id', 'p.cadre_id')
    .select([
      'p.id',
      'p.cadre_id',
      'c.name',
      'c.sex',
      'c.current_title',
      'c.level',
      'c.birth',
      'p.entered_on',
      'p.nominated_by',
      'p.source',
      'p.eligible',
      'p.findings',
      'p.criteria_version',
      'p.left_on',
      'p.leave_kind',
      'p.leave_reason',
    ]);
type PoolRow = Awaited<ReturnType<ReturnType<typeof poolQuery>['execute']>>[number];

/** The entries with their plans and notes (two queries for the whole list). */
export async function presentPool(db: Db, rows: PoolRow[]): Promise<TPoolEntry[]> {
  const ids = rows.map((r) => r.id);
  const [plans, notes] = ids.length
    ? await Promise.all([
        db.selectFrom('cadre_pool_plans').selectAll().where('entry_id', 'in', ids).orderBy('starts_on').orderBy('id').execute(),
        db.selectFrom('cadre_pool_notes').selectAll().where('entry_id', 'in', ids).orderBy('noted_on').orderBy('id').execute(),
      ])
    : [[], []];
  return rows.map((p) => ({
    id: p.id,
    cadreId: p.cadre_id,
    name: p.name,
    title: p.current_title,
    level: p.level,
    birth: p.birth,
    enteredOn: p.entered_on,
    nominatedBy: p.nominated_by,
    source: p.source,
    eligible: p.eligible,
    findings: Array.isArray(p.findings) ? p.findings.map(String) : [],
    criteriaVersion: p.criteria_version,
    leftOn: p.left_on,
    leaveKind: p.leave_kind as TPoolEntry['leaveKind'],
    leaveReason: p.leave_reason,
    plans: plans
      .filter((x) => x.entry_id === p.id)
      .map((x) => ({
        id: x.id,
        kind: x.kind as TPoolEntry['plans'][number]['kind'],
        place: x.place,
        startsOn: x.starts_on,
        endsOn: x.ends_on,
        note: x.note,
      })),
    notes: notes.filter((x) => x.entry_id === p.id).map((x) => ({ id: x.id, notedOn: x.noted_on, text: x.text })),
  }));
}

/** The pool under a subtree: those in it (or also those who left); `ids` narrows to some entries. */
export async function listPool(db: Db, path: string, all: boolean, ids?: number[]): Promise<TPoolEntry[]> {
  let q = poolQuery(db).where(scopeSql('c.manager_path', path));
  if (!all) q = q.where('p.left_on', 'is', null);
  if (ids) q = q.where('p.id', 'in', ids.length ? ids : [0]);
  return presentPool(db, await q.orderBy('p.entered_on', 'desc').orderBy('p.id', 'desc').execute());
}

/** What keeps a cadre out of the pool on a date (poolEligible on their file); empty when they meet every criterion. */
export async function poolFindings(
  db: Db,
  cadreId: number,
  c: { birth: string | null; level: string | null },
  onDate: string,
): Promise<string[]> {
  const findings: string[] = [];
  if (!c.birth) findings.push('出生年月未填写，无法核对年龄条件');
  if (!c.level || !isCadreLevel(c.level)) findings.push('现任职级未填写，无法核对年龄条件');
  if (c.birth && c.level && isCadreLevel(c.level)) {
    const record = await cadreRecordOf(db, cadreId, 0, onDate);
    try {
      findings.push(
        ...poolEligible({ birth: c.birth, level: c.level, grades: record.grades, sanctions: record.sanctions }, onDate).reasons,
      );
    } catch {
      findings.push('出生年月无效或晚于入库日期，无法核对年龄条件');
    }
  }
  return findings;
}

/** Enters the pool: the criteria (poolEligible) are checked on the entry date and their findings kept with the entry. */
export async function enterPool(
  ctx: Ctx,
  trx: Trx,
  cadreId: number,
  e: TPoolEnter,
): Promise<{ id: number; eligible: boolean; findings: string[] }> {
  const c = await trx.selectFrom('cadres').select(['birth', 'level']).where('id', '=', cadreId).executeTakeFirst();
  if (!c) throw notFound('干部');
  const open = await trx
    .selectFrom('cadre_pool_entries')
    .select('id')
    .where('cadre_id', '=', cadreId)
    .where('left_on', 'is', null)
    .executeTakeFirst();
  if (open) throw conflict('该干部已在优秀年轻干部库中');
  const findings = await poolFindings(trx, cadreId, c, e.enteredOn);
  const row = await trx
    .insertInto('cadre_pool_entries')
    .values({
      cadre_id: cadreId,
      entered_on: e.enteredOn,
      nominated_by: e.nominatedBy,
      source: e.source,
      eligible: findings.length === 0,
      findings: JSON.stringify(findings),
      criteria_version: POOL_CRITERIA_DEFAULT.version,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, eligible: findings.length === 0, findings };
}

async function entryOf(trx: Trx, id: number) {
  const p = await trx
    .selectFrom('cadre_pool_entries')
    .select(['id', 'cadre_id', 'entered_on', 'left_on'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!p) throw notFound('优秀年轻干部库记录');
  return p;
}

export async function leavePool(trx: Trx, id: number, l: TPoolLeave): Promise<{ id: number; cadreId: number }> {
  const p = await entryOf(trx, id);
  if (p.left_on) throw conflict('该干部已调出优秀年轻干部库');
  if (l.leftOn < p.entered_on) throw invalid('调出日期早于入库日期', 'leftOn');
  await trx
    .updateTable('cadre_pool_entries')
    .set({ left_on: l.leftOn, leave_kind: l.kind, leave_reason: l.reason })
    .where('id', '=', id)
    .execute();
  return { id, cadreId: p.cadre_id };
}

/** A 挂职, 轮岗 or 培训 plan of an entry in the pool: it starts on or after the entry, and not after a leaving. */
export async function addPoolPlan(ctx: Ctx, trx: Trx, entryId: number, x: TPoolPlanIn): Promise<{ id: number; cadreId: number }> {
  const p = await entryOf(trx, entryId);
  if (p.left_on) throw conflict('该干部已调出优秀年轻干部库，不能再安排培养计划');
  if (x.startsOn < p.entered_on) throw invalid('开始日期早于入库日期', 'startsOn');
  if (x.endsOn && x.endsOn < x.startsOn) throw invalid('结束日期早于开始日期', 'endsOn');
  const row = await trx
    .insertInto('cadre_pool_plans')
    .values({
      entry_id: entryId,
      kind: x.kind,
      place: x.place,
      starts_on: x.startsOn,
      ends_on: x.endsOn,
      note: x.note,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, cadreId: p.cadre_id };
}

/** A tracking note (跟踪了解) of an entry, dated between the entry and the leaving. */
export async function addPoolNote(ctx: Ctx, trx: Trx, entryId: number, x: TPoolNoteIn): Promise<{ id: number; cadreId: number }> {
  const p = await entryOf(trx, entryId);
  if (x.notedOn < p.entered_on) throw invalid('记录日期早于入库日期', 'notedOn');
  if (p.left_on && x.notedOn > p.left_on) throw invalid('记录日期晚于调出日期', 'notedOn');
  const row = await trx
    .insertInto('cadre_pool_notes')
    .values({ entry_id: entryId, noted_on: x.notedOn, text: x.text, created_by: ctx.actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, cadreId: p.cadre_id };
}

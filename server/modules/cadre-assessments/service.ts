// The annual assessment's workflow on a Ctx: a unit is created with its people, graded (draft),
// submitted by the unit, then confirmed by the managing organization (the results go onto the cadre
// files) or returned with a reason. Scope is checked by the routes before a transaction opens.
import { sql } from 'kysely';
import type { TEntriesSave, TRaise, TUnitCreate, TUnitDetail, TUnitRow } from '../../../domain/schemas/cadre-assessments.js';
import { ZEntriesSaveSchema } from '../../../domain/schemas/cadre-assessments.js';
import type { Trx } from '../../audit/audit-log.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/engine.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import { allowedFor } from './eligibility.js';
import { publishToFile } from './publish.js';
import { inTrx } from '../../context.js';
import { findUnit, unitEntries, type UnitRow } from './queries.js';
import { quotaOf, submitBlock } from './quota.js';

const iso = (t: Date | string | null) => (t ? new Date(t).toISOString() : null);

export function presentRow(u: UnitRow): TUnitRow {
  return {
    id: u.id,
    year: u.year,
    name: u.name,
    managerOrgId: u.manager_org_id,
    managerOrgName: u.manager_org_name,
    cadreUnitId: u.cadre_unit_id,
    status: u.status,
    graded: u.graded ?? 0,
    quota: quotaOf(u.assessed ?? 0, u.excellent ?? 0, u.raised),
  };
}

/** A unit with its people, what each may be graded and why, its quota and whether it may be submitted. */
export async function unitDetail(db: Db, id: number): Promise<TUnitDetail> {
  const u = await findUnit(db, id);
  if (!u) throw notFound('考核单位');
  const rows = await unitEntries(db, id);
  const allowed = await allowedFor(
    db,
    u.year,
    rows.map((r) => ({ cadreId: r.cadre_id, newHireUntil: r.new_hire_until })),
  );
  const entries = rows.map((r) => {
    const a = allowed.get(r.cadre_id)!;
    return {
      cadreId: r.cadre_id,
      name: r.name,
      title: r.current_title,
      grade: r.grade as TUnitDetail['entries'][number]['grade'],
      comment: r.comment,
      newHireUntil: r.new_hire_until,
      allowedGrades: a.grades,
      commentsOnly: a.commentsOnly,
      reason: a.reason,
    };
  });
  const row = presentRow(u);
  const block = submitBlock(
    u.status,
    entries.map((e) => ({ name: e.name, grade: e.grade, comment: e.comment, allowed: allowed.get(e.cadreId)! })),
    row.quota,
  );
  return {
    ...row,
    version: u.version,
    raisedBy: u.raised_by,
    raisedDoc: u.raised_doc,
    raisedOn: u.raised_on,
    returnReason: u.return_reason,
    submittedAt: iso(u.submitted_at),
    decidedAt: iso(u.decided_at),
    entries,
    submit: { allowed: block === null, reason: block?.message ?? null },
  };
}

/** Cadres already assessed in another unit this year: a cadre is assessed once a year. */
async function refuseTwice(db: Db, year: number, cadreIds: readonly number[], unitId: number | null) {
  if (cadreIds.length === 0) return;
  let q = db
    .selectFrom('assessment_entries as e')
    .innerJoin('assessment_units as u', 'u.id', 'e.unit_id')
    .innerJoin('cadres as c', 'c.id', 'e.cadre_id')
    .select(['c.name', 'u.name as unit'])
    .where('e.year', '=', year)
    .where('e.cadre_id', 'in', cadreIds);
  if (unitId !== null) q = q.where('e.unit_id', '<>', unitId);
  const dup = await q.limit(3).execute();
  if (dup.length)
    throw conflict(
      `${dup.map((d) => `${d.name}已在“${d.unit}”参加 ${year} 年度考核`).join('；')}，同一年度只能在一个考核单位参加考核`,
      'cadreIds',
    );
}

/** The people of a new unit: the cadres serving in the chosen cadre unit, and those named. */
export async function peopleOf(db: Db, input: TUnitCreate): Promise<number[]> {
  const ids = new Set(input.cadreIds ?? []);
  if (input.cadreUnitId) {
    const serving = await db
      .selectFrom('cadres')
      .select('id')
      .where('current_unit_id', '=', input.cadreUnitId)
      .where('status', '=', 'active')
      .orderBy('sort_key')
      .orderBy('id')
      .execute();
    for (const c of serving) ids.add(c.id);
  }
  return [...ids];
}

export async function createUnit(
  ctx: Ctx,
  trx: Trx,
  input: TUnitCreate,
  people: readonly number[],
): Promise<{ id: number; people: number }> {
  // A year is assessed at its end: never one still to come.
  if (input.year > Number(ctx.today().slice(0, 4))) throw invalid(`${input.year} 年度尚未开始，不能建立考核单位`, 'year');
  if (input.cadreUnitId) {
    const taken = await trx
      .selectFrom('assessment_units')
      .select('name')
      .where('cadre_unit_id', '=', input.cadreUnitId)
      .where('year', '=', input.year)
      .executeTakeFirst();
    if (taken) throw conflict(`该单位 ${input.year} 年度已有考核单位“${taken.name}”`, 'cadreUnitId');
  }
  await refuseTwice(trx, input.year, people, null);
  const u = await trx
    .insertInto('assessment_units')
    .values({
      year: input.year,
      name: input.name,
      manager_org_id: input.orgId ?? ctx.actor.orgId,
      cadre_unit_id: input.cadreUnitId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (people.length)
    await trx
      .insertInto('assessment_entries')
      .values(people.map((cadreId, sort) => ({ unit_id: u.id, cadre_id: cadreId, year: input.year, sort })))
      .execute();
  return { id: u.id, people: people.length };
}

/** Locks the unit for a change, refusing a stale version and a unit no longer open for editing. */
async function lockOpen(trx: Trx, id: number, version?: number) {
  const u = await trx.selectFrom('assessment_units').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!u) throw notFound('考核单位');
  if (u.status !== 'draft' && u.status !== 'returned') throw conflict('考核单位已提交或已确认，不能修改', 'status');
  if (version !== undefined && u.version !== version) throw conflict('考核单位已被他人修改，请刷新后重试', 'version');
  return u;
}

/** Replaces the people and their grades; a grade the rules forbid is refused with the reason and its article. */
export async function saveEntries(trx: Trx, id: number, body: TEntriesSave): Promise<{ id: number; graded: number }> {
  const input = ZEntriesSaveSchema.parse(body);
  const u = await lockOpen(trx, id, input.version);
  const ids = input.entries.map((e) => e.cadreId);
  if (new Set(ids).size !== ids.length) throw invalid('同一人员重复出现', 'entries');
  await refuseTwice(trx, u.year, ids, u.id);
  const allowed = await allowedFor(
    trx,
    u.year,
    input.entries.map((e) => ({ cadreId: e.cadreId, newHireUntil: e.newHireUntil })),
  );
  const names = new Map(
    (ids.length ? await trx.selectFrom('cadres').select(['id', 'name']).where('id', 'in', ids).execute() : []).map((c) => [c.id, c.name]),
  );
  for (const e of input.entries) {
    const a = allowed.get(e.cadreId)!;
    if (e.grade === null || e.grade === '不定等次') continue;
    if (!(a.grades as string[]).includes(e.grade))
      throw new AppError('GRADE_NOT_ALLOWED', `${names.get(e.cadreId) ?? e.cadreId}不能确定为${e.grade}：${a.reason}`, 400, 'entries');
  }
  await trx
    .deleteFrom('assessment_entries')
    .where('unit_id', '=', u.id)
    .where('cadre_id', 'not in', ids.length ? ids : [0])
    .execute();
  for (const [sort, e] of input.entries.entries()) {
    const values = { grade: e.grade, comment: e.comment, new_hire_until: e.newHireUntil, sort };
    await trx
      .insertInto('assessment_entries')
      .values({ unit_id: u.id, cadre_id: e.cadreId, year: u.year, ...values })
      .onConflict((oc) => oc.columns(['unit_id', 'cadre_id']).doUpdateSet(values))
      .execute();
  }
  await trx
    .updateTable('assessment_units')
    .set({ version: sql`version + 1` })
    .where('id', '=', u.id)
    .execute();
  return { id: u.id, graded: input.entries.filter((e) => e.grade !== null).length };
}

/** Records (or withdraws) the approval of the 25% quota: who approved it, the document, the date. */
export async function setRaised(trx: Trx, id: number, r: TRaise): Promise<{ id: number; raised: boolean }> {
  await lockOpen(trx, id);
  if (r.raised) {
    if (!r.approvedBy) throw invalid('请填写批准机关', 'approvedBy');
    if (!r.docNo) throw invalid('请填写批准文号', 'docNo');
    if (!r.approvedOn) throw invalid('请填写批准日期', 'approvedOn');
  }
  await trx
    .updateTable('assessment_units')
    .set({
      raised: r.raised,
      raised_by: r.raised ? r.approvedBy! : null,
      raised_doc: r.raised ? r.docNo! : null,
      raised_on: r.raised ? r.approvedOn! : null,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .execute();
  return { id, raised: r.raised };
}

/** Submits to the managing organization; refused while a person is ungraded, a grade breaks a rule, or 优秀 exceed the quota. */
export async function submitUnit(ctx: Ctx, trx: Trx, id: number): Promise<{ id: number; excellent: number; assessed: number }> {
  await lockOpen(trx, id);
  const d = await unitDetail(trx, id);
  if (!d.submit.allowed) {
    const block = submitBlock(
      d.status,
      d.entries.map((e) => ({
        name: e.name,
        grade: e.grade,
        comment: e.comment,
        allowed: { grades: e.allowedGrades, commentsOnly: e.commentsOnly, reason: e.reason },
      })),
      d.quota,
    )!;
    throw new AppError(
      block.code,
      block.message,
      block.code === 'INCOMPLETE' ? 400 : 409,
      block.code === 'EXCELLENT_QUOTA' ? 'grade' : 'entries',
    );
  }
  await trx
    .updateTable('assessment_units')
    .set({
      status: 'submitted',
      submitted_at: ctx.clock.now(),
      submitted_by: ctx.actor.userId,
      return_reason: null,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .execute();
  return { id, excellent: d.quota.excellent, assessed: d.quota.assessed };
}

async function lockSubmitted(trx: Trx, id: number) {
  const u = await trx.selectFrom('assessment_units').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!u) throw notFound('考核单位');
  if (u.status !== 'submitted') throw conflict('只有已提交的考核单位可以确认或退回', 'status');
  return u;
}

/** The managing organization confirms: the results are published onto the cadre files. */
export async function confirmUnit(ctx: Ctx, trx: Trx, id: number): Promise<{ id: number; published: number }> {
  const u = await lockSubmitted(trx, id);
  const d = await unitDetail(trx, id);
  // Checked again: a punishment recorded since the submission may forbid a grade.
  const block = submitBlock(
    'draft',
    d.entries.map((e) => ({
      name: e.name,
      grade: e.grade,
      comment: e.comment,
      allowed: { grades: e.allowedGrades, commentsOnly: e.commentsOnly, reason: e.reason },
    })),
    d.quota,
  );
  if (block) throw new AppError(block.code, `${block.message}；请退回考核单位修改`, 409, 'entries');
  await publishToFile(
    inTrx(ctx, trx),
    u.year,
    d.entries.map((e) => ({ cadreId: e.cadreId, grade: e.grade!, note: e.grade === '不定等次' ? e.comment : '' })),
  );
  await trx
    .updateTable('assessment_units')
    .set({ status: 'confirmed', decided_at: ctx.clock.now(), decided_by: ctx.actor.userId, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
  return { id, published: d.entries.length };
}

export async function returnUnit(ctx: Ctx, trx: Trx, id: number, reason: string): Promise<{ id: number }> {
  await lockSubmitted(trx, id);
  await trx
    .updateTable('assessment_units')
    .set({
      status: 'returned',
      return_reason: reason,
      decided_at: ctx.clock.now(),
      decided_by: ctx.actor.userId,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .execute();
  return { id };
}

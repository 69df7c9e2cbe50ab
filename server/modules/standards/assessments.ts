// A branch's yearly assessment: the self-assessment (draft → submitted), then the higher level's
// review, which returns it or rates it (stars from the reviewed total, kept in star_ratings).
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Trx } from '../../audit/audit-log.js';
import type { Actor } from '../../auth/actor.js';
import type { Ctx } from '../../context.js';
import { can } from '../../../domain/permissions.js';
import { scoreProblems, starsFor, totalScore, type ScoreSheet } from '../../../domain/rules/standards.js';
import type { TReview, TSelfAssessment } from '../../../domain/schemas/standards.js';
import { conflict, invalid } from '../../errors.js';
import { checklistById, checklistOfYear, type Checklist } from './checklists.js';
import { mayReview, requireBranch, requireHigherLevel } from './access.js';
import { scopeSql } from '../../scope/access.js';

const num = (v: string | null) => (v == null ? null : Number(v));
const iso = (v: Date | string | null) => (v == null ? null : new Date(v).toISOString());

export function assessmentRows(db: Db | Trx) {
  return db
    .selectFrom('standard_assessments as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .selectAll('a')
    .select([
      'o.name as org_name',
      'o.kind as org_kind',
      sql<string>`o.path::text`.as('org_path'),
      sql<string | null>`(select display_name from users u where u.id = a.submitted_by)`.as('submitted_by_name'),
      sql<string | null>`(select display_name from users u where u.id = a.reviewed_by)`.as('reviewed_by_name'),
      sql<string | null>`(select name from orgs r where r.id = a.reviewer_org_id)`.as('reviewer_org_name'),
    ]);
}
export type AssessmentRow = NonNullable<Awaited<ReturnType<ReturnType<typeof assessmentRows>['executeTakeFirst']>>>;

export const findAssessment = (db: Db | Trx, id: number) => assessmentRows(db).where('a.id', '=', id).executeTakeFirst();

export function presentAssessment(a: AssessmentRow) {
  return {
    id: a.id,
    status: a.status,
    selfScores: a.self_scores as ScoreSheet,
    selfTotal: num(a.self_total),
    selfNote: a.self_note,
    submittedBy: a.submitted_by_name,
    submittedAt: iso(a.submitted_at),
    reviewScores: (a.review_scores as ScoreSheet | null) ?? null,
    reviewTotal: num(a.review_total),
    reviewNote: a.review_note,
    stars: a.stars,
    reviewedBy: a.reviewed_by_name,
    reviewerOrgName: a.reviewer_org_name,
    reviewedAt: iso(a.reviewed_at),
    version: a.version,
  };
}

export async function starHistory(db: Db, orgId: number) {
  const rows = await db
    .selectFrom('star_ratings as s')
    .leftJoin('orgs as r', 'r.id', 's.rated_by_org_id')
    .leftJoin('standard_assessments as a', 'a.id', 's.assessment_id')
    .select(['s.year', 's.stars', 's.rated_on', 'r.name as rated_by', 'a.review_total'])
    .where('s.org_id', '=', orgId)
    .orderBy('s.year', 'desc')
    .execute();
  return rows.map((r) => ({
    year: r.year,
    stars: r.stars,
    ratedOn: r.rated_on,
    ratedByOrgName: r.rated_by,
    reviewTotal: num(r.review_total),
  }));
}

/** The self-assessment page of one organization and year: its checklist, the assessment if started, what the actor may do. */
export async function assessmentView(db: Db, actor: Actor, org: { id: number; name: string; kind: string; path: string }, year: number) {
  const a = await assessmentRows(db).where('a.org_id', '=', org.id).where('a.year', '=', year).executeTakeFirst();
  const checklist: Checklist = a ? await checklistById(db, a.checklist_id) : await checklistOfYear(db, year);
  const editable = !a || a.status === 'draft' || a.status === 'returned';
  return {
    org: { id: org.id, name: org.name, kind: org.kind },
    year,
    checklist,
    assessment: a ? presentAssessment(a) : null,
    canEdit: editable && can(actor.roles, 'standard.write'),
    canReview: a?.status === 'submitted' && mayReview(actor, org.path),
    history: await starHistory(db, org.id),
  };
}

function requireVersion(a: { version: number }, version: number | undefined): void {
  if (version !== a.version) throw conflict('该评定已被他人修改，请刷新后重试', 'version');
}

function requireValidScores(checklist: Checklist, scores: ScoreSheet, complete: boolean, field: string): void {
  const [p] = scoreProblems(checklist.items, scores, complete);
  if (p) throw invalid(p.message, `${field}.${p.code}`);
}

/** Only the items of the checklist, with a score or a note, trimmed. */
const cleanSheet = (checklist: Checklist, scores: ScoreSheet): ScoreSheet =>
  Object.fromEntries(
    checklist.items
      .filter((i) => scores[i.code]?.score != null || scores[i.code]?.note)
      .map((i) => {
        const { score, note } = scores[i.code];
        return [i.code, note ? { score: score ?? null, note } : { score: score ?? null }];
      }),
  );

/** Saves the self-assessment as a draft (creating the year's assessment on the first save). */
export async function saveSelfAssessment(
  trx: Trx,
  org: { id: number; kind: string },
  body: TSelfAssessment,
  thisYear: number,
): Promise<number> {
  requireBranch(org);
  if (body.year > thisYear) throw invalid(`不能填写 ${body.year} 年度的自评`, 'year');
  const a = await trx
    .selectFrom('standard_assessments')
    .select(['id', 'status', 'version', 'checklist_id'])
    .where('org_id', '=', org.id)
    .where('year', '=', body.year)
    .forUpdate()
    .executeTakeFirst();
  const checklist = a ? await checklistById(trx, a.checklist_id) : await checklistOfYear(trx, body.year);
  requireValidScores(checklist, body.scores, false, 'scores');
  const sheet = cleanSheet(checklist, body.scores);
  const values = {
    self_scores: JSON.stringify(sheet),
    self_total: String(totalScore(checklist.items, sheet)),
    self_note: body.note || null,
  };
  if (!a) {
    const row = await trx
      .insertInto('standard_assessments')
      .values({ org_id: org.id, year: body.year, checklist_id: checklist.id, ...values })
      .onConflict((oc) => oc.columns(['org_id', 'year']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw conflict('该年度的自评已由他人创建，请刷新后重试', 'version');
    return row.id;
  }
  if (a.status !== 'draft' && a.status !== 'returned') throw conflict('自评已提交，不能再修改', 'status');
  requireVersion(a, body.version);
  await trx
    .updateTable('standard_assessments')
    .set({ ...values, status: 'draft', version: a.version + 1 })
    .where('id', '=', a.id)
    .execute();
  return a.id;
}

export async function submitAssessment(trx: Trx, actor: Actor, a: AssessmentRow, version: number, now: Date): Promise<void> {
  if (a.status !== 'draft' && a.status !== 'returned') throw conflict('该自评已提交', 'status');
  requireVersion(a, version);
  const checklist = await checklistById(trx, a.checklist_id);
  requireValidScores(checklist, a.self_scores as ScoreSheet, true, 'scores');
  await trx
    .updateTable('standard_assessments')
    .set({
      status: 'submitted',
      self_total: String(totalScore(checklist.items, a.self_scores as ScoreSheet)),
      submitted_by: actor.userId,
      submitted_at: now,
      version: a.version + 1,
    })
    .where('id', '=', a.id)
    .execute();
}

/**
 * The higher level's review: return it with a reason, or rate it from the reviewed scores. In the caller's audited transaction (ctx bound
 * with inTrx).
 */
export async function reviewAssessment(ctx: Ctx, a: AssessmentRow, body: TReview) {
  const { actor } = ctx;
  const trx = ctx.db as Trx;
  const now = ctx.clock.now();
  const today = ctx.today();
  requireHigherLevel(ctx, a.org_path, '标准化评定审核');
  if (a.status !== 'submitted') throw conflict(a.status === 'reviewed' ? '该评定已审核定星' : '该自评尚未提交，不能审核', 'status');
  requireVersion(a, body.version);
  const checklist = await checklistById(trx, a.checklist_id);
  const reviewed = {
    reviewed_by: actor.userId,
    reviewer_org_id: actor.orgId,
    reviewed_at: now,
    review_note: body.note || null,
    version: a.version + 1,
  };
  if (body.decision === 'return') {
    if (!body.note) throw invalid('退回须说明原因', 'note');
    const scores = body.scores ?? {};
    requireValidScores(checklist, scores, false, 'scores');
    await trx
      .updateTable('standard_assessments')
      .set({
        ...reviewed,
        status: 'returned',
        review_scores: JSON.stringify(cleanSheet(checklist, scores)),
        review_total: null,
        stars: null,
      })
      .where('id', '=', a.id)
      .execute();
    return { stars: null, total: null };
  }
  if (!body.scores) throw invalid('请逐项填写审核分', 'scores');
  requireValidScores(checklist, body.scores, true, 'scores');
  const sheet = cleanSheet(checklist, body.scores);
  const total = totalScore(checklist.items, sheet);
  const stars = starsFor(total, checklist.starThresholds);
  await trx
    .updateTable('standard_assessments')
    .set({ ...reviewed, status: 'reviewed', review_scores: JSON.stringify(sheet), review_total: String(total), stars })
    .where('id', '=', a.id)
    .execute();
  await trx
    .insertInto('star_ratings')
    .values({ org_id: a.org_id, year: a.year, stars, assessment_id: a.id, rated_on: today, rated_by_org_id: actor.orgId })
    .onConflict((oc) =>
      oc.columns(['org_id', 'year']).doUpdateSet({ stars, assessment_id: a.id, rated_on: today, rated_by_org_id: actor.orgId }),
    )
    .execute();
  return { stars, total };
}

/** Assessments of a subtree for a year (the review queue and its history), in tree order. */
export async function assessmentList(db: Db, actor: Actor, path: string, year: number, status: AssessmentRow['status'] | undefined) {
  let q = assessmentRows(db)
    .leftJoin('orgs as p', 'p.id', 'o.parent_id')
    .select('p.name as parent_name')
    .where(scopeSql('o.path', path))
    .where('a.year', '=', year);
  if (status) q = q.where('a.status', '=', status);
  const rows = await q.orderBy('a.submitted_at').orderBy('a.id').limit(2001).execute();
  return {
    items: rows.slice(0, 2000).map((a) => ({
      id: a.id,
      orgId: a.org_id,
      orgName: a.org_name,
      parentName: a.parent_name,
      year: a.year,
      status: a.status,
      selfTotal: num(a.self_total),
      reviewTotal: num(a.review_total),
      stars: a.stars,
      submittedAt: iso(a.submitted_at),
      canReview: a.status === 'submitted' && mayReview(actor, a.org_path),
    })),
    truncated: rows.length > 2000,
  };
}

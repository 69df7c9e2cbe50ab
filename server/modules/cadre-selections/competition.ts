// 竞争上岗 (issue 13, a selection way): during the 民主推荐 step of a selection whose way is 竞争上岗, applicants
// sign up for one of its posts, are reviewed against the eligibility rule (no 破格: an applicant who does not meet
// every condition is not qualified), get their written exam and interview scores and a 民主测评 reference, and those
// chosen become the candidates that go on to 考察. The rule and its article: domain/rules/cadre-competition.ts.
import type { Ctx } from '../../context.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { COMPETITION_ARTICLE, rankApplicants } from '../../../domain/rules/cadre-competition.js';
import { isCadreLevel } from '../../../domain/rules/cadre-levels.js';
import type {
  TApplicant,
  ZApplicantChooseSchema,
  ZApplicantReviewSchema,
  ZApplicantScoresSchema,
  ZApplicantSignUpSchema,
} from '../../../domain/schemas/cadre-selections.js';
import type { Db } from '../../db/engine.js';
import { cadreRecordOf, eligibilityOf } from './eligibility.js';
import { postIdsOf } from './presenters.js';
import type { SelectionRow } from './queries.js';
import { bump, requireStep, trail, trxOf, type In } from './steps-common.js';

function requireCompetition(s: SelectionRow) {
  if (s.way !== '竞争上岗') throw conflict(`本次选拔方式为“${s.way}”，不是竞争上岗（${COMPETITION_ARTICLE}）`, 'way');
  requireStep(s, '民主推荐');
}

export function applicantRows(db: Db, selectionId: number) {
  return db
    .selectFrom('cadre_selection_applicants as a')
    .innerJoin('cadres as c', 'c.id', 'a.cadre_id')
    .innerJoin('cadre_posts as p', 'p.id', 'a.post_id')
    .innerJoin('cadre_units as u', 'u.id', 'p.unit_id')
    .selectAll('a')
    .select(['c.name', 'c.current_title', 'p.title as post_title', 'p.level as post_level', 'u.name as unit_name'])
    .where('a.selection_id', '=', selectionId)
    .orderBy('a.id')
    .execute();
}
type ApplicantRow = Awaited<ReturnType<typeof applicantRows>>[number];

async function applicantOf(ctx: Ctx, s: SelectionRow, id: number): Promise<ApplicantRow> {
  const a = (await applicantRows(ctx.db, s.id)).find((x) => x.id === id);
  if (!a) throw notFound('报名人');
  return a;
}

export function presentApplicants(rows: readonly ApplicantRow[]): TApplicant[] {
  const ranks = rankApplicants(
    rows.map((a) => ({ id: a.id, postId: a.post_id, qualified: a.qualified, written: a.written_score, interview: a.interview_score })),
  );
  return rows.map((a) => ({
    id: a.id,
    cadreId: a.cadre_id,
    name: a.name,
    currentTitle: a.current_title,
    postId: a.post_id,
    postTitle: `${a.unit_name} ${a.post_title}`,
    signedUpOn: a.signed_up_on,
    qualified: a.qualified,
    reviewNote: a.review_note,
    reviewedBy: a.reviewed_by,
    reviewedOn: a.reviewed_on,
    reviewFindings: Array.isArray(a.review_findings) ? (a.review_findings as unknown[]).map(String) : [],
    writtenScore: a.written_score,
    interviewScore: a.interview_score,
    evaluationNote: a.evaluation_note,
    total: ranks.get(a.id)?.total ?? null,
    rank: ranks.get(a.id)?.rank ?? null,
    chosen: a.chosen,
  }));
}

/** 报名: one applicant for one post of the selection. */
export async function signUp(ctx: Ctx, s: SelectionRow, b: In<typeof ZApplicantSignUpSchema>): Promise<void> {
  requireCompetition(s);
  if (!postIdsOf(s).includes(b.postId)) throw invalid(`职位 ${b.postId} 不在本次竞争上岗的职位中`, 'postId');
  const rows = await applicantRows(ctx.db, s.id);
  if (rows.some((a) => a.cadre_id === b.cadreId && a.post_id === b.postId)) throw conflict('该干部已报名此职位', 'cadreId');
  await trxOf(ctx)
    .insertInto('cadre_selection_applicants')
    .values({ selection_id: s.id, cadre_id: b.cadreId, post_id: b.postId, signed_up_on: b.signedUpOn })
    .execute();
  await bump(ctx, s.id);
  const c = await ctx.db.selectFrom('cadres').select('name').where('id', '=', b.cadreId).executeTakeFirstOrThrow();
  await trail(ctx, s.id, '民主推荐', '竞争上岗报名', `${c.name} 报名（${b.signedUpOn}）`);
}

/**
 * 资格审查: the eligibility rule decides whether the applicant may be qualified; the officer confirms it (or
 * finds the applicant not qualified for another stated reason). The unmet findings are kept with the review.
 */
export async function review(ctx: Ctx, s: SelectionRow, b: In<typeof ZApplicantReviewSchema>): Promise<void> {
  requireCompetition(s);
  const a = await applicantOf(ctx, s, b.applicantId);
  if (a.chosen) throw conflict('已确定为考察人选，不能重新审查', 'applicantId');
  const level = isCadreLevel(a.post_level) ? a.post_level : '副科';
  const record = await cadreRecordOf(ctx.db, a.cadre_id, 0, ctx.today());
  const e = eligibilityOf(record, { level, title: a.post_title }, ctx.today(), null, []);
  const unmet = e.findings.filter((f) => !f.met).map((f) => f.reason);
  if (b.qualified && unmet.length)
    throw conflict(`${a.name}不符合报名资格条件，不能审查通过：${unmet.join('；')}（${COMPETITION_ARTICLE}）`, 'qualified');
  if (!b.qualified && !b.note) throw invalid('请填写资格审查不通过的理由', 'note');
  await trxOf(ctx)
    .updateTable('cadre_selection_applicants')
    .set({
      qualified: b.qualified,
      review_note: b.note || null,
      review_findings: JSON.stringify(unmet),
      reviewed_by: ctx.actor.displayName,
      reviewed_on: ctx.today(),
      ...(b.qualified ? {} : { written_score: null, interview_score: null }),
    })
    .where('id', '=', a.id)
    .execute();
  await bump(ctx, s.id);
  await trail(ctx, s.id, '民主推荐', '资格审查', `${a.name}：${b.qualified ? '审查通过' : `不通过（${b.note}）`}`);
}

/** 笔试、面试 scores and the 民主测评 reference, for a qualified applicant. */
export async function score(ctx: Ctx, s: SelectionRow, b: In<typeof ZApplicantScoresSchema>): Promise<void> {
  requireCompetition(s);
  const a = await applicantOf(ctx, s, b.applicantId);
  if (a.qualified !== true) throw conflict(`${a.name}未通过资格审查，不能登记成绩`, 'applicantId');
  if (a.chosen) throw conflict('已确定为考察人选，成绩不能再改', 'applicantId');
  const set = {
    ...(b.writtenScore !== undefined ? { written_score: b.writtenScore } : {}),
    ...(b.interviewScore !== undefined ? { interview_score: b.interviewScore } : {}),
    ...(b.evaluationNote !== undefined ? { evaluation_note: b.evaluationNote || null } : {}),
  };
  if (Object.keys(set).length === 0) throw invalid('请填写笔试、面试成绩或民主测评情况', 'writtenScore');
  await trxOf(ctx).updateTable('cadre_selection_applicants').set(set).where('id', '=', a.id).execute();
  await bump(ctx, s.id);
  const parts = [
    b.writtenScore != null ? `笔试 ${b.writtenScore}` : '',
    b.interviewScore != null ? `面试 ${b.interviewScore}` : '',
    b.evaluationNote ? `民主测评：${b.evaluationNote}` : '',
  ].filter(Boolean);
  await trail(ctx, s.id, '民主推荐', '笔试面试成绩', `${a.name}：${parts.join('，') || '成绩清除'}`);
}

/** The applicants chosen for 考察 become the selection's candidates (the recommendation facts say how many). */
export async function choose(ctx: Ctx, s: SelectionRow, b: In<typeof ZApplicantChooseSchema>): Promise<void> {
  requireCompetition(s);
  const rows = await applicantRows(ctx.db, s.id);
  const picked = [...new Set(b.applicantIds)].map((id) => {
    const a = rows.find((x) => x.id === id);
    if (!a) throw invalid(`报名人 ${id} 不在本次竞争上岗中`, 'applicantIds');
    if (a.qualified !== true) throw conflict(`${a.name}未通过资格审查（${COMPETITION_ARTICLE}）`, 'applicantIds');
    if (a.written_score === null || a.interview_score === null)
      throw conflict(`${a.name}尚无笔试和面试成绩（${COMPETITION_ARTICLE}）`, 'applicantIds');
    return a;
  });
  const trx = trxOf(ctx);
  await trx.deleteFrom('cadre_selection_candidates').where('selection_id', '=', s.id).execute();
  await trx
    .insertInto('cadre_selection_candidates')
    .values(picked.map((a, i) => ({ selection_id: s.id, cadre_id: a.cadre_id, post_id: a.post_id, sort: i })))
    .execute();
  await trx.updateTable('cadre_selection_applicants').set({ chosen: false }).where('selection_id', '=', s.id).execute();
  await trx
    .updateTable('cadre_selection_applicants')
    .set({ chosen: true })
    .where(
      'id',
      'in',
      picked.map((a) => a.id),
    )
    .execute();
  const competition = { applicants: rows.length, qualified: rows.filter((a) => a.qualified).length, chosen: picked.length };
  await trx
    .updateTable('cadre_selections')
    .set({ recommendation: JSON.stringify({ nonCompetitiveReason: b.nonCompetitiveReason ?? null, competition }) })
    .where('id', '=', s.id)
    .execute();
  await bump(ctx, s.id);
  await trail(
    ctx,
    s.id,
    '民主推荐',
    '确定考察人选',
    `报名 ${competition.applicants} 人，资格审查通过 ${competition.qualified} 人，确定考察人选 ${picked.map((a) => a.name).join('、')}`,
  );
}

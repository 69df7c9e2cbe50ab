// 民主评议党员 per organization and year (RULES.md §3): the counted members of the organization take
// part; full members are graded (优秀 ≤ ⅓, L), probationary members take part ungraded (L).
// A draft may be saved any number of times; finalizing needs every full member graded.
import type { Db } from '../../db/engine.js';
import type { Trx } from '../../audit/audit-log.js';
import { conflict, invalid } from '../../errors.js';
import type { AppraisalGrade } from '../../../domain/meeting-kinds.js';
import { appraisalCounts, appraisalProblems, type AppraisalEntry } from '../../../domain/rules/appraisal.js';
import type { TAppraisal, TAppraisalSave } from '../../../domain/schemas/meetings.js';
import { rosterOf, type RosterRow } from './queries.js';

type Q = Db | Trx;
interface GradeRow {
  member_id: number;
  grade: AppraisalGrade | null;
  note: string | null;
}
interface Row {
  memberId: number;
  name: string;
  gender: string;
  category: 'full' | 'probationary';
  grade: AppraisalGrade | null;
  note: string | null;
}

const findAppraisal = (db: Q, orgId: number, year: number) =>
  db
    .selectFrom('appraisals as a')
    .leftJoin('meetings as m', 'm.id', 'a.meeting_id')
    .select(['a.id', 'a.org_id', 'a.year', 'a.status', 'a.meeting_id', 'a.note', 'a.finalized_at', 'm.topic as meeting_topic'])
    .where('a.org_id', '=', orgId)
    .where('a.year', '=', year)
    .executeTakeFirst();

function gradesOf(db: Q, appraisalId: number) {
  return db
    .selectFrom('appraisal_grades as g')
    .innerJoin('members as p', 'p.id', 'g.member_id')
    .select(['g.member_id', 'g.grade', 'g.note', 'p.name', 'p.gender', 'p.category', 'p.sort_key'])
    .where('g.appraisal_id', '=', appraisalId)
    .orderBy('p.sort_key')
    .orderBy('p.id')
    .execute();
}

/** The roster with the grades saved so far (a draft follows the roster as it is today). */
function merge(roster: RosterRow[], saved: GradeRow[]): Row[] {
  const byMember = new Map(saved.map((g) => [g.member_id, g]));
  return roster.map((r) => ({
    memberId: r.member_id,
    name: r.name,
    gender: r.gender,
    category: r.category,
    grade: byMember.get(r.member_id)?.grade ?? null,
    note: byMember.get(r.member_id)?.note ?? null,
  }));
}

const entries = (rows: Row[]): AppraisalEntry[] => rows.map((r) => ({ memberId: r.memberId, category: r.category, grade: r.grade }));

export async function appraisalView(db: Q, org: { id: number; name: string }, year: number): Promise<TAppraisal> {
  const a = await findAppraisal(db, org.id, year);
  let rows: Row[];
  if (a?.status === 'final') {
    // A final appraisal is a record: it shows who was graded then, whatever happened since.
    rows = (await gradesOf(db, a.id)).map((g) => ({
      memberId: g.member_id,
      name: g.name,
      gender: g.gender,
      category: g.category,
      grade: g.grade,
      note: g.note,
    }));
  } else {
    rows = merge(await rosterOf(db, org.id), a ? await gradesOf(db, a.id) : []);
  }
  return {
    id: a?.id ?? null,
    orgId: org.id,
    orgName: org.name,
    year,
    status: a?.status ?? 'new',
    meetingId: a?.meeting_id ?? null,
    meetingTopic: a?.meeting_topic ?? null,
    note: a?.note ?? null,
    finalizedAt: a?.finalized_at ? new Date(a.finalized_at).toISOString() : null,
    rows,
    counts: appraisalCounts(entries(rows)),
    problems: a?.status === 'final' ? [] : appraisalProblems(entries(rows), false),
  };
}

/** Saves a draft: grades for members on the roster only; the ⅓ and probationary rules hold for drafts too. */
export async function saveDraft(trx: Trx, org: { id: number }, body: TAppraisalSave, userId: number, today: string): Promise<number> {
  if (body.year > Number(today.slice(0, 4))) throw invalid('不能登记以后年度的民主评议', 'year');
  // Locked, so a finalize running at the same time cannot slip between the check and the write.
  const existing = await trx
    .selectFrom('appraisals')
    .select('status')
    .where('org_id', '=', org.id)
    .where('year', '=', body.year)
    .forUpdate()
    .executeTakeFirst();
  if (existing?.status === 'final') throw conflict(`${body.year} 年度民主评议已确认，不能再修改`, 'year');
  if (body.meetingId) {
    const m = await trx.selectFrom('meetings').select(['org_id', 'status']).where('id', '=', body.meetingId).executeTakeFirst();
    if (!m || m.org_id !== org.id || m.status === 'cancelled') throw invalid('关联的会议须是本组织已登记的会议', 'meetingId');
  }
  const roster = new Map((await rosterOf(trx, org.id)).map((r) => [r.member_id, r]));
  const seen = new Set<number>();
  body.grades.forEach((g, i) => {
    if (seen.has(g.memberId)) throw invalid('评议名单中有重复的党员', `grades.${i}.memberId`);
    seen.add(g.memberId);
    if (!roster.has(g.memberId)) throw invalid('只能评议本组织（含党小组）的党员', `grades.${i}.memberId`);
  });
  const asked = body.grades.map((g) => ({ memberId: g.memberId, category: roster.get(g.memberId)!.category, grade: g.grade }));
  const problem = appraisalProblems(
    [
      ...asked,
      ...[...roster.values()]
        .filter((r) => !seen.has(r.member_id) && r.category === 'full')
        .map((r) => ({ memberId: r.member_id, category: r.category, grade: null })),
    ],
    false,
  )[0];
  if (problem) {
    const i = body.grades.findIndex((g) => g.memberId === problem.memberId);
    throw invalid(problem.message, i >= 0 ? `grades.${i}.grade` : 'grades');
  }
  const { id } = await trx
    .insertInto('appraisals')
    .values({ org_id: org.id, year: body.year, meeting_id: body.meetingId ?? null, note: body.note?.trim() || null, created_by: userId })
    .onConflict((oc) => oc.columns(['org_id', 'year']).doUpdateSet({ meeting_id: body.meetingId ?? null, note: body.note?.trim() || null }))
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.deleteFrom('appraisal_grades').where('appraisal_id', '=', id).execute();
  if (body.grades.length) {
    await trx
      .insertInto('appraisal_grades')
      .values(body.grades.map((g) => ({ appraisal_id: id, member_id: g.memberId, grade: g.grade, note: g.note?.trim() || null })))
      .execute();
  }
  return id;
}

/** Finalizes: the roster as it is today, every full member graded; the grade rows become the record. */
export async function finalize(trx: Trx, id: number, now: Date): Promise<{ graded: number; excellent: number }> {
  const a = await trx
    .selectFrom('appraisals')
    .select(['id', 'org_id', 'status'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (a.status === 'final') throw conflict('该民主评议已确认', 'status');
  const rows = merge(await rosterOf(trx, a.org_id), await gradesOf(trx, a.id));
  const problem = appraisalProblems(entries(rows), true)[0];
  if (problem) throw invalid(problem.message, 'grades');
  await trx.deleteFrom('appraisal_grades').where('appraisal_id', '=', a.id).execute();
  if (rows.length) {
    await trx
      .insertInto('appraisal_grades')
      .values(rows.map((r) => ({ appraisal_id: a.id, member_id: r.memberId, grade: r.grade, note: r.note })))
      .execute();
  }
  await trx.updateTable('appraisals').set({ status: 'final', finalized_at: now }).where('id', '=', a.id).execute();
  const c = appraisalCounts(entries(rows));
  return { graded: c.graded, excellent: c.byGrade.excellent };
}

// Self-reported training (issue 14 point 6): the learner reports a training with evidence (a PDF, JPG or
// PNG, checked by its content with file-type, at most 5 MB); its hours are a pending row of the ledger
// that does not count until the organization approves it (learning.approve), or refuses it with a reason.
// A report that arrives after its year has ended is accepted and marked late, never refused (RULES.md §9).
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { sql } from 'kysely';
import type { TSelfReport, TSelfReportFields } from '../../../domain/schemas/learning-hours.js';
import type { Ctx } from '../../context.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { setCreditStatus, upsertCredit } from '../learning/credits.js';
import type { Learner } from '../learning/learner.js';
import { detectAndMark } from './duplicates.js';

export const EVIDENCE_LIMITS = { maxBytes: 5 * 1024 * 1024 } as const;
const EVIDENCE_TYPES: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** The evidence's real type from its bytes; anything but PDF, JPG or PNG is refused naming the field. */
export async function checkEvidence(content: Buffer, rawName: string): Promise<{ mime: string; name: string }> {
  if (!content.length) throw invalid('证明材料是空文件', 'file');
  const t = await fileTypeFromBuffer(content);
  if (!t || !EVIDENCE_TYPES[t.mime]) throw invalid('证明材料须为 PDF、JPG 或 PNG 文件（按文件内容判断）', 'file');
  const base = (rawName.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}<>:"|?*]/gu, '')
    .replace(/\.[^.]*$/, '')
    .trim()
    .slice(0, 80);
  return { mime: t.mime, name: `${base || '证明材料'}.${EVIDENCE_TYPES[t.mime]}` };
}

const select = sql`select r.id, coalesce(m.name, c.name) as name, r.member_id, r.cadre_id, r.title, r.organizer, r.started_on::text as started_on,
    r.ended_on::text as ended_on, r.hours, r.online, r.evidence_name, r.evidence_size, r.status, r.reason, r.late, r.submitted_at
  from learning_self_reports r left join members m on m.id = r.member_id left join cadres c on c.id = r.cadre_id`;

type RowT = {
  id: number;
  name: string;
  member_id: number | null;
  cadre_id: number | null;
  title: string;
  organizer: string;
  started_on: string;
  ended_on: string;
  hours: string;
  online: boolean;
  evidence_name: string;
  evidence_size: number;
  status: 'pending' | 'approved' | 'rejected';
  reason: string;
  late: boolean;
  submitted_at: Date;
};
const present = (r: RowT): TSelfReport => ({
  id: Number(r.id),
  name: r.name,
  memberId: r.member_id == null ? null : Number(r.member_id),
  cadreId: r.cadre_id == null ? null : Number(r.cadre_id),
  title: r.title,
  organizer: r.organizer,
  startedOn: r.started_on,
  endedOn: r.ended_on,
  hours: Number(r.hours),
  online: r.online,
  evidenceName: r.evidence_name,
  evidenceSize: r.evidence_size,
  status: r.status,
  reason: r.reason,
  late: r.late,
  submittedAt: new Date(r.submitted_at).toISOString(),
});

export async function selfReport(ctx: Ctx, id: number): Promise<TSelfReport> {
  const r = await sql<RowT>`${select} where r.id = ${id}`.execute(ctx.db);
  if (!r.rows[0]) throw notFound('自主学习申报');
  return present(r.rows[0]);
}

export async function myReports(ctx: Ctx, l: Learner): Promise<TSelfReport[]> {
  const r = await sql<RowT>`${select} where ${l.memberId != null ? sql`r.member_id = ${l.memberId}` : sql`r.cadre_id = ${l.cadreId}`}
    order by r.submitted_at desc, r.id desc limit 200`.execute(ctx.db);
  return r.rows.map(present);
}

export async function reportsIn(ctx: Ctx, path: string, status: string | undefined): Promise<TSelfReport[]> {
  const r = await sql<RowT>`${select} where coalesce(m.org_path, c.manager_path) <@ ${path}::ltree
    ${status ? sql`and r.status = ${status}` : sql``} order by r.submitted_at, r.id limit 500`.execute(ctx.db);
  return r.rows.map(present);
}

/** Files the report and its pending credit; returns the report's id. */
export async function submitReport(
  ctx: Ctx,
  l: Learner,
  f: TSelfReportFields,
  evidence: { content: Buffer; mime: string; name: string },
): Promise<number> {
  if (f.endedOn < f.startedOn) throw invalid('结束日期不能早于开始日期', 'endedOn');
  const today = ctx.today();
  if (f.endedOn > today) throw invalid('结束日期不能晚于今天（培训结束后再申报）', 'endedOn');
  const year = Number(f.endedOn.slice(0, 4));
  // Late: after the training's year ended, or after that year was closed for the learner's organization.
  const closed = await sql<{ n: number }>`select count(*)::int as n from learning_year_closures c join orgs o on o.id = c.org_id
    where c.year = ${year} and o.path @> ${l.orgPath}::ltree`.execute(ctx.db);
  const late = Number(today.slice(0, 4)) > year || closed.rows[0].n > 0;
  const row = await ctx.db
    .insertInto('learning_self_reports')
    .values({
      member_id: l.memberId,
      cadre_id: l.cadreId,
      title: f.title,
      organizer: f.organizer,
      started_on: f.startedOn,
      ended_on: f.endedOn,
      hours: f.hours,
      online: f.online === 'true',
      evidence_name: evidence.name,
      evidence_mime: evidence.mime,
      evidence_size: evidence.content.length,
      evidence_sha256: createHash('sha256').update(evidence.content).digest('hex'),
      evidence: evidence.content,
      late,
      submitted_at: ctx.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const creditId = await upsertCredit(ctx, {
    memberId: l.memberId,
    cadreId: l.cadreId,
    source: 'self',
    sourceRef: `self-report:${row.id}`,
    title: f.title,
    hours: f.hours,
    earnedOn: f.endedOn,
    online: f.online === 'true',
    status: 'pending',
    note: late ? '补报' : '',
  });
  await ctx.db.updateTable('learning_self_reports').set({ credit_id: creditId }).where('id', '=', row.id).execute();
  return row.id;
}

/** Approves (the hours count from now on) or refuses with a reason; a decided report is not decided again. */
export async function decideReport(ctx: Ctx, id: number, approve: boolean, reason: string): Promise<{ duplicates: number }> {
  const r = await sql<{ status: string; credit_id: number; member_id: number | null; cadre_id: number | null }>`
    select status, credit_id, member_id, cadre_id from learning_self_reports where id = ${id} for update`.execute(ctx.db);
  const row = r.rows[0];
  if (!row) throw notFound('自主学习申报');
  if (row.status !== 'pending') throw conflict('该申报已审核', 'approve');
  await ctx.db
    .updateTable('learning_self_reports')
    .set({ status: approve ? 'approved' : 'rejected', reason, decided_by: ctx.actor.userId, decided_at: ctx.clock.now() })
    .where('id', '=', id)
    .execute();
  await setCreditStatus(ctx, Number(row.credit_id), approve ? 'approved' : 'rejected', reason);
  const duplicates = approve
    ? await detectAndMark(
        ctx,
        { memberId: row.member_id == null ? null : Number(row.member_id), cadreId: row.cadre_id == null ? null : Number(row.cadre_id) },
        null,
      )
    : 0;
  return { duplicates };
}

export async function evidenceOf(ctx: Ctx, id: number) {
  const e = await ctx.db
    .selectFrom('learning_self_reports')
    .select(['evidence_name', 'evidence_mime', 'evidence', 'evidence_sha256'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!e) throw notFound('证明材料');
  return e;
}

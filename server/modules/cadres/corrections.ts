// A cadre's own page (issue 12.6): the file read-only as the form, and correction requests. The cadre
// proposes a change of one field with a reason and optional evidence; an officer who manages the cadre
// approves it (the change goes through the writer, the history naming the request) or refuses it with
// a note. Only then does the file change.
import type { TCadreMe, TCorrectableField, TCorrectionRequest } from '../../../domain/schemas/cadres.js';
import { ZPartialDate, type TEducationRow } from '../../../domain/schemas/cadre-sheet.js';
import { GENDERS } from '../../../domain/member-fields.js';
import type { Ctx } from '../../context.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import { detectFileType } from '../meetings/file-check.js';
import { changeCadre, type CadreSet } from './changes.js';
import { sheetOf } from './sheet.js';
import * as q from './queries.js';
import { presentCorrection, presentForm, presentReviews } from './presenters.js';

/** Simple fields: API name → column. Education cells are `fullTime.level` and the like. */
const SIMPLE: Partial<Record<TCorrectableField, keyof CadreSet>> = {
  name: 'name',
  sex: 'sex',
  birth: 'birth',
  ethnicity: 'ethnicity',
  nativePlace: 'native_place',
  birthPlace: 'birth_place',
  partyJoin: 'party_join',
  workStart: 'work_start',
  health: 'health',
  proTitle: 'pro_title',
  expertise: 'expertise',
};
const DATES = new Set<TCorrectableField>(['birth', 'partyJoin', 'workStart']);
/** Identity a member-linked cadre corrects on the member record, not here. */
const MEMBER_IDENTITY = new Set<TCorrectableField>(['name', 'sex', 'birth', 'ethnicity', 'partyJoin']);
const EVIDENCE_MAX = 512 * 1024;

/** The cadre file of the signed-in account; 404 when the account is nobody's. */
export async function myCadreId(ctx: Ctx): Promise<number> {
  const id = await q.cadreIdOfUser(ctx.db, ctx.actor.userId);
  if (!id) throw notFound('本人干部档案');
  return id;
}

export async function myFile(ctx: Ctx): Promise<TCadreMe> {
  const id = await myCadreId(ctx);
  const c = await q.cadreRow(ctx.db, id);
  const { reviews } = await q.childrenOf(ctx.db, id);
  return { id, form: presentForm(await sheetOf(ctx, id), c!.id_masked, ctx.today()), reviews: presentReviews(reviews) };
}

/** The field's value now, as text (what the officer compares the proposal with). */
async function currentValue(ctx: Ctx, cadreId: number, field: TCorrectableField): Promise<string> {
  if (field === 'other') return '';
  const c = await ctx.db.selectFrom('cadres').selectAll().where('id', '=', cadreId).executeTakeFirstOrThrow();
  const [row, cell] = field.split('.') as ['fullTime' | 'inService', keyof TEducationRow];
  if (cell) return String(((row === 'fullTime' ? c.edu_full_time : c.edu_in_service) as Partial<TEducationRow>)?.[cell] ?? '');
  return String(c[SIMPLE[field] as keyof typeof c] ?? '');
}

export async function requestCorrection(ctx: Ctx, b: TCorrectionRequest): Promise<number> {
  const cadreId = await myCadreId(ctx);
  const c = await ctx.db.selectFrom('cadres').select('member_id').where('id', '=', cadreId).executeTakeFirstOrThrow();
  if (c.member_id !== null && MEMBER_IDENTITY.has(b.field))
    throw new AppError('FROM_MEMBER_RECORD', '该项以党员档案为准，请向所在党组织申请更正党员信息', 400, 'field');
  if (DATES.has(b.field) && !ZPartialDate.safeParse(b.proposedValue).success)
    throw invalid('日期格式应为 YYYY-MM 或 YYYY-MM-DD', 'proposedValue');
  if (b.field === 'sex' && !(GENDERS as readonly string[]).includes(b.proposedValue)) throw invalid('性别应为“男”或“女”', 'proposedValue');
  if ((b.field === 'name' || b.field === 'other') && !b.proposedValue) throw invalid('请填写更正后的内容', 'proposedValue');
  let evidence: { evidence_name: string; evidence_mime: string; evidence: Buffer } | null = null;
  if (b.evidence) {
    const bytes = Buffer.from(b.evidence.base64, 'base64');
    if (!bytes.length || bytes.length > EVIDENCE_MAX) throw invalid('证明材料不能为空，也不能超过 512 KB', 'evidence');
    const type = detectFileType(bytes);
    if (!['pdf', 'jpg', 'png'].includes(type.ext)) throw invalid('证明材料只接受 PDF、JPG 或 PNG', 'evidence');
    evidence = {
      // eslint-disable-next-line no-control-regex
      evidence_name: b.evidence.name.replace(/[\\/\u0000-\u001f]/g, '').slice(0, 100),
      evidence_mime: type.mime,
      evidence: bytes,
    };
  }
  const pending = await ctx.db
    .selectFrom('cadre_corrections')
    .select('id')
    .where('cadre_id', '=', cadreId)
    .where('field', '=', b.field)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (pending && b.field !== 'other') throw conflict('该项已有待处理的更正申请', 'field');
  const row = await ctx.db
    .insertInto('cadre_corrections')
    .values({
      cadre_id: cadreId,
      requested_by: ctx.actor.userId,
      requested_at: ctx.clock.now(),
      section: b.field.includes('.') ? 'education' : b.field === 'other' ? 'other' : 'basic',
      field: b.field,
      current_value: await currentValue(ctx, cadreId, b.field),
      proposed_value: b.proposedValue,
      reason: b.reason,
      ...evidence,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const myCorrections = async (ctx: Ctx) => ({
  items: (await q.corrections(ctx.db, { cadreId: await myCadreId(ctx) }, 'all')).map(presentCorrection),
});

/** The officer's queue: requests of the cadres managed within the actor's subtree. */
export const correctionQueue = async (ctx: Ctx, status: string) => ({
  items: (await q.corrections(ctx.db, { path: ctx.actor.scopePath }, status)).map(presentCorrection),
});

async function pendingCorrection(ctx: Ctx, id: number) {
  const k = await ctx.db.selectFrom('cadre_corrections').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!k) throw notFound('更正申请');
  if (k.status !== 'pending') throw conflict('该更正申请已经处理', 'status');
  return k;
}

/** Approves a request: the change through the writer (the history names the request), then the decision. */
export async function approveCorrection(ctx: Ctx, id: number, note: string): Promise<{ cadreId: number; field: string }> {
  const k = await pendingCorrection(ctx, id);
  const field = k.field as TCorrectableField;
  let set: CadreSet = {};
  if (field.includes('.')) {
    const [row, cell] = field.split('.') as ['fullTime' | 'inService', keyof TEducationRow];
    const col = row === 'fullTime' ? 'edu_full_time' : 'edu_in_service';
    const c = await ctx.db.selectFrom('cadres').select(col).where('id', '=', k.cadre_id).executeTakeFirstOrThrow();
    set = { [col]: { level: '', degree: '', levelSchool: '', degreeSchool: '', ...(c[col] as object), [cell]: k.proposed_value } };
  } else if (SIMPLE[field]) {
    set = { [SIMPLE[field]!]: DATES.has(field) ? k.proposed_value || null : k.proposed_value };
  }
  // 'other' changes nothing by itself: the history keeps the decision, the officer edits the section.
  await changeCadre(ctx, k.cadre_id, {
    section: 'correction',
    action: 'approve',
    set,
    reason: `更正申请：${k.reason}`,
    note: { correctionId: k.id, field: k.field },
  });
  await decide(ctx, id, 'approved', note);
  return { cadreId: k.cadre_id, field: k.field };
}

export async function refuseCorrection(ctx: Ctx, id: number, note: string): Promise<{ cadreId: number; field: string }> {
  if (!note.trim()) throw invalid('请填写不予更正的理由', 'note');
  const k = await pendingCorrection(ctx, id);
  await decide(ctx, id, 'refused', note);
  return { cadreId: k.cadre_id, field: k.field };
}

async function decide(ctx: Ctx, id: number, status: 'approved' | 'refused', note: string) {
  await ctx.db
    .updateTable('cadre_corrections')
    .set({ status, decided_by: ctx.actor.userId, decided_at: ctx.clock.now(), decision_note: note || null })
    .where('id', '=', id)
    .execute();
}

export async function correctionEvidence(ctx: Ctx, id: number, cadreId?: number) {
  let sel = ctx.db.selectFrom('cadre_corrections').select(['evidence', 'evidence_mime', 'evidence_name']).where('id', '=', id);
  if (cadreId !== undefined) sel = sel.where('cadre_id', '=', cadreId);
  const k = await sel.executeTakeFirst();
  if (!k?.evidence || !k.evidence_mime) throw notFound('证明材料');
  return { bytes: k.evidence, mime: k.evidence_mime, name: k.evidence_name ?? 'evidence' };
}

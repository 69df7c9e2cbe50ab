// The cadre file's workflows on a Ctx: the list, one file, creating one, editing each section, the
// 三龄二历 review, the history and the audited reveal of an identity number. Writes go through the one
// writer (changes.ts) inside the route's audited transaction; reads are scoped by the route (the id)
// or here (the list, over the managing organization's path).
import { parseResume } from '../../../domain/rules/cadre-resume.js';
import type {
  TAppointmentEnd,
  TAppointmentInput,
  TCadreAssessments,
  TCadreBasicUpdate,
  TCadreCreate,
  TCadreEducation,
  TCadreFamily,
  TCadreFile,
  TCadreListQuery,
  TCadreRanks,
  TCadreResume,
  TCadreReviewInput,
  TCadreRewards,
} from '../../../domain/schemas/cadres.js';
import { REVIEW_ITEM_LABELS } from '../../../domain/cadre-codes.js';
import { checkIdNumber } from '../../../domain/rules/id-number.js';
import { audited } from '../../audit/record.js';
import { inTrx, type Ctx } from '../../context.js';
import { invalid, notFound } from '../../errors.js';
import { decodeCursor, encodeCursor } from '../../http/keyset-cursor.js';
import { requireAccess } from '../../scope/access.js';
import { orgById } from '../orgs/queries.js';
import { changeCadre, insertCadre, type CadreSet } from './changes.js';
import { canon } from './canon.js';
import { sheetOf } from './sheet.js';
import * as q from './queries.js';
import { presentFile, presentForm, presentRow } from './presenters.js';

function searchOf(ctx: Ctx, text: string | undefined): q.CadreListFilter['search'] {
  const s = text?.trim();
  if (!s) return null;
  if (/^\d{17}[\dXx]$/.test(s)) {
    const check = checkIdNumber(s);
    if (!check.ok) throw invalid(check.message, 'q');
    return { kind: 'idHash', hash: ctx.crypto.hash(check.normalized) };
  }
  if (/^[A-Za-z]+$/.test(s)) return { kind: 'initials', prefix: s.toLowerCase() };
  return { kind: 'name', infix: s };
}

/** The cadres managed within the actor's subtree (or the managing organization asked for, checked by the route). */
export async function listCadres(ctx: Ctx, query: TCadreListQuery) {
  const path = query.managerOrgId ? (await orgById(ctx.db, query.managerOrgId)).path : ctx.actor.scopePath;
  const filter: q.CadreListFilter = {
    path,
    search: searchOf(ctx, query.q),
    unitId: query.unitId,
    level: query.level,
    status: query.status,
  };
  const rows = await q.listPage(ctx.db, filter, decodeCursor(query.cursor), query.limit + 1);
  const page = rows.slice(0, query.limit);
  const today = ctx.today();
  return {
    items: page.map((r) => presentRow(r, today)),
    nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]) : null,
  };
}

/** One file with all its sections and the form-shaped summary. The caller has checked the scope. */
export async function cadreFile(ctx: Ctx, id: number): Promise<TCadreFile> {
  const c = await q.cadreRow(ctx.db, id);
  if (!c) throw notFound('干部');
  const [children, sheet] = await Promise.all([q.childrenOf(ctx.db, id), sheetOf(ctx, id)]);
  const today = ctx.today();
  return presentFile(c, children, presentForm(sheet, c.id_masked, today), today);
}

/** API field → column of the basic section. */
const BASIC = {
  name: 'name',
  sex: 'sex',
  birth: 'birth',
  ethnicity: 'ethnicity',
  idNumber: 'id_number',
  nativePlace: 'native_place',
  birthPlace: 'birth_place',
  partyJoin: 'party_join',
  partyName: 'party_name',
  political: 'political',
  workStart: 'work_start',
  health: 'health',
  proTitle: 'pro_title',
  expertise: 'expertise',
  background: 'background',
  grassrootsMonths: 'grassroots_months',
  managerOrgId: 'manager_org_id',
  userId: 'user_id',
  status: 'status',
  leftOn: 'left_on',
  leftReason: 'left_reason',
} as const satisfies Partial<Record<keyof TCadreBasicUpdate, keyof CadreSet>>;

function basicSet(input: Partial<Record<keyof typeof BASIC, unknown>>): CadreSet {
  const set: Record<string, unknown> = {};
  for (const [field, col] of Object.entries(BASIC)) {
    const v = input[field as keyof typeof BASIC];
    if (v !== undefined) set[col] = v;
  }
  return set as CadreSet;
}

/** A new cadre, from a Party member (identity from the member record) or typed in. */
export async function createCadre(ctx: Ctx, input: TCadreCreate): Promise<number> {
  const { managerOrgId, memberId, ...rest } = input;
  // The member record is read, so it must lie in the actor's scope like any other record.
  if (memberId) await requireAccess(ctx, 'cadre.write', 'member', memberId);
  return insertCadre(ctx, { ...basicSet(rest), manager_org_id: managerOrgId, member_id: memberId ?? null });
}

export async function updateBasic(ctx: Ctx, id: number, input: TCadreBasicUpdate): Promise<number> {
  const { version, reason, ...fields } = input;
  if (fields.userId) {
    const u = await ctx.db.selectFrom('cadres').select('id').where('user_id', '=', fields.userId).where('id', '!=', id).executeTakeFirst();
    if (u) throw invalid('该账号已关联其他干部', 'userId');
  }
  return changeCadre(ctx, id, { section: 'basic', action: 'update', set: basicSet(fields), version, reason });
}

export const updateEducation = (ctx: Ctx, id: number, b: TCadreEducation) =>
  changeCadre(ctx, id, {
    section: 'education',
    action: 'update',
    set: { edu_full_time: b.fullTime, edu_in_service: b.inService },
    version: b.version,
    reason: b.reason,
  });

/** The 简历 as structured lines, or as the standard line text parsed line by line (a line that does not parse is kept as text). */
export const updateResume = (ctx: Ctx, id: number, b: TCadreResume) =>
  changeCadre(ctx, id, {
    section: 'resume',
    action: 'update',
    set: { resume: b.lines ?? parseResume(b.text ?? '') },
    version: b.version,
    reason: b.reason,
  });

/** A post held: a post of the 职数 table carries its unit, level and whether it is principal, unless the caller says otherwise. */
export async function addAppointment(ctx: Ctx, id: number, b: TAppointmentInput): Promise<number> {
  const post = b.postId
    ? await ctx.db.selectFrom('cadre_posts').select(['unit_id', 'level', 'principal']).where('id', '=', b.postId).executeTakeFirst()
    : undefined;
  if (b.postId && !post) throw notFound('职位');
  return changeCadre(ctx, id, {
    section: 'appointments',
    action: 'add',
    version: b.version,
    addAppointment: {
      title: b.title,
      unit_id: b.unitId ?? post?.unit_id ?? null,
      post_id: b.postId ?? null,
      level: b.level ?? post?.level ?? null,
      principal: b.principal || !!post?.principal,
      decided_on: b.decidedOn,
      doc_no: b.docNo,
      probation_until: b.probationUntil ?? null,
      concurrent: b.concurrent,
    },
  });
}

export const endAppointment = (ctx: Ctx, id: number, appointmentId: number, b: TAppointmentEnd) =>
  changeCadre(ctx, id, {
    section: 'appointments',
    action: 'end',
    version: b.version,
    endAppointment: { id: appointmentId, ended_on: b.endedOn, end_doc_no: b.endDocNo ?? null, end_reason: b.endReason ?? null },
  });

export const replaceRanks = (ctx: Ctx, id: number, b: TCadreRanks) =>
  changeCadre(ctx, id, {
    section: 'ranks',
    action: 'replace',
    version: b.version,
    ranks: b.items.map((r) => ({ title: r.title, level: r.level, decided_on: r.decidedOn, doc_no: r.docNo, ended_on: r.endedOn })),
  });

export const replaceRewards = (ctx: Ctx, id: number, b: TCadreRewards) =>
  changeCadre(ctx, id, {
    section: 'rewards',
    action: 'replace',
    version: b.version,
    rewards: {
      only: 'all',
      rows: b.items.map((r) => ({ kind: r.kind, on_date: r.onDate, text: r.text, on_form: r.onForm, until: r.until })),
    },
  });

export const replaceAssessments = (ctx: Ctx, id: number, b: TCadreAssessments) =>
  changeCadre(ctx, id, { section: 'assessments', action: 'replace', version: b.version, assessments: { rows: b.items, mode: 'replace' } });

export const replaceFamily = (ctx: Ctx, id: number, b: TCadreFamily) =>
  changeCadre(ctx, id, {
    section: 'family',
    action: 'replace',
    version: b.version,
    family: b.items.map((f) => ({
      relation: f.relation,
      name: f.name,
      birth: f.birth,
      political: f.political,
      work_post: f.workPost,
      deceased: f.deceased,
      abroad_country: f.abroadCountry,
      abroad_status: f.abroadStatus,
    })),
  });

export const setPhoto = (ctx: Ctx, id: number, photo: { photo: Buffer; photo_mime: string } | null) =>
  changeCadre(ctx, id, { section: 'photo', action: photo ? 'update' : 'remove', set: photo ?? { photo: null, photo_mime: null } });

/** The value a 三龄二历 item is confirmed as: the date, or a digest of the rows (so a later change is visible). */
async function reviewValue(ctx: Ctx, id: number, item: TCadreReviewInput['item']): Promise<string> {
  const c = await ctx.db
    .selectFrom('cadres')
    .select(['birth', 'work_start', 'party_join', 'edu_full_time', 'edu_in_service', 'resume'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (item === 'birth' || item === 'work_start' || item === 'party_join') {
    const v = c[item];
    if (!v) throw invalid(`${REVIEW_ITEM_LABELS[item]}尚未填写，不能审核确认`, 'item');
    return v;
  }
  return canon(item === 'education' ? { fullTime: c.edu_full_time, inService: c.edu_in_service } : c.resume);
}

export async function reviewItem(ctx: Ctx, id: number, b: TCadreReviewInput): Promise<number> {
  return changeCadre(ctx, id, {
    section: 'review',
    action: 'confirm',
    review: {
      item: b.item,
      value: await reviewValue(ctx, id, b.item),
      source: b.source,
      reviewer_id: ctx.actor.userId,
      reviewer_name: ctx.actor.displayName,
      reviewed_on: ctx.today(),
      note: b.note,
    },
  });
}

export async function cadreHistory(ctx: Ctx, id: number) {
  const rows = await q.historyOf(ctx.db, id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      section: r.section,
      action: r.action,
      actorName: r.actor_name,
      at: new Date(r.at as Date).toISOString(),
      reason: r.reason,
      before: r.before,
      after: r.after,
    })),
  };
}

/** The full identity number, audited with the cadre's id (SECURITY.md 16, 21). */
export async function revealCadreId(ctx: Ctx, id: number) {
  const c = await ctx.db.selectFrom('cadres').select('id_cipher').where('id', '=', id).executeTakeFirst();
  if (!c?.id_cipher) throw notFound('身份证号');
  const cipher = c.id_cipher;
  return audited(ctx, { action: 'cadre.reveal_id', objectType: 'cadre', objectId: () => id }, async () => ({
    idNumber: ctx.crypto.decrypt(cipher),
  }));
}

export async function cadrePhoto(ctx: Ctx, id: number) {
  const p = await ctx.db.selectFrom('cadres').select(['photo', 'photo_mime']).where('id', '=', id).executeTakeFirst();
  if (!p?.photo || !p.photo_mime) throw notFound('照片');
  return { bytes: p.photo, mime: p.photo_mime };
}

/** Runs a change of cadre `id` in its audited transaction, then answers the whole file (the routes' write shape). */
export async function changeAndShow(
  ctx: Ctx,
  action: string,
  id: number,
  fn: (trx: Ctx) => Promise<unknown>,
  detail?: Record<string, unknown>,
): Promise<TCadreFile> {
  await audited(ctx, { action, objectType: 'cadre', objectId: () => id, detail: () => detail ?? null }, (trx) => fn(inTrx(ctx, trx)));
  return cadreFile(ctx, id);
}

// The 任免审批表 of a cadre as one value (domain/schemas/cadre-sheet.ts), built from the structured file,
// and a sheet written back into the structured file through the writer. The .lrmx reader and writer
// and the PDF/Word printers speak only this value. The property they rely on, tested: for a sheet S,
// sheetOf after applySheet(S) is S on every field the .lrmx carries (for a new cadre; on an existing one
// an absent photo or identity number keeps the file's, and a member's identity follows the member record).
//
// Three fields of the form are free text over structured rows. Each keeps the text it was given only
// while the rows still say what they said when it was written (a "basis"): a later appointment or
// assessment makes the form follow the rows again.
//   现任职务  ← the open appointments ("、"-joined), else the text of the last sheet
//   年度考核结果 ← the last three assessments ("2023年度考核称职；2024年度考核优秀"); "YYYY年度考核X" items
//                of a sheet become assessments, anything else stays as text
//   奖惩情况  ← the rewards shown on the form, one row per line of the sheet's text
import type { Db } from '../../db/engine.js';
import type { IdCrypto } from '../../crypto/id-crypto.js';
import { ASSESSMENT_GRADES, levelRank } from '../../../domain/cadre-codes.js';
import type { TCadreSheet, TEducationRow, TLrmxExtra, TResumeLine } from '../../../domain/schemas/cadre-sheet.js';
import { invalid, notFound } from '../../errors.js';
import {
  changeCadre,
  insertCadre,
  type AssessmentIn,
  type CadreSet,
  type CadreWriter,
  type FamilyIn,
  type FormTexts,
  type RewardIn,
} from './changes.js';
import { imageMime } from './photo.js';

export interface SheetReader {
  db: Db;
  crypto: IdCrypto;
}

/** form_texts keys: the form's own texts and the free texts kept over structured rows (with their basis). */
const TEXT_KEYS = ['proposedPost', 'proposedRemoval', 'reason', 'reportingUnit', 'filledBy'] as const;

const EMPTY_EDU: TEducationRow = { level: '', degree: '', levelSchool: '', degreeSchool: '' };
const edu = (v: unknown): TEducationRow => ({ ...EMPTY_EDU, ...((v ?? {}) as Partial<TEducationRow>) });
const resumeOf = (v: unknown): TResumeLine[] =>
  ((v ?? []) as TResumeLine[]).map((l) => ({ from: l.from ?? null, to: l.to ?? null, text: l.text ?? '', sub: l.sub ?? [] }));

/** 现任职务 from the open appointments: the main post first (not concurrent, highest level, principal, latest). */
function currentPostOf(
  open: { title: string; level: string | null; principal: boolean; concurrent: boolean; decided_on: string }[],
): string {
  const lr = (l: string | null) => (l && levelRank(l) >= 0 ? levelRank(l) : 99);
  return [...open]
    .sort(
      (a, b) =>
        Number(a.concurrent) - Number(b.concurrent) ||
        lr(a.level) - lr(b.level) ||
        Number(b.principal) - Number(a.principal) ||
        (a.decided_on < b.decided_on ? 1 : a.decided_on > b.decided_on ? -1 : 0),
    )
    .map((a) => a.title)
    .join('、');
}

/** 年度考核结果 from the last three years: "2023年度考核称职；2024年度考核优秀". */
export const assessmentsText = (rows: { year: number; grade: string }[]): string =>
  [...rows]
    .sort((a, b) => a.year - b.year)
    .slice(-3)
    .map((r) => `${r.year}年度考核${r.grade}`)
    .join('；');

// Longest grades first, so 基本称职 is not read as 称职.
const GRADES = [...ASSESSMENT_GRADES].sort((a, b) => b.length - a.length).join('|');
const ITEM = new RegExp(`^(\\d{4})年度?(?:考核)?(?:结果)?(?:为)?[:：]?(${GRADES})(?:等次)?$`);

/** The "YYYY年度考核X" items of a free 年度考核结果 text (the rest is left as text by the caller). */
export function parseAssessments(text: string): AssessmentIn[] {
  const byYear = new Map<number, AssessmentIn>();
  for (const piece of text.split(/[；;，,、。\r\n]+/)) {
    const m = ITEM.exec(piece.trim());
    if (m) byYear.set(Number(m[1]), { year: Number(m[1]), grade: m[2], note: '' });
  }
  return [...byYear.values()];
}

const PUNISHMENT = /处分|警告|记过|记大过|降级|撤职|开除|诫勉|通报批评|免职/;

/** The 任免审批表 of a cadre, from the structured file. Carries the full identity number (for .lrmx). */
export async function sheetOf(ctx: SheetReader, cadreId: number): Promise<TCadreSheet> {
  const { db } = ctx;
  const c = await db.selectFrom('cadres').selectAll().where('id', '=', cadreId).executeTakeFirst();
  if (!c) throw notFound('干部');
  const [open, rewards, assessments, family] = await Promise.all([
    db
      .selectFrom('cadre_appointments')
      .select(['title', 'level', 'principal', 'concurrent', 'decided_on'])
      .where('cadre_id', '=', cadreId)
      .where('ended_on', 'is', null)
      .execute(),
    db
      .selectFrom('cadre_rewards')
      .select('text')
      .where('cadre_id', '=', cadreId)
      .where('on_form', '=', true)
      .orderBy('sort')
      .orderBy('id')
      .execute(),
    db.selectFrom('cadre_assessments').select(['year', 'grade']).where('cadre_id', '=', cadreId).execute(),
    db.selectFrom('cadre_family').selectAll().where('cadre_id', '=', cadreId).orderBy('sort').orderBy('id').execute(),
  ]);
  const texts = (c.form_texts ?? {}) as FormTexts;
  // A cadre without a leadership post (改任职级, 职级公务员) is shown by the rank held.
  const post = currentPostOf(open) || c.rank_title;
  const assessed = assessmentsText(assessments);
  const t = (k: string) => texts[k] ?? '';
  return {
    name: c.name,
    sex: c.sex,
    birth: c.birth,
    ethnicity: c.ethnicity,
    nativePlace: c.native_place,
    birthPlace: c.birth_place,
    partyJoin: c.party_join,
    partyName: c.party_name,
    workStart: c.work_start,
    health: c.health,
    proTitle: c.pro_title,
    expertise: c.expertise,
    fullTime: edu(c.edu_full_time),
    inService: edu(c.edu_in_service),
    currentPost: texts.currentPost != null && texts.currentPostBasis === post ? texts.currentPost : post,
    proposedPost: t('proposedPost'),
    proposedRemoval: t('proposedRemoval'),
    resume: resumeOf(c.resume),
    rewards: rewards.map((r) => r.text).join('\n'),
    assessments: texts.assessments != null && texts.assessmentsBasis === assessed ? texts.assessments : assessed,
    reason: t('reason'),
    family: family.map((f) => ({
      relation: f.relation,
      name: f.name,
      birth: f.birth,
      political: f.political,
      workPost: f.work_post,
      deceased: f.deceased,
    })),
    reportingUnit: t('reportingUnit'),
    ageAt: texts.ageAt ?? null,
    filledOn: texts.filledOn ?? null,
    filledBy: t('filledBy'),
    idNumber: c.id_cipher ? ctx.crypto.decrypt(c.id_cipher) : null,
    photo:
      c.photo && c.photo_mime
        ? { mime: c.photo_mime as 'image/jpeg' | 'image/png', base64: Buffer.from(c.photo).toString('base64') }
        : null,
    version: c.lrmx_version,
    extras: (c.lrmx_extras ?? []) as unknown as TLrmxExtra[],
  };
}

export interface ApplySheetOptions {
  /** Required for a new cadre: the organization that manages them (干部管理权限). */
  managerOrgId?: number;
  /** A new cadre who is this Party member: identity then comes from the member record. */
  memberId?: number | null;
  /** Why reviewed 三龄二历 items change (refused without one, like any other change). */
  reason?: string | null;
  /** The file version the caller read (409 when stale). */
  version?: number;
  /** As the history names it ('import' for .lrmx). */
  action?: string;
}

/** Identity fields of the sheet that a member-linked cadre takes from the member record instead. */
const IDENTITY_FIELDS = ['name', 'sex', 'birth', 'ethnicity', 'partyJoin', 'idNumber'] as const;

/**
 * Writes a sheet into the structured file through the writer (a new cadre when `cadreId` is null).
 * Returns the cadre and the identity fields it did not take because the member record holds them.
 */
export async function applySheet(
  w: CadreWriter,
  cadreId: number | null,
  sheet: TCadreSheet,
  opts: ApplySheetOptions = {},
): Promise<{ id: number; ignored: string[] }> {
  let id = cadreId;
  if (id === null) {
    if (!opts.managerOrgId) throw invalid('请指定干部管理单位', 'managerOrgId');
    id = await insertCadre(w, { manager_org_id: opts.managerOrgId, member_id: opts.memberId ?? null, name: sheet.name }, 'sheet', 'create');
  }
  const cur = await w.db.selectFrom('cadres').selectAll().where('id', '=', id).executeTakeFirst();
  if (!cur) throw notFound('干部');
  const { db } = w;
  const [open, assessed, family] = await Promise.all([
    db
      .selectFrom('cadre_appointments')
      .select(['title', 'level', 'principal', 'concurrent', 'decided_on'])
      .where('cadre_id', '=', id)
      .where('ended_on', 'is', null)
      .execute(),
    db.selectFrom('cadre_assessments').select(['year', 'grade', 'note']).where('cadre_id', '=', id).execute(),
    db.selectFrom('cadre_family').selectAll().where('cadre_id', '=', id).execute(),
  ]);

  const set: CadreSet = {
    native_place: sheet.nativePlace,
    birth_place: sheet.birthPlace,
    party_name: sheet.partyName,
    work_start: sheet.workStart,
    health: sheet.health,
    pro_title: sheet.proTitle,
    expertise: sheet.expertise,
    edu_full_time: sheet.fullTime,
    edu_in_service: sheet.inService,
    resume: sheet.resume,
    lrmx_version: sheet.version,
    lrmx_extras: sheet.extras,
  };
  const ignored: string[] = [];
  const identity = { name: sheet.name, sex: sheet.sex, birth: sheet.birth, ethnicity: sheet.ethnicity, party_join: sheet.partyJoin };
  if (cur.member_id === null) {
    Object.assign(set, identity);
    if (sheet.idNumber) set.id_number = sheet.idNumber;
  } else {
    // Compared at the sheet's precision: a .lrmx gives 1985-04 for a member born 1985-04-12.
    const same = (a: string | null, b: string | null) => (a ?? '') === (b ?? '').slice(0, (a ?? '').length) && !!a === !!b;
    const differs: Record<(typeof IDENTITY_FIELDS)[number], boolean> = {
      name: sheet.name !== cur.name,
      sex: !!sheet.sex && sheet.sex !== cur.sex,
      birth: !same(sheet.birth, cur.birth),
      ethnicity: !!sheet.ethnicity && sheet.ethnicity !== cur.ethnicity,
      partyJoin: !same(sheet.partyJoin, cur.party_join),
      idNumber: !!sheet.idNumber && (!cur.id_hash || w.crypto.hash(sheet.idNumber) !== cur.id_hash),
    };
    ignored.push(...IDENTITY_FIELDS.filter((f) => differs[f]));
  }
  if (sheet.photo) {
    const bytes = Buffer.from(sheet.photo.base64.replace(/\s+/g, ''), 'base64');
    const mime = imageMime(bytes);
    if (!mime) throw invalid('照片不是 JPG 或 PNG 图片', 'photo');
    Object.assign(set, { photo: bytes, photo_mime: mime });
  }

  // 年度考核结果: its items become assessments; the text stays only when the rows cannot say it.
  const parsed = parseAssessments(sheet.assessments);
  const merged = [...assessed.filter((a) => !parsed.some((p) => p.year === a.year)), ...parsed];
  const assessedText = assessmentsText(merged);
  // A cadre without a leadership post (改任职级, 职级公务员) is shown by the rank held.
  const post = currentPostOf(open) || (cur?.rank_title ?? '');
  const texts: FormTexts = { ...((cur.form_texts ?? {}) as FormTexts) };
  for (const k of TEXT_KEYS) texts[k] = sheet[k] || null;
  texts.ageAt = sheet.ageAt;
  texts.filledOn = sheet.filledOn;
  Object.assign(
    texts,
    sheet.currentPost === post ? { currentPost: null, currentPostBasis: null } : { currentPost: sheet.currentPost, currentPostBasis: post },
    sheet.assessments === assessedText
      ? { assessments: null, assessmentsBasis: null }
      : { assessments: sheet.assessments, assessmentsBasis: assessedText },
  );
  set.form_texts = Object.fromEntries(Object.entries(texts).filter(([, v]) => v !== null && v !== undefined));

  // 奖惩情况: one row shown on the form per line (a punishment when it reads like one).
  const rewards: RewardIn[] = sheet.rewards
    ? sheet.rewards.split('\n').map((line) => ({
        kind: PUNISHMENT.test(line) ? 'punishment' : 'reward',
        on_date: null,
        text: line,
        on_form: true,
        until: null,
      }))
    : [];
  // Family rows keep what the sheet does not carry (abroad, a relative's cadre file) when the same person returns.
  const rows: FamilyIn[] = sheet.family.map((f) => {
    const was = family.find((x) => x.relation === f.relation && x.name === f.name);
    return {
      relation: f.relation,
      name: f.name,
      birth: f.birth,
      political: f.political,
      work_post: f.workPost,
      deceased: f.deceased,
      abroad_country: was?.abroad_country ?? null,
      abroad_status: was?.abroad_status ?? null,
      relative_cadre_id: was?.relative_cadre_id ?? null,
    };
  });

  await changeCadre(w, id, {
    section: 'sheet',
    action: opts.action ?? 'import',
    set,
    version: opts.version,
    reason: opts.reason,
    rewards: { rows: rewards, only: 'on_form' },
    assessments: { rows: parsed, mode: 'upsert' },
    family: rows,
    note: ignored.length ? { ignoredIdentity: ignored } : undefined,
  });
  return { id, ignored };
}

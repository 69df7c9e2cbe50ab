// The registry's workflow on a Ctx: create and edit a talent (through the one writer), the person's
// page, the card (issue and renew by the tier's card_years), tier sets as versioned data. Employers,
// districts and the structure counts: structure.ts.
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/engine.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { inScope } from '../../scope/access.js';
import { cardExpiry, cardNumber, setInForce } from '../../../domain/rules/talent-card.js';
import type {
  TCardIssue,
  TDegree,
  TEvaluation,
  TTalent,
  TTalentCreate,
  TTalentUpdate,
  TTierSet,
  TTierSetCreate,
  TTitle,
} from '../../../domain/schemas/talent.js';
import { changeTalent, insertTalent, type TalentSet } from './changes.js';
import { presentRow, rowColumns } from './queries.js';

/** The district the talent will lie in must be within the actor's subtree (a foreign one looks missing). */
async function checkPlace(ctx: Ctx, employerId: number | null, districtOrgId: number | null): Promise<void> {
  if (employerId !== null) {
    const e = await ctx.db.selectFrom('talent_employers').select('district_path').where('id', '=', employerId).executeTakeFirst();
    if (!e || !inScope(ctx.actor, e.district_path)) throw notFound('用人单位');
  } else if (districtOrgId !== null) {
    const o = await ctx.db.selectFrom('orgs').select('path').where('id', '=', districtOrgId).executeTakeFirst();
    if (!o || !inScope(ctx.actor, o.path)) throw notFound('所在区');
  } else throw invalid('请选择用人单位或所在区', 'districtOrgId');
}

function setOf(b: TTalentCreate): TalentSet {
  const s: TalentSet = {
    member_id: b.memberId,
    cadre_id: b.cadreId,
    phone: b.phone,
    email: b.email,
    employer_id: b.employerId,
    field: b.field,
    industry: b.industry,
    recruitment: b.recruitment,
    degrees: b.degrees,
    titles: b.titles,
    returned_on: b.returnedOn,
    nationality: b.nationality || '中国',
  };
  if (b.districtOrgId !== null) s.district_org_id = b.districtOrgId;
  if (b.memberId === null && b.cadreId === null)
    Object.assign(s, { name: b.name, sex: b.sex, birth: b.birth, id_number: b.idNumber || null });
  return s;
}

export async function createTalent(ctx: Ctx, b: TTalentCreate): Promise<number> {
  await checkPlace(ctx, b.employerId, b.districtOrgId);
  return insertTalent(ctx, setOf(b));
}

export async function updateTalent(ctx: Ctx, id: number, b: TTalentUpdate): Promise<void> {
  await checkPlace(ctx, b.employerId, b.districtOrgId);
  const cur = await ctx.db.selectFrom('talent_people').select(['id_masked']).where('id', '=', id).executeTakeFirstOrThrow();
  const set: TalentSet = { ...setOf(b), status: b.status, left_on: b.status === 'left' ? (b.leftOn ?? ctx.today()) : null };
  // An unchanged masked number (the form shows the mask) keeps the sealed one.
  if (set.id_number && set.id_number === cur.id_masked) delete set.id_number;
  if (b.status === 'left' && b.leftOn === null) set.left_on = ctx.today();
  await changeTalent(ctx, id, { change: 'update', set, version: b.version });
}

export async function getTalent(db: Db, id: number): Promise<TTalent> {
  const r = await rowColumns(db.selectFrom('talent_people as t').where('t.id', '=', id))
    .select([
      't.user_id',
      't.id_masked',
      't.nationality',
      't.phone',
      't.email',
      't.degrees',
      't.titles',
      sql<string | null>`to_char(t.returned_on, 'YYYY-MM-DD')`.as('returned_on'),
      sql<string | null>`to_char(t.card_issued_on, 'YYYY-MM-DD')`.as('card_issued_on'),
      sql<string | null>`to_char(t.left_on, 'YYYY-MM-DD')`.as('left_on'),
      't.version',
    ])
    .executeTakeFirst();
  if (!r) throw notFound('人才');
  const [history, documents, evaluations] = await Promise.all([
    db
      .selectFrom('talent_history as h')
      .leftJoin('users as u', 'u.id', 'h.user_id')
      .select(['h.id', 'h.at', 'h.change', 'h.before', 'h.after', 'u.display_name'])
      .where('h.person_id', '=', id)
      .orderBy('h.at', 'desc')
      .orderBy('h.id', 'desc')
      .execute(),
    documentsOf(db, id),
    evaluationsOf(db, id),
  ]);
  const x = r as typeof r & {
    user_id: number | null;
    id_masked: string | null;
    nationality: string;
    phone: string;
    email: string;
    degrees: unknown;
    titles: unknown;
    returned_on: string | null;
    card_issued_on: string | null;
    left_on: string | null;
    version: number;
  };
  return {
    ...presentRow(r),
    memberId: r.member_id,
    cadreId: r.cadre_id,
    userId: x.user_id,
    idMasked: x.id_masked,
    nationality: x.nationality,
    phone: x.phone,
    email: x.email,
    degrees: x.degrees as TDegree[],
    titles: x.titles as TTitle[],
    returnedOn: x.returned_on,
    cardIssuedOn: x.card_issued_on,
    leftOn: x.left_on,
    version: x.version,
    history: history.map((h) => ({
      id: h.id,
      at: new Date(h.at).toISOString(),
      change: h.change,
      userName: h.display_name,
      before: h.before as Record<string, unknown> | null,
      after: h.after as Record<string, unknown> | null,
    })),
    documents,
    evaluations,
  };
}

export async function documentsOf(db: Db, personId: number, recognitionId?: number) {
  let q = db
    .selectFrom('talent_documents')
    .select(['id', 'kind', 'file_name', 'mime', 'size_bytes', 'sha256', 'recognition_id', 'uploaded_at'])
    .where('person_id', '=', personId);
  if (recognitionId !== undefined) q = q.where('recognition_id', '=', recognitionId);
  const rows = await q.orderBy('id').execute();
  return rows.map((d) => ({
    id: d.id,
    kind: d.kind,
    fileName: d.file_name,
    mime: d.mime,
    sizeBytes: d.size_bytes,
    sha256: d.sha256,
    recognitionId: d.recognition_id,
    uploadedAt: new Date(d.uploaded_at).toISOString(),
  }));
}

export async function evaluationsOf(db: Db, personId: number): Promise<TEvaluation[]> {
  const rows = await db.selectFrom('talent_evaluations').selectAll().where('person_id', '=', personId).orderBy('year').execute();
  return rows.map((e) => ({
    id: e.id,
    year: e.year,
    scores: e.scores as Record<string, number>,
    notes: e.notes as Record<string, string>,
    achieved: Number(e.achieved),
    potential: Number(e.potential),
    total: Number(e.total),
    evaluatedAt: new Date(e.evaluated_at).toISOString(),
  }));
}

/** The tier and its set, refused unless the set is in force on `on`. */
export async function tierInForce(db: Db, tierId: number, on: string, field = 'tierId') {
  const t = await db
    .selectFrom('talent_tiers as tt')
    .innerJoin('talent_tier_sets as ts', 'ts.id', 'tt.set_id')
    .select([
      'tt.id',
      'tt.name',
      'tt.card_years',
      'tt.expert_review',
      'ts.id as set_id',
      'ts.name as set_name',
      'ts.publicity_days',
      sql<string>`to_char(ts.effective_on, 'YYYY-MM-DD')`.as('effective_on'),
      sql<string | null>`to_char(ts.superseded_on, 'YYYY-MM-DD')`.as('superseded_on'),
    ])
    .where('tt.id', '=', tierId)
    .executeTakeFirst();
  if (!t) throw invalid('人才层次不存在', field);
  if (!setInForce({ effectiveOn: t.effective_on, supersededOn: t.superseded_on }, on))
    throw invalid(`“${t.set_name}”在 ${on} 不在有效期内，请选择现行目录的层次`, field);
  return t;
}

/** Grants or renews the card: the tier of a set in force, expiry by the tier's card_years; the evaluation is kept beside a renewal. */
export async function issueCard(ctx: Ctx, personId: number, b: TCardIssue, change?: string): Promise<void> {
  const tier = await tierInForce(ctx.db, b.tierId, b.issuedOn);
  const cur = await ctx.db
    .selectFrom('talent_people')
    .select(['card_no', 'tier_id', 'status'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  if (cur.status === 'left') throw conflict('该人才已离开，不能发放人才卡', 'tierId');
  const renewal = cur.card_no !== null;
  const latest = renewal
    ? await ctx.db
        .selectFrom('talent_evaluations')
        .select(['year', 'total', 'achieved', 'potential'])
        .where('person_id', '=', personId)
        .orderBy('year', 'desc')
        .executeTakeFirst()
    : undefined;
  await changeTalent(ctx, personId, {
    change: change ?? (renewal ? 'card.renew' : 'card.issue'),
    version: b.version,
    set: {
      tier_id: tier.id,
      card_no: cur.card_no ?? cardNumber(Number(b.issuedOn.slice(0, 4)), personId),
      card_issued_on: b.issuedOn,
      card_expires_on: cardExpiry(b.issuedOn, tier.card_years),
    },
    after: {
      tierName: tier.name,
      tierSet: tier.set_name,
      note: b.note,
      ...(latest
        ? {
            evaluation: {
              year: latest.year,
              total: Number(latest.total),
              achieved: Number(latest.achieved),
              potential: Number(latest.potential),
            },
          }
        : {}),
    },
  });
}

// ---- tier sets ----
export async function tierSets(db: Db, today: string): Promise<TTierSet[]> {
  const [sets, tiers, criteria] = await Promise.all([
    db
      .selectFrom('talent_tier_sets')
      .select([
        'id',
        'code',
        'name',
        'source',
        'publicity_days',
        sql<string>`to_char(effective_on, 'YYYY-MM-DD')`.as('effective_on'),
        sql<string | null>`to_char(superseded_on, 'YYYY-MM-DD')`.as('superseded_on'),
      ])
      .orderBy('effective_on', 'desc')
      .execute(),
    db.selectFrom('talent_tiers').selectAll().orderBy('rank').execute(),
    db.selectFrom('talent_review_criteria').selectAll().orderBy('id').execute(),
  ]);
  return sets.map((s) => ({
    id: s.id,
    code: s.code,
    name: s.name,
    effectiveOn: s.effective_on,
    supersededOn: s.superseded_on,
    source: s.source,
    publicityDays: s.publicity_days,
    inForce: setInForce({ effectiveOn: s.effective_on, supersededOn: s.superseded_on }, today),
    tiers: tiers
      .filter((t) => t.set_id === s.id)
      .map((t) => ({
        id: t.id,
        code: t.code,
        name: t.name,
        rank: t.rank,
        cardYears: t.card_years,
        expertReview: t.expert_review,
        description: t.description,
      })),
    criteria: criteria.filter((c) => c.set_id === s.id).map((c) => ({ code: c.code, name: c.name, weight: c.weight })),
  }));
}

/** A new set; the set in force on its effective date is superseded from that day. */
export async function createTierSet(ctx: Ctx, b: TTierSetCreate): Promise<number> {
  const codes = b.tiers.map((t) => t.code);
  if (new Set(codes).size !== codes.length) throw invalid('人才层次代码重复', 'tiers');
  if (b.criteria.length && b.criteria.reduce((s, c) => s + c.weight, 0) !== 100) throw invalid('评审指标权重之和应为 100', 'criteria');
  if (await ctx.db.selectFrom('talent_tier_sets').select('id').where('code', '=', b.code).executeTakeFirst())
    throw conflict('目录代码已存在', 'code');
  const later = await ctx.db.selectFrom('talent_tier_sets').select('id').where('effective_on', '>=', b.effectiveOn).executeTakeFirst();
  if (later) throw conflict('已有同日或更晚生效的人才分类目录', 'effectiveOn');
  await ctx.db
    .updateTable('talent_tier_sets')
    .set({ superseded_on: b.effectiveOn })
    .where('effective_on', '<', b.effectiveOn)
    .where((eb) => eb.or([eb('superseded_on', 'is', null), eb('superseded_on', '>', b.effectiveOn)]))
    .execute();
  const { id } = await ctx.db
    .insertInto('talent_tier_sets')
    .values({ code: b.code, name: b.name, effective_on: b.effectiveOn, source: b.source, publicity_days: b.publicityDays })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('talent_tiers')
    .values(
      b.tiers.map((t, i) => ({
        set_id: id,
        code: t.code,
        name: t.name,
        rank: i + 1,
        card_years: t.cardYears,
        expert_review: t.expertReview,
        description: t.description,
      })),
    )
    .execute();
  if (b.criteria.length)
    await ctx.db
      .insertInto('talent_review_criteria')
      .values(b.criteria.map((c) => ({ set_id: id, code: c.code, name: c.name, weight: c.weight })))
      .execute();
  return id;
}

// The policy register (issue 15 point 4): policies, their benefit items and each item's dated versions (amount in
// integer fen, conditions, source). Adding a version is how an amount changes; nothing is overwritten.
import type { Db } from '../../db/engine.js';
import type { Trx } from '../../audit/audit-log.js';
import type { Ctx } from '../../context.js';
import { conflict, notFound } from '../../errors.js';
import type { PolicyData } from '../../../domain/rules/talent-policy.js';
import type { TCondition, TItemCreate, TPolicy, TPolicyCreate, TVersionCreate } from '../../../domain/schemas/talent-policies.js';

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** Every policy with its items and versions (the register is small: tens of policies). */
export async function listPolicies(db: Db, ids?: number[]): Promise<TPolicy[]> {
  let q = db.selectFrom('talent_policies').selectAll().orderBy('effective_on', 'desc').orderBy('id', 'desc');
  if (ids) q = q.where('id', 'in', ids.length ? ids : [0]);
  const policies = await q.execute();
  if (policies.length === 0) return [];
  const items = await db
    .selectFrom('talent_benefit_items')
    .select(['id', 'policy_id', 'code', 'name'])
    .where(
      'policy_id',
      'in',
      policies.map((p) => p.id),
    )
    .orderBy('id')
    .execute();
  const versions = items.length
    ? await db
        .selectFrom('talent_benefit_versions')
        .select(['id', 'item_id', 'effective_on', 'amount_fen', 'conditions', 'source'])
        .where(
          'item_id',
          'in',
          items.map((i) => i.id),
        )
        .orderBy('effective_on')
        .execute()
    : [];
  return policies.map((p) => ({
    id: p.id,
    docNo: p.doc_no,
    title: p.title,
    issuer: p.issuer,
    coIssuers: list(p.co_issuers),
    level: p.level,
    publishedOn: p.published_on,
    effectiveOn: p.effective_on,
    expiresOn: p.expires_on,
    status: p.status,
    expertReview: p.expert_review,
    publicityDays: p.publicity_days,
    instalments: p.instalments,
    note: p.note,
    items: items
      .filter((i) => i.policy_id === p.id)
      .map((i) => ({
        id: i.id,
        code: i.code,
        name: i.name,
        versions: versions
          .filter((v) => v.item_id === i.id)
          .map((v) => ({
            id: v.id,
            effectiveOn: v.effective_on,
            amountFen: v.amount_fen,
            conditions: v.conditions as TCondition[],
            source: v.source,
          })),
      })),
  }));
}

export async function getPolicy(db: Db, id: number): Promise<TPolicy> {
  const [p] = await listPolicies(db, [id]);
  if (!p) throw notFound('政策');
  return p;
}

/** The register's row as the pure evaluator takes it. */
export const policyData = (p: TPolicy): PolicyData => ({
  docNo: p.docNo,
  title: p.title,
  effectiveOn: p.effectiveOn,
  expiresOn: p.expiresOn,
  status: p.status,
  items: p.items.map((i) => ({ code: i.code, name: i.name, versions: i.versions })),
});

async function insertItem(ctx: Ctx, trx: Trx, policyId: number, item: TItemCreate): Promise<number> {
  const clash = await trx.selectFrom('talent_benefit_items').select('id').where('code', '=', item.code).executeTakeFirst();
  if (clash) throw conflict(`项目代码 ${item.code} 已被使用`, 'code');
  const row = await trx
    .insertInto('talent_benefit_items')
    .values({ policy_id: policyId, code: item.code, name: item.name })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertVersion(ctx, trx, row.id, item.version);
  return row.id;
}

async function insertVersion(ctx: Ctx, trx: Trx, itemId: number, v: TVersionCreate): Promise<number> {
  const clash = await trx
    .selectFrom('talent_benefit_versions')
    .select('id')
    .where('item_id', '=', itemId)
    .where('effective_on', '=', v.effectiveOn)
    .executeTakeFirst();
  if (clash) throw conflict(`该项目 ${v.effectiveOn} 已有生效标准，请换一个生效日期`, 'effectiveOn');
  const row = await trx
    .insertInto('talent_benefit_versions')
    .values({
      item_id: itemId,
      effective_on: v.effectiveOn,
      amount_fen: v.amountFen,
      conditions: JSON.stringify(v.conditions),
      source: v.source,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createPolicy(ctx: Ctx, trx: Trx, b: TPolicyCreate): Promise<number> {
  if (b.expiresOn && b.expiresOn < b.effectiveOn) throw conflict('失效日期不能早于施行日期', 'expiresOn');
  const dup = await trx.selectFrom('talent_policies').select('id').where('doc_no', '=', b.docNo).executeTakeFirst();
  if (dup) throw conflict(`文号 ${b.docNo} 已登记`, 'docNo');
  const codes = b.items.map((i) => i.code);
  if (new Set(codes).size !== codes.length) throw conflict('项目代码重复', 'items');
  const row = await trx
    .insertInto('talent_policies')
    .values({
      doc_no: b.docNo,
      title: b.title,
      issuer: b.issuer,
      co_issuers: JSON.stringify(b.coIssuers),
      level: b.level,
      published_on: b.publishedOn,
      effective_on: b.effectiveOn,
      expires_on: b.expiresOn,
      status: b.status,
      expert_review: b.expertReview,
      publicity_days: b.publicityDays,
      instalments: b.instalments,
      note: b.note,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const item of b.items) await insertItem(ctx, trx, row.id, item);
  return row.id;
}

export async function addItem(ctx: Ctx, trx: Trx, policyId: number, item: TItemCreate): Promise<number> {
  await getPolicy(trx, policyId);
  return insertItem(ctx, trx, policyId, item);
}

/** A changed amount or condition from a date on: a new version; the older ones keep deciding earlier dates. */
export async function addVersion(ctx: Ctx, trx: Trx, itemId: number, v: TVersionCreate): Promise<{ policyId: number; versionId: number }> {
  const item = await trx.selectFrom('talent_benefit_items').select(['id', 'policy_id']).where('id', '=', itemId).executeTakeFirst();
  if (!item) throw notFound('政策项目');
  return { policyId: item.policy_id, versionId: await insertVersion(ctx, trx, itemId, v) };
}

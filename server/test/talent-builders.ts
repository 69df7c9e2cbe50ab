// Test builders of the talent area: a registered talent written directly (set-up, like the demo's bulk
// writer), lying in a district, optionally owned by an account, on an employer's staff and holding a tier of a tier set.
import type { Db } from '../db/engine.js';

let serial = 0;

export async function buildTierSet(db: Db, code = `T${++serial}`): Promise<Map<string, number>> {
  const set = await db
    .insertInto('talent_tier_sets')
    .values({ code, name: `测试人才分类${code}`, effective_on: '2024-01-01', source: '测试' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const tiers = new Map<string, number>();
  for (const [rank, c] of ['A', 'B', 'C', 'D', 'E'].entries()) {
    const t = await db
      .insertInto('talent_tiers')
      .values({ set_id: set.id, code: c, name: `${c}类人才`, rank: rank + 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    tiers.set(c, t.id);
  }
  return tiers;
}

export async function buildTalent(
  db: Db,
  o: { districtOrgId: number; name?: string; userId?: number; tierId?: number; cardExpiresOn?: string; employerId?: number },
): Promise<number> {
  const n = ++serial;
  const r = await db
    .insertInto('talent_people')
    .values({
      name: o.name ?? `测试人才${n}`,
      district_org_id: o.districtOrgId,
      user_id: o.userId ?? null,
      tier_id: o.tierId ?? null,
      card_no: o.tierId ? `TEST-${n}` : null,
      card_issued_on: o.tierId ? '2025-01-01' : null,
      card_expires_on: o.tierId ? (o.cardExpiresOn ?? '2030-01-01') : null,
      degrees: '[]',
      titles: '[]',
      birth: null,
      id_cipher: null,
      id_hash: null,
      id_masked: null,
      employer_id: o.employerId ?? null,
      member_id: null,
      cadre_id: null,
      returned_on: null,
      left_on: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

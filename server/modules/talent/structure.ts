// The registry's reference lists and counts: employers and districts within the scope (for the forms and
// filters), the structure of active talents by tier, field, employer, district, industry or recruitment.
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/engine.js';
import { scopeSql } from '../../scope/access.js';
import type { TStructure } from '../../../domain/schemas/talent.js';
import { filtered } from './queries.js';

export async function employers(ctx: Ctx) {
  const rows = await ctx.db
    .selectFrom('talent_employers as e')
    .innerJoin('orgs as o', 'o.id', 'e.district_org_id')
    .select(['e.id', 'e.name', 'e.district_org_id', 'o.name as district_name', 'e.industry', 'e.kind'])
    .where(scopeSql('e.district_path', ctx.actor.scopePath))
    .orderBy('e.name')
    .limit(2000)
    .execute();
  return rows.map((e) => ({
    id: e.id,
    name: e.name,
    districtOrgId: e.district_org_id,
    districtName: e.district_name,
    industry: e.industry,
    kind: e.kind,
  }));
}

/** The districts (organizations holding talents or employers) within the scope. */
export async function districts(ctx: Ctx) {
  const rows = await ctx.db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.name'])
    .where((eb) => eb.exists(eb.selectFrom('talent_employers as e').select('e.id').whereRef('e.district_org_id', '=', 'o.id')))
    .where(scopeSql('o.path', ctx.actor.scopePath))
    .orderBy('o.name')
    .execute();
  return rows;
}

const RECRUITMENT_LABEL: Record<string, string> = { full_time: '全职引进', flexible: '柔性引进' };

/** Counts of active talents by one dimension, within the scope. */
export const structure = (ctx: Ctx, by: TStructure['by']): Promise<TStructure> => structureOf(ctx.db, ctx.actor.scopePath, by);

/** Counts of active talents by one dimension below a path (the structure view, the dashboard panel). */
export async function structureOf(db: Db, scopePath: string, by: TStructure['by']): Promise<TStructure> {
  const q = filtered(db, scopePath, { status: 'active' });
  const flexible = sql<number>`count(*) filter (where t.recruitment = 'flexible')::int`.as('flexible');
  const count = sql<number>`count(*)::int`.as('count');
  let rows: { key: string; label: string; count: number; flexible: number }[];
  if (by === 'tier') {
    const r = await q
      .leftJoin('talent_tiers as tt', 'tt.id', 't.tier_id')
      .leftJoin('talent_tier_sets as ts', 'ts.id', 'tt.set_id')
      .select([
        sql<string>`coalesce(t.tier_id::text, '')`.as('key'),
        sql<string>`coalesce(ts.name || ' · ' || tt.name, '')`.as('label'),
        count,
        flexible,
      ])
      .groupBy(['t.tier_id', 'ts.name', 'tt.name', 'tt.rank', 'ts.effective_on'])
      .orderBy('ts.effective_on', 'desc')
      .orderBy('tt.rank')
      .execute();
    rows = r;
  } else if (by === 'employer') {
    const r = await q
      .leftJoin('talent_employers as e', 'e.id', 't.employer_id')
      .select([sql<string>`coalesce(t.employer_id::text, '')`.as('key'), sql<string>`coalesce(e.name, '')`.as('label'), count, flexible])
      .groupBy(['t.employer_id', 'e.name'])
      .orderBy('count', 'desc')
      .execute();
    rows = r;
  } else if (by === 'district') {
    const r = await q
      .innerJoin('orgs as o', 'o.id', 't.district_org_id')
      .select([sql<string>`t.district_org_id::text`.as('key'), 'o.name as label', count, flexible])
      .groupBy(['t.district_org_id', 'o.name'])
      .orderBy('o.name')
      .execute();
    rows = r;
  } else {
    const col = by === 'field' ? 't.field' : by === 'industry' ? 't.industry' : 't.recruitment';
    const r = await q
      .select([sql<string>`${sql.ref(col)}`.as('key'), count, flexible])
      .groupBy(col as 't.field')
      .orderBy('count', 'desc')
      .execute();
    rows = r.map((x) => ({ ...x, label: by === 'recruitment' ? (RECRUITMENT_LABEL[x.key] ?? x.key) : x.key }));
  }
  return { by, total: rows.reduce((s, r) => s + r.count, 0), rows };
}

// Evaluation indicators as dated data (issue 15 point 7): a set of 显绩 and 潜绩 indicators adopted together from
// an effective date, each citing its source; a new set supersedes the one in force from its own date. The set a
// year is scored against is the one in force on the year's last day (domain/rules/talent-evaluation.ts).
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/engine.js';
import { conflict, invalid } from '../../errors.js';
import { indicatorSetProblem, indicatorsInForce } from '../../../domain/rules/talent-evaluation.js';
import type { TIndicator, TIndicatorSet, TIndicatorSetCreate } from '../../../domain/schemas/talent-evaluations.js';

export async function allIndicators(db: Db): Promise<TIndicator[]> {
  const rows = await db
    .selectFrom('talent_indicators')
    .select([
      'id',
      'code',
      'name',
      'kind',
      'weight',
      'source',
      sql<string>`to_char(effective_on, 'YYYY-MM-DD')`.as('effective_on'),
      sql<string | null>`to_char(superseded_on, 'YYYY-MM-DD')`.as('superseded_on'),
    ])
    .orderBy('effective_on', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    weight: r.weight,
    effectiveOn: r.effective_on,
    supersededOn: r.superseded_on,
    source: r.source,
  }));
}

/** The indicators grouped into sets by effective date, the latest first; `inForce` on `today`. */
export function groupSets(all: TIndicator[], today: string): TIndicatorSet[] {
  const current = new Set(indicatorsInForce(all, today).map((i) => i.id));
  const byDay = new Map<string, TIndicator[]>();
  for (const i of all) byDay.set(i.effectiveOn, [...(byDay.get(i.effectiveOn) ?? []), i]);
  return [...byDay.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([effectiveOn, indicators]) => ({
      effectiveOn,
      supersededOn: indicators[0].supersededOn,
      source: indicators[0].source,
      inForce: indicators.some((i) => current.has(i.id)),
      indicators,
    }));
}

export async function indicatorSets(ctx: Pick<Ctx, 'db' | 'today'>): Promise<TIndicatorSet[]> {
  return groupSets(await allIndicators(ctx.db), ctx.today());
}

/** Adopts a set from its effective date: the sets still running then are superseded on that day. */
export async function createIndicatorSet(ctx: Ctx, b: TIndicatorSetCreate): Promise<string> {
  const problem = indicatorSetProblem(b.indicators);
  if (problem) throw invalid(problem, 'indicators');
  const clash = await ctx.db.selectFrom('talent_indicators').select('id').where('effective_on', '>=', b.effectiveOn).executeTakeFirst();
  if (clash) throw conflict('已有同日或更晚生效的指标体系，新体系的生效日期应晚于现有体系', 'effectiveOn');
  await ctx.db
    .updateTable('talent_indicators')
    .set({ superseded_on: b.effectiveOn })
    .where((eb) => eb.or([eb('superseded_on', 'is', null), eb('superseded_on', '>', b.effectiveOn)]))
    .execute();
  await ctx.db
    .insertInto('talent_indicators')
    .values(b.indicators.map((i) => ({ ...i, effective_on: b.effectiveOn, superseded_on: null, source: b.source })))
    .execute();
  return b.effectiveOn;
}

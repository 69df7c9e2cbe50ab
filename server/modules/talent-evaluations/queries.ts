// A year's evaluations as structure counts (bands of the total and the means) for the talents in a subtree:
// never a list of people by score (RULES.md §9).
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { EVALUATION_BANDS } from '../../../domain/rules/talent-evaluation.js';
import type { TEvaluationSummary } from '../../../domain/schemas/talent-evaluations.js';

const bandCase = sql.raw(`case ${EVALUATION_BANDS.map((b) => `when v.total >= ${b.min} then '${b.band}'`).join(' ')} end`);

export async function evaluationSummary(db: Db, scopePath: string): Promise<TEvaluationSummary> {
  const inScope = sql<boolean>`p.district_path <@ ${scopePath}::ltree`;
  const [bands, means, active] = await Promise.all([
    db
      .selectFrom('talent_evaluations as v')
      .innerJoin('talent_people as p', 'p.id', 'v.person_id')
      .select(['v.year', sql<string>`${bandCase}`.as('band'), sql<number>`count(*)::int`.as('n')])
      .where(inScope)
      .groupBy(['v.year', sql`2`])
      .execute(),
    db
      .selectFrom('talent_evaluations as v')
      .innerJoin('talent_people as p', 'p.id', 'v.person_id')
      .select([
        'v.year',
        sql<number>`count(*)::int`.as('n'),
        sql<string>`round(avg(v.achieved), 2)`.as('achieved'),
        sql<string>`round(avg(v.potential), 2)`.as('potential'),
        sql<string>`round(avg(v.total), 2)`.as('total'),
      ])
      .where(inScope)
      .groupBy('v.year')
      .orderBy('v.year')
      .execute(),
    db
      .selectFrom('talent_people as p')
      .select(sql<number>`count(*)::int`.as('n'))
      .where(inScope)
      .where('p.status', '=', 'active')
      .executeTakeFirstOrThrow(),
  ]);
  return {
    activeTalents: active.n,
    years: means.map((m) => ({
      year: m.year,
      count: m.n,
      bands: EVALUATION_BANDS.map((b) => ({
        band: b.band,
        count: bands.find((x) => x.year === m.year && x.band === b.band)?.n ?? 0,
      })),
      meanAchieved: Number(m.achieved),
      meanPotential: Number(m.potential),
      meanTotal: Number(m.total),
    })),
  };
}

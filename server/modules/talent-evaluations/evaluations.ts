// The evaluation of one talent for one year (issue 15 point 7): scores 0–100 per indicator of the set in force on
// the year's last day, with evidence notes; achieved, potential and total computed by the pure rule. This file is
// the one writer of talent_evaluations: a second evaluation of a year replaces the first under its version (the
// audit row keeps what it replaced). The card renewal (talent/service.ts) and each payout instalment
// (talent-policies/payouts.ts) read the latest one.
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/engine.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { evaluationDay, indicatorsInForce, scoreEvaluation, scoresProblem } from '../../../domain/rules/talent-evaluation.js';
import type { TEvaluationInput, TPersonEvaluations } from '../../../domain/schemas/talent-evaluations.js';
import { allIndicators, groupSets } from './indicators.js';

export interface WrittenEvaluation {
  id: number;
  year: number;
  achieved: number;
  potential: number;
  total: number;
  replaced: { achieved: number; potential: number; total: number } | null;
}

export async function writeEvaluation(ctx: Ctx, personId: number, b: TEvaluationInput): Promise<WrittenEvaluation> {
  const thisYear = Number(ctx.today().slice(0, 4));
  if (b.year > thisYear) throw invalid('不能评价未来年度', 'year');
  const p = await ctx.db.selectFrom('talent_people').select('id').where('id', '=', personId).executeTakeFirst();
  if (!p) throw notFound('人才');
  const set = indicatorsInForce(await allIndicators(ctx.db), evaluationDay(b.year));
  if (set.length === 0) throw invalid(`${b.year} 年度没有适用的评价指标体系`, 'year');
  const problem = scoresProblem(set, b.scores);
  if (problem) throw invalid(problem, 'scores');
  const codes = new Set(set.map((i) => i.code));
  const strayNote = Object.keys(b.notes).find((c) => !codes.has(c));
  if (strayNote) throw invalid(`佐证说明的指标“${strayNote}”不在适用的指标体系中`, 'notes');
  const score = scoreEvaluation(set, b.scores);
  const values = {
    scores: JSON.stringify(b.scores),
    notes: JSON.stringify(Object.fromEntries(Object.entries(b.notes).filter(([, v]) => v !== ''))),
    ...score,
    indicators_on: set[0].effectiveOn,
    evaluated_by: ctx.actor.userId,
    evaluated_at: ctx.clock.now(),
  };
  const old = await ctx.db
    .selectFrom('talent_evaluations')
    .select(['id', 'version', 'achieved', 'potential', 'total'])
    .where('person_id', '=', personId)
    .where('year', '=', b.year)
    .forUpdate()
    .executeTakeFirst();
  if (!old) {
    const r = await ctx.db
      .insertInto('talent_evaluations')
      .values({ person_id: personId, year: b.year, ...values })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: r.id, year: b.year, ...score, replaced: null };
  }
  if (b.version !== old.version) throw conflict(`${b.year} 年度已有评价（可能已被他人修改），请刷新后再修改`, 'version');
  await ctx.db
    .updateTable('talent_evaluations')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', old.id)
    .execute();
  return {
    id: old.id,
    year: b.year,
    ...score,
    replaced: { achieved: Number(old.achieved), potential: Number(old.potential), total: Number(old.total) },
  };
}

/** The person's evaluations over the years, with the sets they were scored against and the set in force now. */
export async function personEvaluations(ctx: Pick<Ctx, 'db' | 'today'>, personId: number): Promise<TPersonEvaluations> {
  const p = await ctx.db
    .selectFrom('talent_people as p')
    .leftJoin('talent_employers as e', 'e.id', 'p.employer_id')
    .leftJoin('talent_tiers as t', 't.id', 'p.tier_id')
    .select(['p.id', 'p.name', 'e.name as employer_name', 't.name as tier_name'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!p) throw notFound('人才');
  const rows = await ctx.db
    .selectFrom('talent_evaluations as v')
    .leftJoin('users as u', 'u.id', 'v.evaluated_by')
    .select([
      'v.id',
      'v.year',
      'v.scores',
      'v.notes',
      'v.achieved',
      'v.potential',
      'v.total',
      'v.evaluated_at',
      'v.version',
      'u.display_name',
      sql<string | null>`to_char(v.indicators_on, 'YYYY-MM-DD')`.as('indicators_on'),
    ])
    .where('v.person_id', '=', personId)
    .orderBy('v.year')
    .execute();
  const sets = groupSets(await allIndicators(ctx.db), ctx.today());
  const used = new Set(rows.map((r) => r.indicators_on));
  return {
    personId: p.id,
    personName: p.name,
    employerName: p.employer_name,
    tierName: p.tier_name,
    evaluations: rows.map((r) => ({
      id: r.id,
      year: r.year,
      scores: r.scores as Record<string, number>,
      notes: r.notes as Record<string, string>,
      achieved: Number(r.achieved),
      potential: Number(r.potential),
      total: Number(r.total),
      evaluatedAt: new Date(r.evaluated_at).toISOString(),
      indicatorsOn: r.indicators_on,
      version: r.version,
      evaluatedByName: r.display_name,
    })),
    indicatorSets: sets.filter((s) => s.inForce || used.has(s.effectiveOn) || s.effectiveOn > ctx.today()),
  };
}

/** The latest evaluation of a talent (a card renewal, a payout instalment shows it beside the decision). */
export async function latestEvaluation(db: Db, personId: number) {
  const e = await db
    .selectFrom('talent_evaluations')
    .select(['year', 'achieved', 'potential', 'total'])
    .where('person_id', '=', personId)
    .orderBy('year', 'desc')
    .executeTakeFirst();
  return e && { year: e.year, achieved: Number(e.achieved), potential: Number(e.potential), total: Number(e.total) };
}

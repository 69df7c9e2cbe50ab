// The officer's side of 民主测评: set up an evaluation (its subjects frozen at creation), hand out
// voting codes, open and close it, and count the results once it is closed. Voting itself is in
// ballots.ts (public, anonymous).
import { randomInt } from 'node:crypto';
import type { Ctx } from '../../context.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import {
  aggregateEvaluation,
  CODE_ALPHABET,
  CODE_LENGTH,
  formatCode,
  itemsOf,
  percent,
  round2,
  type Tally,
} from '../../../domain/rules/democratic-evaluation.js';
import type {
  TEvaluationCodes,
  TEvaluationCodesRequest,
  TEvaluationCreate,
  TEvaluationDetail,
  TEvaluationResults,
  TTally,
} from '../../../domain/schemas/cadre-evaluations.js';
import {
  definitionOf,
  evaluationBallots,
  evaluationCategories,
  evaluationSubjects,
  findEvaluation,
  teamsInScope,
  type EvaluationRow,
} from './queries.js';

export async function evaluationDetail(ctx: Ctx, e: EvaluationRow): Promise<TEvaluationDetail> {
  return {
    id: e.id,
    title: e.title,
    status: e.status,
    team: e.teamId === null ? null : { id: e.teamId, name: e.teamName ?? '' },
    managerOrgId: e.managerOrgId,
    managerOrgName: e.managerOrgName,
    dimensions: e.dimensions,
    answerSet: e.answerSet,
    teamAnswerSet: e.teamAnswerSet,
    subjects: await evaluationSubjects(ctx.db, e.id),
    categories: await evaluationCategories(ctx.db, e.id),
    openedAt: e.openedAt,
    closedAt: e.closedAt,
    createdAt: e.createdAt,
  };
}

/** Creates a draft evaluation; the people evaluated are copied now (name and post), so later appointments do not change it. */
export async function createEvaluation(ctx: Ctx, body: TEvaluationCreate): Promise<number> {
  let subjects: { kind: 'team' | 'cadre'; cadreId: number | null; name: string; title: string }[];
  let managerOrgId: number;
  let teamId: number | null = null;
  if (body.teamId !== undefined) {
    const [team] = await teamsInScope(ctx.db, ctx.actor.scopePath, body.teamId);
    if (!team) throw notFound('班子');
    if (!team.members.length) throw invalid('该班子目前没有在任成员，无法测评', 'teamId');
    teamId = team.id;
    managerOrgId = team.managerOrgId;
    subjects = [
      { kind: 'team', cadreId: null, name: team.name, title: team.unitName },
      ...team.members.map((m) => ({ kind: 'cadre' as const, ...m })),
    ];
  } else {
    const ids = [...new Set(body.cadreIds ?? [])];
    const rows = await ctx.db.selectFrom('cadres').select(['id', 'name', 'current_title']).where('id', 'in', ids).execute();
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    managerOrgId = body.orgId ?? ctx.actor.orgId;
    subjects = ids.map((id) => ({
      kind: 'cadre' as const,
      cadreId: id,
      name: byId.get(id)?.name ?? '',
      title: byId.get(id)?.current_title ?? '',
    }));
  }
  const e = await ctx.db
    .insertInto('cadre_evaluations')
    .values({
      manager_org_id: managerOrgId,
      team_id: teamId,
      title: body.title,
      dimensions: JSON.stringify(body.dimensions.map((d, i) => ({ key: `d${i + 1}`, label: d.label, weight: d.weight }))),
      answer_set: body.answerSet,
      team_answer_set: body.teamAnswerSet,
      created_by: ctx.actor.userId,
      created_at: ctx.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(e.id);
  await ctx.db
    .insertInto('cadre_evaluation_subjects')
    .values(
      subjects.map((s, i) => ({
        evaluation_id: id,
        seq: teamId === null ? i + 1 : i,
        kind: s.kind,
        cadre_id: s.cadreId,
        name: s.name,
        title: s.title,
      })),
    )
    .execute();
  await ctx.db
    .insertInto('cadre_evaluation_categories')
    .values(
      body.categories.map((c, i) => ({ evaluation_id: id, key: `c${i + 1}`, name: c.name, weight: c.weight, planned: c.codes, sort: i })),
    )
    .execute();
  return id;
}

/** A random code from the unambiguous alphabet (crypto.randomInt: uniform, no modulo bias). */
function newCode(): string {
  let c = '';
  for (let i = 0; i < CODE_LENGTH; i++) c += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return c;
}

/**
 * Generates codes for categories and answers them in clear this once: only their keyed hashes are kept, so
 * a lost slip cannot be printed again (generate more instead). Closed evaluations take no new codes.
 */
export async function issueCodes(ctx: Ctx, e: EvaluationRow, req: TEvaluationCodesRequest): Promise<TEvaluationCodes> {
  if (e.status === 'closed') throw conflict('测评已结束，不能再生成测评码');
  const categories = await evaluationCategories(ctx.db, e.id);
  const items: TEvaluationCodes['items'] = [];
  for (const it of req.items) {
    const cat = categories.find((c) => c.key === it.category);
    if (!cat) throw invalid('参评人员类别不存在', 'items');
    if (cat.issued + it.count > 2000) throw invalid(`“${cat.name}”最多 2000 个测评码`, 'items');
    const codes = new Set<string>();
    while (codes.size < it.count) codes.add(newCode());
    const rows = [...codes].map((c) => ({ code_hash: ctx.crypto.ballotCodeHash(c), evaluation_id: e.id, category: cat.key }));
    // A collision with an existing code (≈ 10^-12) would fail the primary key and roll the request back.
    for (let i = 0; i < rows.length; i += 500)
      await ctx.db
        .insertInto('cadre_evaluation_codes')
        .values(rows.slice(i, i + 500))
        .execute();
    items.push({ category: cat.key, name: cat.name, codes: [...codes].map(formatCode) });
  }
  return { items };
}

export async function openEvaluation(ctx: Ctx, e: EvaluationRow): Promise<void> {
  const r = await ctx.db
    .updateTable('cadre_evaluations')
    .set({ status: 'open', opened_at: ctx.clock.now(), version: (eb) => eb('version', '+', 1) })
    .where('id', '=', e.id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (!Number(r.numUpdatedRows)) throw conflict(e.status === 'open' ? '测评已经开始' : '测评已结束，不能再开始');
}

/** Closes voting; waits for votes in flight (they hold the evaluation row FOR SHARE). */
export async function closeEvaluation(ctx: Ctx, e: EvaluationRow): Promise<void> {
  const r = await ctx.db
    .updateTable('cadre_evaluations')
    .set({ status: 'closed', closed_at: ctx.clock.now(), version: (eb) => eb('version', '+', 1) })
    .where('id', '=', e.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (!Number(r.numUpdatedRows)) throw conflict(e.status === 'draft' ? '测评尚未开始' : '测评已经结束');
}

const present = (t: Tally): TTally => ({
  counts: t.counts,
  answered: t.answered,
  counted: t.counted,
  score: round2(t.score),
  topRate: percent(t.topRate),
  acceptableRate: percent(t.acceptableRate),
});

/** The counted results; only after closing, so nobody watches a result form while votes come in. */
export async function evaluationResults(ctx: Ctx, e: EvaluationRow): Promise<TEvaluationResults> {
  if (e.status !== 'closed') throw new AppError('NOT_CLOSED', '测评结束后才能查看结果', 409);
  const evaluation = await evaluationDetail(ctx, e);
  const def = definitionOf(e, evaluation.subjects, evaluation.categories);
  const r = aggregateEvaluation(def, await evaluationBallots(ctx.db, e.id));
  const labels = new Map(e.dimensions.map((d) => [d.key, d.label]));
  return {
    evaluation,
    ballotsByCategory: r.ballotsByCategory,
    subjects: r.subjects.map((s, i) => {
      const subject = evaluation.subjects[i];
      const items = itemsOf(def, s.kind);
      return {
        ...subject,
        items: s.items.map((it, j) => ({
          key: it.key,
          label: labels.get(it.key) ?? '总体评价',
          weight: items[j].weight,
          set: it.set,
          byCategory: Object.fromEntries(Object.entries(it.byCategory).map(([c, t]) => [c, present(t)])),
          all: present(it.all),
        })),
        byCategory: Object.fromEntries(Object.entries(s.byCategory).map(([c, v]) => [c, round2(v)])),
        total: round2(s.total),
      };
    }),
  };
}

export async function loadEvaluation(ctx: Ctx, id: number): Promise<EvaluationRow> {
  const e = await findEvaluation(ctx.db, id);
  if (!e) throw notFound('民主测评');
  return e;
}

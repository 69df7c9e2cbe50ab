// The SQL of 民主测评: the evaluation with its frozen ballot, the live turnout per category, the list
// filtered by scope, and the teams to choose from with the people in their unit's posts now.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { AnswerSetKey, EvalDefinition } from '../../../domain/rules/democratic-evaluation.js';
import type { TEvaluationDetail, TEvaluationListItem, TEvaluationStatus } from '../../../domain/schemas/cadre-evaluations.js';

/** Where an evaluation lies: its team's unit's manager_path, else its managing organization's path (scope/resources.ts). */
const EVAL_PATH = sql`coalesce(u.manager_path, o.path)`;

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export interface EvaluationRow {
  id: number;
  title: string;
  status: TEvaluationStatus;
  teamId: number | null;
  teamName: string | null;
  managerOrgId: number;
  managerOrgName: string;
  dimensions: { key: string; label: string; weight: number }[];
  answerSet: AnswerSetKey;
  teamAnswerSet: AnswerSetKey;
  openedAt: string | null;
  closedAt: string | null;
  createdAt: string;
}

export async function findEvaluation(db: Db, id: number): Promise<EvaluationRow | undefined> {
  const r = await db
    .selectFrom('cadre_evaluations as e')
    .innerJoin('orgs as o', 'o.id', 'e.manager_org_id')
    .leftJoin('cadre_teams as tm', 'tm.id', 'e.team_id')
    .select([
      'e.id',
      'e.title',
      'e.status',
      'e.team_id',
      'tm.name as team_name',
      'e.manager_org_id',
      'o.name as org_name',
      'e.dimensions',
      'e.answer_set',
      'e.team_answer_set',
      'e.opened_at',
      'e.closed_at',
      'e.created_at',
    ])
    .where('e.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: Number(r.id),
    title: r.title,
    status: r.status,
    teamId: r.team_id === null ? null : Number(r.team_id),
    teamName: r.team_name,
    managerOrgId: Number(r.manager_org_id),
    managerOrgName: r.org_name,
    dimensions: r.dimensions as EvaluationRow['dimensions'],
    answerSet: r.answer_set as AnswerSetKey,
    teamAnswerSet: r.team_answer_set as AnswerSetKey,
    openedAt: iso(r.opened_at),
    closedAt: iso(r.closed_at),
    createdAt: iso(r.created_at)!,
  };
}

export async function evaluationSubjects(db: Db, id: number): Promise<TEvaluationDetail['subjects']> {
  const rows = await db
    .selectFrom('cadre_evaluation_subjects')
    .select(['seq', 'kind', 'cadre_id', 'name', 'title'])
    .where('evaluation_id', '=', id)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    kind: r.kind,
    cadreId: r.cadre_id === null ? null : Number(r.cadre_id),
    name: r.name,
    title: r.title,
  }));
}

/** The categories with the codes issued and used so far (the turnout shown live). */
export async function evaluationCategories(db: Db, id: number): Promise<TEvaluationDetail['categories']> {
  const rows = await sql<{ key: string; name: string; weight: string; planned: number; issued: string; used: string }>`
    select c.key, c.name, c.weight, c.planned,
      (select count(*) from cadre_evaluation_codes k where k.evaluation_id = c.evaluation_id and k.category = c.key) as issued,
      (select count(*) from cadre_evaluation_codes k where k.evaluation_id = c.evaluation_id and k.category = c.key and k.used) as used
    from cadre_evaluation_categories c where c.evaluation_id = ${id} order by c.sort`.execute(db);
  return rows.rows.map((r) => ({
    key: r.key,
    name: r.name,
    weight: Number(r.weight),
    planned: Number(r.planned),
    issued: Number(r.issued),
    used: Number(r.used),
  }));
}

export function definitionOf(
  e: EvaluationRow,
  subjects: TEvaluationDetail['subjects'],
  categories: TEvaluationDetail['categories'],
): EvalDefinition {
  return {
    dimensions: e.dimensions,
    answerSet: e.answerSet,
    teamAnswerSet: e.teamAnswerSet,
    subjects: subjects.map((s) => ({ seq: s.seq, kind: s.kind })),
    categories: categories.map((c) => ({ key: c.key, weight: c.weight })),
  };
}

export async function listEvaluations(db: Db, scopePath: string, status?: TEvaluationStatus): Promise<TEvaluationListItem[]> {
  const rows = await sql<{
    id: string;
    title: string;
    status: TEvaluationStatus;
    team_name: string | null;
    org_name: string;
    subjects: string;
    issued: string;
    used: string;
    created_at: Date;
    closed_at: Date | null;
  }>`
    select e.id, e.title, e.status, tm.name as team_name, o.name as org_name, e.created_at, e.closed_at,
      (select count(*) from cadre_evaluation_subjects s where s.evaluation_id = e.id and s.kind = 'cadre') as subjects,
      (select count(*) from cadre_evaluation_codes k where k.evaluation_id = e.id) as issued,
      (select count(*) from cadre_evaluation_codes k where k.evaluation_id = e.id and k.used) as used
    from cadre_evaluations e
      left join cadre_teams tm on tm.id = e.team_id left join cadre_units u on u.id = tm.unit_id
      join orgs o on o.id = e.manager_org_id
    where ${EVAL_PATH} <@ ${scopePath}::ltree ${status ? sql`and e.status = ${status}` : sql``}
    order by e.created_at desc, e.id desc
    limit 500`.execute(db);
  return rows.rows.map((r) => ({
    id: Number(r.id),
    title: r.title,
    status: r.status,
    teamName: r.team_name,
    managerOrgName: r.org_name,
    subjects: Number(r.subjects),
    issued: Number(r.issued),
    used: Number(r.used),
    createdAt: iso(r.created_at)!,
    closedAt: iso(r.closed_at),
  }));
}

export interface TeamChoice {
  id: number;
  name: string;
  unitName: string;
  managerOrgId: number;
  members: { cadreId: number; name: string; title: string }[];
}

/** Teams whose unit the scope manages, with the people holding the unit's posts now (open appointments). */
export async function teamsInScope(db: Db, scopePath: string, teamId?: number): Promise<TeamChoice[]> {
  const teams = await sql<{ id: string; name: string; unit_name: string; unit_id: string; manager_org_id: string }>`
    select t.id, t.name, u.name as unit_name, u.id as unit_id, u.manager_org_id from cadre_teams t join cadre_units u on u.id = t.unit_id
    where u.manager_path <@ ${scopePath}::ltree and u.dissolved_on is null ${teamId ? sql`and t.id = ${teamId}` : sql``}
    order by u.sort, u.id limit 500`.execute(db);
  if (!teams.rows.length) return [];
  // One row per person (a concurrent post counts once): the principal post first, then the team's order.
  const people = await sql<{ unit_id: string; cadre_id: string; name: string; title: string }>`
    select * from (
      select distinct on (a.unit_id, a.cadre_id) a.unit_id, a.cadre_id, c.name, a.title, a.principal, a.sort, a.decided_on
      from cadre_appointments a join cadres c on c.id = a.cadre_id
      where a.unit_id = any(${teams.rows.map((t) => Number(t.unit_id))}::bigint[]) and a.ended_on is null and c.status = 'active'
      order by a.unit_id, a.cadre_id, a.principal desc, a.sort, a.decided_on
    ) p order by p.unit_id, p.principal desc, p.sort, p.decided_on, p.cadre_id`.execute(db);
  const byUnit = new Map<number, TeamChoice['members']>();
  for (const p of people.rows) {
    const list = byUnit.get(Number(p.unit_id)) ?? [];
    list.push({ cadreId: Number(p.cadre_id), name: p.name, title: p.title });
    byUnit.set(Number(p.unit_id), list);
  }
  return teams.rows.map((t) => ({
    id: Number(t.id),
    name: t.name,
    unitName: t.unit_name,
    managerOrgId: Number(t.manager_org_id),
    members: byUnit.get(Number(t.unit_id)) ?? [],
  }));
}

/** The ballots of an evaluation, in no meaningful order (their keys are random). */
export async function evaluationBallots(
  db: Db,
  id: number,
): Promise<{ category: string; answers: Record<string, Record<string, string>> }[]> {
  const rows = await db.selectFrom('cadre_evaluation_ballots').select(['category', 'answers']).where('evaluation_id', '=', id).execute();
  return rows.map((r) => ({ category: r.category, answers: r.answers as Record<string, Record<string, string>> }));
}

// A plan's completion per organization below (issue 14 points 2 and 8): how many of the plan's audience
// in each child organization have finished it, as a share with its definition. Never a list or ranking
// of people (RULES.md §9). One SQL statement: the audience from the member and cadre records, their
// ledger rows for the plan's materials and quizzes, grouped by the child organization they lie under.
import { sql } from 'kysely';
import type { TPlanProgress } from '../../../domain/schemas/learning.js';
import type { Db } from '../../db/engine.js';

export interface ProgressPlan {
  id: number;
  audiences: string[];
  cadreLevels: string[];
  requiredHours: number;
  materialRefs: string[];
  quizRefs: string[];
}

export const PROGRESS_DEFINITION =
  '完成率 = 已完成人数 ÷ 学习对象人数。学习对象按计划所选类别从党员和干部档案中确定（党员按所在组织，干部按管理单位）；' +
  '完成指计划内学习材料经服务器核验的学时合计达到要求学时，且计划内测验均已通过。只按组织统计，不对个人排名。';

/** The audience of a plan under `path` (one row per learner, with the path it is counted under). */
export function audienceSql(plan: ProgressPlan, path: string, today: string) {
  const a = new Set(plan.audiences);
  const memberConds = [
    a.has('all') ? sql`true` : null,
    a.has('probationary') ? sql`m.category = 'probationary'` : null,
    a.has('committee')
      ? sql`exists (select 1 from org_committee_members cm where cm.org_id = m.org_id and cm.person_name = m.name
                    and (cm.term_end is null or cm.term_end >= ${today}::date))`
      : null,
  ].filter((c) => c !== null);
  const members = memberConds.length
    ? sql`select m.id as member_id, null::bigint as cadre_id, m.org_path as path from members m
           where m.org_path <@ ${path}::ltree and m.status = 'normal' and (${sql.join(memberConds, sql` or `)})`
    : null;
  const levels = plan.cadreLevels;
  const cadres = a.has('cadres')
    ? sql`select c.member_id, case when c.member_id is null then c.id end as cadre_id, c.manager_path as path from cadres c
           where c.manager_path <@ ${path}::ltree and c.status = 'active' ${levels.length ? sql`and c.level = any(${levels}::text[])` : sql``}`
    : null;
  const parts = [members, cadres].filter((p) => p !== null);
  if (!cadres && members) return members;
  // A cadre who is also a member of the audience counts once (under the member row, listed first).
  return sql`select distinct on (coalesce(member_id, -cadre_id)) member_id, cadre_id, path
               from (${sql.join(parts, sql` union all `)}) u order by coalesce(member_id, -cadre_id)`;
}

/** Completion of the plan for each organization directly below `orgId` (and the organization's total). */
export async function planProgress(
  db: Db,
  plan: ProgressPlan,
  org: { id: number; name: string; path: string },
  today: string,
): Promise<TPlanProgress> {
  const refs = [...plan.materialRefs, ...plan.quizRefs];
  // At city scale (500,000 members) the work is two hash aggregates and one hash join: the ledger rows of
  // the plan's refs (index learning_credits_source_ref) summed per learner (one row per learner and ref by
  // the unique indexes, so a plain count counts the quizzes without the sort a distinct count needs), then
  // the learners grouped by the child organization before the groups meet the organizations
  // (bench/learning-scale-bench.ts).
  const depth = sql`nlevel(${org.path}::ltree)`;
  const r = await sql<{ org_id: number | null; learners: number; completed: number }>`
    with audience as (${audienceSql(plan, org.path, today)}),
    earned as (
      select coalesce(member_id, -cadre_id) as k,
             coalesce(sum(hours) filter (where source = 'online'), 0) as hours,
             count(*) filter (where source = 'quiz') as quizzes
        from learning_credits
       where status = 'approved' and source in ('online', 'quiz') and source_ref = any(${refs}::text[])
       group by 1
    ),
    per as (
      select case when nlevel(a.path) > ${depth} then subpath(a.path, 0, ${depth} + 1) end as child,
             count(*)::int as learners,
             count(*) filter (where coalesce(e.hours, 0) >= ${plan.requiredHours} and coalesce(e.quizzes, 0) >= ${plan.quizRefs.length})::int as completed
        from audience a
        left join earned e on e.k = coalesce(a.member_id, -a.cadre_id)
       group by 1
    )
    select o.id as org_id, per.learners, per.completed from per left join orgs o on o.path = per.child`.execute(db);
  const children = await db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where(sql<boolean>`path ~ ${`${org.path}.*{1}`}::lquery`)
    .orderBy('id')
    .execute();
  const byOrg = new Map(r.rows.map((x) => [x.org_id == null ? null : Number(x.org_id), x]));
  const row = (id: number, name: string, learners: number, completed: number) => ({
    orgId: id,
    orgName: name,
    learners,
    completed,
    share: learners ? Math.round((completed / learners) * 1000) / 1000 : null,
  });
  const rows = children.map((c) => {
    const x = byOrg.get(Number(c.id));
    return row(Number(c.id), c.name, x?.learners ?? 0, x?.completed ?? 0);
  });
  const learners = r.rows.reduce((s, x) => s + x.learners, 0);
  const completed = r.rows.reduce((s, x) => s + x.completed, 0);
  return {
    planId: plan.id,
    orgId: org.id,
    orgName: org.name,
    definition: PROGRESS_DEFINITION,
    total: row(org.id, org.name, learners, completed),
    rows,
  };
}

// A plan's completion per organization below (issue 14 points 2 and 8): how many of the plan's audience
// in each child organization have finished it, as a share with its definition. Never a list or ranking
// of people (RULES.md §9). The audience comes from the member, cadre and development records; what each
// learner earned from the summary learning_plan_progress (migration 040), or by scanning the ledger.
import { sql } from 'kysely';
import type { TPlanProgress } from '../../../domain/schemas/learning.js';
import type { Db } from '../../db/engine.js';
import { readCells, sumWhere } from '../statistics/cells.js';

export interface ProgressPlan {
  id: number;
  /** 'all', 'probationary', 'committee', 'cadres' (with cadreLevels), 'activists' */
  audiences: string[];
  cadreLevels: string[];
  requiredHours: number;
  materialRefs: string[];
  quizRefs: string[];
}

export const PROGRESS_DEFINITION =
  '完成率 = 已完成人数 ÷ 学习对象人数。学习对象按计划所选类别从党员、干部和入党积极分子档案中确定（党员按所在组织，干部按管理单位，入党积极分子按培养组织）；' +
  '完成指计划内学习材料经服务器核验的学时合计达到要求学时，且计划内测验均已通过。只按组织统计，不对个人排名。';

/**
 * The audience of a plan under `path`: one row per learner (kind 'member' | 'cadre' | 'activist', id,
 * and the path it is counted under). `exceptAllMembers` leaves out every counted member of the subtree
 * (and the cadres counted as them): the part the fast reading counts from the summary.
 */
export function audienceSql(plan: Pick<ProgressPlan, 'audiences' | 'cadreLevels'>, path: string, today: string, exceptAllMembers = false) {
  const a = new Set(plan.audiences);
  const memberConds = [
    a.has('all') ? sql`true` : null,
    a.has('probationary') ? sql`m.category = 'probationary'` : null,
    a.has('committee')
      ? sql`exists (select 1 from org_committee_members cm where cm.org_id = m.org_id and cm.person_name = m.name
                    and (cm.term_end is null or cm.term_end >= ${today}::date))`
      : null,
  ].filter((c) => c !== null);
  const members =
    memberConds.length && !exceptAllMembers
      ? sql`select 'member'::text as kind, m.id, m.org_path as path, 0 as src from members m
           where m.org_path <@ ${path}::ltree and m.status = 'normal' and (${sql.join(memberConds, sql` or `)})`
      : null;
  const levels = plan.cadreLevels;
  // A cadre who is a member learns under the member record (one archive per person).
  const cadres = a.has('cadres')
    ? sql`select case when c.member_id is null then 'cadre' else 'member' end as kind, coalesce(c.member_id, c.id) as id,
                 c.manager_path as path, 1 as src from cadres c
           where c.manager_path <@ ${path}::ltree and c.status = 'active' ${levels.length ? sql`and c.level = any(${levels}::text[])` : sql``}
           ${
             exceptAllMembers
               ? sql`and not exists (select 1 from members m where m.id = c.member_id and m.status = 'normal' and m.org_path <@ ${path}::ltree)`
               : sql``
           }`
    : null;
  const activists = a.has('activists')
    ? sql`select 'activist'::text as kind, d.id, d.org_path as path, 2 as src from dev_people d
           where d.org_path <@ ${path}::ltree and d.status = 'activist'`
    : null;
  const parts = [members, cadres, activists].filter((p) => p !== null);
  if (!parts.length) return sql`select null::text as kind, null::bigint as id, null::ltree as path where false`;
  if (!(members && cadres)) return sql`select kind, id, path from (${sql.join(parts, sql` union all `)}) u`;
  // A cadre who is also a member of the audience counts once (under the member row, listed first).
  return sql`select distinct on (kind, id) kind, id, path from (${sql.join(parts, sql` union all `)}) u order by kind, id, src`;
}

type Org = { id: number; name: string; path: string };
/** Learners and completed per child organization (null: held by the organization itself). */
type Counts = Map<number | null, { learners: number; completed: number }>;

const childOf = (depth: ReturnType<typeof sql>, col: ReturnType<typeof sql>) =>
  sql`case when nlevel(${col}) > ${depth} then subpath(${col}, 0, ${depth} + 1) end`;

/**
 * The scan: the audience from the records and their ledger rows for the plan's materials and quizzes, in
 * one statement, without the summary. What the summary is checked against (progress.test.ts), and the
 * plan's completion as it was read before the summary existed.
 */
export async function planCountsScan(db: Db, plan: ProgressPlan, org: Org, today: string): Promise<Counts> {
  const refs = [...plan.materialRefs, ...plan.quizRefs];
  const depth = sql`nlevel(${org.path}::ltree)`;
  const r = await sql<{ org_id: number | null; learners: number; completed: number }>`
    with audience as (${audienceSql(plan, org.path, today)}),
    earned as (
      select learning_learner_kind(member_id, cadre_id) as kind, coalesce(member_id, cadre_id, dev_person_id) as id,
             coalesce(sum(hours) filter (where source = 'online'), 0) as hours,
             count(*) filter (where source = 'quiz') as quizzes
        from learning_credits
       where status = 'approved' and source in ('online', 'quiz') and source_ref = any(${refs}::text[])
       group by 1, 2
    ),
    per as (
      select ${childOf(depth, sql`a.path`)} as child, count(*)::int as learners,
             count(*) filter (where coalesce(e.hours, 0) >= ${plan.requiredHours} and coalesce(e.quizzes, 0) >= ${plan.quizRefs.length})::int as completed
        from audience a left join earned e on e.kind = a.kind and e.id = a.id
       group by 1
    )
    select o.id as org_id, per.learners, per.completed from per left join orgs o on o.path = per.child`.execute(db);
  return new Map(r.rows.map((x) => [x.org_id == null ? null : Number(x.org_id), { learners: x.learners, completed: x.completed }]));
}

function add(counts: Counts, id: number | null, learners: number, completed: number) {
  const c = counts.get(id) ?? { learners: 0, completed: 0 };
  counts.set(id, { learners: c.learners + learners, completed: c.completed + completed });
}

/**
 * The reading: what each learner has earned comes from the summary learning_plan_progress (migration 040,
 * kept by triggers). When the plan is for all members, the members are not listed at all: how many
 * counted members each child holds comes from the statistics' cells, how many of them completed from
 * the plan's cells (done members per holding organization) summed up the tree; only the other audiences
 * (cadres who are not such members, activists) are listed. At 500,000 members this reads a few thousand
 * organizations instead of every member and ledger row (bench/learning-scale-bench.ts).
 */
export async function planCounts(db: Db, plan: ProgressPlan, org: Org, children: { id: number }[], today: string): Promise<Counts> {
  const depth = sql`nlevel(${org.path}::ltree)`;
  const doneSql = (h: ReturnType<typeof sql>, q: ReturnType<typeof sql>) =>
    sql`coalesce(${h}, 0) >= ${plan.requiredHours} and coalesce(${q}, 0) >= ${plan.quizRefs.length}`;
  const all = plan.audiences.includes('all');
  const counts: Counts = new Map();
  const listed = await sql<{ org_id: number | null; learners: number; completed: number }>`
    with audience as (${audienceSql(plan, org.path, today, all)}),
    per as (
      select ${childOf(depth, sql`a.path`)} as child, count(*)::int as learners,
             count(*) filter (where ${doneSql(sql`p.hours`, sql`p.quizzes`)})::int as completed
        from audience a
        left join learning_plan_progress p on p.plan_id = ${plan.id} and p.learner_kind = a.kind and p.learner_id = a.id
       group by 1
    )
    select o.id as org_id, per.learners, per.completed from per left join orgs o on o.path = per.child`.execute(db);
  for (const x of listed.rows) add(counts, x.org_id == null ? null : Number(x.org_id), x.learners, x.completed);
  if (!all) return counts;
  const ids = [org.id, ...children.map((c) => c.id)];
  const everyoneDone = plan.requiredHours <= 0 && plan.quizRefs.length === 0;
  const [cells, done] = await Promise.all([
    readCells(db, ids, ['status']),
    everyoneDone
      ? Promise.resolve({ rows: [] })
      : sql<{ org_id: number | null; completed: number }>`
      with per as (
        select ${childOf(depth, sql`o.path`)} as child, sum(c.done)::int as completed
          from learning_plan_cells c join orgs o on o.id = c.org_id
         where c.plan_id = ${plan.id} and c.done <> 0 and o.path <@ ${org.path}::ltree group by 1
      )
      select c.id as org_id, per.completed from per left join orgs c on c.path = per.child`.execute(db),
  ]);
  const normal = (id: number) => sumWhere(cells, id, 'status', (v) => v === 'normal');
  let inChildren = 0;
  for (const c of children) {
    const n = normal(c.id);
    inChildren += n;
    add(counts, c.id, n, everyoneDone ? n : 0);
  }
  const own = normal(org.id) - inChildren;
  add(counts, null, own, everyoneDone ? own : 0);
  for (const x of done.rows) add(counts, x.org_id == null ? null : Number(x.org_id), 0, x.completed);
  return counts;
}

async function childrenOf(db: Db, path: string) {
  return db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where(sql<boolean>`path ~ ${`${path}.*{1}`}::lquery`)
    .orderBy('id')
    .execute();
}

function present(plan: ProgressPlan, org: Org, children: { id: number; name: string }[], counts: Counts): TPlanProgress {
  const row = (id: number, name: string, learners: number, completed: number) => ({
    orgId: id,
    orgName: name,
    learners,
    completed,
    share: learners ? Math.round((completed / learners) * 1000) / 1000 : null,
  });
  const rows = children.map((c) => {
    const x = counts.get(Number(c.id));
    return row(Number(c.id), c.name, x?.learners ?? 0, x?.completed ?? 0);
  });
  const all = [...counts.values()];
  const learners = all.reduce((s, x) => s + x.learners, 0);
  const completed = all.reduce((s, x) => s + x.completed, 0);
  return {
    planId: plan.id,
    orgId: org.id,
    orgName: org.name,
    definition: PROGRESS_DEFINITION,
    total: row(org.id, org.name, learners, completed),
    rows,
  };
}

/** Completion of the plan for each organization directly below `org` (and the organization's total). */
export async function planProgress(db: Db, plan: ProgressPlan, org: Org, today: string): Promise<TPlanProgress> {
  const children = (await childrenOf(db, org.path)).map((c) => ({ id: Number(c.id), name: c.name }));
  return present(plan, org, children, await planCounts(db, plan, org, children, today));
}

/** The same by the scan (no summary): the exactness check and the bench's bare SQL baseline. */
export async function planProgressScan(db: Db, plan: ProgressPlan, org: Org, today: string): Promise<TPlanProgress> {
  const children = (await childrenOf(db, org.path)).map((c) => ({ id: Number(c.id), name: c.name }));
  return present(plan, org, children, await planCountsScan(db, plan, org, today));
}

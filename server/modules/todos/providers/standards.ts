// Branch standards and weak organizations (标准化规范化建设, 软弱涣散): this year's self-assessment not
// yet submitted (from the fourth quarter), submitted assessments awaiting the higher level's review,
// and rectification tasks due within two weeks or overdue.
import { sql } from 'kysely';
import { BRANCH_KINDS } from '../../../../domain/org-kinds.js';
import { daysAfter, makeItem } from '../item.js';
import { pathFilter, subtreeFilter, type FoundItem, type Target, type TodoContext, type TodoProvider } from '../types.js';

/** The self-assessment is asked for from this month on (the fourth quarter), due by the year's end. */
export const SELF_ASSESS_FROM_MONTH = 10;
export const RECTIFY_SOON_DAYS = 14;
const link = (orgId: number) => `/standards?orgId=${orgId}`;

/** Branches (the level star ratings are for) with no submitted or reviewed self-assessment this year. */
async function selfAssessments(ctx: TodoContext, target: Target): Promise<FoundItem[]> {
  const year = Number(ctx.today.slice(0, 4));
  if (Number(ctx.today.slice(5, 7)) < SELF_ASSESS_FROM_MONTH) return [];
  const rows = await ctx.db
    .selectFrom('orgs as o')
    .leftJoin('standard_assessments as a', (j) => j.onRef('a.org_id', '=', 'o.id').on('a.year', '=', year))
    .select(['o.id', 'o.name', sql<string>`o.path::text`.as('path'), 'a.id as assessment_id', 'a.status'])
    .where(pathFilter('o.path', target))
    .where('o.status', '=', 'active')
    .where('o.kind', 'in', BRANCH_KINDS)
    .where((eb) => eb.or([eb('a.id', 'is', null), eb('a.status', 'in', ['draft', 'returned'])]))
    .orderBy('o.id')
    .execute();
  return rows.map((r) =>
    makeItem(ctx, 'standard_self', r, {
      title: `${year}年度标准化规范化建设自评${r.status === 'returned' ? '已被退回，请修改后重新提交' : '尚未提交'}`,
      dueOn: `${year}-12-31`,
      link: link(r.id),
      ref: r.assessment_id ?? `${r.id}:${year}`,
    }),
  );
}

async function rectification(ctx: TodoContext, target: Target): Promise<FoundItem[]> {
  const rows = await ctx.db
    .selectFrom('rectification_tasks as r')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .select(['r.id', 'r.title', 'r.due_on', 'r.progress', 'o.id as org_id', 'o.name as org_name', sql<string>`o.path::text`.as('org_path')])
    .where('r.status', '=', 'open')
    .where('r.due_on', '<=', daysAfter(ctx.today, RECTIFY_SOON_DAYS))
    .where(pathFilter('o.path', target))
    .orderBy('r.due_on')
    .orderBy('r.id')
    .execute();
  return rows.map((r) =>
    makeItem(
      ctx,
      'rectification',
      { id: r.org_id, name: r.org_name, path: r.org_path },
      {
        title: `整改任务「${r.title}」尚未完成（进度 ${r.progress}%）`,
        dueOn: r.due_on,
        link: link(r.org_id),
        ref: r.id,
      },
    ),
  );
}

async function own(ctx: TodoContext, target: Target): Promise<FoundItem[]> {
  return (await Promise.all([selfAssessments(ctx, target), rectification(ctx, target)])).flat();
}

/** Submitted self-assessments: the nearest higher level with an account reviews them and rates the stars. */
async function approvals(ctx: TodoContext, scopePath: string): Promise<FoundItem[]> {
  const rows = await ctx.db
    .selectFrom('standard_assessments as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.year', 'o.id as org_id', 'o.name as org_name', sql<string>`o.path::text`.as('org_path')])
    .where('a.status', '=', 'submitted')
    .where(subtreeFilter('o.path', scopePath))
    .orderBy('a.id')
    .execute();
  return rows.map((a) =>
    makeItem(
      ctx,
      'standard_review',
      { id: a.org_id, name: a.org_name, path: a.org_path },
      {
        title: `${a.year}年度自评已提交，待审核评定星级`,
        dueOn: null,
        link: link(a.org_id),
        ref: a.id,
      },
    ),
  );
}

export const standardTodos: TodoProvider = { area: 'standards', own, approvals };

// Party building with business (党建和业务融合): joint tasks not yet done that are due within two
// weeks or overdue, for the organization that carries them.
import { sql } from 'kysely';
import { daysAfter, makeItem } from '../item.js';
import { pathFilter, type FoundItem, type Target, type TodoContext, type TodoProvider } from '../types.js';

export const TASK_SOON_DAYS = 14;

async function own(ctx: TodoContext, target: Target): Promise<FoundItem[]> {
  const rows = await ctx.db
    .selectFrom('joint_tasks as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .select(['t.id', 't.title', 't.due_on', 't.progress', 'o.id as org_id', 'o.name as org_name', sql<string>`o.path::text`.as('org_path')])
    .where('t.stage', 'not in', ['done', 'checked'])
    .where('t.due_on', '<=', daysAfter(ctx.today, TASK_SOON_DAYS))
    .where(pathFilter('o.path', target))
    .orderBy('t.due_on')
    .orderBy('t.id')
    .execute();
  return rows.map((t) =>
    makeItem(
      ctx,
      'joint_task',
      { id: t.org_id, name: t.org_name, path: t.org_path },
      {
        title: `融合任务「${t.title}」尚未完成（进度 ${t.progress}%）`,
        dueOn: t.due_on,
        link: `/joint-tasks?orgId=${t.org_id}`,
        ref: t.id,
      },
    ),
  );
}

export const jointTaskTodos: TodoProvider = { area: 'tasks', own };

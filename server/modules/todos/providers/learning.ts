// Theory learning (issue 14 point 2): an organization whose completion of an open plan is behind the plan's
// time, by the definition in domain/rules/learning-plans.ts (shown in the item), and a learner's own plan
// ending within two weeks while they are short of it. A plan ends (is closed) on its end date: nothing is
// reminded after it. Reads the learning module's queries (learning/behind.ts, learning/plans.ts).
import { sql } from 'kysely';
import { learnerReminded, PLAN_BEHIND_DEFINITION, elapsedShare, planBehind } from '../../../../domain/rules/learning-plans.js';
import { completionByHoldingOrg, openPlansOver } from '../../learning/behind.js';
import { myPlans } from '../../learning/plans.js';
import { makeItem } from '../item.js';
import type { FoundItem, MemberRef, Target, TodoContext, TodoProvider } from '../types.js';

const pct = (x: number) => `${Math.floor(x * 100)}%`;

async function own(ctx: TodoContext, target: Target): Promise<FoundItem[]> {
  const root = 'org' in target ? target.org : target.subtree;
  const plans = await openPlansOver(ctx.db, root.path, ctx.today);
  const out: FoundItem[] = [];
  for (const p of plans) {
    const rows = await completionByHoldingOrg(ctx.db, p, root.path, 'org' in target, ctx.today);
    const elapsed = elapsedShare(p.startsOn, p.endsOn, ctx.today);
    for (const r of rows) {
      if (!planBehind(r.completed, r.learners, p.startsOn, p.endsOn, ctx.today)) continue;
      out.push(
        makeItem(
          ctx,
          'learning_behind',
          { id: r.orgId, name: r.orgName, path: r.orgPath },
          {
            title: `学习计划「${p.title}」完成 ${r.completed}/${r.learners} 人（${pct(r.completed / r.learners)}），低于时间进度 ${pct(elapsed)}`,
            dueOn: p.endsOn,
            link: `/learning/plans?plan=${p.id}`,
            ref: `${p.id}:${r.orgId}`,
            rule: PLAN_BEHIND_DEFINITION,
          },
        ),
      );
    }
  }
  return out;
}

async function mine(ctx: TodoContext, me: MemberRef): Promise<FoundItem[]> {
  const m = await sql<{ org_path: string; name: string; org_name: string }>`
    select m.org_path::text as org_path, m.name, o.name as org_name from members m join orgs o on o.id = m.org_id where m.id = ${me.memberId}`.execute(
    ctx.db,
  );
  const row = m.rows[0];
  if (!row) return [];
  const plans = await myPlans(
    { db: ctx.db, today: () => ctx.today },
    { memberId: me.memberId, cadreId: null, orgPath: row.org_path, name: row.name },
  );
  return plans
    .filter((p) => p.status === 'open' && learnerReminded(p.completed, p.endsOn, ctx.today))
    .map((p) =>
      makeItem(
        ctx,
        'my_learning_plan',
        { id: me.orgId, name: row.org_name, path: row.org_path },
        {
          title: `学习计划「${p.title}」将于 ${p.endsOn} 结束，您已完成 ${p.earnedHours}/${p.requiredHours} 学时${p.quizzes.some((q) => !q.done) ? '，还有测验未通过' : ''}`,
          dueOn: p.endsOn,
          link: '/my/learning/plans',
          ref: p.id,
        },
      ),
    );
}

export const learningTodos: TodoProvider = { area: 'learning', own, mine };

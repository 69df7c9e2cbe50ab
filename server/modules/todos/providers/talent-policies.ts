// The talent office's application steps (issue 15 point 5): reviews near or past their deadline, 公示 periods
// ended and waiting for approval, instalments due for an on-the-job check. An office sees the applications of
// the talents in its whole subtree (a city office's districts included), read through the module's query.
import { makeItem } from '../item.js';
import { stepsDue } from '../../talent-policies/queries.js';
import { daysAfter } from '../item.js';
import type { FoundItem, TodoProvider } from '../types.js';

const STEP = { district_review: '区级初审', city_review: '市级复核', expert_review: '专家评审' } as Record<string, string>;

export const talentPolicyTodos: TodoProvider = {
  area: 'talent',
  async own(ctx, target) {
    const root = 'org' in target ? target.org : target.subtree;
    const rows = await stepsDue(ctx.db, root.path, ctx.today, daysAfter(ctx.today, 3));
    return rows.map((r): FoundItem => {
      const org = { id: r.org_id, name: r.org_name, path: r.path };
      const link = `/talent-policies/applications/${r.id}`;
      if (r.status === 'publicity')
        return makeItem(ctx, 'talent_publicity_end', org, {
          title: `${r.name}的申请公示已于 ${r.publicity_ends_on} 期满，待审批`,
          dueOn: r.publicity_ends_on,
          link,
          ref: r.id,
          overdue: false,
        });
      if (r.status === 'paying')
        return makeItem(ctx, 'talent_payout_due', org, {
          title: `${r.name}的补贴本期已到期，待在岗核查后发放`,
          dueOn: r.step_due_on,
          link,
          ref: r.id,
        });
      return makeItem(ctx, 'talent_review_due', org, {
        title: `${r.name}的申请待${STEP[r.status] ?? '审核'}`,
        dueOn: r.step_due_on,
        link,
        ref: r.id,
      });
    });
  },
};

// 柔性引才 agreements (issue 15 point 3): an active agreement ending within 60 days (or past its end and neither
// closed nor renewed), and one behind on the on-site days due pro rata (domain/rules/talent-agreements.ts). An
// office sees the agreements lying in its subtree, read through the module's query, each at its employer's district.
import { agreementsToRemind } from '../../talent-agreements/queries.js';
import { makeItem } from '../item.js';
import type { FoundItem, TodoProvider } from '../types.js';

export const talentAgreementTodos: TodoProvider = {
  area: 'talent',
  async own(ctx, target) {
    const root = 'org' in target ? target.org : target.subtree;
    const rows = await agreementsToRemind(ctx.db, root.path, ctx.today);
    return rows.flatMap((r): FoundItem[] => {
      const org = { id: r.orgId, name: r.districtName, path: r.orgPath };
      const link = `/talent-agreements/${r.id}`;
      const out: FoundItem[] = [];
      if (r.endingSoon || r.endsOn < ctx.today)
        out.push(
          makeItem(ctx, 'talent_agreement_ending', org, {
            title: `${r.personName}与${r.employerName}的柔性引才协议${r.endsOn < ctx.today ? '已' : '将于'} ${r.endsOn} 到期，请续签或终止`,
            dueOn: r.endsOn,
            link,
            ref: `end-${r.id}`,
          }),
        );
      if (r.behind)
        out.push(
          makeItem(ctx, 'talent_agreement_behind', org, {
            title: `${r.personName}在${r.employerName}的在岗天数不足（应到 ${r.onsiteDaysDue} 天，已登记 ${r.onsiteDaysRecorded} 天）`,
            dueOn: null,
            link,
            ref: `days-${r.id}`,
            overdue: false,
          }),
        );
      return out;
    });
  },
};

// 干部监督 reminders (issue 13 points 6 and 8): cadres reaching the age for leaving a leadership post within six
// months (到龄, the 2025 reform formula, domain/rules/retirement-age.ts), and passports taken out for a private trip
// abroad and not handed back by their due date. Computed from the data on each call, like every to-do.
import { makeItem } from '../item.js';
import { overduePassports, retirementsDue } from '../../cadre-supervision/queries.js';
import { pathFilter, type FoundItem, type Target, type TodoContext, type TodoProvider } from '../types.js';

async function retirements(ctx: TodoContext, target: Target): Promise<FoundItem[]> {
  return (await retirementsDue(ctx.db, pathFilter('o.path', target), ctx.today)).map((r) =>
    makeItem(ctx, 'cadre_retirement', r.org, {
      title: `${r.name}（${r.title}）${r.on.slice(0, 4)} 年 ${Number(r.on.slice(5, 7))} 月到龄，应办理退出领导岗位（免职或退休）手续`,
      dueOn: r.on,
      link: `/cadre-supervision/cadres/${r.cadreId}`,
      ref: r.cadreId,
      rule: r.article,
    }),
  );
}

async function passports(ctx: TodoContext, target: Target): Promise<FoundItem[]> {
  return (await overduePassports(ctx.db, pathFilter('o.path', target), ctx.today)).map((p) =>
    makeItem(
      ctx,
      'cadre_passport_overdue',
      { id: p.org_id, name: p.org_name, path: p.path },
      {
        title: `${p.name}的${p.kind}（${p.trip ?? '因私出国（境）'}）应于 ${p.due_on} 交回，尚未交回`,
        dueOn: p.due_on,
        link: `/cadre-supervision/cadres/${p.cadre_id}`,
        ref: p.id,
        overdue: true,
      },
    ),
  );
}

export const cadreSupervisionTodos: TodoProvider = {
  area: 'cadres',
  async own(ctx, target) {
    return (await Promise.all([retirements(ctx, target), passports(ctx, target)])).flat();
  },
};

// Leadership teams (班子) due for renewal (应换届时间, issue 12 point 5): within the reminder months or
// already past, for the organization whose organization department manages the unit (干部管理权限,
// "下管一级": a city officer is reminded of the city's teams, a district officer of the district's).
import { sql } from 'kysely';
import { RENEWAL_REMIND_MONTHS } from '../../cadre-units/presenters.js';
import { makeItem, monthsAfter } from '../item.js';
import { pathFilter, type FoundItem, type Target, type TodoContext, type TodoProvider } from '../types.js';

async function own(ctx: TodoContext, target: Target): Promise<FoundItem[]> {
  const rows = await ctx.db
    .selectFrom('cadre_teams as t')
    .innerJoin('cadre_units as u', 'u.id', 't.unit_id')
    .innerJoin('orgs as o', 'o.id', 'u.manager_org_id')
    .select([
      't.id',
      't.name',
      't.renew_due_on',
      'u.id as unit_id',
      'o.id as org_id',
      'o.name as org_name',
      sql<string>`o.path::text`.as('org_path'),
    ])
    .where('u.dissolved_on', 'is', null)
    .where('t.renew_due_on', '<=', monthsAfter(ctx.today, RENEWAL_REMIND_MONTHS))
    .where(pathFilter('u.manager_path', target))
    .orderBy('t.renew_due_on')
    .orderBy('t.id')
    .execute();
  return rows.map((t) =>
    makeItem(
      ctx,
      'cadre_team_renewal',
      { id: t.org_id, name: t.org_name, path: t.org_path },
      {
        title:
          t.renew_due_on! < ctx.today
            ? `${t.name}应换届时间 ${t.renew_due_on} 已过，尚未换届`
            : `${t.name}应于 ${t.renew_due_on} 换届，请做好换届准备`,
        dueOn: t.renew_due_on,
        link: `/cadre-units/teams/${t.unit_id}`,
        ref: t.id,
      },
    ),
  );
}

export const cadreTeamTodos: TodoProvider = { area: 'cadres', own };

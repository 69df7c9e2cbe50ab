// The cadre officers' assessment work (issue 13 point 4): units submitted to their organization to
// confirm, and what last year's and this year's published grades bring (记三等功, 诫勉, 降级, 辞退),
// each citing its article. Computed from the data on each call, like every to-do.
import { sql } from 'kysely';
import { consequencesOf } from '../../cadre-assessments/consequences.js';
import { makeItem } from '../item.js';
import { pathFilter, type FoundItem, type Target, type TodoContext, type TodoProvider } from '../types.js';

/** The kinds an officer acts on: 嘉奖 is given with the published result, no-promotion follows 诫勉 (same grade). */
const ACTED_ON = new Set(['merit-third-class', 'admonition', 'demotion', 'dismissal']);

async function toConfirm(ctx: TodoContext, target: Target): Promise<FoundItem[]> {
  const rows = await ctx.db
    .selectFrom('assessment_units as u')
    .innerJoin('orgs as o', 'o.id', 'u.manager_org_id')
    .select(['u.id', 'u.year', 'u.name', 'o.id as org_id', 'o.name as org_name', sql<string>`u.manager_path::text`.as('path')])
    .where('u.status', '=', 'submitted')
    .where(pathFilter('u.manager_path', target))
    .orderBy('u.id')
    .execute();
  return rows.map((u) =>
    makeItem(
      ctx,
      'assessment_confirm',
      { id: u.org_id, name: u.org_name, path: u.path },
      { title: `${u.name} ${u.year} 年度考核结果已提交，待确认`, dueOn: null, link: `/cadre-assessments/units/${u.id}`, ref: u.id },
    ),
  );
}

async function consequences(ctx: TodoContext, target: Target): Promise<FoundItem[]> {
  const year = Number(ctx.today.slice(0, 4));
  const found = (await consequencesOf(ctx.db, [year - 1, year], pathFilter('u.manager_path', target))).filter((c) => ACTED_ON.has(c.kind));
  if (found.length === 0) return [];
  const ids = [...new Set(found.map((c) => c.managerOrgId))];
  const names = new Map(
    (await ctx.db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', ids).execute()).map((o) => [o.id, o.name]),
  );
  return found.map((c) =>
    makeItem(
      ctx,
      'assessment_consequence',
      { id: c.managerOrgId, name: names.get(c.managerOrgId) ?? '', path: c.managerPath },
      {
        title: `${c.cadreName}（${c.unitName}）${c.year} 年度考核：${c.text}`,
        dueOn: null,
        link: `/cadre-assessments/consequences?year=${c.year}`,
        ref: `${c.cadreId}:${c.year}:${c.kind}`,
        rule: c.article,
      },
    ),
  );
}

export const cadreAssessmentTodos: TodoProvider = {
  area: 'cadres',
  async own(ctx, target) {
    return (await Promise.all([toConfirm(ctx, target), consequences(ctx, target)])).flat();
  },
};

// Turning a statistics query into a TableRequest: the organization in scope (404 outside it), the
// reference month (not later than the current one), the age bands (the setting unless asked), the period.
import type { Ctx } from '../../context.js';
import { periodProblem, yearToDate } from '../../../domain/rules/statistics.js';
import type { TTableQuery } from '../../../domain/schemas/statistics.js';
import { invalid } from '../../errors.js';
import { loadOrg } from '../orgs/service.js';
import { getStatsSettings } from './settings.js';
import { requireTable, type TableRequest } from './tables.js';

export async function resolveTable(ctx: Ctx, code: string, q: TTableQuery, action: string): Promise<TableRequest> {
  const def = requireTable(code);
  const org = await loadOrg(ctx, action, q.orgId ?? ctx.actor.orgId);
  const current = ctx.today().slice(0, 7);
  const month = q.month ?? current;
  if (month > current) throw invalid('统计月份不能晚于本月', 'month');
  const ageBands = q.ageBands ?? (await getStatsSettings(ctx.db)).ageBands;
  let from: string | undefined;
  let to: string | undefined;
  if (def.source === 'events' && (q.from || q.to)) {
    const year = yearToDate(month);
    from = q.from ?? year.from;
    to = q.to ?? year.to;
    const problem = periodProblem(from, to, month);
    if (problem) throw invalid(problem, q.to ? 'to' : 'from');
  }
  return { org, code: def.code, month, ageBands, from, to, scopePath: ctx.actor.scopePath };
}

// Dues collection (RULES.md §2): due and paid by month from the dues module's totals over the closed
// months of the year (the current month is still being collected; in January, last year's), and the
// collection rate over the same months.
import type { Db } from '../../db/engine.js';
import { closedMonthsOfYear } from '../../../domain/rules/org-health.js';
import type { TDuesPanel } from '../../../domain/schemas/dashboard.js';
import { lastClosedMonth, totalsOf } from '../dues/service.js';
import type { PanelOrg } from './panel-org.js';

export async function duesPanel(db: Db, org: PanelOrg, now: Date, today: string): Promise<TDuesPanel> {
  const closed = closedMonthsOfYear(lastClosedMonth(now));
  const totals = await totalsOf(db, org, closed.from, closed.to);
  const byMonth = totals.byMonth.map((m) => ({ month: m.month, dueFen: m.dueFen, paidFen: m.paidFen }));
  return {
    org: { id: org.id, name: org.name },
    today,
    byMonth,
    rate: { ...closed, dueFen: byMonth.reduce((n, m) => n + m.dueFen, 0), paidFen: byMonth.reduce((n, m) => n + m.paidFen, 0) },
  };
}

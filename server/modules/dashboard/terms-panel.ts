// Committee terms (RULES.md §4): organizations by term state (the terms module's own computation), and
// the current terms ending in each of the next 12 months.
import dayjs from 'dayjs';
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { TERM_STATES } from '../../../domain/rules/terms.js';
import type { TTermsPanel } from '../../../domain/schemas/dashboard.js';
import { stateCounts } from '../terms/queries.js';
import { endingSoonBasis, endingSoonOf } from '../../../domain/counting-bases.js';
import type { PanelOrg } from './panel-org.js';

export async function termsPanel(db: Db, org: PanelOrg, today: string): Promise<TTermsPanel> {
  const counts = await stateCounts(db, { path: org.path, today });
  const first = dayjs(today).startOf('month');
  const months = Array.from({ length: 12 }, (_, i) => first.add(i, 'month').format('YYYY-MM'));
  const ending = await db
    .selectFrom('org_terms as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .select([sql<string>`to_char(t.ends_on, 'YYYY-MM')`.as('month'), sql<number>`count(*)::int`.as('n')])
    .where('t.ended_on', 'is', null)
    .where('o.status', '=', 'active')
    .where(sql<boolean>`o.path <@ ${org.path}::ltree`)
    .where('t.ends_on', '>=', first.format('YYYY-MM-DD'))
    .where('t.ends_on', '<', first.add(12, 'month').format('YYYY-MM-DD'))
    .groupBy(sql`1`)
    .execute();
  const byMonth = new Map(ending.map((r) => [r.month, r.n]));
  const states = Object.fromEntries([...TERM_STATES, 'missing'].map((s) => [s, counts[s] ?? 0])) as TTermsPanel['states'];
  return {
    org: { id: org.id, name: org.name },
    today,
    states,
    byMonth: months.map((month) => ({ month, n: byMonth.get(month) ?? 0 })),
    endingSoon: endingSoonOf(counts),
    endingSoonBasis: endingSoonBasis(today),
    overdue: states.overdue,
  };
}

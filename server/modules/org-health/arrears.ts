// Members in arrears by organization, at the dues settings' levels (党章第九条: six consecutive months
// unpaid → treated as having left; warned at 3 and 5 by default). The dues module's arrearsOf reads a
// member's whole history; the levels only need the last `lapseMonths` closed months (a run that long
// is already the top level), so this reads the same ledger (ledgerCte) over that window: the cost stays
// the same however many years of dues the database holds. Both give the same counts as the summaries
// (migration 039), which are read instead once they are computed for the month.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { addMonths, arrearsLevel, monthsBetween, type ArrearsThresholds } from '../../../domain/rules/dues.js';
import type { ArrearsCounts } from '../../../domain/rules/org-health.js';
import { ledgerCte } from '../dues/ledger-sql.js';
import { sumsAsOf, sumsLevelsByOrg } from '../dues/summaries.js';

export async function arrearsByOrg(
  db: Db,
  scopePath: string,
  lastClosed: string,
  t: ArrearsThresholds,
): Promise<Map<number, ArrearsCounts>> {
  // The dues summaries when they are computed for this month (the usual case), else the ledger.
  if ((await sumsAsOf(db)) === lastClosed) return sumsLevelsByOrg(db, scopePath, t);
  const from = addMonths(lastClosed, 1 - t.lapseMonths);
  // Only members whose last closed month is unpaid have a run of unpaid months at all.
  const r = await sql<{ org_id: number; last_ok: string | null; first_month: string }>`${ledgerCte({ scopePath }, from, lastClosed)}
    select min(org_id) as org_id, max(month) filter (where due_fen <= paid_fen) as last_ok, min(month) as first_month
    from ledger group by member_id
    having bool_or(month = ${lastClosed} and due_fen > paid_fen)`.execute(db);
  const out = new Map<number, ArrearsCounts>();
  for (const x of r.rows) {
    // As arrearsOf: the run since the last settled month, or since the first month in the window.
    const level = arrearsLevel(monthsBetween(x.last_ok ?? addMonths(x.first_month, -1), lastClosed), t);
    if (level === 'none' || level === 'notice') continue;
    const c = out.get(x.org_id) ?? out.set(x.org_id, { warned: 0, urgent: 0, lapsed: 0 }).get(x.org_id)!;
    if (level === 'warning') c.warned++;
    else if (level === 'urgent') c.urgent++;
    else c.lapsed++;
  }
  return out;
}

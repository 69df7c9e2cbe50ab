// Totals of a subtree from the dues cells (migration 039): the organization's cells and its direct
// children's, each over its whole subtree, plus the deltas not folded in yet. The organization's own
// members and collections are its cells less its children's. Same rows as queries.ts `totals`
// (the ledger), which the tests compare it with.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { monthRange } from '../../../domain/rules/dues.js';

type Q = Kysely<DB>;

interface Cell {
  due_step: number;
  paid: number;
  voluntary: number;
  centre: number;
  payers: number;
}

export async function totalsFromCells(db: Q, org: { id: number; path: string }, from: string, to: string) {
  const keys = await sql<{
    id: number;
    key: string;
  }>`select id, path::text as key from orgs where id = ${org.id} or parent_id = ${org.id}`.execute(db);
  const ids = keys.rows.map((k) => k.id);
  // One row per organization and month up to `to`: what is due needs every step before the range.
  const r = await sql<Cell & { org_id: number; month: string }>`
    select org_id, month, sum(due_step)::bigint as due_step, sum(paid)::bigint as paid, sum(voluntary)::bigint as voluntary,
      sum(centre)::bigint as centre, sum(payers)::int as payers
    from (
      select org_id, month, due_step, paid, voluntary, centre, payers from dues_cells where org_id = any(${ids}::bigint[]) and month <= ${to}
      union all
      select org_id, month, due_step, paid, voluntary, centre, payers from dues_deltas where org_id = any(${ids}::bigint[]) and month <= ${to}
    ) x group by 1, 2 order by 2`.execute(db);
  const months = monthRange(from, to);
  // By organization: due in each month of the range (the running sum of steps), and the month's collections.
  const series = new Map<number, Map<string, Cell>>();
  const running = new Map<number, number>();
  for (const id of ids) series.set(id, new Map(months.map((m) => [m, { due_step: 0, paid: 0, voluntary: 0, centre: 0, payers: 0 }])));
  const rows = r.rows.map((x) => ({ ...x, org_id: Number(x.org_id) }));
  let i = 0;
  for (const m of months) {
    for (; i < rows.length && rows[i].month <= m; i++) {
      const x = rows[i];
      running.set(x.org_id, (running.get(x.org_id) ?? 0) + Number(x.due_step));
      if (x.month === m) {
        const c = series.get(x.org_id)!.get(m)!;
        c.paid = Number(x.paid);
        c.voluntary = Number(x.voluntary);
        c.centre = Number(x.centre);
        c.payers = x.payers;
      }
    }
    for (const id of ids) series.get(id)!.get(m)!.due_step = running.get(id) ?? 0;
  }
  // The organization's own part: its subtree less its children's.
  const own = series.get(org.id)!;
  for (const k of keys.rows) {
    if (k.id === org.id) continue;
    for (const m of months) {
      const c = series.get(k.id)!.get(m)!;
      const o = own.get(m)!;
      o.due_step -= c.due_step;
      o.paid -= c.paid;
      o.voluntary -= c.voluntary;
      o.centre -= c.centre;
      o.payers -= c.payers;
    }
  }
  const due: { month: string; key: string; due: number }[] = [];
  const paid: { month: string; key: string; paid: number; voluntary: number; centre: number; payers: number }[] = [];
  for (const k of keys.rows) {
    for (const [month, c] of series.get(k.id)!) {
      if (c.due_step) due.push({ month, key: k.key, due: c.due_step });
      if (c.paid || c.voluntary || c.centre || c.payers)
        paid.push({ month, key: k.key, paid: c.paid, voluntary: c.voluntary, centre: c.centre, payers: c.payers });
    }
  }
  return { due, paid };
}

// The organizational-life summaries of migration 041: held meetings by unit, kind and month, and each
// branch's committee and full-member counts. The triggers keep them exact on every write; the compliance
// engine (compliance.ts) reads them instead of the meetings and the members. The rules are applied when
// read, so a new rule version needs nothing here.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';

type Q = Kysely<DB>;

/** Rewritten in place by the triggers: the statistics' maintenance vacuums them (PGlite has no autovacuum). */
export const ORG_LIFE_SUMMARY_TABLES = ['org_life_held', 'org_life_facts', 'org_term_facts'] as const;

/** 'YYYY-MM-DD' or 'YYYY-MM' → the month number the summaries use (year * 12 + month - 1). */
export const ymOf = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** Switches the triggers off for the rest of the transaction: the bulk writer ends with a rebuild. */
export const orgLifeSummariesOff = (trx: Q) => sql`select set_config('zugong.org_life_off', 'on', true)`.execute(trx);

/** Everything from scratch (after a bulk load that switched the triggers off). */
export async function rebuildOrgLifeSummaries(db: Q): Promise<void> {
  await sql`select set_config('zugong.org_life_off', 'off', true)`.execute(db);
  await sql`select org_life_rebuild(), org_term_rebuild()`.execute(db);
}

export interface HeldCell {
  org_id: number;
  kind: string;
  ym: number;
  n: number;
  late: number;
}

/** The held cells of the units from month `fromYm` to `toYm`. */
export async function heldCells(db: Q, unitIds: readonly number[], fromYm: number, toYm: number): Promise<HeldCell[]> {
  if (unitIds.length === 0) return [];
  const r = await sql<HeldCell>`select org_id::int as org_id, kind, ym, n, late from org_life_held
    where org_id = any(${[...unitIds]}::bigint[]) and ym between ${fromYm} and ${toYm}`.execute(db);
  return r.rows;
}

/** What a scan of the meetings and the members gives, as the summary tables hold it (zero rows left out). */
async function scanned(db: Q) {
  const held = await sql<HeldCell>`select p.org_id::int as org_id, p.kind, org_life_ym(p.held_on) as ym, count(*)::int as n,
      (count(*) filter (where m.late))::int as late
    from meeting_purposes p join meetings m on m.id = p.meeting_id group by 1, 2, 3`.execute(db);
  const facts = await sql<{ org_id: number; committee_n: number; full_n: number }>`
    select h::int as org_id, sum(c)::int as committee_n, sum(u)::int as full_n from (
      select org_id h, count(*) c, 0 u from org_committee_members group by 1
      union all
      select case when g.kind = 'party_group' then g.parent_id else g.id end, 0, count(*)
      from members m join orgs g on g.id = m.org_id
      where m.category = 'full' and m.status in (${sql.join([...COUNTED_STATUSES])}) group by 1
    ) x where h is not null group by 1`.execute(db);
  const terms = await sql<{ row: string }>`select row(f.*)::text as row from org_term_facts_of(array(select id from orgs)) f`.execute(db);
  return { held: held.rows, facts: facts.rows, terms: terms.rows };
}

/**
 * The rows where the summaries differ from a scan (empty when exact): `held:org|kind|ym`, `facts:org`
 * and `terms:org` keys with both readings. Used by the tests after every kind of write.
 */
export async function orgLifeSummaryDifferences(db: Q): Promise<{ key: string; summary: string; scan: string }[]> {
  const scan = await scanned(db);
  const held = await sql<HeldCell>`select org_id::int as org_id, kind, ym, n, late from org_life_held`.execute(db);
  const facts = await sql<{ org_id: number; committee_n: number; full_n: number }>`
    select org_id::int as org_id, committee_n, full_n from org_life_facts`.execute(db);
  const terms = await sql<{ row: string }>`select row(f.*)::text as row from org_term_facts f`.execute(db);
  const years = await sql<{
    org_id: number;
    year: number;
    cells: string;
  }>`select org_id::int as org_id, year, cells from org_life_held_years`.execute(db);
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  const put = (m: Map<string, string>, k: string, v: string, zero: string) => {
    if (v !== zero) m.set(k, v);
  };
  for (const c of held.rows) put(a, `held:${c.org_id}|${c.kind}|${c.ym}`, `${c.n}/${c.late}`, '0/0');
  for (const c of scan.held) put(b, `held:${c.org_id}|${c.kind}|${c.ym}`, `${c.n}/${c.late}`, '0/0');
  for (const f of facts.rows) put(a, `facts:${f.org_id}`, `${f.committee_n}/${f.full_n}`, '0/0');
  for (const f of scan.facts) put(b, `facts:${f.org_id}`, `${f.committee_n}/${f.full_n}`, '0/0');
  // The packed years hold the same cells (compared as sets: the order is the database's).
  const packed = new Map<string, string[]>();
  for (const c of scan.held) {
    const k = `years:${c.org_id}|${Math.floor(c.ym / 12)}`;
    (packed.get(k) ?? packed.set(k, []).get(k)!).push(`${c.kind}:${c.ym}:${c.n}:${c.late}`);
  }
  for (const [k, cells] of packed) b.set(k, cells.sort().join(','));
  for (const y of years.rows) a.set(`years:${y.org_id}|${y.year}`, y.cells.split(',').sort().join(','));
  for (const r of terms.rows) a.set(`terms:${r.row.split(',')[0]}`, r.row);
  for (const r of scan.terms) b.set(`terms:${r.row.split(',')[0]}`, r.row);
  const out: { key: string; summary: string; scan: string }[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    if (a.get(k) !== b.get(k)) out.push({ key: k, summary: a.get(k) ?? '-', scan: b.get(k) ?? '-' });
  }
  return out.sort((x, y) => x.key.localeCompare(y.key));
}

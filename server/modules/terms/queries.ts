// SQL for terms and elections. Every list takes a subtree path; the state of a term is computed in SQL
// with the same thresholds as domain/rules/terms.ts termState (6 and 4 months before the end).
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../db/types.js';
import type { OrgTermsTable } from '../../db/types-org-life.js';
import { TERM_ORG_KINDS, TERM_RULES, type TermKind } from '../../../domain/rules/terms.js';
import type { TTermStateFilter } from '../../../domain/schemas/terms.js';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';

export type TermRow = Selectable<OrgTermsTable>;
export const OPEN_ELECTION = ['requested', 'approved', 'held'] as const;
const ALL_TERM_ORG_KINDS = Object.values(TERM_ORG_KINDS).flat();

export interface TermFilter {
  path: string;
  today: string;
  state?: TTermStateFilter;
  kind?: TermKind;
  q?: string;
}

export interface TermListRow {
  id: number;
  name: string;
  kind: string;
  unit_type: string | null;
  term_id: number | null;
  term_kind: TermKind | null;
  term_years: number | null;
  elected_on: string | null;
  ends_on: string | null;
  state: TTermStateFilter;
  secretary: string | null;
  latest_id: number | null;
  latest_status: string | null;
  sort_date: string;
}

/**
 * One row per live organization that has a term (任期意见), with its current term if recorded, its
 * secretary and its latest election, read from org_term_facts (migration 041, kept by triggers); only
 * the state, which depends on the day, is computed here.
 */
function termRowsCte(f: TermFilter) {
  const kinds = f.kind ? TERM_ORG_KINDS[f.kind] : ALL_TERM_ORG_KINDS;
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return sql`
    select o.id, o.name, o.kind, o.unit_type, t.term_id, t.term_kind, t.term_years, t.election_id,
      to_char(t.elected_on, 'YYYY-MM-DD') as elected_on, to_char(t.ends_on, 'YYYY-MM-DD') as ends_on,
      to_char(coalesce(t.ends_on, date '1900-01-01'), 'YYYY-MM-DD') as sort_date,
      case
        when t.term_id is null then 'missing'
        when t.ends_on < ${f.today}::date then 'overdue'
        when t.delayed then 'delayed'
        when (t.ends_on - make_interval(months => ${TERM_RULES.requestFromMonths}))::date <= ${f.today}::date then 'request_window'
        when (t.ends_on - make_interval(months => ${TERM_RULES.reminderMonths}))::date <= ${f.today}::date then 'ending'
        else 'normal'
      end as state,
      t.secretary, t.latest_id, t.latest_status
    from orgs o left join org_term_facts t on t.org_id = o.id
    where o.path <@ ${f.path}::ltree and o.status = 'active' and o.kind = any(${kinds}::text[])
      ${like ? sql`and o.name like ${like}` : sql``}`;
}

export async function listTerms(
  db: Kysely<DB>,
  f: TermFilter,
  after: { key: string; id: number } | null,
  limit: number,
): Promise<TermListRow[]> {
  const res = await sql<TermListRow>`with r as (${termRowsCte(f)})
    select r.* from r
    where true ${f.state ? sql`and r.state = ${f.state}` : sql``}
      ${after ? sql`and (r.sort_date, r.id) > (${after.key}, ${after.id})` : sql``}
    order by r.sort_date, r.id
    limit ${limit}`.execute(db);
  return res.rows;
}

export async function stateCounts(db: Kysely<DB>, f: TermFilter): Promise<Record<string, number>> {
  const res = await sql<{ state: string; n: number }>`with r as (${termRowsCte({ ...f, state: undefined })})
    select state, count(*)::int as n from r group by state`.execute(db);
  return Object.fromEntries(res.rows.map((r) => [r.state, r.n]));
}

export function termsOf(db: Kysely<DB>, orgId: number): Promise<TermRow[]> {
  return db.selectFrom('org_terms').selectAll().where('org_id', '=', orgId).orderBy('elected_on', 'desc').orderBy('id', 'desc').execute();
}

export function currentTerm(db: Kysely<DB>, orgId: number): Promise<TermRow | undefined> {
  return db.selectFrom('org_terms').selectAll().where('org_id', '=', orgId).where('ended_on', 'is', null).executeTakeFirst();
}

/** Terms with an approved delay (the "delayed" state). */
export async function delayedTermIds(db: Kysely<DB>, termIds: number[]): Promise<Set<number>> {
  if (!termIds.length) return new Set();
  const rows = await db
    .selectFrom('term_adjustments')
    .select('term_id')
    .where('term_id', 'in', termIds)
    .where('kind', '=', 'delay')
    .where('status', '=', 'approved')
    .execute();
  return new Set(rows.map((r) => r.term_id));
}

/**
 * The sitting committee: with a current term, the rows not ended by an earlier election (their end is after
 * the term began); without one, the rows of the latest committee on record.
 */
export function sittingCommittee(db: Kysely<DB>, orgId: number, current: { elected_on: string } | undefined) {
  let q = db.selectFrom('org_committee_members').selectAll().where('org_id', '=', orgId);
  q = current
    ? q.where((eb) => eb.or([eb('term_end', 'is', null), eb('term_end', '>', current.elected_on)]))
    : q.where((eb) =>
        eb.or([
          eb('term_end', 'is', null),
          eb('term_start', 'is', null),
          eb(
            'term_start',
            '=',
            eb
              .selectFrom('org_committee_members as c2')
              .select((e) => e.fn.max('c2.term_start').as('m'))
              .where('c2.org_id', '=', orgId),
          ),
        ]),
      );
  return q
    .orderBy(sql`case post when 'secretary' then 0 when 'deputy_secretary' then 1 else 2 end`)
    .orderBy('id')
    .execute();
}

/** 第五条: full and probationary members held in the subtree (only the full ones vote). */
export async function voterCounts(db: Kysely<DB>, path: string): Promise<{ full: number; probationary: number }> {
  const rows = await db
    .selectFrom('members')
    .select(['category', sql<number>`count(*)::int`.as('n')])
    .where(sql<boolean>`org_path <@ ${path}::ltree`)
    .where('status', 'in', COUNTED_STATUSES)
    .groupBy('category')
    .execute();
  return { full: rows.find((r) => r.category === 'full')?.n ?? 0, probationary: rows.find((r) => r.category === 'probationary')?.n ?? 0 };
}

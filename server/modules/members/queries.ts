// SQL of the member list, search, count and export. One filter builder serves all of them, so an
// export holds exactly the rows the list shows (SECURITY.md 13, 22). The subtree filter is in SQL.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Trx } from '../../audit/audit-log.js';
import type { MemberStatus } from '../../../domain/member-status.js';
import { scopeSql } from '../../scope/access.js';
import { nameHolds } from '../../db/name-search.js';

/** A list filter with everything resolved: the subtree path, the statuses, birth-date bounds, the search kind. */
export interface ResolvedFilter {
  path: string;
  statuses: readonly MemberStatus[] | null;
  search: { kind: 'idHash'; hash: string } | { kind: 'initials'; prefix: string } | { kind: 'name'; infix: string } | null;
  category?: 'full' | 'probationary';
  gender?: '男' | '女';
  education?: string;
  occupation?: string;
  bornFrom?: string;
  bornTo?: string;
  joinedFrom?: string;
  joinedTo?: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The subtree test. A scope two or three levels deep (a city's district, a province's city or
 * district) is written as the equal path head of migration 038 (the same rows: the path's first
 * labels are the scope's), so the list walks that scope's own members in pinyin order instead of
 * the whole city's.
 */
function inScope(path: string) {
  const depth = path.split('.').length;
  return depth === 2 || depth === 3
    ? sql<boolean>`path_head(m.org_path, ${sql.lit(depth)}) = ${path}::ltree`
    : scopeSql('m.org_path', path);
}

function filtered(db: Db | Trx, f: ResolvedFilter) {
  let q = db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id').where(inScope(f.path));
  if (f.statuses) q = q.where('m.status', 'in', f.statuses);
  if (f.search?.kind === 'idHash') q = q.where('m.id_hash', '=', f.search.hash);
  if (f.search?.kind === 'initials') q = q.where('m.name_initials', 'like', `${escapeLike(f.search.prefix)}%`);
  if (f.search?.kind === 'name') {
    // The rows matching the infix are collected first (an init plan on the name-gram index of
    // migration 038, any length of term), then fetched again by their row address (no index to
    // descend: same statement, same snapshot) and sorted. Left to itself the planner walks the
    // pinyin-order index of the whole city looking for a rare name (0.5 s at 500,000 members).
    q = q.where(sql<boolean>`m.ctid = any(array(select ctid from members where ${nameHolds('name', f.search.infix)}))`);
  }
  if (f.category) q = q.where('m.category', '=', f.category);
  if (f.gender) q = q.where('m.gender', '=', f.gender);
  if (f.education) q = q.where('m.edu_highest', '=', f.education);
  if (f.occupation) q = q.where('m.occupation', '=', f.occupation);
  if (f.bornFrom) q = q.where('m.birth_date', '>=', f.bornFrom);
  if (f.bornTo) q = q.where('m.birth_date', '<=', f.bornTo);
  if (f.joinedFrom) q = q.where('m.admitted_on', '>=', f.joinedFrom);
  if (f.joinedTo) q = q.where('m.admitted_on', '<=', f.joinedTo);
  return q;
}

/** The filter, past the keyset position `after` (the last row of the previous page) when there is one. */
function filteredAfter(db: Db | Trx, f: ResolvedFilter, after: { key: string; id: number } | null) {
  const q = filtered(db, f);
  return after ? q.where(sql<boolean>`(m.sort_key, m.id) > (${after.key}, ${after.id})`) : q;
}

const LIST_COLUMNS = [
  'm.id',
  'm.name',
  'm.gender',
  'm.birth_date',
  'm.ethnicity',
  'm.edu_highest',
  'm.category',
  'm.status',
  'm.admitted_on',
  'm.full_on',
  'm.org_id',
  'o.name as org_name',
  'm.id_masked',
  'm.sort_key',
] as const;

function pageQuery(db: Db | Trx, f: ResolvedFilter, after: { key: string; id: number } | null, limit: number, where?: RawBuilder<boolean>) {
  const q = filteredAfter(db, f, after);
  return (where ? q.where(where) : q).select(LIST_COLUMNS).orderBy('m.sort_key').orderBy('m.id').limit(limit);
}
export type ListRow = Awaited<ReturnType<ReturnType<typeof pageQuery>['execute']>>[number];

/**
 * One keyset page on (sort_key, id), the pinyin order of names; `after` is the last row of the previous page.
 *
 * Pinyin initials: a name's sort key starts with the first letter of its initials unless it starts with something
 * other than a letter (a leading 间隔号, a character without pinyin). Left to itself the planner walks the pinyin
 * order of the whole city from 'a' for initials late in the alphabet (zx: 472,000 rows, 3.2 s at 549,000 members),
 * so the page is the union of the names whose sort key starts with that letter (the walk starts there) and those
 * whose sort key starts with no letter (a partial index of migration 044), in the database's order.
 */
export async function listPage(
  db: Db | Trx,
  f: ResolvedFilter,
  after: { key: string; id: number } | null,
  limit: number,
): Promise<ListRow[]> {
  const s = f.search;
  if (s?.kind !== 'initials' || !/^[a-z]/.test(s.prefix)) return pageQuery(db, f, after, limit).execute();
  const c = s.prefix[0];
  const lettered =
    c === 'z'
      ? sql<boolean>`m.sort_key >= 'z'`
      : sql<boolean>`m.sort_key >= ${c} and m.sort_key < ${String.fromCharCode(c.charCodeAt(0) + 1)}`;
  const r = await sql<ListRow>`select * from ((${pageQuery(db, f, after, limit, lettered)})
      union (${pageQuery(db, f, after, limit, sql<boolean>`m.sort_key !~ '^[a-z]'`)})) u
    order by u.sort_key, u.id limit ${limit}`.execute(db);
  return r.rows;
}

/** Rows of the export: the list's columns plus the record's other fields, same filter, same order. */
export function exportPage(db: Db | Trx, f: ResolvedFilter, after: { key: string; id: number } | null, limit: number) {
  return filteredAfter(db, f, after)
    .select([
      ...LIST_COLUMNS,
      'm.native_place',
      'm.edu_fulltime',
      'm.degree_fulltime',
      'm.edu_inservice',
      'm.degree_inservice',
      'm.occupation',
      'm.work_unit',
      'm.job_post',
      'm.phone',
      'm.address',
      'o.code as org_code',
    ])
    .orderBy('m.sort_key')
    .orderBy('m.id')
    .limit(limit)
    .execute();
}
export type ExportRow = Awaited<ReturnType<typeof exportPage>>[number];

export async function countMembers(db: Db, f: ResolvedFilter): Promise<number> {
  const r = await filtered(db, f)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}

/** The filter's members by category: the organization page's 党员总数 is this count with COUNTED_STATUSES. */
export async function categoryCounts(db: Db | Trx, f: ResolvedFilter): Promise<{ full: number; probationary: number }> {
  const rows = await filtered(db, f)
    .select(['m.category', sql<number>`count(*)::int`.as('n')])
    .groupBy('m.category')
    .execute();
  const get = (c: string) => rows.find((r) => r.category === c)?.n ?? 0;
  return { full: get('full'), probationary: get('probationary') };
}

export function memberWithOrg(db: Db | Trx, id: number) {
  return db
    .selectFrom('members as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .selectAll('m')
    .select(['o.name as org_name', 'o.path as org_tree_path'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}
export type DetailRow = NonNullable<Awaited<ReturnType<typeof memberWithOrg>>>;

export function historyOf(db: Db, memberId: number) {
  return db
    .selectFrom('member_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .select(['h.id', 'h.action', 'u.display_name as actor_name', 'h.at', 'h.before', 'h.after'])
    .where('h.member_id', '=', memberId)
    .orderBy('h.id', 'desc')
    .limit(500)
    .execute();
}

/** Which of these keyed hashes already belong to a member (import de-duplication), in batches the engine takes. */
export async function existingIdHashes(db: Db | Trx, hashes: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < hashes.length; i += 1000) {
    const rows = await db
      .selectFrom('members')
      .select('id_hash')
      .where('id_hash', 'in', hashes.slice(i, i + 1000))
      .execute();
    for (const r of rows) if (r.id_hash) found.add(r.id_hash);
  }
  return found;
}

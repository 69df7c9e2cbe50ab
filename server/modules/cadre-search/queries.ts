// SQL of the cadre search: one filter builder serves the result page, the count and the roster
// export, so an export holds exactly the rows the search shows. Always inside the actor's scope
// (干部管理权限: the cadre's manager_path). Experience predicates are computed from the file: posts
// held (cadre_experience, kept from cadre_appointments by triggers) and the 简历 (resume_grassroots),
// both in migration 015.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/engine.js';
import { LEVELS } from '../../../domain/cadre-codes.js';
import { scopeSql } from '../../scope/access.js';
import { nameHolds } from '../../db/name-search.js';

export type SortKind = 'pinyin' | 'age' | 'level';

/** A search with everything resolved to SQL-ready values. */
export interface ResolvedCadreQuery {
  path: string;
  search: { kind: 'initials'; prefix: string } | { kind: 'name'; infix: string } | null;
  unitIds?: number[];
  unitKinds?: string[];
  post?: string;
  levels?: string[];
  bornOnOrBefore?: string;
  bornAfter?: string;
  sex?: string;
  eduRankMax?: number;
  backgrounds?: string[];
  political?: string[];
  sinceOnOrBefore?: string;
  grassroots?: boolean;
  grassrootsMonthsMin?: number;
  twoPostsBelow?: boolean;
  unitKindsMin?: number;
  includeLeft?: boolean;
  sort: SortKind;
  desc: boolean;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Level as a sortable letter, highest first; no level last. */
const LEVEL_LETTER = sql.raw(
  `case c.level ${LEVELS.map((l, i) => `when '${l}' then '${String.fromCharCode(97 + i)}'`).join(' ')} else 'z' end`,
);

/** The text the keyset runs on: for an age sort the birth (youngest first is birth descending). */
export function sortExpr(sort: SortKind): RawBuilder<string> {
  if (sort === 'age') return sql<string>`coalesce(c.birth, '')`;
  if (sort === 'level') return sql<string>`(${LEVEL_LETTER} || c.sort_key)`;
  return sql<string>`c.sort_key`;
}
/** Age ascending means the youngest first, so the birth runs the other way. */
const descending = (f: ResolvedCadreQuery) => (f.sort === 'age' ? !f.desc : f.desc);

function filtered(db: Db, f: ResolvedCadreQuery) {
  let q = db
    .selectFrom('cadres as c')
    .leftJoin('cadre_units as u', 'u.id', 'c.current_unit_id')
    .innerJoin('orgs as mo', 'mo.id', 'c.manager_org_id')
    .where(scopeSql('c.manager_path', f.path));
  if (!f.includeLeft) q = q.where('c.status', '=', 'active');
  if (f.search?.kind === 'initials') q = q.where('c.name_initials', 'like', `${escapeLike(f.search.prefix)}%`);
  if (f.search?.kind === 'name') {
    // The matching ids first (the name-gram index of migration 038), as the member search does: left
    // to itself the planner may walk the pinyin index of the whole scope looking for a rare name.
    q = q.where(sql<boolean>`c.id = any(array(select id from cadres where ${nameHolds('name', f.search.infix)}))`);
  }
  if (f.unitIds?.length) q = q.where('c.current_unit_id', 'in', f.unitIds);
  if (f.unitKinds?.length) q = q.where('u.kind', 'in', f.unitKinds);
  if (f.post) q = q.where('c.current_title', 'like', `%${escapeLike(f.post)}%`);
  if (f.levels) q = f.levels.length ? q.where('c.level', 'in', f.levels) : q.where(sql<boolean>`false`);
  if (f.bornOnOrBefore) q = q.where('c.birth', '<=', f.bornOnOrBefore);
  if (f.bornAfter) q = q.where('c.birth', '>', f.bornAfter);
  if (f.sex) q = q.where('c.sex', '=', f.sex);
  if (f.eduRankMax) q = q.where('c.edu_rank', '<=', f.eduRankMax);
  if (f.backgrounds?.length) q = q.where('c.background', 'in', f.backgrounds);
  if (f.political?.length) q = q.where('c.political', 'in', f.political);
  if (f.sinceOnOrBefore) q = q.where('c.current_since', '<=', f.sinceOnOrBefore);
  if (f.grassrootsMonthsMin) q = q.where('c.grassroots_months', '>=', f.grassrootsMonthsMin);
  if (f.grassroots) {
    // 基层经历: confirmed months, a 简历 line at a 乡/镇/街道/村/社区 (resume_grassroots), the current
    // unit, or a post held in a 乡镇街道 unit (cadre_experience, kept from the posts; migration 015).
    q = q.where(
      sql<boolean>`(c.grassroots_months > 0 or c.resume_grassroots or u.kind = '乡镇街道'
        or c.id in (select x.cadre_id from cadre_experience x where x.grassroots_post))`,
    );
  }
  // RULES.md §7: 县处级 and above normally served in two posts at the level below (a reappointment to
  // the same post counts once); both counts are kept per cadre in cadre_experience.
  if (f.twoPostsBelow) q = q.where(sql<boolean>`c.id in (select x.cadre_id from cadre_experience x where x.posts_below >= 2)`);
  if (f.unitKindsMin) {
    q = q.where(sql<boolean>`c.id in (select x.cadre_id from cadre_experience x where x.unit_kinds >= ${f.unitKindsMin})`);
  }
  return q;
}

const HIT_COLUMNS = [
  'c.id',
  'c.name',
  'c.sex',
  'c.birth',
  'c.ethnicity',
  'c.political',
  'c.edu_rank',
  'c.background',
  'c.current_unit_id',
  'u.name as unit_name',
  'c.current_title',
  'c.level',
  'c.current_since',
  'mo.name as manager_name',
] as const;

/** The rows past the keyset position `after`, in the query's order. */
function page(db: Db, f: ResolvedCadreQuery, after: { key: string; id: number } | null) {
  const key = sortExpr(f.sort);
  const desc = descending(f);
  let q = filtered(db, f);
  if (after)
    q = q.where(
      desc ? sql<boolean>`(${key}, c.id) < (${after.key}, ${after.id})` : sql<boolean>`(${key}, c.id) > (${after.key}, ${after.id})`,
    );
  return q
    .select(key.as('sort_key'))
    .orderBy(key, desc ? 'desc' : 'asc')
    .orderBy('c.id', desc ? 'desc' : 'asc');
}

export function searchPage(db: Db, f: ResolvedCadreQuery, after: { key: string; id: number } | null, limit: number) {
  return page(db, f, after).select(HIT_COLUMNS).limit(limit).execute();
}
export type HitRow = Awaited<ReturnType<typeof searchPage>>[number];

export async function countCadres(db: Db, f: ResolvedCadreQuery): Promise<number> {
  const r = await filtered(db, f)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}

/** The roster's rows: the hit's columns and the rest of the 一张表, same filter, same order. */
export function rosterPage(db: Db, f: ResolvedCadreQuery, after: { key: string; id: number } | null, limit: number) {
  return page(db, f, after)
    .select([
      ...HIT_COLUMNS,
      'c.id_masked',
      'c.native_place',
      'c.birth_place',
      'c.party_join',
      'c.work_start',
      'c.edu_full_time',
      'c.edu_in_service',
      'c.rank_title',
      'c.pro_title',
      'c.expertise',
      'c.health',
      'u.kind as unit_kind',
      sql<string | null>`(select r.decided_on::text from cadre_ranks r where r.cadre_id = c.id and r.ended_on is null
        order by r.decided_on desc limit 1)`.as('rank_since'),
    ])
    .limit(limit)
    .execute();
}
export type RosterRow = Awaited<ReturnType<typeof rosterPage>>[number];

// The cadre search: a structured query (domain/schemas/cadre-search.ts) resolved against the actor's
// scope and the day ages are counted at, then one keyset page. Saved queries belong to one account:
// another account's id answers 404, exactly like a missing one.
import { LEVEL_BANDS } from '../../../domain/cadre-codes.js';
import type { TCadreHit, TCadreQuery, TCadreSearchResult, TSavedQuery } from '../../../domain/schemas/cadre-search.js';
import { ZCadreQuery } from '../../../domain/schemas/cadre-search.js';
import { birthBoundsForAges, cadreAge, sinceOnOrBefore, yearsInPost } from '../../../domain/rules/cadre-age.js';
import type { Ctx } from '../../context.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { decodeCursor, encodeCursor } from '../../http/keyset-cursor.js';
import * as q from './queries.js';

/** The query as SQL-ready values inside the subtree `scopePath` (the actor's), on `today`. */
export function resolveQuery(query: TCadreQuery, scopePath: string, today: string): q.ResolvedCadreQuery {
  if (query.ageMin !== undefined && query.ageMax !== undefined && query.ageMin > query.ageMax)
    throw invalid('年龄下限不能大于上限', 'ageMin');
  const at = query.ageAt ?? today;
  // A band (县处级) and chosen levels narrow together: both given, only the levels in both.
  const band = query.levelBand ? [...LEVEL_BANDS[query.levelBand]] : undefined;
  const levels = band && query.levels ? query.levels.filter((l) => band.includes(l)) : (query.levels ?? band);
  const s = query.q?.trim();
  return {
    path: scopePath,
    search: !s
      ? null
      : /^[A-Za-z]+$/.test(s)
        ? { kind: 'initials', prefix: s.toLowerCase() }
        : { kind: 'name', infix: s.replace(/\s+/g, '') },
    unitIds: query.unitIds,
    unitKinds: query.unitKinds,
    post: query.post || undefined,
    levels,
    ...birthBoundsForAges(at, query.ageMin, query.ageMax),
    sex: query.sex,
    eduRankMax: query.eduRankMax,
    backgrounds: query.backgrounds,
    political: query.political,
    sinceOnOrBefore: query.yearsInPostMin ? sinceOnOrBefore(today, query.yearsInPostMin) : undefined,
    grassroots: query.grassroots,
    grassrootsMonthsMin: query.grassrootsMonthsMin,
    twoPostsBelow: query.twoPostsBelow,
    unitKindsMin: query.unitKindsMin,
    includeLeft: query.includeLeft,
    sort: query.sort,
    desc: query.desc,
  };
}

export function presentHit(r: q.HitRow, ageAt: string, today: string): TCadreHit {
  return {
    id: Number(r.id),
    name: r.name,
    sex: r.sex,
    birth: r.birth,
    age: cadreAge(r.birth, ageAt),
    ethnicity: r.ethnicity,
    political: r.political,
    eduRank: r.edu_rank,
    background: r.background,
    unitId: r.current_unit_id === null ? null : Number(r.current_unit_id),
    unitName: r.unit_name,
    title: r.current_title,
    level: r.level,
    since: r.current_since,
    yearsInPost: yearsInPost(r.current_since, today),
    managerName: r.manager_name,
  };
}

export async function searchCadres(ctx: Ctx, query: TCadreQuery, cursor: string | undefined, limit: number): Promise<TCadreSearchResult> {
  const today = ctx.today();
  const f = resolveQuery(query, ctx.actor.scopePath, today);
  const rows = await q.searchPage(ctx.db, f, decodeCursor(cursor), limit + 1);
  const hits = rows.slice(0, limit);
  return {
    items: hits.map((r) => presentHit(r, query.ageAt ?? today, today)),
    nextCursor:
      rows.length > limit ? encodeCursor({ sort_key: hits[hits.length - 1].sort_key, id: Number(hits[hits.length - 1].id) }) : null,
    total: cursor ? null : rows.length <= limit ? rows.length : await q.countCadres(ctx.db, f),
  };
}

// ---- Saved queries (per account) ----

type SavedRow = { id: number; name: string; query: unknown; created_at: Date };
const presentSaved = (r: SavedRow): TSavedQuery => ({
  id: Number(r.id),
  name: r.name,
  // Stored by this module after validation; parsed again so a query saved before a field was
  // renamed still reads (unknown fields would be refused loudly rather than silently dropped).
  query: ZCadreQuery.parse(r.query),
  createdAt: new Date(r.created_at).toISOString(),
});

export async function listSaved(ctx: Ctx): Promise<TSavedQuery[]> {
  const rows = await ctx.db
    .selectFrom('cadre_saved_queries')
    .select(['id', 'name', 'query', 'created_at'])
    .where('user_id', '=', ctx.actor.userId)
    .orderBy('name')
    .execute();
  return rows.map(presentSaved);
}

/** The actor's own saved query; anyone else's is "not found". */
export async function savedById(ctx: Ctx, id: number): Promise<TSavedQuery> {
  const r = await ctx.db
    .selectFrom('cadre_saved_queries')
    .select(['id', 'name', 'query', 'created_at'])
    .where('id', '=', id)
    .where('user_id', '=', ctx.actor.userId)
    .executeTakeFirst();
  if (!r) throw notFound('查询方案');
  return presentSaved(r);
}

async function nameTaken(ctx: Ctx, name: string, exceptId?: number): Promise<void> {
  let sel = ctx.db.selectFrom('cadre_saved_queries').select('id').where('user_id', '=', ctx.actor.userId).where('name', '=', name);
  if (exceptId) sel = sel.where('id', '<>', exceptId);
  if (await sel.executeTakeFirst()) throw conflict('已有同名的查询方案', 'name');
}

export async function saveQuery(ctx: Ctx, name: string, query: TCadreQuery): Promise<TSavedQuery> {
  await nameTaken(ctx, name);
  const r = await ctx.db
    .insertInto('cadre_saved_queries')
    .values({ user_id: ctx.actor.userId, name, query: JSON.stringify(query) })
    .returning(['id', 'name', 'query', 'created_at'])
    .executeTakeFirstOrThrow();
  return presentSaved(r);
}

export async function renameSaved(ctx: Ctx, id: number, name: string): Promise<TSavedQuery> {
  await savedById(ctx, id);
  await nameTaken(ctx, name, id);
  await ctx.db.updateTable('cadre_saved_queries').set({ name }).where('id', '=', id).where('user_id', '=', ctx.actor.userId).execute();
  return savedById(ctx, id);
}

export async function deleteSaved(ctx: Ctx, id: number): Promise<void> {
  const r = await ctx.db.deleteFrom('cadre_saved_queries').where('id', '=', id).where('user_id', '=', ctx.actor.userId).executeTakeFirst();
  if (!r.numDeletedRows) throw notFound('查询方案');
}

// The one scope primitive (in the spirit of Immich's requireAccess): the ids asked for must be a
// subset of the ids the actor may reach. Default deny: a missing id and an id outside the subtree get
// the same 404, and a refusal of an existing record is audited here, so no route can forget it.
// Routes declare it in their config (`scope: { 'params.id': 'member' }`, enforced by http/scope-hook.ts);
// services call it for ids they discover themselves. List queries filter with scopeSql.
import { sql, type RawBuilder } from 'kysely';
import type { AnyCtx, Ctx } from '../context.js';
import { recordDenied } from '../audit/record.js';
import { AppError, notFound } from '../errors.js';
import { isStrictlyHigher } from './paths.js';
import { RESOURCES, type Resource } from './resources.js';

export { RESOURCES, type Resource } from './resources.js';
export { inScope, isStrictlyHigher, pathStrictlyBelow, pathWithin } from './paths.js';

/** `column <@ scope`: the SQL form of the subtree test for lists and counts. */
export const scopeSql = (column: string, scopePath: string): RawBuilder<boolean> => sql<boolean>`${sql.ref(column)} <@ ${scopePath}::ltree`;

/** Which of the ids exist, and which of those lie in the subtree (one query). */
export async function partitionIds(ctx: AnyCtx, resource: Resource, ids: readonly number[], scopePath: string) {
  const def = RESOURCES[resource];
  const inside = sql.join(
    def.paths.map((p) => sql`${sql.raw(p)} <@ ${scopePath}::ltree`),
    sql` or `,
  );
  const rows = await sql<{ id: string | number; ok: boolean }>`select t.id, (${inside}) as ok
      from ${sql.raw(def.from)} where t.id = any(${ids as number[]}::bigint[])`.execute(ctx.db);
  const found = new Map(rows.rows.map((r) => [Number(r.id), r.ok]));
  return {
    missing: ids.filter((id) => !found.has(id)),
    outside: ids.filter((id) => found.get(id) === false),
  };
}

/**
 * Throws 404 unless every id exists and lies in the actor's subtree; audits each refused existing
 * record (`denied`, reason `scope`) under the action being attempted.
 */
export async function requireAccess(ctx: Ctx, action: string, resource: Resource, ids: number | readonly number[]): Promise<void> {
  const list = [...new Set(typeof ids === 'number' ? [ids] : ids)];
  if (list.length === 0) return;
  const { missing, outside } = await partitionIds(ctx, resource, list, ctx.actor.scopePath);
  for (const id of outside) await recordDenied(ctx, action, resource, id, 'scope');
  if (missing.length || outside.length) throw notFound(RESOURCES[resource].label);
}

/** Loads a record after the scope check: `load` need not filter by scope itself. */
export async function loadInScope<T>(
  ctx: Ctx,
  action: string,
  resource: Resource,
  id: number,
  load: (id: number) => Promise<T | undefined>,
): Promise<T> {
  await requireAccess(ctx, action, resource, id);
  const row = await load(id);
  if (!row) throw notFound(RESOURCES[resource].label);
  return row;
}

/** 403 unless the actor's organization is strictly above the path: approvals and reviews belong to a higher level. */
export function requireHigher(ctx: Ctx, orgPath: string, message: string, code = 'HIGHER_LEVEL'): void {
  if (!isStrictlyHigher(ctx.actor, orgPath)) throw new AppError(code, message, 403);
}

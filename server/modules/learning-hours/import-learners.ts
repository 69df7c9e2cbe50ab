// The people of a 调训 / 党校 import's rows, found for all rows at once (issue 16: an import writes at about
// the speed of reading its file): a few set-based queries, however many rows, instead of one or two per row.
// Each answer is what the row-at-a-time lookup gave, so the import keeps its messages.
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { chunks } from '../../db/batches.js';

/** Keys per query: the arrays stay small enough for either engine's parameters. */
const CHUNK = 5000;

export interface ByNumber {
  id: number;
  name: string;
  /** Whether the person is inside the actor's scope (a member's organization, a cadre's managing one). */
  inside: boolean;
  kind: 'member' | 'cadre';
}

/**
 * The member of each identity-number hash, else the non-member cadre (the lowest id, should two cadre
 * records carry the number); a hash that is neither is absent from the answer.
 */
export async function learnersByHash(ctx: Ctx, hashes: readonly string[]): Promise<Map<string, ByNumber>> {
  const scope = ctx.actor.scopePath;
  const out = new Map<string, ByNumber>();
  for (const part of chunks([...new Set(hashes)], CHUNK)) {
    const m = await sql<{ id_hash: string; id: number; name: string; inside: boolean }>`
      select id_hash, id, name, org_path <@ ${scope}::ltree as inside from members where id_hash = any(${part}::text[])`.execute(ctx.db);
    for (const r of m.rows) out.set(r.id_hash, { id: Number(r.id), name: r.name, inside: r.inside, kind: 'member' });
    // A member's number is the member's, even outside the scope: cadres are asked only for the others.
    const rest = part.filter((h) => !out.has(h));
    if (!rest.length) continue;
    const c = await sql<{ id_hash: string; id: number; name: string; inside: boolean }>`
      select distinct on (id_hash) id_hash, id, name, manager_path <@ ${scope}::ltree as inside
        from cadres where id_hash = any(${rest}::text[]) and member_id is null order by id_hash, id`.execute(ctx.db);
    for (const r of c.rows) out.set(r.id_hash, { id: Number(r.id), name: r.name, inside: r.inside, kind: 'cadre' });
  }
  return out;
}

export interface NameAndOrg {
  name: string;
  /** An organization's full name, or its code (matched upper-cased). */
  org: string;
}

export const nameAndOrgKey = (p: NameAndOrg) => JSON.stringify([p.name, p.org]);

/**
 * The members in scope of each name and organization (keyed by nameAndOrgKey): how many match (0, 1 or
 * more) and, when one does, which.
 */
export async function membersByNameAndOrg(ctx: Ctx, pairs: readonly NameAndOrg[]): Promise<Map<string, { n: number; id: number }>> {
  const scope = ctx.actor.scopePath;
  const distinct = [...new Map(pairs.map((p) => [nameAndOrgKey(p), p])).values()];
  const out = new Map<string, { n: number; id: number }>();
  for (const part of chunks(distinct, CHUNK)) {
    const r = await sql<{ i: number; n: number; id: number }>`
      select x.i, count(*)::int as n, min(m.id) as id
        from unnest(${part.map((_, i) => i)}::int[], ${part.map((p) => p.name)}::text[], ${part.map((p) => p.org)}::text[],
                    ${part.map((p) => p.org.toUpperCase())}::text[]) as x(i, name, org, code)
        join members m on m.name = x.name and m.org_path <@ ${scope}::ltree
        join orgs o on o.id = m.org_id and (o.name = x.org or o.code = x.code)
       group by x.i`.execute(ctx.db);
    for (const x of r.rows) out.set(nameAndOrgKey(part[x.i]), { n: x.n, id: Number(x.id) });
  }
  return out;
}

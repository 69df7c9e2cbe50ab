// Test-only builders of units, posts and cadres, written directly for speed (the one-writer test leaves server/test/ out).
import type { Db } from '../db/engine.js';

export async function buildUnit(db: Db, o: { managerOrgId: number; name: string; level: string; parentUnitId?: number | null }) {
  return db
    .insertInto('cadre_units')
    .values({ manager_org_id: o.managerOrgId, name: o.name, kind: '政府部门', level: o.level, parent_unit_id: o.parentUnitId ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function buildPost(
  db: Db,
  o: { unitId: number; title: string; level: string; principal?: boolean; elected?: boolean; probationKind?: string | null },
) {
  return db
    .insertInto('cadre_posts')
    .values({
      unit_id: o.unitId,
      title: o.title,
      level: o.level,
      principal: o.principal ?? false,
      elected: o.elected ?? false,
      probation_kind: o.probationKind ?? null,
      quota: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export interface CadreSpec {
  managerOrgId: number;
  name: string;
  workStart?: string;
  grassrootsMonths?: number;
  eduRank?: number;
  /** Posts held, oldest first; the last without `to` is the current one. */
  posts?: { title: string; level: string; from: string; to?: string; unitId?: number; principal?: boolean }[];
}

export async function buildCadre(db: Db, o: CadreSpec): Promise<{ id: number; name: string }> {
  const last = o.posts?.[o.posts.length - 1];
  const c = await db
    .insertInto('cadres')
    .values({
      manager_org_id: o.managerOrgId,
      name: o.name,
      work_start: o.workStart ?? '2005-07',
      grassroots_months: o.grassrootsMonths ?? 36,
      edu_rank: o.eduRank ?? 3,
      level: last?.level ?? null,
      current_title: last?.title ?? '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const p of o.posts ?? [])
    await db
      .insertInto('cadre_appointments')
      .values({
        cadre_id: c.id,
        title: p.title,
        level: p.level,
        unit_id: p.unitId ?? null,
        principal: p.principal ?? false,
        decided_on: p.from,
        ended_on: p.to ?? null,
      })
      .execute();
  return { id: c.id, name: o.name };
}

/** `relation` is what `relativeId` is to `cadreId`, as the family table writes it. */
export async function linkRelative(db: Db, cadreId: number, relativeId: number, relation: string, name: string) {
  await db.insertInto('cadre_family').values({ cadre_id: cadreId, relative_cadre_id: relativeId, relation, name }).execute();
}

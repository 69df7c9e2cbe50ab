// The SQL of the selection procedure: one selection with its candidates, objections and trail; the list.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/engine.js';
import { scopeSql } from '../../scope/access.js';

export async function selectionRow(db: Db, id: number) {
  return db
    .selectFrom('cadre_selections as s')
    .innerJoin('orgs as o', 'o.id', 's.manager_org_id')
    .selectAll('s')
    .select('o.name as org_name')
    .where('s.id', '=', id)
    .executeTakeFirst();
}
export type SelectionRow = NonNullable<Awaited<ReturnType<typeof selectionRow>>>;

export function candidateRows(db: Db, selectionIds: readonly number[]) {
  if (selectionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cadre_selection_candidates as k')
    .innerJoin('cadres as c', 'c.id', 'k.cadre_id')
    .innerJoin('cadre_posts as p', 'p.id', 'k.post_id')
    .innerJoin('cadre_units as u', 'u.id', 'p.unit_id')
    .selectAll('k')
    .select([
      'c.name',
      'c.current_title',
      'c.level as current_level',
      'p.title as post_title',
      'p.level as post_level',
      'p.elected',
      'p.principal',
      'p.probation_kind',
      'p.unit_id',
      'u.name as unit_name',
    ])
    .where('k.selection_id', 'in', selectionIds)
    .orderBy('k.sort')
    .orderBy('k.id')
    .execute();
}
export type CandidateRow = Awaited<ReturnType<typeof candidateRows>>[number];

export function postRows(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cadre_posts as p')
    .innerJoin('cadre_units as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.title', 'p.level', 'p.elected', 'p.probation_kind', 'u.name as unit_name', 'u.manager_path'])
    .where('p.id', 'in', ids)
    .execute();
}

export function objectionRows(db: Db, selectionId: number) {
  return db.selectFrom('cadre_selection_objections').selectAll().where('selection_id', '=', selectionId).orderBy('id').execute();
}

export function eventRows(db: Db, selectionId: number) {
  return db.selectFrom('cadre_selection_events').selectAll().where('selection_id', '=', selectionId).orderBy('id').execute();
}

/** The selections managed inside a subtree, newest first. */
export function listSelections(db: Db, scopePath: string, f: { status?: string; step?: string }) {
  let q = db
    .selectFrom('cadre_selections as s')
    .innerJoin('orgs as o', 'o.id', 's.manager_org_id')
    .selectAll('s')
    .select('o.name as org_name')
    .where(scopeSql('o.path', scopePath));
  if (f.status) q = q.where('s.status', '=', f.status as 'open');
  if (f.step) q = q.where('s.step', '=', f.step);
  return q.orderBy('s.id', 'desc').limit(500).execute();
}

/** Posts or cadres managed inside the subtree, for the pickers of the web form. */
export async function pickerRows(db: Db, scopePath: string, kind: 'post' | 'cadre', q?: string) {
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  if (kind === 'post') {
    let x = db
      .selectFrom('cadre_posts as p')
      .innerJoin('cadre_units as u', 'u.id', 'p.unit_id')
      .select(['p.id', 'u.name', 'p.title', 'p.level'])
      .where(scopeSql('u.manager_path', scopePath))
      .where('p.abolished_on', 'is', null);
    if (like) x = x.where((eb) => eb.or([eb('u.name', 'like', like), eb('p.title', 'like', like)]));
    const rows = await x.orderBy('u.sort').orderBy('p.sort').orderBy('p.id').limit(100).execute();
    return rows.map((r) => ({ id: r.id, label: `${r.name} ${r.title}（${r.level}）` }));
  }
  let x = db
    .selectFrom('cadres as c')
    .select(['c.id', 'c.name', 'c.current_title'])
    .where(scopeSql('c.manager_path', scopePath))
    .where('c.status', '=', 'active');
  if (like) x = x.where('c.name', 'like', like);
  const rows = await x.orderBy('c.sort_key').orderBy('c.id').limit(100).execute();
  return rows.map((r) => ({ id: r.id, label: r.current_title ? `${r.name}（${r.current_title}）` : r.name }));
}

/** Open selections at a step with a deadline (考察, 任前公示, 试用期), with their organization, for the to-do list. */
export function selectionsWithDeadlines(db: Db, where: RawBuilder<boolean>) {
  return db
    .selectFrom('cadre_selections as s')
    .innerJoin('orgs as o', 'o.id', 's.manager_org_id')
    .selectAll('s')
    .select(['o.name as org_name', sql<string>`o.path::text`.as('org_path')])
    .where('s.status', '=', 'open')
    .where('s.step', 'in', ['考察', '任前公示', '试用期'])
    .where(where)
    .orderBy('s.id')
    .execute();
}

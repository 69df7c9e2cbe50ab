// SQL of the cadre file: the list (keyset by pinyin order, scoped over the managing organization's path),
// one file with its child rows, the history and the correction requests.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { scopeSql } from '../../scope/access.js';
import { nameHolds } from '../../db/name-search.js';

export interface CadreListFilter {
  /** The subtree of managing organizations (the actor's scope, or the organization asked for in it). */
  path: string;
  search: { kind: 'idHash'; hash: string } | { kind: 'initials'; prefix: string } | { kind: 'name'; infix: string } | null;
  unitId?: number;
  level?: string;
  status: 'active' | 'left' | 'all';
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listPage(db: Db, f: CadreListFilter, after: { key: string; id: number } | null, limit: number) {
  let q = db
    .selectFrom('cadres as c')
    .innerJoin('orgs as o', 'o.id', 'c.manager_org_id')
    .leftJoin('cadre_units as u', 'u.id', 'c.current_unit_id')
    .where(scopeSql('c.manager_path', f.path));
  if (f.status !== 'all') q = q.where('c.status', '=', f.status);
  if (f.search?.kind === 'idHash') q = q.where('c.id_hash', '=', f.search.hash);
  if (f.search?.kind === 'initials') q = q.where('c.name_initials', 'like', `${escapeLike(f.search.prefix)}%`);
  if (f.search?.kind === 'name') q = q.where(nameHolds('c.name', f.search.infix));
  if (f.level) q = q.where('c.level', '=', f.level);
  // Any post held now in the unit, the concurrent ones included.
  if (f.unitId)
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('cadre_appointments as a')
          .select('a.id')
          .whereRef('a.cadre_id', '=', 'c.id')
          .where('a.unit_id', '=', f.unitId!)
          .where('a.ended_on', 'is', null),
      ),
    );
  if (after) q = q.where(sql<boolean>`(c.sort_key, c.id) > (${after.key}, ${after.id})`);
  return q
    .select([
      'c.id',
      'c.name',
      'c.sex',
      'c.birth',
      'c.current_title',
      'c.level',
      'c.rank_title',
      'c.manager_org_id',
      'c.status',
      'c.member_id',
      'c.sort_key',
      'o.name as manager_org_name',
      'u.name as unit_name',
    ])
    .orderBy('c.sort_key')
    .orderBy('c.id')
    .limit(limit)
    .execute();
}
export type CadreListRow = Awaited<ReturnType<typeof listPage>>[number];

/** The cadres row with its managing organization's name (no photo bytes: only whether there is one). */
export async function cadreRow(db: Db, id: number) {
  return db
    .selectFrom('cadres as c')
    .innerJoin('orgs as o', 'o.id', 'c.manager_org_id')
    .selectAll('c')
    .select(['o.name as manager_org_name', sql<boolean>`c.photo is not null`.as('has_photo')])
    .where('c.id', '=', id)
    .executeTakeFirst();
}
export type CadreRow = NonNullable<Awaited<ReturnType<typeof cadreRow>>>;

export async function childrenOf(db: Db, id: number) {
  const [appointments, ranks, rewards, assessments, family, reviews, pending] = await Promise.all([
    db
      .selectFrom('cadre_appointments as a')
      .leftJoin('cadre_units as u', 'u.id', 'a.unit_id')
      .selectAll('a')
      .select('u.name as unit_name')
      .where('a.cadre_id', '=', id)
      .orderBy('a.decided_on', 'desc')
      .orderBy('a.id', 'desc')
      .execute(),
    db.selectFrom('cadre_ranks').selectAll().where('cadre_id', '=', id).orderBy('decided_on', 'desc').orderBy('id', 'desc').execute(),
    db.selectFrom('cadre_rewards').selectAll().where('cadre_id', '=', id).orderBy('sort').orderBy('id').execute(),
    db.selectFrom('cadre_assessments').selectAll().where('cadre_id', '=', id).orderBy('year', 'desc').execute(),
    db.selectFrom('cadre_family').selectAll().where('cadre_id', '=', id).orderBy('sort').orderBy('id').execute(),
    db.selectFrom('cadre_reviews').selectAll().where('cadre_id', '=', id).where('superseded_at', 'is', null).execute(),
    db
      .selectFrom('cadre_corrections')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('cadre_id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow(),
  ]);
  return { appointments, ranks, rewards, assessments, family, reviews, pending: pending.n };
}
export type CadreChildren = Awaited<ReturnType<typeof childrenOf>>;

export async function historyOf(db: Db, id: number) {
  return db
    .selectFrom('cadre_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .select(['h.id', 'h.section', 'h.action', 'h.at', 'h.reason', 'h.before', 'h.after', 'u.display_name as actor_name'])
    .where('h.cadre_id', '=', id)
    .orderBy('h.id', 'desc')
    .limit(500)
    .execute();
}

/** The cadre whose account this is (the "my file" pages). */
export async function cadreIdOfUser(db: Db, userId: number): Promise<number | undefined> {
  const r = await db.selectFrom('cadres').select('id').where('user_id', '=', userId).executeTakeFirst();
  return r?.id;
}

const correctionColumns = [
  'k.id',
  'k.cadre_id',
  'c.name as cadre_name',
  'k.field',
  'k.current_value',
  'k.proposed_value',
  'k.reason',
  'k.evidence_name',
  'k.status',
  'k.requested_at',
  'k.decided_at',
  'd.display_name as decided_by_name',
  'k.decision_note',
] as const;

/** Correction requests: of one cadre, or of the cadres managed within a subtree (the officer's queue). */
export async function corrections(db: Db, by: { cadreId: number } | { path: string }, status: string) {
  let q = db
    .selectFrom('cadre_corrections as k')
    .innerJoin('cadres as c', 'c.id', 'k.cadre_id')
    .leftJoin('users as d', 'd.id', 'k.decided_by')
    .select(correctionColumns);
  q = 'cadreId' in by ? q.where('k.cadre_id', '=', by.cadreId) : q.where(scopeSql('c.manager_path', by.path));
  if (status !== 'all') q = q.where('k.status', '=', status as 'pending');
  return q.orderBy('k.id', 'desc').limit(500).execute();
}
export type CorrectionRow = Awaited<ReturnType<typeof corrections>>[number];

export async function correctionById(db: Db, id: number) {
  return db.selectFrom('cadre_corrections').selectAll().where('id', '=', id).executeTakeFirst();
}

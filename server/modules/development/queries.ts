// SQL of the development pipeline. Every read takes a subtree path: the scope filter lives here,
// on dev_people.org_path, with the same ltree index as organizations (SECURITY.md 13).
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Trx } from '../../audit/audit-log.js';
import type { DevPeopleTable, DevStepsTable } from '../../db/types-development.js';
import type { DevRuleSet } from '../../../domain/rules/development-rule-sets.js';
import type { PersonStatus } from '../../../domain/rules/development-steps.js';
import { scopeSql } from '../../scope/access.js';

export type PersonRow = Selectable<DevPeopleTable>;
export type StepRow = Selectable<DevStepsTable>;
type Conn = Db | Trx;

/** The rule sets, oldest first; read on every check so a newly added set applies at once. */
export async function ruleSets(db: Conn): Promise<DevRuleSet[]> {
  const rows = await db.selectFrom('dev_rule_sets').selectAll().orderBy('effective_from').execute();
  return rows.map((r) => ({
    version: r.version,
    effectiveFrom: r.effective_from,
    title: r.title,
    numbers: r.numbers as DevRuleSet['numbers'],
    articles: r.articles as DevRuleSet['articles'],
  }));
}

/** A person by id; their scope is checked by the route (resource `dev_person`) before this runs. */
export function findPerson(db: Conn, id: number): Promise<PersonRow | undefined> {
  return db.selectFrom('dev_people').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The person's row locked for the rest of the transaction: two steps recorded at once queue. */
export function lockPerson(trx: Trx, id: number): Promise<PersonRow> {
  return trx.selectFrom('dev_people').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

export function stepsOf(db: Conn, personId: number): Promise<StepRow[]> {
  return db.selectFrom('dev_steps').selectAll().where('person_id', '=', personId).orderBy('id').execute();
}

export function orgName(db: Conn, orgId: number) {
  return db.selectFrom('orgs').select('name').where('id', '=', orgId).executeTakeFirstOrThrow();
}

/** Members named on a step, only those inside the scope (anything else reads as missing). */
export function membersInScope(db: Conn, scopePath: string, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('members')
    .select(['id', 'name', 'category', 'status'])
    .where('id', 'in', ids)
    .where(scopeSql('org_path', scopePath))
    .execute();
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface PeopleFilter {
  path: string;
  status?: PersonStatus;
  step?: number;
  q?: string;
  overdueOn?: string;
}

const ROW_COLUMNS = [
  'p.id',
  'p.name',
  'p.gender',
  'p.birth_date',
  'p.org_id',
  'o.name as org_name',
  'p.status',
  'p.last_step',
  'p.applied_on',
  'p.next_step',
  'p.next_from',
  'p.next_by',
  'p.sort_key',
] as const;

function filtered(db: Conn, f: PeopleFilter) {
  let q = db.selectFrom('dev_people as p').innerJoin('orgs as o', 'o.id', 'p.org_id').where(scopeSql('p.org_path', f.path));
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.step) q = q.where('p.last_step', '=', f.step);
  if (f.q) {
    const text = f.q;
    q = /^[a-z]+$/i.test(text)
      ? q.where('p.name_initials', 'like', `${escapeLike(text.toLowerCase())}%`)
      : q.where('p.name', 'like', `%${escapeLike(text)}%`);
  }
  if (f.overdueOn) q = q.where('p.next_by', '<', f.overdueOn);
  return q;
}

export function peoplePage(db: Conn, f: PeopleFilter, after: { key: string; id: number } | null, limit: number) {
  let q = filtered(db, f).select(ROW_COLUMNS);
  if (after) q = q.where(sql<boolean>`(p.sort_key, p.id) > (${after.key}, ${after.id})`);
  return q.orderBy('p.sort_key').orderBy('p.id').limit(limit).execute();
}
export type ListRow = Awaited<ReturnType<typeof peoplePage>>[number];

/** Counts per status and per last step of the subtree, each with how many are overdue on `today`. */
export async function boardCounts(db: Conn, path: string, today: string) {
  const overdue = sql<number>`count(*) filter (where next_by < ${today})::int`;
  const base = db.selectFrom('dev_people').where(scopeSql('org_path', path));
  const [byStatus, byStep] = await Promise.all([
    base
      .select(['status', sql<number>`count(*)::int`.as('n'), overdue.as('late')])
      .groupBy('status')
      .execute(),
    base
      .select(['last_step', sql<number>`count(*)::int`.as('n'), overdue.as('late')])
      .where('status', 'in', ['applicant', 'activist', 'candidate', 'probationary'])
      .groupBy('last_step')
      .execute(),
  ]);
  return { byStatus, byStep };
}

/** Who is overdue (oldest deadline first), and who is due within `soonDays` (soonest first). */
export async function boardLists(db: Conn, path: string, today: string, soon: string, limit: number) {
  const base = () =>
    db.selectFrom('dev_people as p').innerJoin('orgs as o', 'o.id', 'p.org_id').select(ROW_COLUMNS).where(scopeSql('p.org_path', path));
  const [overdue, dueSoon] = await Promise.all([
    base().where('p.next_by', '<', today).orderBy('p.next_by').orderBy('p.id').limit(limit).execute(),
    base()
      .where((eb) =>
        eb.or([
          eb.and([eb('p.next_by', '>=', today), eb('p.next_by', '<=', soon)]),
          eb.and([eb('p.next_by', 'is', null), eb('p.next_from', '>=', today), eb('p.next_from', '<=', soon)]),
        ]),
      )
      .orderBy(sql`coalesce(p.next_by, p.next_from)`)
      .orderBy('p.id')
      .limit(limit)
      .execute(),
  ]);
  return { overdue, dueSoon };
}

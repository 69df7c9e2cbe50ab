// Reads of the talent services: requests with their talent, type, department and events, filtered for
// the office (a subtree of districts), a department or one talent; the per-department figures.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { TServiceRequest, TServiceStatus } from '../../../domain/schemas/talent-services.js';
import type { Db } from '../../db/engine.js';

export interface RequestFilter {
  ids?: number[];
  scopePath?: string;
  departmentId?: number;
  personId?: number;
  status?: TServiceStatus;
  typeId?: number;
  overdue?: boolean;
  q?: string;
}

const OPEN: TServiceStatus[] = ['submitted', 'accepted'];

function base(db: Db, f: RequestFilter, today: string) {
  let q = db
    .selectFrom('talent_service_requests as r')
    .innerJoin('talent_people as p', 'p.id', 'r.person_id')
    .innerJoin('talent_service_types as t', 't.id', 'r.type_id')
    .innerJoin('talent_service_departments as d', 'd.id', 'r.department_id')
    .leftJoin('talent_tiers as tier', 'tier.id', 'p.tier_id');
  if (f.ids) q = q.where('r.id', 'in', f.ids.length ? f.ids : [0]);
  if (f.scopePath) q = q.where(sql<SqlBool>`p.district_path <@ ${f.scopePath}::ltree`);
  if (f.departmentId) q = q.where('r.department_id', '=', f.departmentId);
  if (f.personId) q = q.where('r.person_id', '=', f.personId);
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.typeId) q = q.where('r.type_id', '=', f.typeId);
  if (f.q) q = q.where('p.name', 'like', `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
  if (f.overdue !== undefined) {
    const overdue: Expression<SqlBool> = sql<SqlBool>`(r.status in ('submitted', 'accepted') and r.due_on < ${today}::date)`;
    q = q.where(f.overdue ? overdue : sql<SqlBool>`not ${overdue}`);
  }
  return q;
}

export async function loadRequests(
  db: Db,
  f: RequestFilter,
  today: string,
  page: { limit: number; offset: number } = { limit: 500, offset: 0 },
): Promise<TServiceRequest[]> {
  const rows = await base(db, f, today)
    .select([
      'r.id',
      'r.person_id',
      'p.name as person_name',
      'tier.name as tier_name',
      'p.card_no',
      'r.type_id',
      't.name as type_name',
      'r.department_id',
      'd.name as department_name',
      'r.detail',
      'r.status',
      'r.submitted_on',
      'r.due_on',
      'r.late',
      'r.answer',
      'r.satisfaction',
      'r.version',
    ])
    .orderBy('r.due_on')
    .orderBy('r.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const ids = rows.map((r) => r.id);
  const events = ids.length
    ? await db
        .selectFrom('talent_service_events as e')
        .leftJoin('users as u', 'u.id', 'e.user_id')
        .select(['e.request_id', 'e.at', 'e.action', 'e.note', 'u.display_name'])
        .where('e.request_id', 'in', ids)
        .orderBy('e.at')
        .orderBy('e.id')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    tierName: r.tier_name,
    cardNo: r.card_no,
    typeId: r.type_id,
    typeName: r.type_name,
    departmentId: r.department_id,
    departmentName: r.department_name,
    detail: r.detail,
    status: r.status,
    submittedOn: r.submitted_on,
    dueOn: r.due_on,
    overdue: (OPEN.includes(r.status) && r.due_on < today) || r.late,
    late: r.late,
    answer: r.answer,
    satisfaction: r.satisfaction,
    version: r.version,
    events: events
      .filter((e) => e.request_id === r.id)
      .map((e) => ({ at: new Date(e.at).toISOString(), action: e.action, note: e.note, by: e.display_name })),
  }));
}

export async function countRequests(db: Db, f: RequestFilter, today: string): Promise<number> {
  const r = await base(db, f, today)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}

/** Open, overdue, answered and answered-late requests per department, within the filter's scope. */
export async function departmentFigures(db: Db, f: RequestFilter, today: string) {
  const rows = await base(db, { scopePath: f.scopePath, departmentId: f.departmentId, personId: f.personId }, today)
    .select([
      'r.department_id as departmentId',
      'd.name as departmentName',
      sql<number>`count(*) filter (where r.status in ('submitted', 'accepted'))::int`.as('open'),
      sql<number>`count(*) filter (where r.status in ('submitted', 'accepted') and r.due_on < ${today}::date)::int`.as('overdue'),
      sql<number>`count(*) filter (where r.status in ('answered', 'closed'))::int`.as('answered'),
      sql<number>`count(*) filter (where r.late)::int`.as('answeredLate'),
    ])
    .groupBy(['r.department_id', 'd.name'])
    .orderBy('r.department_id')
    .execute();
  return rows;
}

export async function listDepartments(db: Db) {
  return db
    .selectFrom('talent_service_departments as d')
    .select(['d.id', 'd.code', 'd.name'])
    .select((eb) =>
      eb
        .selectFrom('talent_service_department_users as u')
        .whereRef('u.department_id', '=', 'd.id')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('accounts'),
    )
    .orderBy('d.id')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, accounts: Number(r.accounts ?? 0) })));
}

export async function listTypes(db: Db, activeOnly: boolean) {
  let q = db
    .selectFrom('talent_service_types as t')
    .innerJoin('talent_service_departments as d', 'd.id', 't.department_id')
    .select([
      't.id',
      't.code',
      't.name',
      't.department_id',
      'd.name as department_name',
      't.response_days',
      't.tier_codes',
      't.description',
      't.active',
    ])
    .orderBy('t.id');
  if (activeOnly) q = q.where('t.active', '=', true);
  return (await q.execute()).map((t) => ({
    id: t.id,
    code: t.code,
    name: t.name,
    departmentId: t.department_id,
    departmentName: t.department_name,
    responseDays: t.response_days,
    tierCodes: t.tier_codes as string[],
    description: t.description,
    active: t.active,
  }));
}

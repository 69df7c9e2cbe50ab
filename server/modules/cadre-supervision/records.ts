// Everything of issue 13 points 6–8 on one cadre, shown on the cadre's supervision records: adjustments, 到龄,
// the pool entries with their plans and notes, reports and their checks, passports, trips, part-time posts.
import { ADJUSTMENT_2022, situationOf } from '../../../domain/rules/cadre-adjustment.js';
import type { TSupervisionRecords } from '../../../domain/schemas/cadre-supervision.js';
import type { Db } from '../../db/engine.js';
import { notFound } from '../../errors.js';
import { poolQuery, presentPool } from './pool.js';
import { retirementOf } from './service.js';
import { tripsOfCadre } from './trips.js';

/** Everything of points 6–8 on one cadre: shown on the cadre file. */
export async function supervisionRecords(db: Db, cadreId: number, today: string): Promise<TSupervisionRecords> {
  const c = await db.selectFrom('cadres').select(['id', 'name', 'birth', 'sex', 'level']).where('id', '=', cadreId).executeTakeFirst();
  if (!c) throw notFound('干部');
  const [adjustments, pool, reports, passports, partTime, trips] = await Promise.all([
    db
      .selectFrom('cadre_adjustments as a')
      .leftJoin('cadre_appointments as p', 'p.id', 'a.appointment_id')
      .select(['a.id', 'a.kind', 'a.situation', 'a.decided_on', 'a.doc_no', 'a.appointment_id', 'a.note', 'p.title'])
      .where('a.cadre_id', '=', cadreId)
      .orderBy('a.decided_on', 'desc')
      .orderBy('a.id', 'desc')
      .execute(),
    poolQuery(db).where('p.cadre_id', '=', cadreId).orderBy('p.entered_on', 'desc').execute(),
    db.selectFrom('cadre_matter_reports').selectAll().where('cadre_id', '=', cadreId).orderBy('year', 'desc').execute(),
    db.selectFrom('cadre_passports').selectAll().where('cadre_id', '=', cadreId).orderBy('id').execute(),
    db.selectFrom('cadre_part_time_posts').selectAll().where('cadre_id', '=', cadreId).orderBy('approved_on', 'desc').execute(),
    tripsOfCadre(db, cadreId, today),
  ]);
  return {
    cadreId: c.id,
    name: c.name,
    retirement: retirementOf(c.birth, c.sex, c.level),
    adjustments: adjustments.map((a) => ({
      id: a.id,
      kind: a.kind as TSupervisionRecords['adjustments'][number]['kind'],
      situation: a.situation,
      situationText: situationOf(a.situation)?.text ?? a.situation,
      article: `${ADJUSTMENT_2022.title}${ADJUSTMENT_2022.article}`,
      decidedOn: a.decided_on,
      docNo: a.doc_no,
      appointmentId: a.appointment_id,
      appointmentTitle: a.title,
      note: a.note,
    })),
    pool: await presentPool(db, pool),
    trips,
    reports: reports.map((r) => ({
      id: r.id,
      year: r.year,
      filedOn: r.filed_on,
      checkKind: r.check_kind as TSupervisionRecords['reports'][number]['checkKind'],
      finding: r.finding,
    })),
    passports: passports.map((p) => ({
      id: p.id,
      kind: p.kind,
      number: p.number,
      handedInOn: p.handed_in_on,
      takenOutOn: p.taken_out_on,
      trip: p.trip,
      dueOn: p.due_on,
      returnedOn: p.returned_on,
      tripId: p.trip_id,
      overdue: !!p.taken_out_on && !p.returned_on && !!p.due_on && p.due_on < today,
    })),
    partTime: partTime.map((p) => ({
      id: p.id,
      organization: p.organization,
      post: p.post,
      approvedOn: p.approved_on,
      approvedBy: p.approved_by,
      docNo: p.doc_no,
      paid: p.paid,
      endsOn: p.ends_on,
    })),
  };
}

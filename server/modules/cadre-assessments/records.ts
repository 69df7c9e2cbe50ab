// 平时考核 (quarterly 好/较好/一般/较差) and 专项考核 records of a cadre, and the cadre's assessment page
// (annual results from the file, the consequences they bring, these records).
import { sql } from 'kysely';
import { consequences } from '../../../domain/rules/assessment.js';
import type { TCadreRecords, TOngoingInput, TSpecialInput } from '../../../domain/schemas/cadre-assessments.js';
import { ZOngoingSchema, ZSpecialSchema } from '../../../domain/schemas/cadre-assessments.js';
import type { Trx } from '../../audit/audit-log.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/engine.js';
import { notFound } from '../../errors.js';
import { gradesByCadre } from './consequences.js';

export async function cadreRecords(db: Db, cadreId: number): Promise<TCadreRecords> {
  const c = await db.selectFrom('cadres').select(['id', 'name']).where('id', '=', cadreId).executeTakeFirst();
  if (!c) throw notFound('干部');
  const [annual, ongoing, special, grades] = await Promise.all([
    db.selectFrom('cadre_assessments').select(['year', 'grade', 'note']).where('cadre_id', '=', cadreId).orderBy('year', 'desc').execute(),
    db
      .selectFrom('cadre_ongoing_assessments')
      .select(['id', 'year', 'quarter', 'grade', 'note'])
      .where('cadre_id', '=', cadreId)
      .orderBy('year', 'desc')
      .orderBy('quarter', 'desc')
      .execute(),
    db
      .selectFrom('cadre_special_assessments')
      .select(['id', 'on_date', 'subject', 'result', 'note'])
      .where('cadre_id', '=', cadreId)
      .orderBy('on_date', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    gradesByCadre(db, [cadreId]),
  ]);
  return {
    cadreId: c.id,
    name: c.name,
    annual,
    ongoing,
    special: special.map((s) => ({ id: s.id, onDate: s.on_date, subject: s.subject, result: s.result, note: s.note })),
    consequences: consequences(grades.get(cadreId) ?? {}).map((x) => ({ cadreId: c.id, cadreName: c.name, ...x })),
  };
}

/** One 平时考核 grade per quarter: recording a quarter again replaces it. */
export async function recordOngoing(
  ctx: Ctx,
  trx: Trx,
  cadreId: number,
  body: TOngoingInput,
): Promise<{ cadreId: number; year: number; quarter: number }> {
  const x = ZOngoingSchema.parse(body);
  const values = { grade: x.grade, note: x.note, recorded_by: ctx.actor.userId, recorded_at: ctx.clock.now() };
  await trx
    .insertInto('cadre_ongoing_assessments')
    .values({ cadre_id: cadreId, year: x.year, quarter: x.quarter, ...values })
    .onConflict((oc) => oc.columns(['cadre_id', 'year', 'quarter']).doUpdateSet(values))
    .execute();
  return { cadreId, year: x.year, quarter: x.quarter };
}

export async function recordSpecial(ctx: Ctx, trx: Trx, cadreId: number, body: TSpecialInput): Promise<{ id: number }> {
  const x = ZSpecialSchema.parse(body);
  return trx
    .insertInto('cadre_special_assessments')
    .values({
      cadre_id: cadreId,
      on_date: x.onDate,
      subject: x.subject,
      result: x.result,
      note: x.note,
      recorded_by: ctx.actor.userId,
      recorded_at: ctx.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function deleteSpecial(trx: Trx, id: number): Promise<{ id: number; cadreId: number }> {
  const row = await trx.deleteFrom('cadre_special_assessments').where('id', '=', id).returning(['id', 'cadre_id']).executeTakeFirst();
  if (!row) throw notFound('专项考核记录');
  return { id: row.id, cadreId: row.cadre_id };
}

/** The cadre units in scope with their serving cadres (where a new unit's people may come from). */
export async function sources(db: Db, scopePath: string) {
  return db
    .selectFrom('cadre_units as u')
    .select([
      'u.id',
      'u.name',
      (eb) =>
        eb
          .selectFrom('cadres as c')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('c.current_unit_id', '=', 'u.id')
          .where('c.status', '=', 'active')
          .as('cadres'),
    ])
    .where(sql<boolean>`u.manager_path <@ ${scopePath}::ltree`)
    .where('u.dissolved_on', 'is', null)
    .orderBy('u.sort')
    .orderBy('u.id')
    .limit(500)
    .execute();
}

export async function searchCadres(db: Db, scopePath: string, q: string) {
  const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return db
    .selectFrom('cadres')
    .select(['id', 'name', 'current_title as title'])
    .where(sql<boolean>`manager_path <@ ${scopePath}::ltree`)
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('name', 'like', like), eb('name_initials', 'like', `${q.toLowerCase().replace(/[\\%_]/g, '')}%`)]))
    .orderBy('sort_key')
    .orderBy('id')
    .limit(50)
    .execute();
}

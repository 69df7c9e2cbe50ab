// The one writer of a cadre's file (docs/architecture.md, "One writer per record"): the cadres row and
// its child rows (appointments, ranks, rewards, assessments, family, 三龄二历 reviews) change only here.
// Every change, in the caller's transaction: the row locked and re-read, a stale version refused (409),
// the identity of a member-linked cadre refused (kept on the member record, migration 014's trigger), a
// change to a reviewed 三龄二历 item refused without a reason, the derived columns kept (current post and
// level from the open appointments, rank, education rank, pinyin keys) and one cadre_history row written
// with the section, action, before/after, actor, time and reason.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { idColumns } from '../members/insert-member.js';
import type { CadreChange, CadreWriter, NewCadre } from './change-types.js';
import {
  DUPLICATE_ID,
  JSON_COLS,
  columnsOf,
  effectiveSet,
  identityRefusal,
  postColumns,
  reviewItemsOf,
  reviewRefusal,
  type IdCols,
  type Row,
  changeHistoryRow,
  createdAfter,
  newFileColumns,
} from './file-columns.js';

export type * from './change-types.js';

export const STALE_CADRE = '该干部信息已被他人修改，请刷新后再编辑';

async function guard(w: CadreWriter, cur: Row, set: Record<string, unknown>, reason: string | null | undefined, cadreId: number) {
  const refused = identityRefusal(cur, set);
  if (refused) throw refused;
  const items = reviewItemsOf(set);
  if (!items.length) return;
  const reviewed = await w.db
    .selectFrom('cadre_reviews')
    .select('item')
    .where('cadre_id', '=', cadreId)
    .where('superseded_at', 'is', null)
    .where('item', 'in', items)
    .execute();
  if (!reviewed.length) return;
  const noReason = reviewRefusal(
    set,
    reviewed.map((r) => r.item),
    reason,
  );
  if (noReason) throw noReason;
  // The item changed after its confirmation: it needs confirming again.
  await w.db
    .updateTable('cadre_reviews')
    .set({ superseded_at: w.clock.now() })
    .where('cadre_id', '=', cadreId)
    .where('superseded_at', 'is', null)
    .where(
      'item',
      'in',
      reviewed.map((r) => r.item),
    )
    .execute();
}

async function childRows(db: Db, table: 'cadre_ranks' | 'cadre_rewards' | 'cadre_family', cadreId: number) {
  return db.selectFrom(table).selectAll().where('cadre_id', '=', cadreId).orderBy('id').execute();
}
const strip = (rows: Record<string, unknown>[]) => rows.map(({ id: _id, cadre_id: _c, ...r }) => r);

/** Writes the child lists of the change; returns their before and after for the history. */
async function writeChildren(
  w: CadreWriter,
  cadreId: number,
  c: CadreChange,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
) {
  const { db } = w;
  if (c.ranks) {
    before.ranks = strip(await childRows(db, 'cadre_ranks', cadreId));
    await db.deleteFrom('cadre_ranks').where('cadre_id', '=', cadreId).execute();
    if (c.ranks.length)
      await db
        .insertInto('cadre_ranks')
        .values(c.ranks.map((r) => ({ ...r, cadre_id: cadreId })))
        .execute();
    after.ranks = c.ranks;
  }
  if (c.rewards) {
    const old = await childRows(db, 'cadre_rewards', cadreId);
    const replaced = c.rewards.only === 'all' ? old : old.filter((r) => r.on_form);
    before.rewards = strip(replaced);
    if (replaced.length)
      await db
        .deleteFrom('cadre_rewards')
        .where(
          'id',
          'in',
          replaced.map((r) => r.id),
        )
        .execute();
    if (c.rewards.rows.length)
      await db
        .insertInto('cadre_rewards')
        .values(c.rewards.rows.map((r, i) => ({ ...r, cadre_id: cadreId, sort: i })))
        .execute();
    after.rewards = c.rewards.rows;
  }
  if (c.assessments) {
    const old = await db.selectFrom('cadre_assessments').selectAll().where('cadre_id', '=', cadreId).orderBy('year').execute();
    const years = c.assessments.rows.map((r) => r.year);
    if (new Set(years).size !== years.length) throw invalid('同一年度只能有一条考核结果', 'assessments');
    const replaced = c.assessments.mode === 'replace' ? old : old.filter((r) => years.includes(r.year));
    before.assessments = strip(replaced);
    let del = db.deleteFrom('cadre_assessments').where('cadre_id', '=', cadreId);
    if (c.assessments.mode === 'upsert') del = del.where('year', 'in', years.length ? years : [-1]);
    await del.execute();
    if (c.assessments.rows.length)
      await db
        .insertInto('cadre_assessments')
        .values(c.assessments.rows.map((r) => ({ ...r, cadre_id: cadreId })))
        .execute();
    after.assessments = c.assessments.rows;
  }
  if (c.family) {
    before.family = strip(await childRows(db, 'cadre_family', cadreId));
    await db.deleteFrom('cadre_family').where('cadre_id', '=', cadreId).execute();
    if (c.family.length)
      await db
        .insertInto('cadre_family')
        .values(c.family.map((r, i) => ({ ...r, relative_cadre_id: r.relative_cadre_id ?? null, cadre_id: cadreId, sort: i })))
        .execute();
    after.family = c.family;
  }
  if (c.addAppointment) {
    const { id } = await db
      .insertInto('cadre_appointments')
      .values({ ...c.addAppointment, cadre_id: cadreId })
      .returning('id')
      .executeTakeFirstOrThrow();
    after.appointment = { id, ...c.addAppointment };
  }
  if (c.endAppointment) {
    const { id, ...end } = c.endAppointment;
    const a = await db.selectFrom('cadre_appointments').selectAll().where('id', '=', id).where('cadre_id', '=', cadreId).executeTakeFirst();
    if (!a) throw notFound('任职记录');
    if (a.ended_on) throw conflict('该职务已经免去', 'endedOn');
    if (end.ended_on < a.decided_on) throw invalid('免职时间不能早于任职时间', 'endedOn');
    await db.updateTable('cadre_appointments').set(end).where('id', '=', id).execute();
    before.appointment = strip([a])[0];
    after.appointment = { id, ...end };
  }
  if (c.review) {
    await db
      .updateTable('cadre_reviews')
      .set({ superseded_at: w.clock.now() })
      .where('cadre_id', '=', cadreId)
      .where('item', '=', c.review.item)
      .where('superseded_at', 'is', null)
      .execute();
    await db
      .insertInto('cadre_reviews')
      .values({ ...c.review, cadre_id: cadreId })
      .execute();
    after.review = c.review;
  }
}
async function derivedFromPosts(db: Db, cadreId: number) {
  const open = await db
    .selectFrom('cadre_appointments')
    .select(['unit_id', 'title', 'decided_on', 'level', 'principal', 'concurrent'])
    .where('cadre_id', '=', cadreId)
    .where('ended_on', 'is', null)
    .execute();
  const rank = await db
    .selectFrom('cadre_ranks')
    .select(['title', 'level'])
    .where('cadre_id', '=', cadreId)
    .where('ended_on', 'is', null)
    .orderBy('decided_on', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return postColumns(
    open.map((a) => ({ ...a, unit_id: a.unit_id === null ? null : Number(a.unit_id) })),
    rank,
  );
}
/** Changes a cadre's file and writes its history row; returns the new version. */
export async function changeCadre(w: CadreWriter, cadreId: number, change: CadreChange): Promise<number> {
  const now = w.clock.now();
  const cur = (await w.db.selectFrom('cadres').selectAll().where('id', '=', cadreId).forUpdate().executeTakeFirst()) as Row | undefined;
  if (!cur) throw notFound('干部');
  if (change.version !== undefined && change.version !== cur.version) throw conflict(STALE_CADRE, 'version');
  const set = effectiveSet(w, cur, change.set ?? {});
  await guard(w, cur, set, change.reason, cadreId);

  const hash = (set.id_number as IdCols | undefined)?.id_hash;
  if (hash) {
    const other = await w.db.selectFrom('cadres').select('id').where('id_hash', '=', hash).where('id', '!=', cadreId).executeTakeFirst();
    if (other) throw conflict(DUPLICATE_ID, 'idNumber');
  }
  const { cols: values, before, after } = columnsOf(cur, set);
  const cols: Record<string, unknown> = { ...values };
  for (const c of JSON_COLS) if (c in cols) cols[c] = JSON.stringify(cols[c]);

  await writeChildren(w, cadreId, change, before, after);
  if (change.ranks || change.addAppointment || change.endAppointment) Object.assign(cols, await derivedFromPosts(w.db, cadreId));

  const { version } = await w.db
    .updateTable('cadres')
    .set({ ...cols, version: sql<number>`version + 1`, updated_at: now })
    .where('id', '=', cadreId)
    .returning('version')
    .executeTakeFirstOrThrow();
  await w.db
    .insertInto('cadre_history')
    .values(changeHistoryRow(cadreId, change, before, after, w.actor?.userId ?? null, now))
    .execute();
  return version;
}

/** Creates a cadre (the one way rows enter `cadres`): keys, identity number, the history's create row. */
export async function insertCadre(w: CadreWriter, input: NewCadre, section = 'file', action = 'create'): Promise<number> {
  const { member_id = null, id_number, ...rest } = input;
  if (!member_id && !rest.name?.trim()) throw invalid('请填写姓名', 'name');
  if (member_id && (await w.db.selectFrom('cadres').select('id').where('member_id', '=', member_id).executeTakeFirst()))
    throw conflict('该党员已有干部档案', 'memberId');
  // A member's number is copied from the member record by the trigger.
  const ids = idColumns(w.crypto, member_id ? null : id_number);
  if (ids.id_hash && (await w.db.selectFrom('cadres').select('id').where('id_hash', '=', ids.id_hash).executeTakeFirst()))
    throw conflict(DUPLICATE_ID, 'idNumber');
  const now = w.clock.now();
  const row = await w.db
    .insertInto('cadres')
    // The given columns are the file's own (NewCadre, typed by the schema); Kysely cannot see them through the record.
    .values({ ...(newFileColumns(rest, now) as Record<string, unknown> as { manager_org_id: number; name: string }), ...ids, member_id })
    .returning(['id', 'name', 'id_masked'])
    .executeTakeFirstOrThrow();
  await w.db
    .insertInto('cadre_history')
    .values({
      cadre_id: row.id,
      section,
      action,
      actor_id: w.actor?.userId ?? null,
      at: now,
      reason: null,
      before: null,
      after: JSON.stringify({ ...createdAfter(rest), member_id, name: row.name, id_masked: row.id_masked }),
    })
    .execute();
  return row.id;
}

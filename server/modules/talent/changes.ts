// The talent registry's one writer (docs/architecture.md, "One writer per record"): a talent_people
// row enters through insertTalent and changes only through changeTalent, each with its talent_history
// row (what changed, before and after, who and when) in the caller's transaction. A stale version is
// refused (409). A talent linked to a Party member or a cadre takes name, sex, birth and the identity
// number from that record by trigger (migration 029, as cadres take them from members in 014): the
// writer never sets them for a linked person. Identity numbers are checked (GB 11643) and kept as
// SM4 ciphertext, a search hash and a masked form, like members'. insertTalents is the same writer for
// many rows at once (the demo registry), set-based; the test builders are the only other writer, by name
// (changes.test.ts).
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { reserveIds } from '../../db/batches.js';
import type { Actor, Clock } from '../../auth/actor.js';
import type { IdCrypto } from '../../crypto/id-crypto.js';
import type { TDegree, TTitle } from '../../../domain/schemas/talent.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { cardNumber } from '../../../domain/rules/talent-card.js';
import { pinyinInitials, pinyinSortKey } from '../orgs/pinyin.js';
import { idColumns } from '../members/insert-member.js';

/** Who writes and when: a Ctx (bound to the transaction) is one. The crypto seals identity numbers. */
export interface TalentWriter {
  db: Db;
  actor: Pick<Actor, 'userId'> | null;
  clock: Clock;
  crypto: IdCrypto;
}

/** The columns a change may set. district_path, the name keys and the sealed identity are the writer's. */
export interface TalentSet {
  member_id?: number | null;
  cadre_id?: number | null;
  user_id?: number | null;
  name?: string;
  sex?: string;
  birth?: string | null;
  /** In clear: stored encrypted, hashed and masked (never in the history). */
  id_number?: string | null;
  nationality?: string;
  phone?: string;
  email?: string;
  employer_id?: number | null;
  /** The district; with an employer, always the employer's district. */
  district_org_id?: number;
  field?: string;
  industry?: string;
  recruitment?: 'full_time' | 'flexible';
  degrees?: TDegree[];
  titles?: TTitle[];
  returned_on?: string | null;
  tier_id?: number | null;
  card_no?: string | null;
  card_issued_on?: string | null;
  card_expires_on?: string | null;
  status?: 'active' | 'left';
  left_on?: string | null;
}

export type NewTalent = TalentSet & { name?: string };

export interface TalentChange {
  /** What happened, as the history names it: 'update', 'card.issue', 'card.renew', 'recognition.grant', 'leave'… */
  change: string;
  set?: TalentSet;
  /** The version the caller read: 409 when someone changed the record since. */
  version?: number;
  /** Facts kept in the history beside the columns (the 认定, the evaluation shown at a renewal). */
  after?: Record<string, unknown>;
}

export const STALE_TALENT = '该人才信息已被他人修改，请刷新后再编辑';
const IDENTITY = ['name', 'sex', 'birth', 'id_number'] as const;
const HIDDEN = new Set(['id_cipher', 'id_hash', 'name_initials', 'sort_key', 'district_path', 'updated_at', 'created_at']);
const JSON_COLS = new Set(['degrees', 'titles']);

const shown = (row: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(row)
      .filter(([k]) => !HIDDEN.has(k))
      .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : (v ?? null)]),
  );

/** The row's columns for a set: identity sealed, name keys computed, the district from the employer. */
async function columnsOf(w: TalentWriter, set: TalentSet, linked: boolean, selfId: number | null): Promise<Record<string, unknown>> {
  const cols: Record<string, unknown> = { ...set };
  delete cols.id_number;
  if (linked) for (const k of IDENTITY) delete cols[k];
  else {
    if ('id_number' in set) {
      const ids = idColumns(w.crypto, set.id_number, 'idNumber');
      if (ids.id_hash) {
        let q = w.db.selectFrom('talent_people').select('id').where('id_hash', '=', ids.id_hash);
        if (selfId !== null) q = q.where('id', '<>', selfId);
        if (await q.executeTakeFirst()) throw conflict('该身份证号已有人才记录', 'idNumber');
      }
      Object.assign(cols, ids);
    }
    if (typeof set.name === 'string') Object.assign(cols, { name_initials: pinyinInitials(set.name), sort_key: pinyinSortKey(set.name) });
  }
  if (set.member_id != null) {
    if (!(await w.db.selectFrom('members').select('id').where('id', '=', set.member_id).executeTakeFirst()))
      throw invalid('关联的党员记录不存在', 'memberId');
    let q = w.db.selectFrom('talent_people').select('id').where('member_id', '=', set.member_id);
    if (selfId !== null) q = q.where('id', '<>', selfId);
    if (await q.executeTakeFirst()) throw conflict('该党员已有人才记录', 'memberId');
  }
  if (set.cadre_id != null) {
    if (!(await w.db.selectFrom('cadres').select('id').where('id', '=', set.cadre_id).executeTakeFirst()))
      throw invalid('关联的干部记录不存在', 'cadreId');
    let q = w.db.selectFrom('talent_people').select('id').where('cadre_id', '=', set.cadre_id);
    if (selfId !== null) q = q.where('id', '<>', selfId);
    if (await q.executeTakeFirst()) throw conflict('该干部已有人才记录', 'cadreId');
  }
  if (set.employer_id != null) {
    const e = await w.db.selectFrom('talent_employers').select('district_org_id').where('id', '=', set.employer_id).executeTakeFirst();
    if (!e) throw invalid('用人单位不存在', 'employerId');
    cols.district_org_id = e.district_org_id;
  } else if (set.district_org_id !== undefined) {
    if (!(await w.db.selectFrom('orgs').select('id').where('id', '=', set.district_org_id).executeTakeFirst()))
      throw invalid('所在区不存在', 'districtOrgId');
  }
  if (set.tier_id != null && !(await w.db.selectFrom('talent_tiers').select('id').where('id', '=', set.tier_id).executeTakeFirst()))
    throw invalid('人才层次不存在', 'tierId');
  if (set.card_no != null) {
    let q = w.db.selectFrom('talent_people').select('id').where('card_no', '=', set.card_no);
    if (selfId !== null) q = q.where('id', '<>', selfId);
    if (await q.executeTakeFirst()) throw conflict('人才卡号已被使用', 'cardNo');
  }
  for (const k of JSON_COLS) if (k in cols) cols[k] = JSON.stringify(cols[k]);
  return cols;
}

async function writeHistory(
  w: TalentWriter,
  personId: number,
  change: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): Promise<void> {
  await w.db
    .insertInto('talent_history')
    .values({
      person_id: personId,
      user_id: w.actor?.userId ?? null,
      at: w.clock.now(),
      change,
      before: before === null ? null : JSON.stringify(before),
      after: JSON.stringify(after),
    })
    .execute();
}

const readable = (cols: Record<string, unknown>) =>
  shown(Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, JSON_COLS.has(k) && typeof v === 'string' ? JSON.parse(v) : v])));

/** Enters a talent into the registry with its 'create' history row; returns the new id. */
export async function insertTalent(w: TalentWriter, input: NewTalent, change = 'create'): Promise<number> {
  const linked = input.member_id != null || input.cadre_id != null;
  if (!linked && !input.name?.trim()) throw invalid('请填写姓名', 'name');
  if (input.employer_id == null && input.district_org_id === undefined) throw invalid('请选择用人单位或所在区', 'districtOrgId');
  const cols = await columnsOf(w, input, linked, null);
  const now = w.clock.now();
  const { id } = await w.db
    .insertInto('talent_people')
    .values({ name: '', degrees: '[]', titles: '[]', ...cols, updated_at: now, created_at: now } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await w.db.selectFrom('talent_people').select(['name', 'id_masked']).where('id', '=', id).executeTakeFirstOrThrow();
  await writeHistory(w, id, change, null, { ...readable(cols), name: row.name, id_masked: row.id_masked });
  return id;
}

/** Changes a talent and writes its history row; returns the columns as they were. */
export async function changeTalent(w: TalentWriter, personId: number, c: TalentChange): Promise<Record<string, unknown>> {
  const cur = await w.db.selectFrom('talent_people').selectAll().where('id', '=', personId).forUpdate().executeTakeFirst();
  if (!cur) throw notFound('人才');
  if (c.version !== undefined && cur.version !== c.version) throw conflict(STALE_TALENT, 'version');
  const set = c.set ?? {};
  const linkedAfter =
    ('member_id' in set ? set.member_id != null : cur.member_id !== null) ||
    ('cadre_id' in set ? set.cadre_id != null : cur.cadre_id !== null);
  if (!linkedAfter && 'name' in set && !set.name?.trim()) throw invalid('请填写姓名', 'name');
  const cols = await columnsOf(w, set, linkedAfter, personId);
  // Unlinking keeps the identity the record had (the trigger no longer maintains it).
  const keys = Object.keys(cols);
  let before: Record<string, unknown> = {};
  if (keys.length) {
    const r = await w.db
      .updateTable('talent_people')
      .set({ ...cols, version: sql`version + 1`, updated_at: w.clock.now() } as never)
      .where('id', '=', personId)
      .where('version', '=', cur.version)
      .returning('id')
      .executeTakeFirst();
    if (!r) throw conflict(STALE_TALENT, 'version');
    const curRec = cur as unknown as Record<string, unknown>;
    before = shown(Object.fromEntries(keys.filter((k) => !HIDDEN.has(k)).map((k) => [k, curRec[k]])));
    if ('id_number' in set) before.id_masked = cur.id_masked;
  }
  await writeHistory(w, personId, c.change, keys.length ? before : null, { ...readable(cols), ...c.after });
  return before;
}

const BATCH = 250;

/**
 * Enters many talents at once with their history rows (the demo registry: two thousand in a few statements).
 * The columns are those insertTalent writes (identity sealed, name keys, the district from the employer); a
 * card given a tier and an issue date but no number gets the registry's number for its id, as issueCard does.
 * Rows are not looked up one by one: the table's unique keys (member, cadre, identity hash, card number) refuse a
 * clash, and the caller's transaction with it. Returns the new ids in the order of `rows`.
 */
export async function insertTalents(w: TalentWriter, rows: NewTalent[], change = 'create'): Promise<number[]> {
  if (rows.length === 0) return [];
  // Ids first (ascending, from the table's sequence), so that rows and history rows pair up without RETURNING order.
  const ids = await reserveIds(w.db, 'talent_people', rows.length);
  const employerIds = [...new Set(rows.flatMap((r) => (r.employer_id != null ? [r.employer_id] : [])))];
  const districtOf = new Map(
    employerIds.length
      ? (await w.db.selectFrom('talent_employers').select(['id', 'district_org_id']).where('id', 'in', employerIds).execute()).map((e) => [
          e.id,
          e.district_org_id,
        ])
      : [],
  );
  const now = w.clock.now();
  const values = rows.map((input, i) => {
    const linked = input.member_id != null || input.cadre_id != null;
    if (!linked && !input.name?.trim()) throw invalid('请填写姓名', 'name');
    const cols: Record<string, unknown> = { ...input };
    delete cols.id_number;
    if (linked) for (const k of IDENTITY) delete cols[k];
    else {
      Object.assign(cols, idColumns(w.crypto, input.id_number, 'idNumber'));
      Object.assign(cols, { name_initials: pinyinInitials(input.name!), sort_key: pinyinSortKey(input.name!) });
    }
    if (input.employer_id != null) {
      const d = districtOf.get(input.employer_id);
      if (d === undefined) throw invalid('用人单位不存在', 'employerId');
      cols.district_org_id = d;
    } else if (input.district_org_id === undefined) throw invalid('请选择用人单位或所在区', 'districtOrgId');
    if (input.tier_id != null && input.card_issued_on && input.card_no === undefined)
      cols.card_no = cardNumber(Number(input.card_issued_on.slice(0, 4)), ids[i]);
    for (const k of JSON_COLS) cols[k] = JSON.stringify(cols[k] ?? []);
    return { ...cols, id: ids[i], name: linked ? '' : input.name, updated_at: now, created_at: now };
  });
  for (let i = 0; i < values.length; i += BATCH)
    await w.db
      .insertInto('talent_people')
      .values(values.slice(i, i + BATCH) as never)
      .execute();
  // The history's "after" is what insertTalent writes: the columns given, with the name and masked identity the
  // row holds (a linked person's come from the member or cadre record).
  const after = values.map(({ id, updated_at: _u, created_at: _c, name: _n, ...cols }) => ({ id, after: readable(cols) }));
  for (let i = 0; i < after.length; i += BATCH * 4)
    await sql`insert into talent_history (person_id, user_id, at, change, after)
      select p.id, ${w.actor?.userId ?? null}::bigint, ${now}::timestamptz, ${change},
        h.after || jsonb_build_object('name', p.name, 'id_masked', p.id_masked)
      from jsonb_to_recordset(${JSON.stringify(after.slice(i, i + BATCH * 4))}::jsonb) as h(id bigint, after jsonb)
      join talent_people p on p.id = h.id
      order by p.id`.execute(w.db);
  return ids;
}

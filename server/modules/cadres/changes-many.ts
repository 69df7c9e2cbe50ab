// The cadre file's one writer (changes.ts) for many files at once, as an import needs it (issue 16
// point 1): the same rows insertCadre and changeCadre write for each file (the cadres row with its
// derived columns, the posts and ranks, one history row per change), in a few statements per two
// thousand files instead of a dozen per file. Every check runs first, for every file: when any file
// is refused, nothing is written and each refusal is named with the file's index.
import { sql } from 'kysely';
import { chunks, insertInBatches, reserveIds } from '../../db/batches.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import type { ReviewItem } from '../../../domain/cadre-codes.js';
import { idColumns } from '../members/insert-member.js';
import { STALE_CADRE } from './changes.js';
import {
  DUPLICATE_ID,
  JSON_COLS,
  columnsOf,
  effectiveSet,
  identityRefusal,
  postColumns,
  reviewItemsOf,
  reviewRefusal,
  type Row,
  changeHistoryRow,
  createdAfter,
  newFileColumns,
} from './file-columns.js';
import type { AppointmentIn, CadreChange, CadreWriter, NewCadre, RankIn } from './change-types.js';

/** Files per update statement (each column goes as one array parameter). */
const BATCH = 1000;

/** The files of `indexes` that the writer refused, each with its reason; nothing was written. */
export class RefusedFiles extends Error {
  constructor(readonly refusals: { index: number; error: AppError }[]) {
    super(`${refusals.length} cadre files refused`);
  }
}

/** A new file as a roster gives it: the basic columns, and the current post and rank when it names them. */
export interface NewCadreFile {
  cadre: NewCadre;
  appointment?: AppointmentIn;
  rank?: RankIn;
}

/** The files that hold these identity-number hashes (cadre id by hash). */
async function heldHashes(w: CadreWriter, hashes: string[]): Promise<Map<string, number>> {
  const held = new Map<string, number>();
  for (const part of chunks(hashes, 5000)) {
    for (const r of await w.db.selectFrom('cadres').select(['id', 'id_hash']).where('id_hash', 'in', part).execute())
      held.set(r.id_hash!, Number(r.id));
  }
  return held;
}

type HistoryRow = {
  cadre_id: number;
  section: string;
  action: string;
  actor_id: number | null;
  at: Date;
  reason: string | null;
  before: string | null;
  after: string;
};

const insertHistory = (w: CadreWriter, rows: HistoryRow[]) => insertInBatches(w.db, 'cadre_history', rows);

/**
 * Creates the files (not member-linked: a member's cadre file is made from the member record, one at a
 * time). Returns the new ids in the order of `files`; throws RefusedFiles when any is refused.
 */
export async function insertCadres(w: CadreWriter, files: readonly NewCadreFile[], section: string, action: string): Promise<number[]> {
  const refusals: { index: number; error: AppError }[] = [];
  const ids = files.map((f, index) => {
    if (f.cadre.member_id) throw new Error('insertCadres: a member-linked file is made by insertCadre');
    if (!f.cadre.name?.trim()) refusals.push({ index, error: invalid('请填写姓名', 'name') });
    try {
      return idColumns(w.crypto, f.cadre.id_number);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      refusals.push({ index, error: e });
      return idColumns(w.crypto, null);
    }
  });
  const held = await heldHashes(
    w,
    ids.flatMap((x) => (x.id_hash ? [x.id_hash] : [])),
  );
  const seen = new Set<string>();
  ids.forEach((x, index) => {
    if (!x.id_hash) return;
    if (held.has(x.id_hash) || seen.has(x.id_hash)) refusals.push({ index, error: conflict(DUPLICATE_ID, 'idNumber') });
    seen.add(x.id_hash);
  });
  if (refusals.length) throw new RefusedFiles(refusals.sort((a, b) => a.index - b.index));
  if (!files.length) return [];

  const now = w.clock.now();
  const actor = w.actor?.userId ?? null;
  const cadreIds = await reserveIds(w.db, 'cadres', files.length);
  const cadres = files.map((f, i) => {
    const { member_id: _m, id_number: _n, ...given } = f.cadre;
    const open = f.appointment ? [f.appointment] : [];
    const rank = f.rank && f.rank.ended_on === null ? f.rank : undefined;
    return {
      ...newFileColumns(given, now),
      ...ids[i],
      id: cadreIds[i],
      member_id: null,
      ...(f.appointment || f.rank ? postColumns(open, rank) : {}),
      // As many versions as changeCadre calls the file would have taken: creation, post, rank.
      version: 1 + (f.appointment ? 1 : 0) + (f.rank ? 1 : 0),
    };
  });
  await insertInBatches(w.db, 'cadres', cadres as never[]);
  const history = (cadreId: number, sec: string, before: unknown, after: unknown): HistoryRow => ({
    cadre_id: cadreId,
    section: sec,
    action,
    actor_id: actor,
    at: now,
    reason: null,
    before: before === null ? null : JSON.stringify(before),
    after: JSON.stringify(after),
  });
  await insertHistory(
    w,
    files.map((f, i) => {
      const { member_id: _m, id_number: _n, ...given } = f.cadre;
      return history(cadreIds[i], section, null, {
        ...createdAfter(given),
        member_id: null,
        name: cadres[i].name,
        id_masked: ids[i].id_masked,
      });
    }),
  );

  const posts = files.flatMap((f, i) => (f.appointment ? [{ cadreId: cadreIds[i], a: f.appointment }] : []));
  const postIds = await reserveIds(w.db, 'cadre_appointments', posts.length);
  await insertInBatches(
    w.db,
    'cadre_appointments',
    posts.map((p, i) => ({ ...p.a, id: postIds[i], cadre_id: p.cadreId })),
  );
  await insertHistory(
    w,
    posts.map((p, i) => history(p.cadreId, 'appointments', null, { appointment: { id: postIds[i], ...p.a } })),
  );

  const ranks = files.flatMap((f, i) => (f.rank ? [{ cadreId: cadreIds[i], r: f.rank }] : []));
  await insertInBatches(
    w.db,
    'cadre_ranks',
    ranks.map((x) => ({ ...x.r, cadre_id: x.cadreId })),
  );
  await insertHistory(
    w,
    ranks.map((x) => history(x.cadreId, 'ranks', { ranks: [] }, { ranks: [x.r] })),
  );
  return cadreIds;
}

/** The SQL type of each column of `cadres`, as a record set declares them. */
async function cadreColumnTypes(w: CadreWriter): Promise<Map<string, string>> {
  const r = await sql<{ name: string; type: string }>`
    select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
     where attrelid = 'cadres'::regclass and attnum > 0 and not attisdropped`.execute(w.db);
  return new Map(r.rows.map((c) => [c.name, c.type]));
}

/**
 * The files of `ids` as the writer reads them, every column but the photo (tens of kilobytes each: a
 * roster's 20,000 would be a gigabyte); locked for the change when `lock`. `types`: the catalogue's
 * columns when the caller has read them already.
 */
export async function loadFiles(
  w: CadreWriter,
  ids: readonly number[],
  opts: { lock?: boolean; types?: Map<string, string> } = {},
): Promise<Map<number, Row>> {
  const columns = [...(opts.types ?? (await cadreColumnTypes(w))).keys()].filter((c) => c !== 'photo');
  const out = new Map<number, Row>();
  for (const part of chunks(ids, 5000)) {
    let q = w.db
      .selectFrom('cadres')
      .select(columns.map((c) => sql.ref<unknown>(c).as(c)))
      .where('id', 'in', part)
      .orderBy('id');
    if (opts.lock) q = q.forUpdate();
    for (const r of await q.execute()) out.set(Number(r.id), r as unknown as Row);
  }
  return out;
}

/**
 * Sets columns of many files (changes of the basic columns, `set` only: a change of posts, ranks or
 * other child lists goes through changeCadre). Each file is locked, checked and changed as changeCadre
 * would: stale versions, a member-linked identity, a confirmed 三龄二历 item without a reason and a
 * duplicate identity number are refused; a confirmed item changed with a reason is superseded.
 */
export async function changeCadres(w: CadreWriter, changes: readonly { id: number; change: CadreChange }[]): Promise<void> {
  for (const { change } of changes)
    if (
      change.ranks ||
      change.rewards ||
      change.assessments ||
      change.family ||
      change.addAppointment ||
      change.endAppointment ||
      change.review
    )
      throw new Error('changeCadres: only a change of columns; child lists go through changeCadre');
  if (changes.some(({ change }) => change.set?.photo !== undefined)) throw new Error('changeCadres: a photo goes through changeCadre');
  const types = await cadreColumnTypes(w);
  const cur = await loadFiles(
    w,
    changes.map((c) => c.id),
    { lock: true, types },
  );
  const reviewed = new Map<number, ReviewItem[]>();
  for (const part of chunks(
    changes.map((c) => c.id),
    5000,
  ))
    for (const r of await w.db
      .selectFrom('cadre_reviews')
      .select(['cadre_id', 'item'])
      .where('cadre_id', 'in', part)
      .where('superseded_at', 'is', null)
      .execute()) {
      const list = reviewed.get(Number(r.cadre_id)) ?? [];
      if (!list.length) reviewed.set(Number(r.cadre_id), list);
      list.push(r.item);
    }

  const refusals: { index: number; error: AppError }[] = [];
  const supersede: { cadre_id: number; item: ReviewItem }[] = [];
  const planned = changes.map(({ id, change }, index) => {
    const row = cur.get(id);
    if (!row) return (refusals.push({ index, error: notFound('干部') }), null);
    if (change.version !== undefined && change.version !== row.version)
      return (refusals.push({ index, error: conflict(STALE_CADRE, 'version') }), null);
    let set: Record<string, unknown>;
    try {
      set = effectiveSet(w, row, change.set ?? {});
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return (refusals.push({ index, error: e }), null);
    }
    const items = reviewItemsOf(set);
    const confirmed = (reviewed.get(id) ?? []).filter((i) => items.includes(i));
    const refused = identityRefusal(row, set) ?? reviewRefusal(set, confirmed, change.reason);
    if (refused) return (refusals.push({ index, error: refused }), null);
    supersede.push(...confirmed.map((item) => ({ cadre_id: id, item })));
    return { index, id, change, ...columnsOf(row, set) };
  });
  const hashes = planned.flatMap((p) =>
    p && typeof p.cols.id_hash === 'string' ? [{ index: p.index, id: p.id, hash: p.cols.id_hash }] : [],
  );
  const held = await heldHashes(
    w,
    hashes.map((h) => h.hash),
  );
  const seen = new Set<string>();
  for (const h of hashes) {
    const other = held.get(h.hash);
    if ((other !== undefined && other !== h.id) || seen.has(h.hash))
      refusals.push({ index: h.index, error: conflict(DUPLICATE_ID, 'idNumber') });
    seen.add(h.hash);
  }
  if (refusals.length) throw new RefusedFiles(refusals.sort((a, b) => a.index - b.index));

  const now = w.clock.now();
  for (const part of chunks(supersede, 5000))
    await sql`update cadre_reviews r set superseded_at = ${now}
        from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as x(cadre_id bigint, item text)
       where r.cadre_id = x.cadre_id and r.item = x.item and r.superseded_at is null`.execute(w.db);

  // Files changing the same columns are updated by one statement per batch, each column's values as a
  // typed array (text goes to the server as a parameter, as changeCadre sends it: no JSON escaping of it).
  const groups = new Map<string, NonNullable<(typeof planned)[number]>[]>();
  for (const p of planned) {
    if (!p) continue;
    const key = Object.keys(p.cols).sort().join(',');
    const group = groups.get(key) ?? [];
    if (!group.length) groups.set(key, group);
    group.push(p);
  }
  for (const [key, rows] of groups) {
    const cols = key ? key.split(',') : [];
    // Names and types come from the table's own catalogue, never from input.
    for (const c of cols) if (!types.has(c)) throw new Error(`changeCadres: no column ${c}`);
    const sets = cols.map((c) => sql`${sql.id(c)} = x.${sql.id(c)}`);
    const names = sql.join([sql.id('id'), ...cols.map((c) => sql.id(c))]);
    for (const part of chunks(rows, BATCH)) {
      const arrays = cols.map((c) => {
        const values = part.map((p) => (JSON_COLS.has(c) && p.cols[c] != null ? JSON.stringify(p.cols[c]) : p.cols[c]));
        return sql`${values}::${sql.raw(`${types.get(c)}[]`)}`;
      });
      await sql`update cadres c set ${sql.join([...sets, sql`version = c.version + 1`, sql`updated_at = ${now}`])}
        from unnest(${sql.join([sql`${part.map((p) => p.id)}::bigint[]`, ...arrays])}) as x(${names})
       where c.id = x.id`.execute(w.db);
    }
  }
  await insertHistory(
    w,
    planned.flatMap((p) => (p ? [changeHistoryRow(p.id, p.change, p.before, p.after, w.actor?.userId ?? null, now)] : [])),
  );
}

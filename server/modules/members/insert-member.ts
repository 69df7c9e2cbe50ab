// Creates a member record: the one way rows enter `members` (manual entry, import, admission of a
// developed member, transfer in from outside the city). Identity numbers are checked, encrypted,
// hashed for search and masked; pinyin keys are computed; the creation is kept in the history
// (through changes.ts, the writer of existing records, except for the batched import).
import type { Trx } from '../../audit/audit-log.js';
import type { IdCrypto } from '../../crypto/id-crypto.js';
import type { MembersTable } from '../../db/types.js';
import { sql, type Insertable } from 'kysely';
import { checkIdNumber, maskIdNumber } from '../../../domain/rules/id-number.js';
import { conflict, invalid } from '../../errors.js';
import { pinyinInitials, pinyinSortKey } from '../orgs/pinyin.js';
import { changeMember, writerOf } from './changes.js';

export type NewMember = Omit<
  Insertable<MembersTable>,
  'id_cipher' | 'id_hash' | 'id_masked' | 'name_initials' | 'sort_key' | 'org_path'
> & {
  /** Clear identity number; optional only for records migrated without one. */
  idNumber?: string | null;
};

/** The encrypted, hashed and masked columns for an identity number (null when none). */
export function idColumns(crypto: IdCrypto, idNumber: string | null | undefined, field = 'idNumber') {
  if (!idNumber) return { id_cipher: null, id_hash: null, id_masked: null };
  const check = checkIdNumber(idNumber);
  if (!check.ok) throw invalid(check.message, field);
  return { id_cipher: crypto.encrypt(check.normalized), id_hash: crypto.hash(check.normalized), id_masked: maskIdNumber(check.normalized) };
}

export async function insertMember(
  trx: Trx,
  crypto: IdCrypto,
  actorId: number | null,
  m: NewMember,
  now: Date,
  action = 'create',
): Promise<number> {
  const { idNumber, ...fields } = m;
  const ids = idColumns(crypto, idNumber);
  if (ids.id_hash && (await trx.selectFrom('members').select('id').where('id_hash', '=', ids.id_hash).executeTakeFirst())) {
    throw conflict('该身份证号已有党员记录', 'idNumber');
  }
  const { id } = await trx
    .insertInto('members')
    .values({ ...fields, ...ids, name_initials: pinyinInitials(m.name), sort_key: pinyinSortKey(m.name), updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await changeMember(writerOf(trx, actorId, now), id, { action, after: { ...fields, id_masked: ids.id_masked } });
  return id;
}

/**
 * The same as insertMember for many rows at once (imports): batches of at most 2,000 members and
 * their history rows, each sent as ONE JSON parameter (jsonb_populate_recordset takes the column
 * types from the table), which the embedded engine parses far faster than thousands of bound
 * values. Call inside one transaction; any duplicate refuses them all.
 */
// 2,000 rows a statement: measured 47 s for 100,000 rows on PGlite against 58 s with 500, same peak memory.
const INSERT_BATCH = 2000;

export async function insertMembers(
  trx: Trx,
  crypto: IdCrypto,
  actorId: number | null,
  rows: NewMember[],
  now: Date,
  action = 'import',
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const batch = rows.slice(i, i + INSERT_BATCH).map(({ idNumber, ...fields }) => ({ fields, ids: idColumns(crypto, idNumber) }));
    const hashes = batch.map((b) => b.ids.id_hash).filter((h): h is string => h !== null);
    if (new Set(hashes).size !== hashes.length) throw conflict('导入数据中有重复的身份证号', 'idNumber');
    if (hashes.length && (await trx.selectFrom('members').select('id').where('id_hash', 'in', hashes).limit(1).executeTakeFirst())) {
      throw conflict('该身份证号已有党员记录', 'idNumber');
    }
    const values = batch.map((b) => ({
      ...b.fields,
      ...b.ids,
      name_initials: pinyinInitials(b.fields.name),
      sort_key: pinyinSortKey(b.fields.name),
      updated_at: now.toISOString(),
    }));
    // Columns left out of every row keep their defaults; a column given for some rows only is null for the others.
    const columns = [...new Set(values.flatMap((v) => Object.keys(v)))].filter((c) => /^[a-z_]+$/.test(c));
    const cols = sql.join(columns.map((c) => sql.ref(c)));
    const inserted = await sql<{ id: number; id_hash: string | null }>`insert into members (${cols})
      select ${cols} from jsonb_populate_recordset(null::members, ${JSON.stringify(values)}::jsonb) with ordinality as v
      order by v.ordinality
      returning id, id_hash`.execute(trx);
    // Rows come back in the order given; the hash (when there is one) confirms which is which.
    const byHash = new Map(inserted.rows.filter((r) => r.id_hash).map((r) => [r.id_hash, r.id]));
    const history = batch.map((b, k) => ({
      member_id: (b.ids.id_hash && byHash.get(b.ids.id_hash)) || inserted.rows[k].id,
      after: { ...b.fields, id_masked: b.ids.id_masked },
    }));
    await sql`insert into member_history (member_id, action, actor_id, at, before, after)
      select (h->>'member_id')::bigint, ${action}, ${actorId}::bigint, ${now.toISOString()}::timestamptz, null, h->'after'
      from jsonb_array_elements(${JSON.stringify(history)}::jsonb) as h`.execute(trx);
    ids.push(...inserted.rows.map((r) => r.id));
  }
  return ids;
}

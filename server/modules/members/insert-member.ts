// Creates a member record: the one way rows enter `members` (manual entry, import, admission of a
// developed member, transfer in from outside the city). Identity numbers are checked, encrypted,
// hashed for search and masked; pinyin keys are computed; the creation is kept in the history.
import type { Trx } from '../../audit/audit-log.js';
import type { IdCrypto } from '../../crypto/id-crypto.js';
import type { MembersTable } from '../../db/types.js';
import type { Insertable } from 'kysely';
import { checkIdNumber, maskIdNumber } from '../../../domain/rules/id-number.js';
import { conflict, invalid } from '../../errors.js';
import { pinyinInitials, pinyinSortKey } from '../orgs/pinyin.js';

export type NewMember = Omit<Insertable<MembersTable>, 'id_cipher' | 'id_hash' | 'id_masked' | 'name_initials' | 'sort_key' | 'org_path'> & {
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

export async function insertMember(trx: Trx, crypto: IdCrypto, actorId: number | null, m: NewMember, now: Date, action = 'create'): Promise<number> {
  const { idNumber, ...fields } = m;
  const ids = idColumns(crypto, idNumber);
  if (ids.id_hash && (await trx.selectFrom('members').select('id').where('id_hash', '=', ids.id_hash).executeTakeFirst())) {
    throw conflict('该身份证号已有党员记录', 'idNumber');
  }
  const { id } = await trx.insertInto('members')
    .values({ ...fields, ...ids, name_initials: pinyinInitials(m.name), sort_key: pinyinSortKey(m.name), updated_at: now })
    .returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('member_history').values({
    member_id: id, action, actor_id: actorId, at: now, before: null,
    after: JSON.stringify({ ...fields, id_masked: ids.id_masked }),
  }).execute();
  return id;
}

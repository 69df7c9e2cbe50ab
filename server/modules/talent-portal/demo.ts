// The applicant side's demo: the demo employer account acts for a fictional company in the first
// district with two staff entered through the registry's writer, and the demo talent and employer
// accounts carry the consent they gave at registration. Deterministic and small.
import type { Db } from '../../db/engine.js';
import type { Keys } from '../../crypto/keys.js';
import { IdCrypto } from '../../crypto/id-crypto.js';
import { systemClock } from '../../auth/actor.js';
import { insertTalent } from '../talent/changes.js';
import { CONSENT } from './service.js';

const STAFF = [
  { name: '程远航', phone: '13900001101', field: '集成电路设计' },
  { name: '苏静怡', phone: '13900001102', field: '新材料' },
];

export async function seedTalentPortalDemo(db: Db, keys: Keys): Promise<void> {
  const account = await db.selectFrom('users').select('id').where('username', '=', 'talent-employer').executeTakeFirst();
  if (!account) return;
  if (await db.selectFrom('talent_employer_users').select('user_id').where('user_id', '=', account.id).executeTakeFirst()) return;
  const root = await db.selectFrom('orgs').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
  const district = await db
    .selectFrom('orgs')
    .select(['id', 'path', 'name'])
    .where('parent_id', '=', root.id)
    .where('kind', '=', 'county_committee')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const now = systemClock.now();
  await db.transaction().execute(async (trx) => {
    const { id: employerId } = await trx
      .insertInto('talent_employers')
      .values({
        name: '示范市启明芯科技有限公司（演示，虚构）',
        district_org_id: district.id,
        district_path: district.path,
        industry: '集成电路',
        kind: '企业',
        contact_name: '用人单位演示账号',
        contact_phone: '13900001100',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('talent_employer_users').values({ employer_id: employerId, user_id: account.id }).execute();
    const w = { db: trx, actor: { userId: account.id }, clock: systemClock, crypto: new IdCrypto(keys) };
    for (const s of STAFF) await insertTalent(w, { ...s, employer_id: employerId }, 'employer.add');
    const consenting = await trx.selectFrom('users').select('id').where('username', 'in', ['talent', 'talent-employer']).execute();
    if (consenting.length)
      await trx
        .insertInto('talent_portal_consents')
        .values(consenting.map((u) => ({ user_id: u.id, version: CONSENT.version, accepted_at: now, ip: null })))
        .execute();
  });
}

// Demo data of the member record (called by server/demo/seed-demo.ts): the generator's minimal
// members (name, gender, category, branch) get birth dates, fictional valid ID numbers consistent
// with birth date and gender, ethnicity, education, occupation, dates of admission and 转正, work
// unit, phone and address — by batched UPDATE ... FROM jsonb_to_recordset(...), one transaction, a few seconds.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Trx } from '../../audit/audit-log.js';
import type { Keys } from '../../crypto/keys.js';
import { IdCrypto } from '../../crypto/id-crypto.js';
import type { CityResult } from '../../demo/generate-city.js';
import { DEFAULT_AS_OF } from '../../demo/generate-city.js';
import { createRng } from '../../demo/prng.js';
import { maskIdNumber } from '../../../domain/rules/id-number.js';
import { drawProfile, type UnitFacts } from './demo-profile.js';
import { idNumberFor } from './id-numbers.js';

// Real GB/T 2260 district codes stand in for 示范市's districts (the validator checks the code).
const AREA_CODES = ['320102', '320104', '320105', '320106', '320111', '320113', '320114', '320115', '320116', '320117', '320118'];
const BATCH = 5000;
// Branch names end in a branch word; what is left is the unit (示范市第三人民医院后勤保障党支部 → 示范市第三人民医院).
const BRANCH_SUFFIX = /(机关|后勤保障|离退休|在职|物业服务|流动党员|第.{1,3}网格)?(第[一二三四五六七八九十]+)?(联合)?(临时)?党(总)?支部$/;

async function unitsByOrg(db: Db): Promise<Map<number, UnitFacts>> {
  const orgs = await db.selectFrom('orgs').select(['id', 'name', 'short_name', 'kind', 'unit_type', 'path']).execute();
  const districts = new Map(
    orgs.filter((o) => o.kind === 'county_committee').map((o) => [String(o.id), (o.short_name ?? o.name).replace(/委$/, '')]),
  );
  const anyDistrict = [...districts.values()][0] ?? '';
  return new Map(
    orgs.map((o) => {
      const district =
        o.path
          .split('.')
          .map((id) => districts.get(id))
          .find(Boolean) ?? anyDistrict;
      const unit = o.kind === 'joint_branch' ? '' : o.name.replace(BRANCH_SUFFIX, '');
      return [o.id, { unitType: o.unit_type, unitName: unit || `示范市${district}`, district }];
    }),
  );
}

export async function seedMembersDemo(db: Db, city: CityResult, keys: Keys, asOf = DEFAULT_AS_OF): Promise<void> {
  const crypto = new IdCrypto(keys);
  const rng = createRng(2026, 31);
  const units = await unitsByOrg(db);
  const members = await db
    .selectFrom('members')
    .select(['id', 'org_id', 'gender', 'category'])
    .where('birth_date', 'is', null)
    .orderBy('id')
    .execute();
  const seqs = new Map<string, number>();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < members.length; i += BATCH) {
      const batch = members.slice(i, i + BATCH);
      const rows = batch.map((m) => {
        const p = drawProfile(rng, asOf, m.category === 'probationary', units.get(m.org_id)!);
        const area = AREA_CODES[m.id % AREA_CODES.length];
        // Sequence numbers run on from a random start per area and birth date: distinct, and not all 001.
        const key = area + p.birthDate;
        const seq = seqs.get(key) ?? rng.int(0, 440);
        seqs.set(key, seq + 1);
        const id = idNumberFor(area, p.birthDate, seq, m.gender);
        return { ...p, id: m.id, idCipher: crypto.encrypt(id), idHash: crypto.hash(id), idMasked: maskIdNumber(id) };
      });
      // One JSON parameter per batch (far cheaper for the engine than thousands of bound values); the id
      // range lets the planner use the primary key instead of scanning the table for each batch.
      await sql`update members m set birth_date = v."birthDate", id_cipher = v."idCipher", id_hash = v."idHash", id_masked = v."idMasked",
          ethnicity = v.ethnicity, native_place = v."nativePlace", edu_fulltime = v."eduFulltime", degree_fulltime = v."degreeFulltime",
          edu_inservice = v."eduInservice", degree_inservice = v."degreeInservice", occupation = v.occupation, work_unit = v."workUnit",
          job_post = v."jobPost", phone = v.phone, address = v.address, admitted_on = v."admittedOn", full_on = v."fullOn", status_since = v."admittedOn"
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id bigint, "birthDate" date, "idCipher" text, "idHash" text, "idMasked" text,
          ethnicity text, "nativePlace" text, "eduFulltime" text, "degreeFulltime" text, "eduInservice" text, "degreeInservice" text,
          occupation text, "workUnit" text, "jobPost" text, phone text, address text, "admittedOn" date, "fullOn" date)
        where m.id = v.id and m.id between ${batch[0].id} and ${batch[batch.length - 1].id}`.execute(trx);
    }
    // Each record starts its history with the migration that brought it into Zugong.
    await sql`insert into member_history (member_id, action, actor_id, at, before, after)
      select id, 'migrate', null, ${`${asOf}T08:00:00+08:00`}::timestamptz - interval '200 days', null,
        jsonb_build_object('name', name, 'org_id', org_id, 'category', category, 'admitted_on', admitted_on, 'full_on', full_on, 'id_masked', id_masked)
      from members m where not exists (select 1 from member_history h where h.member_id = m.id)`.execute(trx);
    await linkMemberAccount(trx, city.sampleIds.branch);
  });
}

/** The demo `member` account is one of its branch's members (demo-accounts.ts picks it by name): link it for the member's own view. */
async function linkMemberAccount(trx: Trx, branchId: number): Promise<void> {
  await sql`update users u set member_id = (
      select m.id from members m where m.org_id = ${branchId} and m.name = u.display_name order by m.id limit 1)
    where u.username = 'member' and u.member_id is null`.execute(trx);
}

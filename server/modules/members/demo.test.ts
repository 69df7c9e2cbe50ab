import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, TEST_KEYS, type TestApp } from '../../test/test-app.js';
import { IdCrypto } from '../../crypto/id-crypto.js';
import { checkIdNumber } from '../../../domain/rules/id-number.js';
import { ageOn, checkMemberDates } from '../../../domain/rules/members.js';
import { COLLEGE_OR_ABOVE, OCCUPATIONS } from '../../../domain/member-fields.js';
import { DEFAULT_AS_OF } from '../../demo/generate-city.js';
import { seedMembersDemo } from './demo.js';

let t: TestApp;
let rows: Awaited<ReturnType<typeof load>>;
const load = () => t.db.selectFrom('members').selectAll().execute();
beforeAll(async () => {
  t = await createTestApp();
  await seedMembersDemo(t.db, t.city, TEST_KEYS);
  rows = await load();
});
afterAll(async () => {
  await t?.close();
});

describe('the demo members', () => {
  it('have valid fictional ID numbers that match their birth date and gender, all distinct', () => {
    const crypto = new IdCrypto(TEST_KEYS);
    expect(rows.length).toBeGreaterThan(500);
    for (const m of rows) {
      const id = checkIdNumber(crypto.decrypt(m.id_cipher!));
      expect(id).toMatchObject({ ok: true, birthDate: m.birth_date, gender: m.gender });
      expect(m.id_hash).toBe(crypto.hash(crypto.decrypt(m.id_cipher!)));
    }
    expect(new Set(rows.map((m) => m.id_hash)).size).toBe(rows.length);
  });

  it('are between 18 and 90, with the 党章’s dates: probationary members admitted within the year, 转正 after one', () => {
    for (const m of rows) {
      const age = ageOn(m.birth_date, DEFAULT_AS_OF)!;
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(90);
      expect(
        checkMemberDates({ category: m.category, birthDate: m.birth_date, admittedOn: m.admitted_on, fullOn: m.full_on }, DEFAULT_AS_OF),
      ).toEqual([]);
      if (m.category === 'probationary') expect(m.admitted_on! >= '2025-11-01').toBe(true);
    }
    const over60 = rows.filter((m) => ageOn(m.birth_date, DEFAULT_AS_OF)! > 60).length / rows.length;
    expect(over60).toBeGreaterThan(0.15);
    expect(over60).toBeLessThan(0.45);
  });

  it('follow the national shares: mostly 汉族, about half 大专及以上, every occupation of the statistics', () => {
    const share = (f: (m: (typeof rows)[number]) => boolean) => rows.filter(f).length / rows.length;
    expect(share((m) => m.ethnicity === '汉族')).toBeGreaterThan(0.88);
    expect(share((m) => m.ethnicity === '汉族')).toBeLessThan(0.98);
    expect(share((m) => COLLEGE_OR_ABOVE.includes(m.edu_highest as never))).toBeGreaterThan(0.3);
    expect(share((m) => COLLEGE_OR_ABOVE.includes(m.edu_highest as never))).toBeLessThan(0.85);
    expect(new Set(rows.map((m) => m.occupation))).toEqual(new Set(OCCUPATIONS));
    expect(share((m) => m.occupation === 'retired')).toBeGreaterThan(0.1);
    expect(rows.every((m) => /^1[35789]\d{9}$/.test(m.phone!) && m.address!.startsWith('示范市'))).toBe(true);
  });

  it('start their history with the migration into the system', async () => {
    const h = await t.db.selectFrom('member_history').select('member_id').where('action', '=', 'migrate').execute();
    expect(new Set(h.map((r) => r.member_id)).size).toBe(rows.length);
  });

  it('include the demo member account’s own record, shown at /api/members/me', async () => {
    const member = await t.login('member');
    const res = await t.call(member, 'GET', '/api/members/me');
    expect(res.statusCode, res.body).toBe(200);
    const user = await t.db
      .selectFrom('users')
      .select(['display_name', 'member_id'])
      .where('username', '=', 'member')
      .executeTakeFirstOrThrow();
    expect(json(res)).toMatchObject({ id: user.member_id, name: user.display_name, orgId: t.city.sampleIds.branch });
    expect(json(res).idMasked).toMatch(/\*{10}/);
    // Its own record only: the list stays closed to a member account.
    expect((await t.call(member, 'GET', `/api/members/${user.member_id}`)).statusCode).toBe(403);
  });
});

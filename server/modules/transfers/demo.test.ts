import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ areaDemos: true });
});
afterAll(async () => {
  await t?.close();
});

describe('the transfers demo', () => {
  it('has letters in every state, and the demo branch sees some going out, coming in and overdue', async () => {
    const states = await t.db.selectFrom('transfer_letters').select(['status', 'kind']).execute();
    for (const s of ['issued', 'received', 'confirmed', 'returned']) expect(states.some((r) => r.status === s)).toBe(true);
    for (const k of ['within_city', 'out_of_city', 'into_city']) expect(states.some((r) => r.kind === k)).toBe(true);
    const admin = await t.login('branch-admin');
    for (const box of ['out', 'in', 'overdue'])
      expect(json(await t.call(admin, 'GET', `/api/transfers?box=${box}`)).items.length).toBeGreaterThan(0);
    expect(json(await t.call(admin, 'GET', '/api/member-status/attention')).items.length).toBeGreaterThan(0);
    expect(json(await t.call(admin, 'GET', '/api/member-status/list?status=flowing')).items.length).toBeGreaterThan(0);
  });

  it('moved the members of confirmed within-city letters to the receiving organization', async () => {
    const rows = await t.db
      .selectFrom('transfer_letters as l')
      .innerJoin('members as m', 'm.id', 'l.member_id')
      .select(['l.to_org_id', 'm.org_id'])
      .where('l.kind', '=', 'within_city')
      .where('l.status', '=', 'confirmed')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.org_id).toBe(r.to_org_id);
  });
});

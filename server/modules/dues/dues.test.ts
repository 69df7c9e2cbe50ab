import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { addMonths } from '../../../domain/rules/dues.js';
import { currentMonth } from './service.js';
import { todayCn } from '../../dates.js';

let t: TestApp;
let cityAdmin: string, districtAdmin: string, branchAdmin: string;
let branchIds: number[];
let otherId: number;
let M: string; // the current month
const ago = (n: number) => addMonths(M, -n);

beforeAll(async () => {
  t = await createTestApp();
  [cityAdmin, districtAdmin, branchAdmin] = await Promise.all(['city-admin', 'district-admin', 'branch-admin'].map((u) => t.login(u)));
  const rows = await t.db
    .selectFrom('members')
    .select('id')
    .where('org_id', '=', t.city.sampleIds.branch)
    .where('status', '=', 'normal')
    .orderBy('id')
    .execute();
  branchIds = rows.map((r) => r.id);
  otherId = (
    await t.db.selectFrom('members').select('id').where('org_id', '=', t.city.sampleIds.otherBranch).orderBy('id').executeTakeFirstOrThrow()
  ).id;
  M = currentMonth(t.clock.now());
});
afterAll(async () => {
  await t?.close();
});

const base = (cookie: string, id: number, body: object) => t.call(cookie, 'POST', `/api/dues/members/${id}/bases`, body);
const employed = (baseFen: number, effectiveFrom: string) => ({ category: 'employed', baseFen, effectiveFrom, source: 'salary' });
const account = async (id: number, cookie = branchAdmin) => json(await t.call(cookie, 'GET', `/api/dues/members/${id}`));
const count = async (table: 'dues_payments' | 'dues_bases') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('dues bases (art. 2, 8, 10)', () => {
  it('computes the monthly dues of a base and keeps it in the member history and audit log', async () => {
    const res = await base(branchAdmin, branchIds[0], employed(540_000, ago(2)));
    expect(res.statusCode).toBe(201);
    expect(json(res)).toMatchObject({ category: 'employed', baseFen: 540_000, dueFen: 8_100, effectiveFrom: ago(2) });
    const hist = await t.db
      .selectFrom('member_history')
      .selectAll()
      .where('member_id', '=', branchIds[0])
      .where('action', '=', 'dues.base')
      .execute();
    expect(hist).toHaveLength(1);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'dues.base')
      .where('object_id', '=', String(branchIds[0]))
      .executeTakeFirst();
    expect(audit).toMatchObject({ actor_name: 'branch-admin', result: 'success' });
  });

  it('applies a changed base from its own month on, leaving earlier months as they were', async () => {
    await base(branchAdmin, branchIds[0], employed(1_000_001, M));
    const a = await account(branchIds[0]);
    const due = Object.fromEntries(a.ledger.map((l: any) => [l.month, l.dueFen]));
    expect(due[ago(2)]).toBe(8_100);
    expect(due[ago(1)]).toBe(8_100);
    expect(due[M]).toBe(20_000);
    expect(a.current).toMatchObject({ baseFen: 1_000_001, dueFen: 20_000 });
  });

  it('refuses a base before the 支部大会 month of a probationary member (art. 8), naming the field', async () => {
    await t.db
      .updateTable('members')
      .set({ admitted_on: `${ago(1)}-15`, category: 'probationary' })
      .where('id', '=', branchIds[5])
      .execute();
    const res = await base(branchAdmin, branchIds[5], employed(300_000, ago(3)));
    expect(res.statusCode).toBe(400);
    expect(json(res).error.field).toBe('effectiveFrom');
    expect(json(res).error.message).toContain('支部大会');
    expect((await base(branchAdmin, branchIds[5], employed(300_000, ago(1)))).statusCode).toBe(201);
  });

  it('refuses a source that does not fit the category, and fixes students at 0.2 元 (art. 6)', async () => {
    const bad = await base(branchAdmin, branchIds[6], { category: 'retired', baseFen: 400_000, effectiveFrom: M, source: 'salary' });
    expect(json(bad).error.field).toBe('source');
    const ok = json(await base(branchAdmin, branchIds[6], { category: 'student', effectiveFrom: M, source: 'fixed' }));
    expect(ok).toMatchObject({ dueFen: 20, baseFen: 0 });
  });
});

describe('membership ending', () => {
  it('stops dues in the month a member leaves: nothing accrues after it', async () => {
    const id = branchIds.at(-1)!;
    await base(branchAdmin, id, employed(400_000, ago(5)));
    await t.db
      .updateTable('members')
      .set({ status: 'left', status_since: `${ago(3)}-20` })
      .where('id', '=', id)
      .execute();
    const a = await account(id);
    expect(a.ledger.map((l: any) => l.month)).toEqual([ago(3), ago(4), ago(5)]);
    expect(a.arrears).toMatchObject({ unpaidMonths: 3, owedFen: 12_000 });
    const list = json(await t.call(branchAdmin, 'GET', `/api/dues/orgs/${t.city.sampleIds.branch}/arrears`));
    expect(list.items.map((i: any) => i.memberId)).not.toContain(id);
  });
});

describe('collecting dues', () => {
  it('records a month for ticked members in one go and shows them paid on the sheet', async () => {
    await base(branchAdmin, branchIds[1], { category: 'retired', baseFen: 500_000, effectiveFrom: ago(1), source: 'pension' });
    const before = json(await t.call(branchAdmin, 'GET', `/api/dues/orgs/${t.city.sampleIds.branch}/sheet?month=${ago(1)}`));
    expect(before.rows.find((r: any) => r.memberId === branchIds[1])).toMatchObject({ dueFen: 2_500, paidFen: 0 });
    const res = await t.call(branchAdmin, 'POST', `/api/dues/orgs/${t.city.sampleIds.branch}/payments`, {
      month: ago(1),
      paidOn: todayCn(t.clock.now()),
      collectedBy: '组织委员',
      items: [{ memberId: branchIds[0], receiptNo: 'A001' }, { memberId: branchIds[1] }],
    });
    expect(res.statusCode).toBe(200);
    const rows = json(res).rows;
    expect(rows.find((r: any) => r.memberId === branchIds[0])).toMatchObject({ dueFen: 8_100, paidFen: 8_100, receiptNo: 'A001' });
    expect(rows.find((r: any) => r.memberId === branchIds[1])).toMatchObject({ paidFen: 2_500 });
  });

  it('refuses the whole batch when one member already paid or belongs elsewhere, changing nothing', async () => {
    const n0 = await count('dues_payments');
    const url = `/api/dues/orgs/${t.city.sampleIds.branch}/payments`;
    const paid = await t.call(branchAdmin, 'POST', url, {
      month: ago(1),
      paidOn: todayCn(t.clock.now()),
      items: [{ memberId: branchIds[5] }, { memberId: branchIds[0] }],
    });
    expect(paid.statusCode).toBe(409);
    expect(json(paid).error.message).toContain('已缴清');
    expect(json(paid).error.field).toBe('items.1.memberId');
    const foreign = await t.call(branchAdmin, 'POST', url, {
      month: ago(1),
      paidOn: todayCn(t.clock.now()),
      items: [{ memberId: otherId }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(json(foreign).error.field).toBe('items.0.memberId');
    expect(await count('dues_payments')).toBe(n0);
  });

  it('leaves the difference owed when a base is raised for a month already paid (art. 10)', async () => {
    await base(branchAdmin, branchIds[1], { category: 'retired', baseFen: 500_001, effectiveFrom: ago(1), source: 'pension' });
    const a = await account(branchIds[1]);
    expect(a.ledger.find((l: any) => l.month === ago(1))).toMatchObject({ dueFen: 5_000, paidFen: 2_500 });
    expect(a.arrears).toMatchObject({ unpaidMonths: 1, owedFen: 2_500, oldestUnpaid: ago(1) });
    await t.call(branchAdmin, 'POST', `/api/dues/members/${branchIds[1]}/payments`, { months: [ago(1)], paidOn: todayCn(t.clock.now()) });
    expect((await account(branchIds[1])).arrears.owedFen).toBe(0);
  });

  it('flags a voluntary payment of 1000 元 or more for the centre (art. 11)', async () => {
    const small = await account(branchIds[1]);
    const res = await t.call(branchAdmin, 'POST', `/api/dues/members/${branchIds[1]}/voluntary`, {
      amountFen: 100_000,
      paidOn: todayCn(t.clock.now()),
    });
    const big = json(res).payments.find((p: any) => p.kind === 'voluntary');
    expect(big).toMatchObject({ amountFen: 100_000, toCentre: true });
    expect(small.payments.some((p: any) => p.kind === 'voluntary')).toBe(false);
    await t.call(branchAdmin, 'POST', `/api/dues/members/${branchIds[1]}/voluntary`, { amountFen: 99_999, paidOn: todayCn(t.clock.now()) });
    const flags = (await account(branchIds[1])).payments
      .filter((p: any) => p.kind === 'voluntary')
      .map((p: any) => [p.amountFen, p.toCentre]);
    expect(flags).toEqual(
      expect.arrayContaining([
        [99_999, false],
        [100_000, true],
      ]),
    );
  });
});

describe('arrears (党章第九条)', () => {
  it('warns at 3, is urgent at 5 and marks six consecutive unpaid months, then clears when paid', async () => {
    const [a, b, c] = [branchIds[2], branchIds[3], branchIds[4]];
    await base(branchAdmin, a, employed(300_000, ago(3)));
    await base(branchAdmin, b, employed(300_000, ago(5)));
    await base(branchAdmin, c, employed(300_000, ago(6)));
    const list = json(await t.call(branchAdmin, 'GET', `/api/dues/orgs/${t.city.sampleIds.branch}/arrears`));
    const level = (id: number) => list.items.find((i: any) => i.memberId === id);
    expect(level(a)).toMatchObject({ consecutiveUnpaid: 3, level: 'warning', owedFen: 4_500, oldestUnpaid: ago(3) });
    expect(level(b)).toMatchObject({ consecutiveUnpaid: 5, level: 'urgent' });
    expect(level(c)).toMatchObject({ consecutiveUnpaid: 6, level: 'lapsed' });
    expect(list.counts.lapsed).toBeGreaterThanOrEqual(1);
    // The district sees the same member in its roll-up.
    const district = json(await t.call(districtAdmin, 'GET', `/api/dues/orgs/${t.city.sampleIds.district}/arrears?minLevel=lapsed`));
    expect(district.items.map((i: any) => i.memberId)).toContain(c);
    const months = [1, 2, 3, 4, 5, 6].map(ago);
    expect(
      (await t.call(branchAdmin, 'POST', `/api/dues/members/${c}/payments`, { months, paidOn: todayCn(t.clock.now()), receiptNo: 'B-7' }))
        .statusCode,
    ).toBe(200);
    const after = json(await t.call(branchAdmin, 'GET', `/api/dues/orgs/${t.city.sampleIds.branch}/arrears`));
    expect(after.items.map((i: any) => i.memberId)).not.toContain(c);
  });
});

describe('hardship reductions (art. 7)', () => {
  it('is proposed by the branch, refused to the proposing level, approved by the higher committee', async () => {
    const id = branchIds[2];
    const res = await t.call(branchAdmin, 'POST', `/api/dues/members/${id}/reductions`, {
      kind: 'exempt',
      monthFrom: ago(3),
      monthTo: ago(1),
      reason: '家庭生活困难，享受低保',
    });
    expect(res.statusCode).toBe(200);
    const r = json(res).reductions[0];
    expect(r).toMatchObject({ status: 'proposed', canDecide: false });
    expect(json(res).arrears.owedFen).toBe(4_500);
    const self = await t.call(branchAdmin, 'POST', `/api/dues/reductions/${r.id}/decide`, { decision: 'approve' });
    expect(self.statusCode).toBe(403);
    expect(json(self).error.code).toBe('APPROVAL_LEVEL');
    const list = json(await t.call(districtAdmin, 'GET', `/api/dues/reductions?status=proposed`)).items;
    expect(list.find((x: any) => x.id === r.id)).toMatchObject({ canDecide: true });
    const ok = await t.call(districtAdmin, 'POST', `/api/dues/reductions/${r.id}/decide`, { decision: 'approve', note: '同意' });
    expect(json(ok)).toMatchObject({ status: 'approved', decisionNote: '同意' });
    const a = await account(id);
    expect(a.arrears).toMatchObject({ unpaidMonths: 0, owedFen: 0 });
    expect(a.ledger.find((l: any) => l.month === ago(2))).toMatchObject({ dueFen: 0, reduced: true });
    expect((await t.call(districtAdmin, 'POST', `/api/dues/reductions/${r.id}/decide`, { decision: 'reject' })).statusCode).toBe(400);
  });

  it('does not let a committee approve what it proposed itself', async () => {
    const res = await t.call(districtAdmin, 'POST', `/api/dues/members/${branchIds[3]}/reductions`, {
      kind: 'reduce',
      amountFen: 10,
      monthFrom: ago(2),
      monthTo: M,
      reason: '长期患病，收入减少',
    });
    const r = json(res).reductions[0];
    expect(r.canDecide).toBe(false);
    expect((await t.call(districtAdmin, 'POST', `/api/dues/reductions/${r.id}/decide`, { decision: 'approve' })).statusCode).toBe(403);
    expect(json(await t.call(cityAdmin, 'POST', `/api/dues/reductions/${r.id}/decide`, { decision: 'approve' })).status).toBe('approved');
  });
});

describe('scope (SECURITY.md 13)', () => {
  it('answers 404 for another branch member or sheet, audits it, and records nothing', async () => {
    const n0 = await count('dues_bases');
    const res = await base(branchAdmin, otherId, employed(300_000, M));
    expect(res.statusCode).toBe(404);
    expect((await t.call(branchAdmin, 'GET', `/api/dues/members/${otherId}`)).statusCode).toBe(404);
    expect((await t.call(branchAdmin, 'GET', `/api/dues/orgs/${t.city.sampleIds.otherBranch}/sheet?month=${M}`)).statusCode).toBe(404);
    expect(await count('dues_bases')).toBe(n0);
    const denied = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('result', '=', 'denied')
      .where('object_id', '=', String(otherId))
      .execute();
    expect(denied.map((d) => d.action)).toContain('dues.write');
  });
});

describe('totals and export', () => {
  it('rolls due and paid up by month and by child organization in SQL', async () => {
    const tt = json(await t.call(districtAdmin, 'GET', `/api/dues/orgs/${t.city.sampleIds.district}/totals?from=${ago(6)}&to=${M}`));
    const paid = await t.db
      .selectFrom('dues_payments')
      .select([sql<number>`sum(amount_fen)::int`.as('s')])
      .where('kind', '=', 'regular')
      .executeTakeFirstOrThrow();
    expect(tt.byMonth.reduce((n: number, m: any) => n + m.paidFen, 0)).toBe(paid.s);
    expect(tt.byChild.reduce((n: number, c: any) => n + c.paidFen, 0)).toBe(paid.s);
    expect(tt.byMonth.find((m: any) => m.month === ago(1)).dueFen).toBeGreaterThanOrEqual(8_100 + 5_000);
    expect(tt.byMonth.reduce((n: number, m: any) => n + m.toCentreFen, 0)).toBe(100_000);
    // The roll-up's due (spans plus reduction corrections) equals the sheet's month by month.
    for (const month of [ago(3), ago(2), ago(1)]) {
      const own = json(await t.call(branchAdmin, 'GET', `/api/dues/orgs/${t.city.sampleIds.branch}/totals?from=${month}&to=${month}`));
      const sheetOf = json(await t.call(branchAdmin, 'GET', `/api/dues/orgs/${t.city.sampleIds.branch}/sheet?month=${month}`));
      expect(own.byMonth[0].dueFen).toBe(sheetOf.dueFen);
    }
    const branchTotals = json(
      await t.call(branchAdmin, 'GET', `/api/dues/orgs/${t.city.sampleIds.district}/totals?from=${ago(6)}&to=${M}`),
    );
    expect(branchTotals.error.code).toBe('NOT_FOUND');
  });

  it('exports exactly the subtree payments with a purpose, neutralized and audited', async () => {
    const url = `/api/dues/orgs/${t.city.sampleIds.branch}/export?kind=detail&from=${ago(12)}&to=${M}`;
    expect((await t.call(branchAdmin, 'GET', url)).statusCode).toBe(400);
    const res = await t.call(branchAdmin, 'GET', `${url}&purpose=${encodeURIComponent('财务对账')}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.worksheets[0];
    const n = Number(
      (
        await t.db
          .selectFrom('dues_payments')
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('org_id', '=', t.city.sampleIds.branch)
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(ws.rowCount - 1).toBe(n);
    expect(ws.getRow(1).getCell(1).value).toBe('党组织');
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'dues.export').executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ purpose: '财务对账', rows: n, filter: { kind: 'detail', orgId: t.city.sampleIds.branch } });
  });
});

describe('settings and the member’s own view', () => {
  it('recomputes every base when the city changes the rounding; a district cannot', async () => {
    const s = json(await t.call(cityAdmin, 'GET', '/api/dues/settings'));
    expect(s).toMatchObject({ rounding: 'half_up', farmerFen: 20, warnMonths: 3, urgentMonths: 5, lapseMonths: 6 });
    expect((await t.call(districtAdmin, 'PUT', '/api/dues/settings', { ...s, rounding: 'floor' })).statusCode).toBe(403);
    await base(branchAdmin, branchIds[7], employed(234_567, M));
    expect((await t.call(cityAdmin, 'PUT', '/api/dues/settings', { ...s, rounding: 'jiao_half_up', farmerFen: 50 })).statusCode).toBe(200);
    expect((await account(branchIds[7])).current.dueFen).toBe(1_170);
    await t.call(cityAdmin, 'PUT', '/api/dues/settings', s);
    expect((await account(branchIds[7])).current.dueFen).toBe(1_173);
  });

  it('shows a member their own dues and arrears only', async () => {
    const member = await t.login('member');
    const linked = await t.db
      .selectFrom('users')
      .select(sql<number | null>`member_id`.as('member_id'))
      .where('username', '=', 'member')
      .executeTakeFirstOrThrow();
    if (!linked.member_id) await sql`update users set member_id = ${branchIds[4]} where username = 'member'`.execute(t.db);
    const mine = linked.member_id ?? branchIds[4];
    const res = await t.call(member, 'GET', '/api/dues/me');
    expect(res.statusCode).toBe(200);
    expect(json(res).member.id).toBe(mine);
    expect((await t.call(member, 'GET', `/api/dues/members/${mine}`)).statusCode).toBe(403);
  });
});

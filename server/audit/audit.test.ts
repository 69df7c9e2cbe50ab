import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../test/test-app.js';
import { verifyAuditChain } from './verify-chain.js';

let t: TestApp;
let city: string;
let auditor: string;
beforeAll(async () => {
  t = await createTestApp();
  city = await t.login('city-admin');
  auditor = await t.login('auditor');
});
afterAll(async () => {
  await t?.close();
});

const lastRow = () => t.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();

describe('the audit trail (SECURITY.md 16–20)', () => {
  it('records logins (success and failure) and logouts with time, actor, role, IP and request id', async () => {
    await t.call(null, 'POST', '/api/auth/login', { username: 'district-admin', password: 'Wrong#2026' });
    expect(await lastRow()).toMatchObject({ action: 'auth.login', result: 'failure', actor_name: 'district-admin', ip: '127.0.0.1' });
    const c = await t.login('district-admin');
    expect(await lastRow()).toMatchObject({ action: 'auth.login', result: 'success', role: 'org_dept_admin' });
    const res = await t.call(c, 'POST', '/api/auth/logout');
    const row = await lastRow();
    expect(row).toMatchObject({
      action: 'auth.logout',
      result: 'success',
      actor_name: 'district-admin',
      request_id: res.headers['x-request-id'],
    });
  });

  it('never writes the password into the log', async () => {
    await t.call(null, 'POST', '/api/auth/login', { username: 'district-admin', password: 'Secret#Leak99' });
    const all = await t.db
      .selectFrom('audit_log')
      .select(sql<string>`detail::text`.as('d'))
      .execute();
    expect(all.some((r) => (r.d ?? '').includes('Secret#Leak99'))).toBe(false);
  });

  it('cannot be changed or deleted by the application', async () => {
    await expect(sql`update audit_log set action = 'x' where seq = 1`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where seq = 1`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('rolls the business change back when the audit row cannot be written', async () => {
    await sql`create function audit_fail() returns trigger language plpgsql as $$ begin
      if new.action = 'org.create' then raise exception 'audit disk full'; end if; return new; end $$`.execute(t.db);
    await sql`create trigger audit_fail before insert on audit_log for each row execute function audit_fail()`.execute(t.db);
    try {
      const res = await t.call(city, 'POST', '/api/orgs', {
        parentId: t.city.sampleIds.district,
        name: '审计失败测试党委',
        kind: 'party_committee',
      });
      expect(res.statusCode).toBe(500);
      const org = await t.db.selectFrom('orgs').select('id').where('name', '=', '审计失败测试党委').executeTakeFirst();
      expect(org).toBeUndefined();
    } finally {
      await sql`drop trigger audit_fail on audit_log`.execute(t.db);
    }
  });

  it('verifies the chain and names an edited row and a missing row', async () => {
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    const api = json(await t.call(auditor, 'GET', '/api/audit/verify'));
    expect(api.ok).toBe(true);
    expect(api.checked).toBeGreaterThan(3);
    // Tamper as a database superuser would, behind the application's back.
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(t.db);
    try {
      await sql`update audit_log set actor_name = 'someone-else' where seq = 2`.execute(t.db);
      await sql`delete from audit_log where seq = 4`.execute(t.db);
      const report = await verifyAuditChain(t.db);
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([
        expect.objectContaining({ seq: 2, kind: 'edited' }),
        expect.objectContaining({ seq: 4, kind: 'missing' }),
      ]);
    } finally {
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(t.db);
    }
  });
});

describe('the audit viewer', () => {
  it('filters by actor, action and result, newest first, with keyset paging', async () => {
    const page1 = json(await t.call(auditor, 'GET', '/api/audit?action=auth.login&limit=2'));
    expect(page1.items).toHaveLength(2);
    expect(page1.items[0].seq).toBeGreaterThan(page1.items[1].seq);
    const page2 = json(await t.call(auditor, 'GET', `/api/audit?action=auth.login&limit=2&cursor=${page1.nextCursor}`));
    expect(page2.items[0].seq).toBeLessThan(page1.items[1].seq);
    const failures = json(await t.call(auditor, 'GET', '/api/audit?result=failure&actor=district')).items;
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((r: any) => r.result === 'failure' && r.actorName.includes('district'))).toBe(true);
  });

  it('exports exactly the filtered rows, asks for a purpose, neutralizes formulas and audits the export', async () => {
    await t.call(null, 'POST', '/api/auth/login', { username: '=HYPERLINK("x")', password: 'x' });
    const noPurpose = await t.call(auditor, 'GET', '/api/audit/export?action=auth.login');
    expect(noPurpose.statusCode).toBe(400);
    expect(json(noPurpose).error.field).toBe('purpose');
    const listed = json(await t.call(auditor, 'GET', '/api/audit?action=auth.login&limit=200')).items;
    const res = await t.call(auditor, 'GET', `/api/audit/export?action=auth.login&purpose=${encodeURIComponent('季度安全检查')}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount - 1).toBe(listed.length);
    const actors = ws.getColumn(3).values.slice(2) as string[];
    expect(actors).toContain(`'=HYPERLINK("x")`);
    const row = await lastRow();
    expect(row).toMatchObject({ action: 'audit.export', actor_name: 'auditor', detail: { purpose: '季度安全检查', rows: listed.length } });
  });
});

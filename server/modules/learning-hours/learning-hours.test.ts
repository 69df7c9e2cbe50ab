// The 学时 archive through the API: totals by source with the requirement and shortfall, who is behind and
// the completion share, an import with one bad row (nothing written, the row named), self-reports approved
// and refused, a training recorded by two sources counted once (and undone by an officer), a closed year
// whose later credits are kept and marked late, and another district's officer getting a 404.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeIdNumber } from '../../../domain/rules/id-number.js';
import type { Ctx } from '../../context.js';
import { buildCadre } from '../../test/cadre-builders.js';
import { buildMember, buildOrg, buildUserWithRole, expectAuditRow } from '../../test/factories.js';
import { IdCrypto } from '../../crypto/id-crypto.js';
import { createTestApp, json, multipartFile, TEST_KEYS, type TestApp } from '../../test/test-app.js';
import { upsertCredit } from '../learning/credits.js';
import { approvedHoursOf, behindOf, rowsOf, sharesOf } from './archive.js';
import { loadVersions } from './year-requirements.js';
import { seedLearningHoursDemo } from './demo.js';

let t: TestApp;
let admin: string;
let org: { id: number; name: string };
let a: { id: number; name: string };
let b: { id: number; name: string };
let c: { id: number; name: string };
let year: number;
const idA = fakeIdNumber();
const ctx = () => ({ db: t.db, actor: { userId: null } }) as unknown as Ctx;

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学时');
  ws.addRow(['身份证号', '姓名', '所在党组织', '培训名称', '开始日期', '结束日期', '学时']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function upload(cookie: string, url: string, file: Buffer, name: string) {
  const m = multipartFile(file, name);
  return t.app.inject({ method: 'POST', url, payload: m.payload, headers: { cookie, 'content-type': m.contentType } });
}
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
async function selfReport(cookie: string, fields: Record<string, string>, file: Buffer = PDF, fileName = '结业证书.pdf') {
  const boundary = '----lh-boundary';
  const parts = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  const payload = Buffer.concat([
    ...parts,
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: '/api/learning/self-reports',
    payload,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}
const archive = async (id: number, y = year) => json(await t.call(admin, 'GET', `/api/learning/hours/members/${id}?year=${y}`));

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('district-admin');
  year = Number(new Date(t.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 4));
  const o = await buildOrg(t.db, { parentId: t.city.sampleIds.district, name: '学时测试党支部' });
  org = { id: o.id, name: o.name };
  a = await buildMember(t.db, { orgId: org.id, name: '学时甲', idNumber: idA });
  b = await buildMember(t.db, { orgId: org.id, name: '学时乙' });
  c = await buildMember(t.db, { orgId: org.id, name: '学时丙' });
  const put = (memberId: number, source: 'online' | 'quiz' | 'class', ref: string, hours: number, day: number, online = false) =>
    upsertCredit(ctx(), {
      memberId,
      cadreId: null,
      source,
      sourceRef: ref,
      title: `课程${ref}`,
      hours,
      earnedOn: `${year}-03-1${day}`,
      online,
    });
  await put(a.id, 'online', 'material:1', 10.04, 1, true);
  await put(a.id, 'quiz', 'quiz:1', 2, 2);
  await put(a.id, 'class', 'class:1', 8, 3);
  await put(b.id, 'class', 'class:2', 40, 4);
});
afterAll(async () => {
  await t?.close();
});

describe('the archive', () => {
  it('totals a person by source to 0.1 with the requirement and the shortfall', async () => {
    const r = await archive(a.id);
    expect(r.bySource).toMatchObject({ online: 10, quiz: 2, class: 8, assigned: 0, self: 0 });
    expect([r.total, r.required, r.shortfall, r.onlineTotal]).toEqual([20, 32, 12, 10]);
    expect(r.sources[0]).toContain('党员教育管理工作条例');
  });

  it('lists who is behind with the shortfall, and completion shares with their definition', async () => {
    const behind = json(await t.call(admin, 'GET', `/api/learning/hours/behind?orgId=${org.id}&year=${year}`));
    const rows = behind.items.map((x: { name: string; shortfall: number }) => [x.name, x.shortfall]);
    expect(rows.sort()).toEqual([
      ['学时丙', 32],
      ['学时甲', 12],
    ]);
    const shares = json(await t.call(admin, 'GET', `/api/learning/hours/shares?orgId=${org.id}&year=${year}`));
    expect(shares.all).toMatchObject({ people: 3, done: 1, share: 33.3 });
    expect(shares.definition).toContain('不对个人排名');
  });

  it('owes a committee seat of an organization above the 56 hours, and a seat elsewhere or ended nothing', async () => {
    // 学时丁 and 学时戊 have 40 hours each: over the members' 32. 学时丁 sits on the district's committee (above
    // their branch); 学时戊 on a sibling branch's, and on the district's for a term that ended last year. 学时己 has
    // 10 hours and a seat on the district's committee: behind either way, owing 56.
    const district = t.city.sampleIds.district;
    const branch = await buildOrg(t.db, { parentId: district, name: '学时委员党支部' });
    const sibling = await buildOrg(t.db, { parentId: district, name: '学时旁支党支部' });
    for (const [name, ref, hours] of [
      ['学时丁', 'class:4', 40],
      ['学时戊', 'class:5', 40],
      ['学时己', 'class:6', 10],
    ] as const) {
      const m = await buildMember(t.db, { orgId: branch.id, name });
      await upsertCredit(ctx(), {
        memberId: m.id,
        cadreId: null,
        source: 'class',
        sourceRef: ref,
        title: `课程${ref}`,
        hours,
        earnedOn: `${year}-03-15`,
        online: false,
      });
    }
    await t.db
      .insertInto('org_committee_members')
      .values([
        { org_id: district, person_name: '学时丁', post: 'member' },
        { org_id: district, person_name: '学时己', post: 'member' },
        { org_id: sibling.id, person_name: '学时戊', post: 'member' },
        { org_id: district, person_name: '学时戊', post: 'member', term_end: `${year - 1}-12-31` },
      ])
      .execute();
    const behind = json(await t.call(admin, 'GET', `/api/learning/hours/behind?orgId=${branch.id}&year=${year}`));
    const rows = behind.items.map((x: { name: string; required: number; shortfall: number }) => [x.name, x.required, x.shortfall]);
    expect(rows).toEqual([
      ['学时丁', 56, 16],
      ['学时己', 56, 46],
    ]);
    // The same requirements as the export's, which works every member's out.
    const all = await rowsOf(t.db, String(branch.path), year, await loadVersions(t.db));
    expect(all.filter((x) => x.total < x.required).map((x) => [x.name, x.required, x.required - x.total])).toEqual(rows);
    const shares = json(await t.call(admin, 'GET', `/api/learning/hours/shares?orgId=${branch.id}&year=${year}`));
    expect(shares.all).toMatchObject({ people: 3, done: 1 });
    expect(behind.total).toBe(shares.all.people - shares.all.done);
    // The district's row for the branch counts the same.
    const above = json(await t.call(admin, 'GET', `/api/learning/hours/shares?orgId=${district}&year=${year}`));
    expect(above.items.find((x: { orgId: number }) => x.orgId === branch.id)).toMatchObject({ people: 3, done: 1, share: 33.3 });
  });

  it('gives approvedHoursOf to other modules', async () => {
    expect(await approvedHoursOf(ctx(), { memberId: a.id }, `${year}-01-01`, `${year}-12-31`)).toBe(20);
  });

  it('exports with a purpose, audited', async () => {
    const none = await t.call(admin, 'GET', `/api/learning/hours/export?orgId=${org.id}&year=${year}`);
    expect(none.statusCode).toBe(400);
    const res = await t.call(
      admin,
      'GET',
      `/api/learning/hours/export?orgId=${org.id}&year=${year}&purpose=${encodeURIComponent('年度学时核对')}`,
    );
    expect(res.statusCode).toBe(200);
    await expectAuditRow(t.db, { action: 'learning.hours.export', result: 'success' });
  });
});

describe('imports of 上级调训 and 党校 records', () => {
  const good = () => [idA, '学时甲', '', '基层治理专题研讨班', `${year}-04-01`, `${year}-04-03`, 12];
  it('writes nothing when one row is bad, naming the row and column', async () => {
    const file = await xlsx([good(), ['', '学时乙', org.name, '党校轮训', `${year}-04-01`, `${year}-04-02`, '很多']]);
    const res = json(await upload(admin, '/api/learning/imports?kind=assigned', file, '调训.xlsx'));
    expect(res.ok).toBe(false);
    expect(res.errors).toEqual([{ row: 3, column: '学时', message: expect.stringContaining('学时') }]);
    expect((await archive(a.id)).bySource.assigned).toBe(0);
  });

  it('imports all rows (by identity number, or by name and organization) and re-importing counts once', async () => {
    const file = await xlsx([good(), ['', '学时乙', org.name, '党校轮训', `${year}-04-01`, `${year}-04-02`, 6]]);
    for (let i = 0; i < 2; i++) {
      const res = json(await upload(admin, '/api/learning/imports?kind=assigned', file, '调训.xlsx'));
      expect(res).toMatchObject({ ok: true, written: true, rows: 2 });
    }
    expect((await archive(a.id)).bySource.assigned).toBe(12);
    expect((await archive(b.id)).bySource.assigned).toBe(6);
  });

  it('refuses a file that is not a workbook', async () => {
    const res = await upload(admin, '/api/learning/imports?kind=party_school', Buffer.from('name,hours\n'), 'x.csv');
    expect(res.statusCode).toBe(400);
    expect(json(res).error.field).toBe('file');
  });
});

describe('imports of many rows, people found for all rows at once', () => {
  let branch: { id: number; name: string };
  const d = (day: number) => `${year}-04-${String(day).padStart(2, '0')}`;
  beforeAll(async () => {
    const o = await buildOrg(t.db, { parentId: t.city.sampleIds.district, name: '学时批量党支部' });
    branch = { id: o.id, name: o.name };
  });

  it('keeps the later of two rows of one file for the same person and training', async () => {
    const m = await buildMember(t.db, { orgId: branch.id, name: '学时庚' });
    const row = (hours: number) => ['', '学时庚', branch.name, '同一文件两行的培训班', d(1), d(2), hours];
    const res = json(await upload(admin, '/api/learning/imports?kind=party_school', await xlsx([row(5), row(7.25)]), '党校.xlsx'));
    expect(res).toMatchObject({ ok: true, written: true, rows: 2 });
    const rows = await t.db.selectFrom('learning_credits').select(['hours', 'source']).where('member_id', '=', m.id).execute();
    expect(rows.map((r) => [r.source, Number(r.hours)])).toEqual([['party_school', 7.3]]);
  });

  it('reports each row’s problems in row order, the person’s last: two namesakes, a number outside the scope, a wrong name', async () => {
    await buildMember(t.db, { orgId: branch.id, name: '学时辛' });
    await buildMember(t.db, { orgId: branch.id, name: '学时辛' });
    const idOut = fakeIdNumber();
    await buildMember(t.db, { orgId: t.city.sampleIds.otherBranch, name: '学时外区', idNumber: idOut });
    // A cadre who is not a member, found by identity number among the cadres.
    const idCadre = fakeIdNumber();
    const cadre = await buildCadre(t.db, { managerOrgId: t.city.sampleIds.district, name: '学时壬' });
    await t.db
      .updateTable('cadres')
      .set({ id_hash: new IdCrypto(TEST_KEYS).hash(idCadre) })
      .where('id', '=', cadre.id)
      .execute();
    const cadreRow = [idCadre, '学时壬', '', '干部专题班', d(3), d(4), 16];
    const file = await xlsx([
      ['', '学时辛', branch.name, '专题班', d(3), d(4), 4],
      [idOut, '学时外区', '', '专题班', d(3), d(4), '很多'],
      cadreRow,
      [idA, '学时甲乙', '', '专题班', d(3), d(4), 4],
      ['', '学时查无此人', branch.name, '专题班', d(3), d(4), 4],
    ]);
    const res = json(await upload(admin, '/api/learning/imports?kind=assigned', file, '调训.xlsx'));
    expect(res).toMatchObject({ ok: false, written: false });
    expect(res.errors).toEqual([
      { row: 2, column: '姓名', message: '该组织有同名党员，请填写身份证号' },
      { row: 3, column: '学时', message: '学时应为 0 到 500 之间的数字' },
      { row: 3, column: '身份证号', message: '在您管理的范围内找不到该身份证号的党员或干部' },
      { row: 5, column: '姓名', message: '姓名与身份证号不符（档案中为“学时甲”）' },
      { row: 6, column: '姓名', message: '在所填党组织中找不到此人（请核对姓名和组织，或填写身份证号）' },
    ]);
    const ok = json(await upload(admin, '/api/learning/imports?kind=assigned', await xlsx([cadreRow]), '调训.xlsx'));
    expect(ok).toMatchObject({ ok: true, written: true });
    const credits = await t.db.selectFrom('learning_credits').select(['title', 'hours']).where('cadre_id', '=', cadre.id).execute();
    expect(credits.map((x) => [x.title, Number(x.hours)])).toEqual([['干部专题班', 16]]);
  });

  it('writes a 300-row file exactly, and marks a training another source already recorded', async () => {
    // 100 members of the district (outside the sample branch, which a later test reads) whose name and
    // organization name find one member, three trainings each.
    const people = (
      await sql<{ id: number; name: string; org: string }>`
        select id, name, org from (
          select m.id, m.name, o.name as org, count(*) over (partition by m.name, o.name) as n
            from members m join orgs o on o.id = m.org_id
           where m.org_path <@ (select path from orgs where id = ${t.city.sampleIds.district}) and m.org_id <> ${t.city.sampleIds.branch}
        ) x where n = 1 order by id limit 100`.execute(t.db)
    ).rows;
    expect(people).toHaveLength(100);
    const rows = people.flatMap((p, i) => [1, 2, 3].map((k) => ['', p.name, p.org, `批量培训${k}`, d(k), d(10 + k), (i % 10) / 2 + k]));
    const first = people[0];
    const cls = await upsertCredit(ctx(), {
      memberId: first.id,
      cadreId: null,
      source: 'class',
      sourceRef: 'class:bulk',
      title: '批量培训1',
      hours: 1,
      earnedOn: d(11),
    });
    const res = json(await upload(admin, '/api/learning/imports?kind=assigned', await xlsx(rows), '调训.xlsx'));
    expect(res).toMatchObject({ ok: true, written: true, rows: 300, duplicates: 1 });
    const ledger = await sql<{ member_id: number; title: string; hours: string; earned_on: string; duplicate_of: number | null }>`
      select member_id, title, hours, earned_on::text as earned_on, duplicate_of from learning_credits
       where note like ${`上级调训导入 #${res.importId}%`}`.execute(t.db);
    const key = (x: (string | number)[]) => x.join('|');
    expect(ledger.rows.map((r) => key([Number(r.member_id), r.title, Number(r.hours), r.earned_on])).sort()).toEqual(
      rows.map((r, i) => key([Number(people[Math.floor(i / 3)].id), r[3], r[6], r[5]])).sort(),
    );
    const marked = ledger.rows.filter((r) => r.duplicate_of != null);
    expect(marked.map((r) => [Number(r.member_id), r.title, Number(r.duplicate_of)])).toEqual([[Number(first.id), '批量培训1', cls]]);
  });
});

describe('self-reported training', () => {
  let member: string;
  let memberId: number;
  beforeAll(async () => {
    // The demo member account, linked to a member of a branch of its own (the area demos are not loaded here).
    const o2 = await buildOrg(t.db, { parentId: t.city.sampleIds.district, name: '学时测试第二党支部' });
    memberId = (await buildMember(t.db, { orgId: o2.id, name: '学时丁' })).id;
    await t.db.updateTable('users').set({ member_id: memberId }).where('username', '=', 'member').execute();
    member = await t.login('member');
  });
  const fields = (title: string, hours: string) => ({
    title,
    organizer: '区委党校',
    startedOn: `${year}-01-05`,
    endedOn: `${year}-01-06`,
    hours,
  });

  it('refuses evidence that is not a PDF or an image, naming the field', async () => {
    const res = await selfReport(member, fields('读书班', '4'), Buffer.from('<html></html>'), 'a.pdf');
    expect(res.statusCode).toBe(400);
    expect(json(res).error.field).toBe('file');
  });

  it('a pending report does not count; approved it does; refused needs a reason', async () => {
    const before = json(await t.call(member, 'GET', `/api/learning/me/hours?year=${year}`)).archive.total;
    const r1 = json(await selfReport(member, fields('“学习贯彻”专题读书班', '4.5')));
    const r2 = json(await selfReport(member, fields('社区志愿讲座', '2')));
    expect(r1.status).toBe('pending');
    const mine = json(await t.call(member, 'GET', `/api/learning/me/hours?year=${year}`));
    expect([mine.archive.total, mine.archive.pending]).toEqual([before, 6.5]);
    expect((await t.call(admin, 'POST', `/api/learning/self-reports/${r1.id}/decision`, { approve: true })).statusCode).toBe(200);
    const noReason = await t.call(admin, 'POST', `/api/learning/self-reports/${r2.id}/decision`, { approve: false });
    expect(json(noReason).error.field).toBe('reason');
    const refused = json(
      await t.call(admin, 'POST', `/api/learning/self-reports/${r2.id}/decision`, { approve: false, reason: '不属于理论学习' }),
    );
    expect(refused).toMatchObject({ status: 'rejected', reason: '不属于理论学习' });
    const after = json(await t.call(member, 'GET', `/api/learning/me/hours?year=${year}`)).archive;
    expect([after.total, after.bySource.self, after.pending]).toEqual([before + 4.5, 4.5, 0]);
    expect(memberId).toBeGreaterThan(0);
  });

  it('counts a training once when the import and the self-report both record it; an officer can undo it', async () => {
    const r = json(await selfReport(member, fields('区委党校 基层治理专题研讨班', '12')));
    const file = await xlsx([['', '学时丁', '学时测试第二党支部', '基层治理专题研讨班', `${year}-01-05`, `${year}-01-06`, 12]]);
    expect(json(await upload(admin, '/api/learning/imports?kind=party_school', file, '党校.xlsx')).ok).toBe(true);
    await t.call(admin, 'POST', `/api/learning/self-reports/${r.id}/decision`, { approve: true });
    const arc = await archive(memberId);
    expect([arc.bySource.party_school, arc.bySource.self]).toEqual([12, 4.5]);
    const dup = arc.credits.find((x: { source: string; duplicateOf: number | null }) => x.source === 'self' && x.duplicateOf != null);
    expect(dup.hours).toBe(12);
    expect((await t.call(admin, 'POST', `/api/learning/hours/duplicates/${dup.id}`, { action: 'undo' })).statusCode).toBe(200);
    expect((await archive(memberId)).bySource.self).toBe(16.5);
  });
});

describe('a closed year', () => {
  it('freezes the snapshot; a credit arriving later is kept and marked late', async () => {
    const last = year - 1;
    await upsertCredit(ctx(), {
      memberId: c.id,
      cadreId: null,
      source: 'class',
      sourceRef: 'class:old',
      title: '去年的培训班',
      hours: 30,
      earnedOn: `${last}-11-01`,
    });
    const res = await t.call(admin, 'POST', `/api/learning/hours/years/${last}/close`, { orgId: org.id });
    expect(res.statusCode).toBe(201);
    expect(json(res).people).toBe(3);
    expect((await t.call(admin, 'POST', `/api/learning/hours/years/${last}/close`, { orgId: org.id })).statusCode).toBe(409);
    expect((await t.call(admin, 'POST', `/api/learning/hours/years/${year}/close`, { orgId: org.id })).statusCode).toBe(400);
    t.clock.advanceMinutes(1);
    await upsertCredit(ctx(), {
      memberId: c.id,
      cadreId: null,
      source: 'online',
      sourceRef: 'material:late',
      title: '补记',
      hours: 3,
      earnedOn: `${last}-12-20`,
    });
    const r = await archive(c.id, last);
    expect(r.closed).toMatchObject({ total: 30, required: 32 });
    expect(r.total).toBe(33);
    expect(r.credits.map((x: { title: string; late: boolean }) => [x.title, x.late])).toEqual([
      ['去年的培训班', false],
      ['补记', true],
    ]);
  });
});

describe('scope', () => {
  it('another district cannot see a member, a self-report or a cadre file here', async () => {
    const other = await t.db
      .selectFrom('orgs')
      .select('parent_id')
      .where('id', '=', t.city.sampleIds.otherBranch)
      .executeTakeFirstOrThrow();
    const u = await buildUserWithRole(t.db, { role: 'org_dept_admin', orgId: Number(other.parent_id) });
    const stranger = await t.login(u.username, u.password);
    expect((await t.call(stranger, 'GET', `/api/learning/hours/members/${a.id}`)).statusCode).toBe(404);
    expect((await t.call(stranger, 'GET', `/api/learning/hours/behind?orgId=${org.id}`)).statusCode).toBe(404);
    const report = await t.db.selectFrom('learning_self_reports').select('id').executeTakeFirstOrThrow();
    expect((await t.call(stranger, 'POST', `/api/learning/self-reports/${report.id}/decision`, { approve: true })).statusCode).toBe(404);
  });
});

describe('the demo', () => {
  it('gives the city a year and a part of hours with gaps, imports and self-reports', async () => {
    await seedLearningHoursDemo(t.db, t.city, t.clock.now());
    const last = json(await t.call(admin, 'GET', `/api/learning/hours/shares?orgId=${t.city.sampleIds.district}&year=${year - 1}`));
    // Most members met last year's 32 学时, not all (the gaps are the point).
    expect(last.all.share).toBeGreaterThan(40);
    expect(last.all.share).toBeLessThan(100);
    const pending = json(await t.call(admin, 'GET', `/api/learning/self-reports?orgId=${t.city.sampleIds.district}&status=pending`));
    expect(pending.items.length).toBeGreaterThan(0);
  });
});

describe('the year totals (migration 040)', () => {
  it('equal the ledger summed again after every write above (imports, approvals, duplicates, the demo’s bulk rows)', async () => {
    const r = await sql<{ n: number }>`
      with fresh as (
        select member_id, year, sum(hours) as total, coalesce(sum(hours) filter (where online), 0) as online_total,
               coalesce(sum(hours) filter (where source = 'self'), 0) as self_h, coalesce(sum(hours) filter (where source = 'online'), 0) as online_h
          from learning_credits where member_id is not null and status = 'approved' and duplicate_of is null group by 1, 2
      )
      select count(*)::int as n from fresh f full join learning_year_totals t on t.member_id = f.member_id and t.year = f.year
       where (f.total, f.online_total, f.self_h, f.online_h) is distinct from (t.total, t.online_total, t.self_h, t.online_h)`.execute(
      t.db,
    );
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from learning_year_totals`.execute(t.db);
    expect(rows[0].n).toBeGreaterThan(100);
    expect(r.rows[0].n).toBe(0);
  });
});

describe('the summaries of behind and the shares (migration 047)', () => {
  /** The export's rows (the scan: every member's requirement worked out, seats matched by name) of an organization. */
  const exported = async (orgId: number, y: number) => {
    const o = await t.db.selectFrom('orgs').select('path').where('id', '=', orgId).executeTakeFirstOrThrow();
    return rowsOf(t.db, String(o.path), y, await loadVersions(t.db));
  };
  const doneOf = (rows: { total: number; required: number }[]) => ({
    people: rows.length,
    done: rows.filter((x) => x.total >= x.required).length,
  });
  /** Shares (the organization and each child) and two pages of who is behind equal the export's rows. */
  async function expectSameAsExport(orgId: number, y: number) {
    const shares = await sharesOf(ctx(), orgId, y);
    const rows = await exported(orgId, y);
    expect(shares.all).toMatchObject(doneOf(rows));
    for (const item of shares.items) expect({ people: item.people, done: item.done }).toEqual(doneOf(await exported(item.orgId, y)));
    const behind = rows.filter((x) => x.total < x.required).map((x) => [x.memberId, x.required, x.total]);
    for (const [offset, limit] of [
      [0, 7],
      [5, 4],
      [behind.length, 5],
    ]) {
      const page = await behindOf(ctx(), orgId, y, offset, limit);
      expect(page.total).toBe(behind.length);
      expect(page.items.map((x) => [x.memberId, x.required, x.total])).toEqual(behind.slice(offset, offset + limit));
    }
  }
  /** The kept seats and cells equal a count afresh. */
  async function expectKeptExact() {
    const seats = await sql<{ n: number }>`
      with fresh as (
        select m.id as member_id, max(coalesce(oc.term_end, 'infinity'::date)) as until from members m
          join org_committee_members oc on oc.person_name = m.name join orgs oo on oo.id = oc.org_id and oo.path @> m.org_path
         group by m.id
      )
      select count(*)::int as n from fresh f full join learning_seats s on s.member_id = f.member_id where f.until is distinct from s.until`.execute(
      t.db,
    );
    expect(seats.rows[0].n).toBe(0);
    const cells = await sql<{ n: number }>`
      with fresh as (
        select m.org_id, t.year, count(*)::int as reached from learning_year_totals t join members m on m.id = t.member_id
          join learning_year_bounds b on b.year = t.year and t.total >= b.member_hours
         where stat_counted(m.status) group by 1, 2
      )
      select count(*)::int as n from fresh f full join (select * from learning_year_cells where reached <> 0) c
        on c.org_id = f.org_id and c.year = f.year where f.reached is distinct from c.reached`.execute(t.db);
    expect(cells.rows[0].n).toBe(0);
  }

  it('equal the export after transfers, status changes, renames, committee and cadre changes, a move and a new requirement', async () => {
    const ids = t.city.sampleIds;
    const orgsChecked = [ids.district, ids.township, ids.branch];
    const years = [year, year - 1];
    const check = async () => {
      await expectKeptExact();
      for (const y of years) for (const id of orgsChecked) await expectSameAsExport(id, y);
      await expectKeptExact();
    };
    await check();
    // Members of the branch with hours this year: between 32 and 56 (a seat would make them owe), and under 32.
    const hours = (
      await sql<{ id: number; name: string; total: string }>`
        select m.id, m.name, t.total from members m join learning_year_totals t on t.member_id = m.id and t.year = ${year}
         where m.org_id = ${ids.branch} and m.status = 'normal' order by m.id`.execute(t.db)
    ).rows.map((x) => ({ id: Number(x.id), name: x.name, total: Number(x.total) }));
    const mid = hours.filter((x) => x.total >= 32 && x.total < 56);
    expect(mid.length).toBeGreaterThanOrEqual(3);
    const [p, q, r] = mid;
    // p takes a seat on the district's committee (owes 56, short of it); q's name is listed and then renamed away.
    await t.db
      .insertInto('org_committee_members')
      .values([
        { org_id: ids.district, person_name: p.name, post: 'member' },
        { org_id: ids.township, person_name: q.name, post: 'member' },
      ])
      .execute();
    await check();
    await t.db
      .updateTable('members')
      .set({ name: `${q.name}改` })
      .where('id', '=', q.id)
      .execute();
    // r becomes a cadre at 副科 (owes 90); p's term ends last year (owes 32 again).
    const cadre = await buildCadre(t.db, { managerOrgId: ids.district, name: r.name });
    await t.db.updateTable('cadres').set({ member_id: r.id, level: '副科' }).where('id', '=', cadre.id).execute();
    await t.db
      .updateTable('org_committee_members')
      .set({ term_end: `${year - 1}-12-31` })
      .where('person_name', '=', p.name)
      .execute();
    await check();
    // A member with hours is transferred to another district, another loses contact, another is suspended.
    await t.db.updateTable('members').set({ org_id: ids.otherBranch }).where('id', '=', hours[0].id).execute();
    await t.db.updateTable('members').set({ status: 'lost_contact' }).where('id', '=', hours[1].id).execute();
    await t.db.updateTable('members').set({ status: 'suspended' }).where('id', '=', hours[2].id).execute();
    await t.db.deleteFrom('org_committee_members').where('person_name', '=', q.name).execute();
    await check();
    // q (renamed) takes a seat on the township's committee; then the branch moves under another township of the
    // district: its members' paths follow, and q no longer sits under the township.
    await t.db
      .insertInto('org_committee_members')
      .values({ org_id: ids.township, person_name: `${q.name}改`, post: 'member' })
      .execute();
    await check();
    const city = await t.login('city-admin');
    const target = await buildOrg(t.db, { parentId: ids.district, name: '学时迁入党委', kind: 'township_committee' });
    const moved = await t.call(city, 'POST', `/api/orgs/${ids.branch}/move`, { newParentId: target.id });
    expect(moved.statusCode, moved.body).toBe(200);
    orgsChecked.push(target.id);
    await check();
    // A new members' number takes effect this year: the year's cells are counted again for it.
    await t.db
      .insertInto('learning_requirements')
      .values({ audience: 'member', hours: 40, period_years: 1, effective_from: `${year}-01-01`, source: '测试', tag: 'V' } as never)
      .execute();
    await check();
    const b = await sql<{ h: string }>`select member_hours as h from learning_year_bounds where year = ${year}`.execute(t.db);
    expect(Number(b.rows[0].h)).toBe(40);
    // A members' number of 0: everyone reaches it, members without any hours too.
    await t.db
      .insertInto('learning_requirements')
      .values({ audience: 'member', hours: 0, period_years: 1, effective_from: `${year}-02-01`, source: '测试', tag: 'V' } as never)
      .execute();
    await check();
  });
});

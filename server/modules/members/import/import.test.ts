import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp, multipartFile } from '../../../test/test-app.js';
import { idNumberFor } from '../id-numbers.js';
import { IMPORT_COLUMNS, headerText, matchHeaders } from './columns.js';

let t: TestApp;
let city: string;
let branchAdmin: string;
let branch: { name: string; code: string };
let otherBranch: { name: string };
let seq = 0;
beforeAll(async () => {
  t = await createTestApp();
  city = await t.login('city-admin');
  branchAdmin = await t.login('branch-admin');
  branch = await t.db.selectFrom('orgs').select(['name', 'code']).where('id', '=', t.city.sampleIds.branch).executeTakeFirstOrThrow();
  otherBranch = await t.db.selectFrom('orgs').select(['name']).where('id', '=', t.city.sampleIds.otherBranch).executeTakeFirstOrThrow();
});
afterAll(async () => {
  await t?.close();
});

type Cell = string | number | Date | null;
const HEADERS = IMPORT_COLUMNS.map(headerText);
/** A row in template order: 姓名 性别 民族 出生日期 身份证号 籍贯 学历 学位 职业 工作单位及职务 联系电话 家庭住址 人员类别 入党日期 转正日期 所在党组织. */
const row = (over: Partial<Record<(typeof IMPORT_COLUMNS)[number]['key'], Cell>> = {}, birth = '1988-08-08'): Cell[] => {
  const base: Record<string, Cell> = {
    name: '导入党员',
    gender: null,
    ethnicity: '汉族',
    birthDate: null,
    idNumber: idNumberFor('110108', birth, ++seq, '男'),
    nativePlace: '示范市',
    education: '大学本科',
    degree: '学士',
    occupation: '专业技术人员',
    workUnitPost: '示范市第一中学 教师',
    phone: '13600000000',
    address: '示范市东城区人民路1号',
    category: '正式党员',
    admittedOn: '2012-05-04',
    fullOn: '2013-05-04',
    org: branch.name,
    ...over,
  };
  return IMPORT_COLUMNS.map((c) => base[c.key]);
};
async function xlsx(rows: Cell[][], headers: string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员信息');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
function upload(cookie: string, file: Buffer, fileName = '党员.xlsx') {
  const { payload, contentType } = multipartFile(file, fileName);
  return t.app.inject({ method: 'POST', url: '/api/members/import', payload, headers: { cookie, 'content-type': contentType } });
}
async function runImport(cookie: string, file: Buffer, fileName?: string) {
  const res = await upload(cookie, file, fileName);
  expect(res.statusCode, res.body).toBe(202);
  for (let i = 0; i < 1500; i++) {
    const job = json(await t.call(cookie, 'GET', `/api/members/import/${json(res).id}`));
    if (job.phase === 'done' || job.phase === 'failed') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('import did not finish');
}
/** A zip of stored entries, to build files ExcelJS would never write. */
function zip(entries: { name: string; data: string }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.from(e.data);
    const name = Buffer.from(e.name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt32LE(crc32(data), 14);
    h.writeUInt32LE(data.length, 18);
    h.writeUInt32LE(data.length, 22);
    h.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt32LE(crc32(data), 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    locals.push(h, name, data);
    centrals.push(c, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
const memberCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the import template', () => {
  it('has the 党员信息 columns in the usual order, which the import reads back', async () => {
    const res = await t.call(branchAdmin, 'GET', '/api/members/import/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('党员信息导入模板.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const header = (wb.worksheets[0].getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['姓名', '性别', '民族', '出生日期', '身份证号']);
    expect(header).toContain('入党日期（支部大会通过）');
    expect(matchHeaders(header).missing).toEqual([]);
  });
});

describe('importing members', () => {
  it('writes every row of a valid file in one go, with history and one audit row', async () => {
    const before = await memberCount();
    const file = await xlsx([
      row({ name: '葛文静', gender: '男' }),
      row({ name: '葛文涛', org: branch.code, admittedOn: new Date(Date.UTC(2011, 2, 3)), fullOn: '2012/3/3' }),
      row({
        name: '葛文海',
        category: '预备',
        admittedOn: '2026-03-01',
        fullOn: null,
        education: '大专',
        degree: null,
        occupation: '工人',
      }),
    ]);
    const job = await runImport(branchAdmin, file);
    expect(job).toMatchObject({ phase: 'done', rowsRead: 3, rowsValid: 3, rowsWritten: 3, errorCount: 0 });
    expect(await memberCount()).toBe(before + 3);
    const rows = await t.db.selectFrom('members').selectAll().where('name', 'like', '葛文%').orderBy('id').execute();
    expect(rows.map((r) => [r.category, r.admitted_on, r.full_on, r.edu_fulltime, r.work_unit, r.job_post])).toEqual([
      ['full', '2012-05-04', '2013-05-04', 'bachelor', '示范市第一中学', '教师'],
      ['full', '2011-03-03', '2012-03-03', 'bachelor', '示范市第一中学', '教师'],
      ['probationary', '2026-03-01', null, 'associate', '示范市第一中学', '教师'],
    ]);
    // Each row's path is its organization's, written with the row (migration 050), as the trigger would set it.
    const paths = await t.db
      .selectFrom('orgs')
      .select(['id', 'path'])
      .where('id', 'in', [...new Set(rows.map((r) => r.org_id))])
      .execute();
    expect(rows.map((r) => r.org_path)).toEqual(rows.map((r) => paths.find((o) => o.id === r.org_id)!.path));
    const hist = await t.db
      .selectFrom('member_history')
      .select(['action', 'member_id', 'after'])
      .where(
        'member_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('member_id')
      .execute();
    expect(hist.map((h) => h.action)).toEqual(['import', 'import', 'import']);
    // The history keeps the record as entered, the identity number masked only.
    expect(hist.map((h) => [(h.after as any).name, (h.after as any).category, (h.after as any).id_masked])).toEqual(
      rows.map((r) => [r.name, r.category, r.id_masked]),
    );
    expect(hist.every((h) => !('id_cipher' in (h.after as object)) && !('id_hash' in (h.after as object)))).toBe(true);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'member.import')
      .where('result', '=', 'success')
      .execute();
    expect(audit.at(-1)!.detail).toMatchObject({ rows: 3, written: 3 });
  });

  it('writes nothing when one row is wrong, naming its row, column and reason', async () => {
    const before = await memberCount();
    const bad = row({ name: '错行' });
    bad[4] = String(bad[4]).slice(0, 17) + (String(bad[4]).endsWith('0') ? '1' : '0');
    const job = await runImport(branchAdmin, await xlsx([row({ name: '好行甲' }), bad, row({ name: '好行乙' })]));
    expect(job.phase).toBe('failed');
    expect(job.rowsWritten).toBe(0);
    expect(job.errors).toEqual([{ row: 3, column: '身份证号', message: expect.stringContaining('校验位') }]);
    expect(job.message).toContain('未导入任何数据');
    expect(await memberCount()).toBe(before);
  });

  it('reports every problem of a row in Chinese, by column', async () => {
    const job = await runImport(
      branchAdmin,
      await xlsx([
        row({
          name: 'x',
          gender: '女',
          ethnicity: '火星族',
          education: '博士后',
          phone: '123',
          category: '党员',
          admittedOn: '2012-13-01',
          org: otherBranch.name,
        }),
      ]),
    );
    const byColumn = Object.fromEntries(job.errors.map((e: any) => [e.column, e.message]));
    expect(Object.keys(byColumn).sort()).toEqual(['人员类别', '入党日期', '学历', '性别', '所在党组织', '民族', '联系电话', '姓名'].sort());
    expect(byColumn['性别']).toContain('与身份证号不符');
    expect(byColumn['所在党组织']).toContain('找不到');
    expect(job.errors.every((e: any) => e.row === 2)).toBe(true);
  });

  it('finds duplicate ID numbers within the file and against the records', async () => {
    const a = row({ name: '重复甲' });
    const existing = row({ name: '已有' });
    expect((await runImport(branchAdmin, await xlsx([existing]))).phase).toBe('done');
    const job = await runImport(
      branchAdmin,
      await xlsx([a, row({ name: '重复乙', idNumber: a[4] }), row({ name: '已有', idNumber: existing[4] })]),
    );
    expect(job.errors).toEqual([
      { row: 3, column: '身份证号', message: '与第 2 行的身份证号重复' },
      { row: 4, column: '身份证号', message: expect.stringContaining('已有党员记录') },
    ]);
  });

  it('counts every error of a large file, reports the first 1,000 in row order and writes nothing', async () => {
    const before = await memberCount();
    // Birth dates vary, so every identity number is a valid one of its own (three-digit sequences would run out).
    const rows = Array.from({ length: 1005 }, (_, i) =>
      row({ name: '类别有误', category: i === 0 ? '正式党员' : '群众' }, `19${60 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`),
    );
    const job = await runImport(branchAdmin, await xlsx(rows));
    expect(job).toMatchObject({ phase: 'failed', rowsRead: 1005, errorCount: 1004, rowsWritten: 0 });
    expect(job.errors).toHaveLength(1000);
    expect([job.errors[0].row, job.errors.at(-1).row]).toEqual([3, 1002]);
    expect(await memberCount()).toBe(before);
  });

  it('writes nothing when a file of several batches fails after its first batch was written', async () => {
    const before = await memberCount();
    // 10,100 rows: on PostgreSQL the first 10,000 are written while the rest is read (import-job.ts).
    const day = (i: number) => new Date(Date.UTC(1950, 0, 1 + i)).toISOString().slice(0, 10);
    const rows = Array.from({ length: 10_100 }, (_, i) => row({ name: '分批导入' }, day(i)));
    // The second batch repeats an identity number of the first: the unique index refuses it there.
    rows[10_050] = row({ name: '分批导入', idNumber: rows[10][4] });
    let job = await runImport(branchAdmin, await xlsx(rows));
    expect(job).toMatchObject({ phase: 'failed', rowsRead: 10_100, errorCount: 1, rowsWritten: 0 });
    expect(job.errors).toEqual([{ row: 10_052, column: '身份证号', message: '与第 12 行的身份证号重复' }]);
    expect(await memberCount()).toBe(before);
    // A wrong row in the second batch, the first one valid and written.
    rows[10_050] = row({ name: '分批导入', admittedOn: '去年' }, day(10_050));
    job = await runImport(branchAdmin, await xlsx(rows));
    expect(job).toMatchObject({ phase: 'failed', rowsRead: 10_100, errorCount: 1, rowsWritten: 0 });
    expect(job.errors).toEqual([expect.objectContaining({ row: 10_052, message: '日期格式应为 YYYY-MM-DD' })]);
    expect(await memberCount()).toBe(before);
    const { rows: off } = await sql<{ n: number }>`select count(*)::int as n from stat_verify()`.execute(t.db);
    expect(off[0].n).toBe(0);
  });

  it('leaves the statistics summaries equal to a fresh count after an import', async () => {
    expect((await runImport(branchAdmin, await xlsx([row({ name: '统计核对' }), row({ name: '统计核对' })]))).phase).toBe('done');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from stat_verify()`.execute(t.db);
    expect(rows[0].n).toBe(0);
  });

  it('refuses an ID number stored as a number, whose last digits Excel has lost', async () => {
    const r = row();
    r[4] = 110108198808080000;
    const job = await runImport(branchAdmin, await xlsx([r]));
    expect(job.errors[0]).toMatchObject({ column: '身份证号', message: expect.stringContaining('文本格式') });
  });

  it('fails clearly when a required column is missing', async () => {
    const job = await runImport(branchAdmin, await xlsx([row().slice(0, 4)], HEADERS.slice(0, 4)));
    expect(job.phase).toBe('failed');
    expect(job.message).toContain('缺少必填列');
  });
});

describe('refused uploads (SECURITY.md 25)', () => {
  it.each([
    ['a text file named .xlsx', () => Buffer.from('姓名,身份证号\n张三,1'), '党员.xlsx', '不是有效的 Excel'],
    [
      'a macro-enabled workbook',
      () =>
        zip([
          { name: '[Content_Types].xml', data: '<Types/>' },
          { name: 'xl/workbook.xml', data: '<w/>' },
          { name: 'xl/vbaProject.bin', data: 'x' },
        ]),
      '党员.xlsx',
      '宏',
    ],
    [
      'a macro-enabled content type',
      () =>
        zip([
          { name: '[Content_Types].xml', data: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' },
          { name: 'xl/workbook.xml', data: '<w/>' },
        ]),
      '党员.xlsx',
      '宏',
    ],
    ['an .xlsm name', () => Buffer.from('PK'), '党员.xlsm', '宏'],
    ['an .xls name', () => Buffer.from('x'), '党员.xls', '.xlsx'],
    [
      'too many rows declared',
      () =>
        zip([
          { name: '[Content_Types].xml', data: '<Types/>' },
          { name: 'xl/workbook.xml', data: '<w/>' },
          { name: 'xl/worksheets/sheet1.xml', data: '<worksheet><dimension ref="A1:P900001"/>' },
        ]),
      '党员.xlsx',
      '行数超过',
    ],
  ])('%s', async (_name, make, fileName, reason) => {
    const before = await memberCount();
    const res = await upload(branchAdmin, make(), fileName);
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toMatchObject({ field: 'file', message: expect.stringContaining(reason) });
    expect(await memberCount()).toBe(before);
  });

  it('is closed to roles without member.import, and jobs to anyone but their owner', async () => {
    const member = await t.login('member');
    expect((await upload(member, await xlsx([row()]))).statusCode).toBe(403);
    const res = await upload(branchAdmin, await xlsx([row({ name: '归属测试' })]));
    expect((await t.call(city, 'GET', `/api/members/import/${json(res).id}`)).statusCode).toBe(404);
  });
});

// The exchange endpoints through the API: a batch of .lrmx files and a zip, previewed and committed,
// a bad file named and nothing of it written, matching by ID number and by name + birth month, the
// scope of the match, the round trip (an exported .lrmx re-imports to the same content), the forms.
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { buildUserWithRole } from '../../../test/factories.js';
import { writeLrmx } from '../lrmx/write-lrmx.js';
import { readLrmx } from '../lrmx/read-lrmx.js';
import { sampleSheet } from '../lrmx/sample.js';
import { pdfPages } from '../form/test-pdf-text.js';
import { idNumberFor } from '../../members/id-numbers.js';
import type { TCadreSheet } from '../../../../domain/schemas/cadre-sheet.js';

let t: TestApp;
let city: string;
let district: string;
let districtOrgId: number;
let cityOrgId: number;

function multipart(files: { name: string; data: Buffer }[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----zugong-lrmx-boundary';
  const parts = files.flatMap((f) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    f.data,
    Buffer.from('\r\n'),
  ]);
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(cookie: string, files: { name: string; data: Buffer }[], query = '') {
  const m = multipart(files);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/cadres/lrmx${query}`,
    payload: m.payload,
    headers: { ...m.headers, cookie },
  });
  type Body = { files: { file: string; status: string; cadreId: number | null; message: string }[]; counts: Record<string, number> };
  return { status: res.statusCode, body: res.json() as Body };
}

const person = (name: string, birth: string, seq: number, extra: Partial<TCadreSheet> = {}) =>
  sampleSheet({ name, sex: '男', birth: birth.slice(0, 7), idNumber: idNumberFor('110108', birth, seq, '男'), ...extra });

beforeAll(async () => {
  t = await createTestApp();
  cityOrgId = t.city.sampleIds.city;
  districtOrgId = t.city.sampleIds.district;
  const u1 = await buildUserWithRole(t.db, { role: 'cadre_officer', orgId: cityOrgId });
  const u2 = await buildUserWithRole(t.db, { role: 'cadre_officer', orgId: districtOrgId });
  city = await t.login(u1.username, u1.password);
  district = await t.login(u2.username, u2.password);
});
afterAll(() => t?.close());

describe('.lrmx batch import', () => {
  it('previews without writing, then imports the good files; a malformed file is named and writes nothing', async () => {
    const a = person('交换一', '1975-03-10', 1);
    const b = person('交换二', '1978-07-20', 2);
    const good = [
      { name: 'a.lrmx', data: writeLrmx(a) },
      { name: 'b.Lrmx', data: writeLrmx(b) },
    ];
    const bad = {
      name: 'bad.lrmx',
      data: Buffer.from(
        writeLrmx(person('坏人甲', '1980-01-01', 3))
          .toString('utf8')
          .replace('坏人甲', '坏人甲&乙'),
      ),
    };
    const preview = await upload(city, [...good, bad], '?dryRun=true');
    expect(preview.status).toBe(200);
    expect(preview.body.files.map((f) => [f.file, f.status])).toEqual([
      ['a.lrmx', 'create'],
      ['b.Lrmx', 'create'],
      ['bad.lrmx', 'error'],
    ]);
    expect(await t.db.selectFrom('cadres').select('id').where('name', 'in', ['交换一', '交换二']).execute()).toHaveLength(0);

    const done = await upload(city, [...good, bad]);
    expect(done.body.files.map((f) => f.status)).toEqual(['created', 'created', 'error']);
    expect(done.body.files[2].message).toMatch(/&|XML|格式/);
    expect(await t.db.selectFrom('cadres').select('name').where('name', 'like', '坏人甲%').execute()).toHaveLength(0);
    expect(await t.db.selectFrom('cadres').select('id').where('name', 'in', ['交换一', '交换二']).execute()).toHaveLength(2);

    // The same files again match by ID number: updates, no new cadre.
    const again = await upload(city, good, '?dryRun=true');
    expect(again.body.files.map((f) => f.status)).toEqual(['update', 'update']);
  });

  it('reads a zip; matches by name + birth month when the file has no ID number; two candidates are refused', async () => {
    const c = person('交换三', '1981-05-05', 4);
    await upload(city, [{ name: 'c.lrmx', data: writeLrmx(c) }]);
    const noId = { ...c, idNumber: null, health: '良好' };
    const zip = Buffer.from(zipSync({ '文件夹/c2.lrmx': new Uint8Array(writeLrmx(noId)), 'readme.txt': new Uint8Array(Buffer.from('x')) }));
    const r = await upload(city, [{ name: 'batch.zip', data: zip }]);
    const byName = r.body.files.find((f) => f.file.endsWith('c2.lrmx'))!;
    expect(byName.status).toBe('updated');
    expect(r.body.files.find((f) => f.file.endsWith('readme.txt'))?.status).toBe('skipped');

    const twin1 = person('交换双', '1970-02-02', 5);
    const twin2 = person('交换双', '1970-02-20', 6);
    await upload(city, [
      { name: 't1.lrmx', data: writeLrmx(twin1) },
      { name: 't2.lrmx', data: writeLrmx(twin2) },
    ]);
    const ambiguous = await upload(city, [{ name: 't.lrmx', data: writeLrmx({ ...twin1, idNumber: null }) }], '?dryRun=true');
    expect(ambiguous.body.files[0].status).toBe('error');
    expect(ambiguous.body.files[0].message).toContain('同名');
  });

  it('never touches a cadre outside the caller’s scope', async () => {
    const d = person('交换四', '1985-09-09', 7);
    await upload(city, [{ name: 'd.lrmx', data: writeLrmx(d) }]);
    const r = await upload(district, [{ name: 'd.lrmx', data: writeLrmx({ ...d, health: '改动' }) }]);
    expect(r.body.files[0].status).toBe('error');
    expect(r.body.files[0].message).toContain('管理范围');
  });

  it('creates the batch’s cadres under a managing organization in scope, and refuses one outside it', async () => {
    const e = person('交换五', '1986-01-01', 8);
    const r = await upload(city, [{ name: 'e.lrmx', data: writeLrmx(e) }], `?managerOrgId=${districtOrgId}`);
    expect(r.body.files[0].status).toBe('created');
    const row = await t.db
      .selectFrom('cadres')
      .select('manager_org_id')
      .where('id', '=', r.body.files[0].cadreId!)
      .executeTakeFirstOrThrow();
    expect(row.manager_org_id).toBe(districtOrgId);
    const refused = await upload(district, [{ name: 'e.lrmx', data: writeLrmx(e) }], `?managerOrgId=${cityOrgId}`);
    expect(refused.status).toBe(404);
  });
});

describe('export', () => {
  it('an exported .lrmx re-imports to the same file content', async () => {
    const rich = person('交换六', '1972-12-12', 9, {
      extras: [{ name: 'DaoLingNianYue', text: '203301', after: 'CanJiaGongZuoShiJian' }],
      version: '3.2.1.6',
    });
    const r = await upload(city, [{ name: 'f.lrmx', data: writeLrmx(rich) }]);
    const id = r.body.files[0].cadreId!;
    const first = await t.call(city, 'GET', `/api/cadres/${id}/lrmx`);
    expect(first.statusCode).toBe(200);
    const exported = readLrmx(first.rawPayload).sheet;
    expect(exported.extras).toEqual(rich.extras);
    expect(exported.version).toBe('3.2.1.6');
    expect(exported.idNumber).toBe(rich.idNumber);
    // Re-import the export and export again: the same bytes.
    await upload(city, [{ name: 'f2.lrmx', data: first.rawPayload }]);
    const second = await t.call(city, 'GET', `/api/cadres/${id}/lrmx`);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
  });

  it('prints the form as PDF (two pages, no ID number) and Word, and a batch as a zip; outside the scope: 404', async () => {
    const found = await t.db.selectFrom('cadres').select(['id', 'name']).where('name', '=', '交换一').executeTakeFirstOrThrow();
    const pdf = await t.call(city, 'GET', `/api/cadres/${found.id}/form.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pages = pdfPages(pdf.rawPayload);
    expect(pages).toHaveLength(2);
    expect(pages[0].join('')).toContain('交换一');
    expect(pages.flat().join('')).not.toMatch(/\d{17}[\dX]/);
    const docx = await t.call(city, 'GET', `/api/cadres/${found.id}/form.docx`);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const zip = await t.call(city, 'GET', `/api/cadres/forms?ids=${found.id}&format=lrmx`);
    expect(zip.statusCode).toBe(200);
    expect(zip.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await t.call(district, 'GET', `/api/cadres/${found.id}/form.pdf`)).statusCode).toBe(404);
  });
});

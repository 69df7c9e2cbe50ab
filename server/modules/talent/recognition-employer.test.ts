// 人才分类认定 filed by an employer for its staff (/api/talent-portal/employer): it drafts, uploads evidence and
// submits for its own staff talent; another employer's account gets a 404 with an audited refusal for the talent
// and the application alike; once submitted the evidence can no longer be uploaded or deleted (409 naming `file`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUserWithRole, expectAuditRow } from '../../test/factories.js';
import { buildTalent, buildTierSet } from '../../test/talent-builders.js';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let mine: string;
let other: { cookie: string; name: string };
let staffId: number;
let tiers: Map<string, number>;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const BASE = '/api/talent-portal/employer/recognitions';

function upload(cookie: string, id: number, kind: string, name: string) {
  const boundary = '----employer-recognition-test';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const headers = { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` };
  return t.app.inject({ method: 'POST', url: `${BASE}/${id}/evidence`, payload, headers });
}

/** An employer with one account acting for it. */
async function employer(name: string) {
  const district = t.city.sampleIds.district;
  const e = await t.db
    .insertInto('talent_employers')
    .values({ name, district_org_id: district, verified_on: '2026-01-05' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const u = await buildUserWithRole(t.db, { role: 'talent_employer', orgId: district });
  await t.db.insertInto('talent_employer_users').values({ employer_id: e.id, user_id: u.id }).execute();
  return { employerId: e.id, cookie: await t.login(u.username, u.password), name: u.username };
}

beforeAll(async () => {
  t = await createTestApp();
  tiers = await buildTierSet(t.db);
  const a = await employer('甲测试公司');
  const b = await employer('乙测试研究院');
  mine = a.cookie;
  other = b;
  staffId = await buildTalent(t.db, { districtOrgId: t.city.sampleIds.district, employerId: a.employerId });
});
afterAll(async () => {
  await t?.close();
});

describe('人才分类认定 by an employer for its staff', () => {
  let id: number;
  let docId: number;

  it('drafts an application for its own staff talent, uploads evidence and submits it to the district', async () => {
    const res = await t.call(mine, 'POST', BASE, { personId: staffId, tierId: tiers.get('C'), basis: '本单位首席工程师（虚构）' });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res)).toMatchObject({ personId: staffId, status: 'draft', channel: 'employer', documents: [] });
    id = json(res).id;

    const up = await upload(mine, id, '聘用合同', '合同.pdf');
    expect(up.statusCode, up.body).toBe(201);
    expect(json(up).documents).toHaveLength(1);
    docId = json(up).documents[0].id;
    await expectAuditRow(t.db, { action: 'talent.recognition.evidence', result: 'success', objectId: id });

    const sent = await t.call(mine, 'POST', `${BASE}/${id}/submit`, { version: json(up).version });
    expect(sent.statusCode, sent.body).toBe(200);
    // The employer files it itself, so its own review is skipped.
    expect(json(sent).status).toBe('district_review');
    expect(json(await t.call(mine, 'GET', BASE)).items.map((x: { id: number }) => x.id)).toEqual([id]);
  });

  it('refuses another employer the talent and the application with a 404 and an audited refusal', async () => {
    const create = await t.call(other.cookie, 'POST', BASE, { personId: staffId, tierId: tiers.get('C'), basis: '冒名申请（虚构）' });
    expect(create.statusCode).toBe(404);
    await expectAuditRow(t.db, {
      action: 'talent.employer',
      result: 'denied',
      objectType: 'talent_person',
      objectId: staffId,
      actorName: other.name,
    });

    expect((await t.call(other.cookie, 'GET', `${BASE}/${id}`)).statusCode).toBe(404);
    await expectAuditRow(t.db, {
      action: 'talent.employer',
      result: 'denied',
      objectType: 'talent_recognition',
      objectId: id,
      actorName: other.name,
    });
    expect((await upload(other.cookie, id, '证书', 'a.pdf')).statusCode).toBe(404);
    expect((await t.call(other.cookie, 'DELETE', `${BASE}/${id}/evidence/${docId}`)).statusCode).toBe(404);
    expect(json(await t.call(other.cookie, 'GET', BASE)).items).toEqual([]);
    const docs = await t.db.selectFrom('talent_documents').select('id').where('recognition_id', '=', id).execute();
    expect(docs).toEqual([{ id: docId }]);
  });

  it('refuses uploading or deleting evidence after submission with a 409 naming the file', async () => {
    const late = await upload(mine, id, '补充材料', '补充.pdf');
    expect(late.statusCode).toBe(409);
    expect(json(late).error).toMatchObject({ field: 'file' });
    const del = await t.call(mine, 'DELETE', `${BASE}/${id}/evidence/${docId}`);
    expect(del.statusCode).toBe(409);
    expect(json(del).error).toMatchObject({ field: 'file' });
    expect(json(await t.call(mine, 'GET', `${BASE}/${id}`)).documents).toHaveLength(1);
  });
});

// 人才分类认定 from the applicant's side: the talent drafts an application, uploads a PDF (checked by content,
// hashed, audited), corrects the draft's tier, basis and résumé and submits it; the office then sees the evidence
// on the dossier. Another talent gets a 404 with an audited refusal; evidence cannot be added nor the application
// edited after submission; a file that is not a document is refused; a returned one is resubmitted changed.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUserWithRole, expectAuditRow } from '../../test/factories.js';
import { buildTalent, buildTierSet } from '../../test/talent-builders.js';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let officer: string;
let owner: string;
let otherTalent: string;
let personId: number;
let tiers: Map<string, number>;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const BASE = '/api/talent-portal/recognitions';

async function upload(cookie: string, id: number, kind: string, file: Buffer, name: string) {
  const boundary = '----recognition-test';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `${BASE}/${id}/evidence`,
    payload,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('talent-officer');
  const city = t.city.sampleIds.city;
  const login = async () => {
    const u = await buildUserWithRole(t.db, { role: 'talent', orgId: city });
    return { id: u.id, cookie: await t.login(u.username, u.password) };
  };
  const me = await login();
  owner = me.cookie;
  otherTalent = (await login()).cookie;
  tiers = await buildTierSet(t.db);
  personId = await buildTalent(t.db, { districtOrgId: t.city.sampleIds.district, userId: me.id });
});
afterAll(async () => {
  await t?.close();
});

describe('人才分类认定 by the talent themself', () => {
  let id: number;
  let version: number;

  it('drafts an application for the talent’s own record, unseen by the office until submitted', async () => {
    const res = await t.call(owner, 'POST', BASE, { tierId: tiers.get('B'), basis: '主持省级项目（虚构）', resume: '2010–2020 某研究院' });
    expect(res.statusCode, res.body).toBe(201);
    const r = json(res);
    expect(r).toMatchObject({ personId, status: 'draft', channel: 'self', documents: [] });
    id = r.id;
    version = r.version;
    const office = json(await t.call(officer, 'GET', `/api/talent/recognitions?personId=${personId}`));
    expect(office.items).toEqual([]);
    const mine = json(await t.call(owner, 'GET', BASE));
    expect(mine.items.map((x: { id: number }) => x.id)).toEqual([id]);
  });

  it('uploads a PDF as evidence, hashed and audited, and refuses a file that is not a document', async () => {
    const res = await upload(owner, id, '博士学位证书', PDF, '学位证书.pdf');
    expect(res.statusCode, res.body).toBe(201);
    const r = json(res);
    expect(r.documents).toHaveLength(1);
    expect(r.documents[0]).toMatchObject({ fileName: '学位证书.pdf' });
    const row = await expectAuditRow(t.db, { action: 'talent.recognition.evidence', result: 'success', objectId: id });
    expect(row.detail).toMatchObject({ sha256: createHash('sha256').update(PDF).digest('hex'), sizeBytes: PDF.length });

    const bad = await upload(owner, id, '脚本', Buffer.from('#!/bin/sh\necho hi\n'), 'x.pdf');
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(bad.statusCode).toBeLessThan(500);
    expect(json(bad).error.field).toBe('file');
    const noKind = await upload(owner, id, '', PDF, 'a.pdf');
    expect(noKind.statusCode).toBe(400);
    expect(json(noKind).error.field).toBe('kind');
  });

  it('lets the talent change tier, basis and résumé of the draft, validated like the application', async () => {
    const bad = await t.call(owner, 'PATCH', `${BASE}/${id}`, { tierId: tiers.get('C'), basis: '', resume: '', version });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.field).toBe('basis');
    const body = { tierId: tiers.get('C'), basis: '主持国家级项目（虚构）', resume: '2010–2024 某研究院', version };
    expect((await t.call(otherTalent, 'PATCH', `${BASE}/${id}`, body)).statusCode).toBe(404);
    const res = await t.call(owner, 'PATCH', `${BASE}/${id}`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ tierId: tiers.get('C'), basis: body.basis, resume: body.resume, status: 'draft' });
    version = json(res).version;
    await expectAuditRow(t.db, { action: 'talent.recognition.edit', result: 'success', objectId: id });
  });

  it('refuses another talent with a 404 and an audited refusal', async () => {
    const res = await t.call(otherTalent, 'GET', `${BASE}/${id}`);
    expect(res.statusCode).toBe(404);
    await expectAuditRow(t.db, { action: 'talent.self', result: 'denied', objectType: 'talent_recognition', objectId: id });
    expect((await upload(otherTalent, id, '证书', PDF, 'a.pdf')).statusCode).toBe(404);
    expect(json(await t.call(otherTalent, 'GET', BASE)).items).toEqual([]);
  });

  it('submits the draft into the review, after which evidence is refused with a Chinese message naming the field', async () => {
    const res = await t.call(owner, 'POST', `${BASE}/${id}/submit`, { version });
    expect(res.statusCode, res.body).toBe(200);
    const r = json(res);
    expect(r.status).toBe('district_review');
    expect(r.steps.map((s: { step: string }) => s.step)).toEqual(['submit']);
    version = r.version;
    const late = await upload(owner, id, '补充证书', PDF, '补充.pdf');
    expect(late.statusCode).toBe(409);
    expect(json(late).error).toMatchObject({ field: 'file' });
    expect(json(late).error.message).toMatch(/已提交/);
    const again = await t.call(owner, 'POST', `${BASE}/${id}/submit`, { version });
    expect(again.statusCode).toBe(409);
    const edit = await t.call(owner, 'PATCH', `${BASE}/${id}`, { tierId: tiers.get('B'), basis: '改', resume: '', version });
    expect(edit.statusCode).toBe(409);
    expect(json(edit).error.field).toBe('status');
  });

  it('shows the office the submitted application with its evidence', async () => {
    const r = json(await t.call(officer, 'GET', `/api/talent/recognitions/${id}`));
    expect(r.status).toBe('district_review');
    expect(r.documents.map((d: { fileName: string }) => d.fileName)).toEqual(['学位证书.pdf']);
    const office = json(await t.call(officer, 'GET', `/api/talent/recognitions?personId=${personId}`));
    expect(office.items.map((x: { id: number }) => x.id)).toEqual([id]);
  });

  it('lets the talent correct a returned application: evidence again, then resubmit', async () => {
    const ret = await t.call(officer, 'POST', `/api/talent/recognitions/${id}/decide`, {
      outcome: 'return',
      reason: '请补充项目证明',
      version,
    });
    expect(ret.statusCode, ret.body).toBe(200);
    const mine = json(await t.call(owner, 'GET', BASE));
    expect(mine.items[0]).toMatchObject({ status: 'returned', reason: '请补充项目证明' });
    const up = await upload(owner, id, '项目证明', PDF, '项目.pdf');
    expect(up.statusCode, up.body).toBe(201);
    const docId = json(up).documents.find((d: { fileName: string }) => d.fileName === '项目.pdf').id;
    const del = await t.call(owner, 'DELETE', `${BASE}/${id}/evidence/${docId}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(json(del).documents).toHaveLength(1);
    const res = await t.call(owner, 'POST', `${BASE}/${id}/resubmit`, {
      tierId: tiers.get('B'),
      basis: '主持省级项目，附证明（虚构）',
      version: json(del).version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({
      status: 'district_review',
      tierId: tiers.get('B'),
      basis: '主持省级项目，附证明（虚构）',
      resume: '',
    });
  });
});

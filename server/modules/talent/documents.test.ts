// Downloads of a 人才分类认定's evidence: the office in scope, the assigned expert and the talent themself get the
// file with its stored type and a Content-Disposition carrying the Chinese name; another district's office, an
// expert not assigned and another talent get a 404 with an audited refusal; a role without the action a 403.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUserWithRole, expectAuditRow } from '../../test/factories.js';
import { buildTalent, buildTierSet } from '../../test/talent-builders.js';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let officer: string;
let otherDistrictOfficer: string;
let expert: string;
let strangerExpert: string;
let owner: string;
let otherTalent: string;
let personId: number;
let recognitionId: number;
let evidenceId: number;
let personalDocId: number;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const NAME = '博士学位证书（佐证）.pdf';

async function addDocument(recognition: number | null, fileName: string): Promise<number> {
  const r = await t.db
    .insertInto('talent_documents')
    .values({
      person_id: personId,
      recognition_id: recognition,
      kind: '佐证材料',
      file_name: fileName,
      mime: 'application/pdf',
      size_bytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      content: PDF,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('talent-officer');
  const city = t.city.sampleIds.city;
  const district = t.city.sampleIds.district;
  const other = await t.db
    .selectFrom('orgs')
    .select('id')
    .where('parent_id', '=', city)
    .where('id', '<>', district)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const login = async (role: 'talent_officer' | 'talent_expert' | 'talent', orgId: number) => {
    const u = await buildUserWithRole(t.db, { role, orgId });
    return { id: u.id, cookie: await t.login(u.username, u.password) };
  };
  otherDistrictOfficer = (await login('talent_officer', other.id)).cookie;
  const e = await login('talent_expert', city);
  expert = e.cookie;
  strangerExpert = (await login('talent_expert', city)).cookie;
  const me = await login('talent', city);
  owner = me.cookie;
  otherTalent = (await login('talent', city)).cookie;
  const tiers = await buildTierSet(t.db);
  personId = await buildTalent(t.db, { districtOrgId: district, userId: me.id });
  const created = await t.call(officer, 'POST', '/api/talent/recognitions', {
    personId,
    tierId: tiers.get('B'),
    basis: '省级项目（虚构）',
  });
  expect(created.statusCode, created.body).toBe(201);
  recognitionId = json(created).id;
  await t.db
    .insertInto('talent_recognition_experts')
    .values({ recognition_id: recognitionId, expert_id: e.id, assigned_by: null, assigned_at: new Date() })
    .execute();
  evidenceId = await addDocument(recognitionId, NAME);
  personalDocId = await addDocument(null, '职称证书.pdf');
});
afterAll(async () => {
  await t?.close();
});

const expectFile = (res: Awaited<ReturnType<TestApp['call']>>) => {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(String(res.headers['content-disposition'])).toContain(
    `filename*=UTF-8''${encodeURIComponent(NAME).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
  );
  expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="attachment\.pdf"/);
  expect(res.rawPayload.equals(PDF)).toBe(true);
};

describe('认定 evidence downloads', () => {
  it('gives the office in scope the file, lists it on the dossier and audits the download', async () => {
    const r = json(await t.call(officer, 'GET', `/api/talent/recognitions/${recognitionId}`));
    expect(r.documents.map((d: { id: number }) => d.id)).toEqual([evidenceId]);
    expectFile(await t.call(officer, 'GET', `/api/talent/recognitions/${recognitionId}/documents/${evidenceId}`));
    const row = await expectAuditRow(t.db, { action: 'talent.document.download', result: 'success', objectType: 'talent_recognition' });
    expect(row.detail).toMatchObject({ recognitionId, documentId: evidenceId, fileName: NAME });
  });

  it('answers 404 for a document that is not this recognition’s evidence', async () => {
    const res = await t.call(officer, 'GET', `/api/talent/recognitions/${recognitionId}/documents/${personalDocId}`);
    expect(res.statusCode).toBe(404);
    // The person's page reaches the same file through the person.
    expect((await t.call(officer, 'GET', `/api/talent/people/${personId}/documents/${personalDocId}`)).statusCode).toBe(200);
  });

  it('refuses another district’s office with a 404 and an audited refusal', async () => {
    const res = await t.call(otherDistrictOfficer, 'GET', `/api/talent/recognitions/${recognitionId}/documents/${evidenceId}`);
    expect(res.statusCode).toBe(404);
    await expectAuditRow(t.db, { action: 'talent.read', result: 'denied', objectType: 'talent_recognition', objectId: recognitionId });
  });

  it('gives the assigned expert the file and refuses an expert not assigned (404, audited)', async () => {
    expectFile(await t.call(expert, 'GET', `/api/talent/expert/recognitions/${recognitionId}/documents/${evidenceId}`));
    const res = await t.call(strangerExpert, 'GET', `/api/talent/expert/recognitions/${recognitionId}/documents/${evidenceId}`);
    expect(res.statusCode).toBe(404);
    await expectAuditRow(t.db, { action: 'talent.expert', result: 'denied', objectType: 'talent_recognition', objectId: recognitionId });
  });

  it('gives the talent their own file and refuses another talent (404, audited)', async () => {
    expectFile(await t.call(owner, 'GET', `/api/talent-portal/documents/${evidenceId}`));
    const res = await t.call(otherTalent, 'GET', `/api/talent-portal/documents/${evidenceId}`);
    expect(res.statusCode).toBe(404);
    await expectAuditRow(t.db, { action: 'talent.self', result: 'denied', objectType: 'talent_person', objectId: personId });
  });

  it('refuses a role without the action with a 403', async () => {
    const member = await t.login('member');
    expect((await t.call(member, 'GET', `/api/talent/recognitions/${recognitionId}/documents/${evidenceId}`)).statusCode).toBe(403);
    expect((await t.call(owner, 'GET', `/api/talent/recognitions/${recognitionId}/documents/${evidenceId}`)).statusCode).toBe(403);
  });
});

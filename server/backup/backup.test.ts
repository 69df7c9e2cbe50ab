import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { openTestEngine, type TestEngine } from '../test/test-engine.js';
import { deriveBackupKey } from '../crypto/keys.js';
import { appendAudit } from '../audit/audit-log.js';
import { verifyAuditChain } from '../audit/verify-chain.js';
import {
  authenticateBackup,
  createBackup,
  loadBackup,
  readBackupHeader,
  restoreBackup,
  verifyRestore,
  type BackupHeader,
} from './backup.js';

let t: TestApp;
let target: TestEngine;
let dir: string;
let file: string;
let header: BackupHeader;
const key = deriveBackupKey('zugong-test-secret');

const count = async (db: TestApp['db'], table: string) =>
  Number((await sql<{ n: number }>`select count(*) as n from ${sql.id(table)}`.execute(db)).rows[0].n);

beforeAll(async () => {
  t = await createTestApp({ orgCount: 80 });
  await t.login('city-admin');
  await t.call(null, 'POST', '/api/auth/login', { username: 'district-admin', password: 'Wrong#2026' });
  await t.login('auditor');
  await t.login('district-admin');
  target = await openTestEngine();
  dir = mkdtempSync(path.join(tmpdir(), 'zg-backup-'));
  file = path.join(dir, 'zugong.backup');
  header = await createBackup(t.db, t.te.engine.kind, key, file);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await target?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function damagedCopy(name: string, at: (buf: Buffer, headerEnd: number) => number): string {
  const buf = readFileSync(file);
  const headerEnd = buf.indexOf(0x0a, buf.indexOf(0x0a) + 1) + 1;
  const i = at(buf, headerEnd);
  buf[i] ^= 0x01;
  const out = path.join(dir, name);
  writeFileSync(out, buf);
  return out;
}

describe('backup and restore (SECURITY.md 29)', () => {
  it('writes an encrypted backup whose header names the engine, the row counts and the audit head', async () => {
    const last = await t.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(header).toMatchObject({
      format: 'zugong-backup',
      version: 1,
      engine: t.te.engine.kind,
      cipher: 'aes-256-gcm',
      auditHead: last,
      auditAnchor: null,
    });
    expect(header.tables.orgs).toBe(await count(t.db, 'orgs'));
    expect(header.tables.members).toBeGreaterThan(0);
    expect(header.tables.members).toBe(await count(t.db, 'members'));
    expect(header.order.indexOf('orgs')).toBeLessThan(header.order.indexOf('members'));
    expect((await readBackupHeader(file)).header).toEqual(header);
    // Personal data is not readable in the file.
    const anyName = (await t.db.selectFrom('members').select('name').limit(1).executeTakeFirstOrThrow()).name;
    expect(readFileSync(file).includes(Buffer.from(anyName))).toBe(false);
    expect(await authenticateBackup(file, key)).toEqual(header);
  });

  it('refuses a backup with one flipped byte, in its data or its header, or under another key', async () => {
    const inData = damagedCopy('data.backup', (b, h) => h + Math.floor((b.length - h) / 2));
    await expect(authenticateBackup(inData, key)).rejects.toThrow(/认证失败/);
    await expect(restoreBackup(target.engine.db, inData, key)).rejects.toThrow(/认证失败/);
    const inTag = damagedCopy('tag.backup', (b) => b.length - 1);
    await expect(restoreBackup(target.engine.db, inTag, key)).rejects.toThrow(/认证失败/);
    // The header is authenticated too: one more member in the counts is noticed.
    const buf = readFileSync(file);
    const forged = path.join(dir, 'header.backup');
    writeFileSync(
      forged,
      Buffer.from(buf.toString('latin1').replace(`"members":${header.tables.members}`, `"members":${header.tables.members + 1}`), 'latin1'),
    );
    await expect(restoreBackup(target.engine.db, forged, key)).rejects.toThrow(/认证失败/);
    await expect(restoreBackup(target.engine.db, file, deriveBackupKey('another-instance'))).rejects.toThrow(/认证失败/);
    expect(await count(target.engine.db, 'orgs')).toBe(0);
    expect(await count(target.engine.db, 'audit_log')).toBe(0);
  });

  it('names the table and the audit row when the restored data is damaged before verification, and rolls back', async () => {
    const rollback = new Error('rollback');
    await expect(
      target.engine.db.transaction().execute(async (trx) => {
        const h = await loadBackup(trx, file, key);
        expect((await verifyRestore(trx, h)).ok).toBe(true);
        expect(h.tables.audit_log).toBeGreaterThanOrEqual(4);
        await sql`delete from sessions where id = (select min(id) from sessions)`.execute(trx);
        await sql`alter table audit_log disable trigger audit_log_no_update`.execute(trx);
        await sql`delete from audit_log where seq = 3`.execute(trx);
        const check = await verifyRestore(trx, h);
        expect(check.ok).toBe(false);
        expect(check.problems).toEqual(
          expect.arrayContaining([
            `表 sessions：备份中 ${h.tables.sessions} 行，恢复后 ${h.tables.sessions - 1} 行`,
            `表 audit_log：备份中 ${h.tables.audit_log} 行，恢复后 ${h.tables.audit_log - 1} 行`,
            expect.stringMatching(/^审计链 #3 missing/),
          ]),
        );
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await count(target.engine.db, 'members')).toBe(0);
  });

  it('restores a good backup into a fresh database, verified, and the instance goes on from there', async () => {
    const db = target.engine.db;
    const { check } = await restoreBackup(db, file, key);
    expect(check).toMatchObject({ ok: true, problems: [] });
    for (const [table, n] of Object.entries(header.tables)) expect(await count(db, table), table).toBe(n);
    const rows = (d: TestApp['db']) =>
      sql<{
        j: string;
      }>`select json_agg(m order by id)::text as j from (select id, name, org_path::text, id_cipher, birth_date, edu_highest, updated_at from members) m`.execute(
        d,
      );
    expect((await rows(db)).rows[0].j).toBe((await rows(t.db)).rows[0].j);
    // Sequences continue after the restored rows, and the chain after the restored head.
    await db.transaction().execute((trx) =>
      appendAudit(trx, {
        at: new Date(),
        actorId: null,
        actorName: 'cli',
        role: null,
        ip: null,
        action: 'backup.restore',
        objectType: null,
        objectId: null,
        result: 'success',
        requestId: null,
      }),
    );
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: header.tables.audit_log + 1 });
    // A second restore over it is refused unless forced.
    await expect(restoreBackup(db, file, key)).rejects.toThrow(/不是空的/);
    expect((await restoreBackup(db, file, key, { force: true })).check.ok).toBe(true);
    expect(await count(db, 'audit_log')).toBe(header.tables.audit_log);
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../test/test-engine.js';
import type { Db } from '../db/engine.js';
import { appendAudit } from './audit-log.js';
import { exportAuditBefore, purgeAuditBefore, retentionMonths } from './retention.js';
import { verifyAuditChain } from './verify-chain.js';

let te: TestEngine;
let db: Db;
let dir: string;
const DAY = 86_400_000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY);

async function append(at: Date, action: string) {
  await db.transaction().execute((trx) =>
    appendAudit(trx, {
      at,
      actorId: null,
      actorName: 'tester',
      role: null,
      ip: '127.0.0.1',
      action,
      objectType: 'test',
      objectId: action,
      result: 'success',
      requestId: null,
      detail: { n: action },
    }),
  );
}

beforeAll(async () => {
  te = await openTestEngine();
  db = te.engine.db;
  dir = mkdtempSync(path.join(tmpdir(), 'zg-retention-'));
  // seq 1..5 are 400 to 300 days old, 6..8 are 100 days old (inside the retention), 9..10 today.
  for (let i = 0; i < 5; i++) await append(ago(400 - i * 25), `old-${i + 1}`);
  for (let i = 0; i < 3; i++) await append(ago(100), `young-${i + 1}`);
  for (let i = 0; i < 2; i++) await append(now, `today-${i + 1}`);
});
afterAll(async () => {
  await te?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const count = async () => Number((await sql<{ n: number }>`select count(*) as n from audit_log`.execute(db)).rows[0].n);

describe('audit retention (SECURITY.md 18)', () => {
  it('keeps the retention at 6 months or more', () => {
    expect(retentionMonths({})).toBe(6);
    expect(retentionMonths({ ZUGONG_AUDIT_RETENTION_MONTHS: '12' })).toBe(12);
    expect(() => retentionMonths({ ZUGONG_AUDIT_RETENTION_MONTHS: '3' })).toThrow(/不小于 6/);
  });

  it('refuses to purge rows younger than the retention, in the service and in the database', async () => {
    const file = path.join(dir, 'young.jsonl');
    const before = ago(30);
    await exportAuditBefore(db, before, file);
    await expect(purgeAuditBefore(db, { before, exportFile: file, by: 'tester', now })).rejects.toThrow(/保存期/);
    // Longer retention configured: a cut-off 200 days back is still too young for 12 months.
    await expect(purgeAuditBefore(db, { before: ago(200), exportFile: file, by: 'tester', now, retentionMonths: 12 })).rejects.toThrow(
      /保存期/,
    );
    // Behind the service's back: the function and the trigger refuse too.
    await expect(sql`select audit_purge(8, 'x', now(), 'x', 'x')`.execute(db)).rejects.toThrow(/保存期/);
    await expect(sql`select audit_purge(1, 'x', now() - interval '1 year', 'x', 'x', interval '1 month')`.execute(db)).rejects.toThrow(
      /6 个月/,
    );
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`select set_config('zugong.audit_purge_upto', '10', true)`.execute(trx);
        await sql`delete from audit_log where seq = 9`.execute(trx);
      }),
    ).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect(await count()).toBe(10);
  });

  it('refuses an export file that does not hold exactly the rows to purge', async () => {
    const before = ago(200);
    const file = path.join(dir, 'tampered.jsonl');
    await exportAuditBefore(db, before, file);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    writeFileSync(file, lines.slice(0, -1).join('\n') + '\n');
    await expect(purgeAuditBefore(db, { before, exportFile: file, by: 'tester', now })).rejects.toThrow(/应有 5 条/);
    writeFileSync(file, lines.map((l) => l.replace('old-3', 'old-X')).join('\n') + '\n');
    await expect(purgeAuditBefore(db, { before, exportFile: file, by: 'tester', now })).rejects.toThrow(/第 3 条记录与哈希链不符/);
    // An export with another cut-off covers other rows.
    await exportAuditBefore(db, ago(360), file);
    await expect(purgeAuditBefore(db, { before, exportFile: file, by: 'tester', now })).rejects.toThrow(/不符/);
    expect(await count()).toBe(10);
  });

  it('exports exactly the purged rows, writes an anchor, and the chain still verifies', async () => {
    const before = ago(200);
    const file = path.join(dir, 'audit-before.jsonl');
    const header = await exportAuditBefore(db, before, file);
    expect(header).toMatchObject({ fromSeq: 1, toSeq: 5, rows: 5 });
    const keptBefore = (await db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) => r.seq);
    const result = await purgeAuditBefore(db, { before, exportFile: file, by: 'tester', now });
    expect(result).toMatchObject({ rows: 5, fromSeq: 1, upto: 5 });

    const exported = readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => JSON.parse(l));
    const kept = (await db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) => r.seq);
    const purged = keptBefore.filter((s) => !kept.includes(s));
    expect(exported.map((r) => r.seq)).toEqual(purged);
    expect(exported.map((r) => r.action)).toEqual(['old-1', 'old-2', 'old-3', 'old-4', 'old-5']);

    const anchor = await db.selectFrom('audit_anchors').selectAll().executeTakeFirstOrThrow();
    expect(anchor).toMatchObject({ seq: 5, hash: exported[4].hash, purged_by: 'tester', rows: 5 });
    const purgeRow = await db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(purgeRow).toMatchObject({ seq: 11, action: 'audit.purge', detail: expect.objectContaining({ upto: 5, rows: 5 }) });

    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: true, checked: 6, problems: [] });
    // Nothing is left to purge before that date, and anchors cannot be edited.
    await expect(purgeAuditBefore(db, { before, exportFile: file, by: 'tester', now })).rejects.toThrow();
    await expect(sql`update audit_anchors set seq = 4`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('still names an edited row, a missing first row and a forged anchor after a purge', async () => {
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
    try {
      await sql`update audit_log set actor_name = 'someone-else' where seq = 7`.execute(db);
      await sql`delete from audit_log where seq = 6`.execute(db);
      const report = await verifyAuditChain(db);
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([
        expect.objectContaining({ seq: 6, kind: 'missing' }),
        expect.objectContaining({ seq: 7, kind: 'edited' }),
      ]);
    } finally {
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
    }
    await sql`alter table audit_anchors disable trigger audit_anchors_no_update`.execute(db);
    try {
      await sql`insert into audit_anchors (seq, hash, purged_by, rows, before, export_sha256) values (6, 'forged', 'x', 1, now(), 'x')`.execute(
        db,
      );
      const report = await verifyAuditChain(db);
      expect(report.problems).toContainEqual(
        expect.objectContaining({ seq: 6, kind: 'broken_link', message: expect.stringMatching(/锚点/) }),
      );
    } finally {
      await sql`alter table audit_anchors enable trigger audit_anchors_no_update`.execute(db);
    }
  });
});

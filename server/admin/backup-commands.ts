// The backup and restore steps shared by the admin CLI and the running app's admin channel,
// each recorded in the audit log with the actor "cli".
import path from 'node:path';
import type { Engine } from '../db/engine.js';
import { appendAudit } from '../audit/audit-log.js';
import { authenticateBackup, createBackup, restoreBackup, type BackupHeader, type RestoreCheck } from '../backup/backup.js';

const cliEntry = (action: string, detail: Record<string, unknown>) => ({
  at: new Date(),
  actorId: null,
  actorName: 'cli',
  role: null,
  ip: null,
  action,
  objectType: 'database',
  objectId: null,
  result: 'success' as const,
  requestId: null,
  detail,
});

/** Writes the backup, checks that the written file authenticates, then records it. */
export async function backupTo(engine: Engine, key: Buffer, out: string): Promise<BackupHeader> {
  const file = path.resolve(out);
  const header = await createBackup(engine.db, engine.kind, key, file);
  await authenticateBackup(file, key);
  await engine.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      cliEntry('backup.create', {
        file: path.basename(file),
        createdAt: header.createdAt,
        auditHead: header.auditHead,
        rows: Object.values(header.tables).reduce((a, b) => a + b, 0),
      }),
    ),
  );
  return header;
}

/** Restores and verifies (all or nothing), then records the restore after the restored head. */
export async function restoreFrom(
  engine: Engine,
  key: Buffer,
  file: string,
  force: boolean,
): Promise<{ header: BackupHeader; check: RestoreCheck }> {
  const r = await restoreBackup(engine.db, path.resolve(file), key, { force });
  await engine.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      cliEntry('backup.restore', {
        file: path.basename(file),
        createdAt: r.header.createdAt,
        engine: r.header.engine,
        auditHead: r.header.auditHead,
        force,
      }),
    ),
  );
  return r;
}

export const describeBackup = (h: BackupHeader) =>
  [
    `  引擎 ${h.engine}，时间 ${h.createdAt}，迁移 ${h.migrations.at(-1)}`,
    `  ${Object.keys(h.tables).length} 张表，共 ${Object.values(h.tables).reduce((a, b) => a + b, 0)} 行（组织 ${h.tables.orgs ?? 0}，党员 ${h.tables.members ?? 0}，审计 ${h.tables.audit_log ?? 0}）`,
    `  审计链末条 #${h.auditHead?.seq ?? '-'} ${h.auditHead?.hash.slice(0, 16) ?? ''}…${h.auditAnchor ? `，清理锚点 #${h.auditAnchor.seq}` : ''}`,
  ].join('\n');

// Administrator command line: npm run admin -- <command> [options]
//   init --city <name>                 create the root organization of an empty database
//   create-admin --username <u> --role <role> [--org <id>] [--display-name <n>]
//                                      password from ZUGONG_ADMIN_PASSWORD or typed at the prompt
//   reset-totp --username <u>          clear an account's authenticator (lost phone): the next login enrols again
//   verify-audit                       check the audit chain; exit code 1 when broken
//   backup --out <file>                encrypted, consistent backup (asks the running app on the embedded engine)
//   restore --in <file> [--force]      restore into an empty database, verified before it commits
//   audit-export --before <date> --out <file>     the audit rows older than the date, as JSON lines
//   audit-purge --before <date> --exported <file> remove exactly those rows (only past the retention)
import '../server/timezone.js';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { loadConfig } from '../server/config.js';
import { openEngine } from '../server/db/engine.js';
import { migrate } from '../server/db/migrate.js';
import { createAdmin, initRootOrg, resetAdminSecondFactor } from '../server/admin/bootstrap.js';
import { verifyAuditChain } from '../server/audit/verify-chain.js';
import { AppError } from '../server/errors.js';
import { deriveBackupKey, loadSecret } from '../server/crypto/keys.js';
import { holdDataDir, askHolder, type AdminSocket } from '../server/admin/admin-socket.js';
import { backupTo, describeBackup, restoreFrom } from '../server/admin/backup-commands.js';
import type { BackupHeader } from '../server/backup/backup.js';
import { exportAuditBefore, parseCutoff, purgeAuditBefore, retentionMonths } from '../server/audit/retention.js';
import path from 'node:path';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    city: { type: 'string' },
    username: { type: 'string' },
    role: { type: 'string' },
    org: { type: 'string' },
    'display-name': { type: 'string' },
    out: { type: 'string' },
    in: { type: 'string' },
    force: { type: 'boolean' },
    before: { type: 'string' },
    exported: { type: 'string' },
  },
});

async function askPassword(): Promise<string> {
  if (process.env.ZUGONG_ADMIN_PASSWORD) return process.env.ZUGONG_ADMIN_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const pw = await rl.question('新管理员密码（至少 8 位，含三类字符）: ');
  rl.close();
  return pw;
}

const USAGE =
  '命令：init --city <名称> | create-admin --username <u> --role <role> [--org <id>] | reset-totp --username <u> | verify-audit | backup --out <文件> | restore --in <文件> [--force] | audit-export --before <日期> --out <文件> | audit-purge --before <日期> --exported <文件>';
const config = loadConfig();
const command = positionals[0];
/** The backup key: from the instance secret, never a new one (a backup made with a fresh key could not be restored). */
const backupKey = () => deriveBackupKey(loadSecret(config.secret, config.dataDir, false));
const printBackup = (file: string, h: BackupHeader) =>
  console.log(`备份已写入 ${path.resolve(file)} 并通过认证校验：\n${describeBackup(h)}`);

// The embedded engine: one process holds the data folder (server/admin/admin-socket.ts). When the
// app runs, a backup is made by the app itself; every other command waits until it is stopped.
let held: AdminSocket | null = null;
if (!config.databaseUrl) {
  if (command === 'backup' && values.out) {
    const r = await askHolder(config.dataDir, { cmd: 'backup', out: path.resolve(values.out) });
    if (r) {
      if (!r.ok) {
        console.error(`错误：${r.error}`);
        process.exit(1);
      }
      printBackup(values.out, r.result as BackupHeader);
      process.exit(0);
    }
  }
  try {
    held = await holdDataDir(config.dataDir, `admin ${command ?? ''} (pid ${process.pid})`);
  } catch (e) {
    console.error(`错误：${(e as Error).message}。请先停止应用（备份可以在应用运行时进行）。`);
    process.exit(1);
  }
}

const engine = await openEngine({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
let code = 0;
try {
  await migrate(engine.db);
  switch (command) {
    case 'init':
      console.log(`根组织已建立，id = ${await initRootOrg(engine.db, values.city ?? '')}`);
      break;
    case 'create-admin': {
      if (!values.username || !values.role)
        throw new AppError('USAGE', '用法：create-admin --username <用户名> --role <角色> [--org <组织id>]', 2);
      const id = await createAdmin(engine.db, {
        username: values.username,
        role: values.role,
        orgId: values.org ? Number(values.org) : undefined,
        displayName: values['display-name'],
        password: await askPassword(),
      });
      console.log(`管理员 ${values.username} 已建立，id = ${id}`);
      break;
    }
    case 'reset-totp': {
      if (!values.username) throw new AppError('USAGE', '用法：reset-totp --username <用户名>', 2);
      const id = await resetAdminSecondFactor(engine.db, values.username);
      console.log(`已清除 ${values.username}（id = ${id}）的认证器绑定和恢复码：下次登录时重新绑定`);
      break;
    }
    case 'verify-audit': {
      const r = await verifyAuditChain(engine.db);
      console.log(r.ok ? `审计链完整：共校验 ${r.checked} 条` : `审计链异常（校验 ${r.checked} 条）：`);
      for (const p of r.problems) console.log(`  #${p.seq} ${p.kind}: ${p.message}`);
      code = r.ok ? 0 : 1;
      break;
    }
    case 'backup': {
      if (!values.out) throw new AppError('USAGE', '用法：backup --out <文件>', 2);
      printBackup(values.out, await backupTo(engine, backupKey(), values.out));
      break;
    }
    case 'restore': {
      if (!values.in) throw new AppError('USAGE', '用法：restore --in <文件> [--force]', 2);
      const { header, check } = await restoreFrom(engine, backupKey(), values.in, values.force ?? false);
      console.log(
        `恢复完成并已校验：各表行数与备份一致，审计链完整（${check.chain.checked} 条，末条 #${header.auditHead?.seq ?? '-'} 与备份一致）\n${describeBackup(header)}`,
      );
      break;
    }
    case 'audit-export': {
      if (!values.out) throw new AppError('USAGE', '用法：audit-export --before <YYYY-MM-DD> --out <文件>', 2);
      const h = await exportAuditBefore(engine.db, parseCutoff(values.before), path.resolve(values.out));
      console.log(
        h.rows
          ? `已导出第 ${h.fromSeq}–${h.toSeq} 条审计记录（${h.rows} 条，早于 ${values.before}）到 ${path.resolve(values.out)}`
          : `没有早于 ${values.before} 的审计记录`,
      );
      break;
    }
    case 'audit-purge': {
      if (!values.exported) throw new AppError('USAGE', '用法：audit-purge --before <YYYY-MM-DD> --exported <audit-export 写出的文件>', 2);
      const r = await purgeAuditBefore(engine.db, {
        before: parseCutoff(values.before),
        exportFile: path.resolve(values.exported),
        by: 'cli',
        retentionMonths: retentionMonths(),
      });
      console.log(`已清理第 ${r.fromSeq}–${r.upto} 条审计记录（${r.rows} 条）；审计链此后从第 ${r.upto} 条的锚点校验`);
      break;
    }
    default:
      console.log(USAGE);
      code = 2;
  }
} catch (e) {
  console.error(e instanceof Error && !process.env.DEBUG ? `错误：${e.message}` : e);
  code = 1;
} finally {
  await engine.close();
  await held?.close();
}
process.exit(code);

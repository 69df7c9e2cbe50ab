// Administrator command line: npm run admin -- <command> [options]
//   init --city <name>                 create the root organization of an empty database
//   create-admin --username <u> --role <role> [--org <id>] [--display-name <n>]
//                                      password from ZUGONG_ADMIN_PASSWORD or typed at the prompt
//   reset-totp --username <u>          clear an account's authenticator (lost phone): the next login enrols again
//   verify-audit                       check the audit chain; exit code 1 when broken
import '../server/timezone.js';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { loadConfig } from '../server/config.js';
import { openEngine } from '../server/db/engine.js';
import { migrate } from '../server/db/migrate.js';
import { createAdmin, initRootOrg, resetAdminSecondFactor } from '../server/admin/bootstrap.js';
import { verifyAuditChain } from '../server/audit/verify-chain.js';
import { AppError } from '../server/errors.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { city: { type: 'string' }, username: { type: 'string' }, role: { type: 'string' }, org: { type: 'string' }, 'display-name': { type: 'string' } },
});

async function askPassword(): Promise<string> {
  if (process.env.ZUGONG_ADMIN_PASSWORD) return process.env.ZUGONG_ADMIN_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const pw = await rl.question('新管理员密码（至少 8 位，含三类字符）: ');
  rl.close();
  return pw;
}

const config = loadConfig();
const engine = await openEngine({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
let code = 0;
try {
  await migrate(engine.db);
  switch (positionals[0]) {
    case 'init':
      console.log(`根组织已建立，id = ${await initRootOrg(engine.db, values.city ?? '')}`);
      break;
    case 'create-admin': {
      if (!values.username || !values.role) throw new AppError('USAGE', '用法：create-admin --username <用户名> --role <角色> [--org <组织id>]', 2);
      const id = await createAdmin(engine.db, { username: values.username, role: values.role, orgId: values.org ? Number(values.org) : undefined, displayName: values['display-name'], password: await askPassword() });
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
    default:
      console.log('命令：init --city <名称> | create-admin --username <u> --role <role> [--org <id>] | reset-totp --username <u> | verify-audit');
      code = 2;
  }
} catch (e) {
  console.error(e instanceof AppError ? `错误：${e.message}` : e);
  code = 1;
} finally {
  await engine.close();
}
process.exit(code);

// Entry point: open the engine, migrate, seed the demo city on a first start in demo mode, serve.
import './timezone.js';
import { loadConfig } from './config.js';
import { openEngine } from './db/engine.js';
import { migrate } from './db/migrate.js';
import { buildApp } from './app.js';
import { seedDemoIfEmpty } from './demo/seed-demo.js';
import { deriveBackupKey, loadKeys, loadSecret } from './crypto/keys.js';
import { usePrivateTmp } from './private-tmp.js';
import { fillNameKeys } from './db/name-keys.js';
import { holdDataDir } from './admin/admin-socket.js';
import { backupTo } from './admin/backup-commands.js';

const config = loadConfig();
// The embedded data folder belongs to one process; `npm run admin -- backup` reaches the app here.
const held = config.databaseUrl
  ? null
  : await holdDataDir(config.dataDir, `zugong (pid ${process.pid})`).catch((e: Error) => {
      console.error(`Zugong 未启动：${e.message}`);
      process.exit(1);
    });
const tmp = usePrivateTmp(config.dataDir);
const engine = await openEngine({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const applied = await migrate(engine.db);
const keys = loadKeys(config.secret, config.dataDir);
const app = await buildApp({
  engine,
  keys,
  demo: config.demo,
  logLevel: config.logLevel,
  webDist: config.webDist,
  trustProxy: process.env.TRUST_PROXY === '1',
  e2eCodes: process.env.ZUGONG_E2E === '1',
  origins: process.env.ZUGONG_ORIGIN?.split(',')
    .map((o) => o.trim())
    .filter(Boolean),
});
if (applied.length) app.log.info({ applied }, 'migrations applied');
if (tmp.swept) app.log.warn({ swept: tmp.swept, dir: tmp.dir }, 'temporary files left by an earlier run deleted');
// A database written before every path set the pinyin keys (the demo city did not) is repaired once.
const keysFilled = await fillNameKeys(engine.db);
if (keysFilled) app.log.info({ keysFilled }, 'pinyin keys filled');
if (config.demo) {
  const seeded = await seedDemoIfEmpty(engine.db, keys);
  if (seeded) app.log.info(seeded, '示范市 demo city generated');
} else if (!(await engine.db.selectFrom('orgs').select('id').limit(1).executeTakeFirst())) {
  app.log.warn(
    '数据库中还没有组织。请用 `npm run admin -- init --city <市委名称>` 建立根组织，并用 `npm run admin -- create-admin` 建立第一个管理员。',
  );
}

held?.handle(async (req) => {
  if (req.cmd !== 'backup' || !req.out) throw new Error(`unknown admin request ${req.cmd}`);
  return backupTo(engine, deriveBackupKey(loadSecret(config.secret, config.dataDir)), req.out);
});

await app.listen({ port: config.port, host: config.host });
app.log.info(`Zugong on http://localhost:${config.port} (${engine.kind}${config.demo ? ', demo' : ''})`);

let closing = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (closing) return;
    closing = true;
    void app
      .close()
      .then(() => engine.close())
      .then(() => held?.close())
      .then(() => process.exit(0));
  });
}

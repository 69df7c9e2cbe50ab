// `npm start` builds the web app only when web/dist is missing or older than its sources,
// so a fresh clone works with one command and later starts stay quick.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const dist = path.resolve('web/dist/index.html');
const newest = (p) => {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((f) => newest(path.join(p, f))));
};
const sources = ['web/src', 'web/index.html', 'vite.config.ts', 'domain', 'package-lock.json'].filter((p) => existsSync(p));
const stale = !existsSync(dist) || Math.max(...sources.map(newest)) > statSync(dist).mtimeMs;
if (stale) {
  console.log('Building the web app (web/dist)…');
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

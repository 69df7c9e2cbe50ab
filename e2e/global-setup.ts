// Starts Zugong on a fresh data folder in demo mode (the README's `npm start` path, minus the
// build) and stops it afterwards by its process group.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

let child: ChildProcess | undefined;
let dataDir = '';

export default async function setup(project: TestProject) {
  dataDir = mkdtempSync(path.join(tmpdir(), 'zugong-e2e-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      ZUGONG_DEMO: '1',
      // Talent registration codes readable by the browser tests (talent-portal/routes.ts).
      ZUGONG_E2E: '1',
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      // Study-time heartbeats every 2 s instead of 30 (learning.e2e.ts; the server's clock cannot be moved here).
      ZUGONG_E2E_SHORT_HEARTBEATS: '1',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  let exited: number | null = null;
  child.on('exit', (code) => {
    exited = code ?? -1;
  });
  const base = `http://127.0.0.1:${port}`;
  // Generating the demo city takes about two minutes; on a loaded machine allow more (E2E_START_TIMEOUT_S).
  const deadline = Date.now() + 1000 * (Number(process.env.E2E_START_TIMEOUT_S) || 170);
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (exited !== null) throw new Error(`server exited with code ${exited}`);
    if (Date.now() > deadline) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
  project.provide('baseUrl', base);
  return async () => {
    if (child?.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

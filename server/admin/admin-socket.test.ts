import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adminSocketPath, askHolder, holdDataDir } from './admin-socket.js';

const dir = mkdtempSync(path.join(tmpdir(), 'zg-hold-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32')('the embedded data folder has one holder', () => {
  it('refuses a second holder, answers requests with the handler, and is free again after close', async () => {
    expect(await askHolder(dir, { cmd: 'ping' })).toBeNull();
    const held = await holdDataDir(dir, 'app');
    expect(statSync(adminSocketPath(dir)).mode & 0o777).toBe(0o600);
    await expect(holdDataDir(dir, 'cli')).rejects.toThrow(/正由另一个进程（app）使用/);
    expect(await askHolder(dir, { cmd: 'backup', out: '/x' })).toMatchObject({ ok: false, error: expect.stringMatching(/app/) });
    held.handle(async (req) => ({ wrote: req.out }));
    expect(await askHolder(dir, { cmd: 'backup', out: '/x' })).toEqual({ ok: true, who: 'app', result: { wrote: '/x' } });
    held.handle(async () => {
      throw new Error('disk full');
    });
    expect(await askHolder(dir, { cmd: 'backup', out: '/x' })).toMatchObject({ ok: false, error: 'disk full' });
    await held.close();
    expect(await askHolder(dir, { cmd: 'ping' })).toBeNull();
  });

  it('takes over a socket left behind by a killed process', async () => {
    const d = mkdtempSync(path.join(dir, 'stale-'));
    writeFileSync(adminSocketPath(d), '');
    expect(await askHolder(d, { cmd: 'ping' })).toBeNull();
    const held = await holdDataDir(d, 'app');
    expect(await askHolder(d, { cmd: 'ping' })).toMatchObject({ ok: true, who: 'app' });
    await held.close();
  });
});

import { existsSync, mkdtempSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { usePrivateTmp } from './private-tmp.js';

const saved = process.env.TMPDIR;
afterEach(() => {
  if (saved === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = saved;
});

describe('the private temp folder', () => {
  it('sweeps what a killed process left behind and becomes the process temp folder, readable by its owner only', () => {
    const data = mkdtempSync(path.join(tmpdir(), 'zg-data-'));
    mkdirSync(path.join(data, 'tmp'), { recursive: true });
    writeFileSync(path.join(data, 'tmp', 'zugong-import-left.xlsx'), '110101199003071234');
    const { dir, swept } = usePrivateTmp(data);
    expect(swept).toBe(1);
    expect(existsSync(path.join(dir, 'zugong-import-left.xlsx'))).toBe(false);
    expect(tmpdir()).toBe(dir);
    expect(statSync(dir).mode & 0o077).toBe(0);
  });
});

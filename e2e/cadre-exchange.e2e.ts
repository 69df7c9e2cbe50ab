// Browser tests of the cadre file's exchange (issue 12 point 9): a batch of .lrmx files with one
// malformed file (the others land, the bad one is named, nothing of it is written), and a printed
// 任免审批表 (the PDF downloaded from the file page and checked for its fields).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, launch, login } from './browser.js';
import { writeLrmx } from '../server/modules/cadres/lrmx/write-lrmx.js';
import { sampleSheet } from '../server/modules/cadres/lrmx/sample.js';
import { idNumberFor } from '../server/modules/members/id-numbers.js';
import { pdfPages } from '../server/modules/cadres/form/test-pdf-text.js';

let browser: Browser;
const dir = mkdtempSync(path.join(tmpdir(), 'zugong-e2e-lrmx-'));
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function officerPage(): Promise<{ page: Page; close: () => Promise<void> }> {
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await ctx.newPage();
  await login(page, 'cadre-officer');
  return { page, close: () => ctx.close() };
}

// Area 110108 is used neither by the demo data nor by the other tests; the minute keeps reruns apart.
const stamp = Math.floor(Date.now() / 60_000) % 400;
const names = ['交换甲', '交换乙', '交换丙'].map((n) => `${n}${'春夏秋冬'[stamp % 4]}`);

describe('the cadre file exchange in the browser', () => {
  it('imports a batch of .lrmx files: the good ones land, the malformed one is named and writes nothing', async () => {
    const files = names.map((name, i) => {
      const birth = `197${i}-0${i + 3}-1${i}`;
      const sheet = sampleSheet({ name, birth: birth.slice(0, 7), idNumber: idNumberFor('110108', birth, stamp + i, '男'), sex: '男' });
      const file = path.join(dir, `${name}.lrmx`);
      writeFileSync(file, writeLrmx(sheet));
      return file;
    });
    // One producer writes '&' unescaped: the file is not XML.
    const bad = path.join(dir, '坏文件.lrmx');
    writeFileSync(bad, readFileSync(files[0], 'utf8').replace(names[0], `${names[0]}&坏`));
    const { page, close } = await officerPage();
    await page.goto(`${baseUrl()}/cadres`);
    await page.getByTestId('cadre-import-lrmx').click();
    await page
      .getByTestId('lrmx-upload')
      .locator('input[type=file]')
      .setInputFiles([...files, bad]);
    const report = page.getByTestId('lrmx-report');
    await expect.poll(() => report.getByText('将新建').count(), { timeout: 20_000 }).toBe(3);
    await expect.poll(() => report.getByText('坏文件.lrmx').count(), { timeout: 20_000 }).toBe(1);
    await page.getByTestId('lrmx-commit').click();
    await expect.poll(() => report.getByText('已新建').count(), { timeout: 20_000 }).toBe(3);
    await expect.poll(() => report.getByText('有问题').count(), { timeout: 20_000 }).toBe(1);
    // The three landed; nothing of the bad file (its person carries '&坏') was written.
    for (const name of names) {
      const found = await api<{ items: { name: string }[] }>(page, `/api/cadres?q=${encodeURIComponent(name)}`);
      expect(found.items.map((c) => c.name)).toContain(name);
    }
    const badFound = await api<{ items: unknown[] }>(page, `/api/cadres?q=${encodeURIComponent('坏')}`);
    expect(badFound.items).toHaveLength(0);
    await close();
  });

  it('prints a 任免审批表 from the file page: a two-page PDF with the fields and no ID number', async () => {
    const { page, close } = await officerPage();
    const found = await api<{ items: { id: number; name: string }[] }>(page, `/api/cadres?q=${encodeURIComponent(names[1])}`);
    const id = found.items[0].id;
    await page.goto(`${baseUrl()}/cadres/${id}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cadre-print-pdf').click()]);
    const file = path.join(dir, 'form.pdf');
    await download.saveAs(file);
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(2);
    const text = pages.flat().join('');
    for (const label of ['干部任免审批表', '姓名', '出生年月', '简历', '奖惩情况', '年度考核结果', names[1]]) expect(text).toContain(label);
    expect(text).not.toMatch(/\d{17}[\dX]/);
    await close();
  });
});

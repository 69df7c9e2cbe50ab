// Question banks and quizzes in the browser: a bank file with one bad row is refused whole, the report
// naming the row and column, and nothing is written; the demo member takes the district quiz on a
// 375-px phone screen, submits, and sees the grade with the key and explanations.
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, launch, login } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function signedIn(username: string, width = 1440, height = 900): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width, height }, isMobile: width < 500, hasTouch: width < 500 });
  const page = await ctx.newPage();
  await login(page, username);
  return page;
}

describe('question banks', () => {
  it('refuses a file with one bad row, naming it, and writes nothing', async () => {
    const page = await signedIn('district-admin');
    const created = await page.request.post(`${baseUrl()}/api/learning/banks`, { data: { name: '浏览器测试题库' } });
    expect(created.status(), await created.text()).toBe(201);
    const bank = await created.json();

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('题库').addRows([
      ['题型', '题目', '选项A', '选项B', '选项C', '答案', '解析'],
      ['单选题', '党的根本宗旨是（ ）。', '全心全意为人民服务', '实事求是', '艰苦奋斗', 'A', ''],
      ['判断题', '预备党员的预备期为一年。', '', '', '', '对', ''],
      ['判断题', '党员有退党的自由。', '', '', '', '也许', ''],
    ]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());

    await page.goto(`${baseUrl()}/learning/quizzes/banks/${bank.id}`);
    await page.getByRole('button', { name: '导入试题' }).click();
    await page.locator('.ant-modal input[type=file]').setInputFiles({
      name: '题库.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    const report = page.getByTestId('import-errors');
    await expect.poll(() => report.textContent(), { timeout: 20_000 }).toContain('题库 第4行 答案');
    expect(await report.textContent()).toContain('未导入任何题目');
    expect((await api(page, `/api/learning/banks/${bank.id}`)).questionCount).toBe(0);
    await page.context().close();
  });
});

describe('my quizzes', () => {
  it('the member takes a quiz on a phone and sees the grade', async () => {
    const page = await signedIn('member', 375, 740);
    const mine = (await api(page, '/api/learning/me/quizzes')).items as {
      id: number;
      title: string;
      attemptsUsed: number;
      canStart: boolean;
    }[];
    const quiz = mine.find((q) => q.attemptsUsed === 0 && q.canStart);
    expect(quiz, JSON.stringify(mine)).toBeDefined();

    await page.goto(`${baseUrl()}/my/learning/quizzes`);
    const card = page.getByTestId(`quiz-${quiz!.id}`);
    await card.getByRole('button', { name: '开始答题' }).click();
    await expect.poll(() => page.getByTestId('quiz-timer').textContent(), { timeout: 20_000 }).toContain('剩余');

    // Answer every question: the first option of a choice, 对 for true/false, a word in each blank.
    const attempt = await api(page, `/api/learning/attempts/${page.url().split('/').pop()}`);
    for (const it of attempt.items as { position: number; type: string }[]) {
      const q = page.getByTestId(`question-${it.position}`);
      if (it.type === 'fill') for (const input of await q.locator('input').all()) await input.fill('党章');
      else await q.locator('input').first().check();
    }
    // Nothing is overflowing the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page
      .getByRole('button', { name: '交 卷' })
      .or(page.getByRole('button', { name: '交卷' }))
      .last()
      .click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();

    const grade = page.getByTestId('quiz-grade');
    await expect.poll(() => grade.textContent(), { timeout: 20_000 }).toMatch(/得分 \d+(\.\d)? \/ 100/);
    expect(await page.locator('text=正确答案').count()).toBeGreaterThan(0);
    const after = (await api(page, '/api/learning/me/quizzes')).items.find((q: { id: number }) => q.id === quiz!.id);
    expect(after.attemptsUsed).toBe(1);
    await page.context().close();
  });
});

import { describe, expect, it } from 'vitest';
import { formPdf } from './form-pdf';
import { LABELS } from './form-layout';
import { pdfPages, pdfRuns } from './test-pdf-text';
import { longResume, sampleSheet, SAMPLE_ID } from './test-sample';

const today = '2026-12-04';
const flat = (s: string) => s.replace(/\s+/g, '');
const pageText = (lines: string[]) => flat(lines.join(''));

describe('the 干部任免审批表 as a PDF', () => {
  it('prints two pages per person, in order, with real text', async () => {
    const pages = pdfPages(await formPdf([sampleSheet(), sampleSheet({ name: '王芳', sex: '女' })], { today }));
    expect(pages).toHaveLength(4);
    expect(pageText(pages[0])).toContain('干部任免审批表');
    expect(pages[0]).toContain('李建国');
    expect(pages[2]).toContain('王芳');
    expect(pageText(pages[1])).toContain('王秀英');
    expect(pageText(pages[0])).not.toContain('王芳');
  });

  it('prints the age at 计算年龄时间, or at today when the sheet has none', async () => {
    const [atSheet] = pdfPages(await formPdf([sampleSheet({ birth: '1975-12', ageAt: '2026-12-01' })], { today: '2026-11-30' }));
    expect(atSheet).toContain('（51岁）');
    expect(atSheet).toContain('1975.12');
    const [atToday] = pdfPages(await formPdf([sampleSheet({ birth: '1975-12', ageAt: null })], { today: '2026-11-30' }));
    expect(atToday).toContain('（50岁）');
  });

  it('carries every label of the standard form on its page', async () => {
    const [one, two] = pdfPages(await formPdf([sampleSheet()], { today })).map(pageText);
    const pageOne = [LABELS.title, LABELS.name, LABELS.sex, LABELS.birth, LABELS.ethnicity, LABELS.nativePlace, LABELS.birthPlace];
    pageOne.push(LABELS.partyJoin, LABELS.workStart, LABELS.health, LABELS.proTitle, LABELS.expertise, LABELS.education);
    pageOne.push(
      LABELS.fullTime,
      LABELS.inService,
      LABELS.school,
      LABELS.currentPost,
      LABELS.proposedPost,
      LABELS.proposedRemoval,
      LABELS.resume,
    );
    for (const l of pageOne) expect(one).toContain(flat(l));
    for (const l of [
      LABELS.rewards,
      LABELS.assessments,
      LABELS.reason,
      LABELS.family,
      ...LABELS.familyHead,
      LABELS.unit,
      ...LABELS.approvals,
    ]) {
      expect(two).toContain(flat(l));
    }
    expect(two).toContain('（盖章）');
    expect(two).toContain('填表人：赵敏');
    expect(two).toContain('中共某某市委组织部');
    expect(two).toContain('2026年7月1日');
  });

  it('prints the fields of the sheet: posts, education, 入党时间, 简历 lines, family ages', async () => {
    const pdf = await formPdf([sampleSheet({ partyName: '民盟' })], { today });
    const [one, two] = pdfPages(pdf).map(pageText);
    for (const t of ['中共某某区委常委、组织部部长', '某某市委组织部副部长', '大学经济学学士', '研究生管理学硕士', '河海大学管理学院']) {
      expect(one).toContain(t);
    }
    expect(one).toContain('1996.06民盟');
    expect(one).toContain('1997.07--2003.12某某市发展计划委员会科员、副主任科员');
    expect(one).toContain('2018.02--中共某某区委常委、组织部部长');
    expect(one).toContain('（其间：2006.09--2009.07');
    // Ages at 2026-06-30; the deceased father gets none.
    expect(two).toContain('妻子王秀英48中共党员');
    expect(two).toContain('父亲李长山群众已故');
    expect(two).toContain('2022年度考核称职；2023年度考核优秀');
  });

  it('never prints the ID number', async () => {
    const pdf = await formPdf([sampleSheet()], { today });
    const text = pdfPages(pdf).map(pageText).join('');
    expect(text).not.toContain(SAMPLE_ID);
    expect(text).not.toContain('身份证');
    expect(pdf.toString('latin1')).not.toContain(SAMPLE_ID);
  });

  it('fits a 60-line 简历 on page 1 by stepping the font down, without an extra page', async () => {
    const pages = pdfPages(await formPdf([sampleSheet({ resume: longResume(60) })], { today }));
    expect(pages).toHaveLength(2);
    const one = pageText(pages[0]);
    expect(one).toContain('1966.01--1967.01第1段经历');
    expect(one).toContain('2025.01--第60段经历');
    expect(pageText(pages[1])).not.toContain('段经历');
  });

  it('prints a short 简历 larger than a long one (the size steps down with the length)', async () => {
    const sizes = async (n: number) => {
      const pdf = await formPdf([sampleSheet({ resume: longResume(n) })], { today });
      return pdfRuns(pdf)[0].find((l) => l.text.startsWith('第1段经历'))?.size;
    };
    expect(await sizes(5)).toBe(14);
    const long = await sizes(60);
    expect(long).toBeGreaterThanOrEqual(5);
    expect(long).toBeLessThan(7);
  });

  it('continues a 简历 too long even at 5 pt after page 2 rather than dropping steps', async () => {
    const pages = pdfPages(await formPdf([sampleSheet({ resume: longResume(120) })], { today }));
    expect(pages.length).toBeGreaterThan(2);
    const all = pages.map(pageText).join('');
    for (let i = 1; i <= 120; i++) expect(all).toContain(`第${i}段经历`);
    expect(pageText(pages[2])).toContain('简历（续）');
  });

  it('embeds the photo, and prints the form without it when the image is broken', async () => {
    expect((await formPdf([sampleSheet()], { today })).toString('latin1')).toContain('/Subtype /Image');
    expect((await formPdf([sampleSheet({ photo: null })], { today })).toString('latin1')).not.toContain('/Subtype /Image');
    const broken = await formPdf([sampleSheet({ photo: { mime: 'image/jpeg', base64: 'bm90IGFuIGltYWdl' } })], { today });
    expect(pdfPages(broken)).toHaveLength(2);
  });

  it('shrinks the rows of a long family list onto the same page', async () => {
    const family = Array.from({ length: 16 }, (_, i) => ({
      relation: '其他',
      name: `亲属${i + 1}`,
      birth: '1980-01',
      political: '群众',
      workPost: '某单位',
      deceased: false,
    }));
    const pages = pdfPages(await formPdf([sampleSheet({ family })], { today }));
    expect(pages).toHaveLength(2);
    expect(pageText(pages[1])).toContain('亲属16');
  });

  it('moves what does not fit even at 5 pt to a continuation page instead of cutting it', async () => {
    const rewards = '某某表彰。'.repeat(800);
    const family = Array.from({ length: 25 }, (_, i) => ({
      relation: '其他',
      name: `亲属${i + 1}`,
      birth: '1980-01',
      political: '群众',
      workPost: '某单位',
      deceased: false,
    }));
    const pages = pdfPages(await formPdf([sampleSheet({ rewards, family })], { today })).map(pageText);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages[1]).toContain('（见续页）');
    expect(pages[1]).toContain('亲属20');
    expect(pages[1]).not.toContain('亲属21');
    const rest = pages.slice(2).join('');
    expect(rest).toContain('【奖惩情况】');
    expect(rest.split('某某表彰。').length - 1).toBe(800);
    for (let i = 21; i <= 25; i++) expect(rest).toContain(`亲属${i}`);
  });
});

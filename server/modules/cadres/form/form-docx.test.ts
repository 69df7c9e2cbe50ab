import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formDocx } from './form-docx';
import { LABELS } from './form-layout';
import { longResume, sampleSheet, SAMPLE_ID } from './test-sample';

const today = '2026-12-04';
const text = (xml: string) => xml.replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '');

async function unzipDocx(buf: Buffer) {
  const files = unzipSync(new Uint8Array(buf));
  return { files, xml: strFromU8(files['word/document.xml']) };
}

describe('the 干部任免审批表 as a Word document', () => {
  it('is a docx whose document holds the fields, the labels and the age', async () => {
    const { files, xml } = await unzipDocx(await formDocx(sampleSheet(), { today }));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    const t = text(xml);
    for (const v of [
      '干部任免审批表',
      '李建国',
      '1975.03',
      '（51岁）',
      '汉族',
      '江苏南京',
      '1996.06',
      '高级经济师（2012.11）',
      '经济学学士',
    ]) {
      expect(t).toContain(v);
    }
    for (const v of [
      '中共某某区委常委、组织部部长',
      '某某市委组织部副部长',
      '2022年度考核称职',
      '工作需要。',
      '王秀英',
      '中共某某市委组织部',
    ]) {
      expect(t).toContain(v);
    }
    for (const l of [LABELS.name, LABELS.partyJoin, LABELS.currentPost, LABELS.family, ...LABELS.familyHead, ...LABELS.approvals]) {
      expect(t).toContain(l);
    }
    expect(t).toContain('填表人：赵敏');
  });

  it('never carries the ID number', async () => {
    const { files } = await unzipDocx(await formDocx(sampleSheet(), { today }));
    for (const [name, data] of Object.entries(files)) {
      if (name.endsWith('.xml') || name.endsWith('.rels')) expect(strFromU8(data)).not.toContain(SAMPLE_ID);
    }
  });

  it('builds the ruled table with merged cells, the photo embedded, and page 2 on a new page', async () => {
    const { files, xml } = await unzipDocx(await formDocx(sampleSheet(), { today }));
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
    expect(xml).toContain('<w:gridSpan w:val="6"/>'); // the 简历 cell across the grid
    expect(xml).toContain('<w:vMerge w:val="restart"/>'); // photo, 学历学位, family label
    expect(xml).toContain('<w:pageBreakBefore/>');
    expect(xml).toMatch(/<w:trHeight w:val="\d+" w:hRule="exact"\/>/);
    expect(Object.keys(files).some((f) => f.startsWith('word/media/'))).toBe(true);
    expect(xml).toContain('<pic:pic');
    const { files: noPhoto } = await unzipDocx(await formDocx(sampleSheet({ photo: null }), { today }));
    expect(Object.keys(noPhoto).some((f) => f.startsWith('word/media/'))).toBe(false);
  });

  it('steps the 简历 font down for a long 简历 and keeps every line', async () => {
    const sizeOf = (xml: string, needle: string) => {
      const run = xml.slice(0, xml.indexOf(needle)).split('<w:r>').pop() ?? '';
      return Number(/<w:sz w:val="(\d+)"\/>/.exec(run)?.[1]) / 2;
    };
    const short = (await unzipDocx(await formDocx(sampleSheet({ resume: longResume(3) }), { today }))).xml;
    const long = (await unzipDocx(await formDocx(sampleSheet({ resume: longResume(60) }), { today }))).xml;
    expect(sizeOf(short, '第1段经历')).toBe(14);
    expect(sizeOf(long, '第1段经历')).toBeLessThan(7);
    for (let i = 1; i <= 60; i++) expect(text(long)).toContain(`第${i}段经历`);
  });
});

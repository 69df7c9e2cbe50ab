import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formFileNames, formZip } from './form-batch';
import { pdfPages } from './test-pdf-text';
import { sampleSheet } from './test-sample';

const today = '2026-12-04';

/** The general-purpose flags of each local file header: bit 11 says the name is UTF-8. */
function localFlags(zip: Buffer): number[] {
  const out: number[] = [];
  for (let i = zip.indexOf(Buffer.from('PK\x03\x04', 'latin1')); i !== -1; i = zip.indexOf(Buffer.from('PK\x03\x04', 'latin1'), i + 4)) {
    out.push(zip.readUInt16LE(i + 6));
  }
  return out;
}

describe('batch printing of 干部任免审批表', () => {
  it('names one file per person and tells equal names apart', () => {
    const entries = [
      { fileName: 'a/李建国.lrmx', sheet: sampleSheet() },
      { fileName: 'b/李建国.lrmx', sheet: sampleSheet({ name: '李 建国' }) },
      { fileName: '王芳.Lrmx', sheet: sampleSheet({ name: '王芳' }) },
      { fileName: 'dir\\张三.lrmx', sheet: sampleSheet({ name: '  ' }) },
      { fileName: '', sheet: sampleSheet({ name: '../a:b' }) },
    ];
    expect(formFileNames(entries, 'pdf')).toEqual([
      '李建国_干部任免审批表.pdf',
      '李建国（2）_干部任免审批表.pdf',
      '王芳_干部任免审批表.pdf',
      '张三_干部任免审批表.pdf',
      'ab_干部任免审批表.pdf',
    ]);
  });

  it('zips one PDF of two pages per person, under UTF-8 names', async () => {
    const zip = await formZip(
      [
        { fileName: '1.lrmx', sheet: sampleSheet() },
        { fileName: '2.lrmx', sheet: sampleSheet() },
        { fileName: '3.lrmx', sheet: sampleSheet({ name: '王芳' }) },
      ],
      'pdf',
      { today },
    );
    const files = unzipSync(new Uint8Array(zip));
    expect(Object.keys(files).sort()).toEqual(
      ['李建国_干部任免审批表.pdf', '李建国（2）_干部任免审批表.pdf', '王芳_干部任免审批表.pdf'].sort(),
    );
    const pages = pdfPages(Buffer.from(files['王芳_干部任免审批表.pdf']));
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('王芳');
    expect(localFlags(zip).every((f) => (f & 0x800) !== 0)).toBe(true);
  });

  it('zips one Word document per person', async () => {
    const zip = await formZip(
      [
        { fileName: '1.lrmx', sheet: sampleSheet() },
        { fileName: '2.lrmx', sheet: sampleSheet({ name: '王芳' }) },
      ],
      'docx',
      { today },
    );
    const files = unzipSync(new Uint8Array(zip));
    expect(Object.keys(files).sort()).toEqual(['李建国_干部任免审批表.docx', '王芳_干部任免审批表.docx'].sort());
    const inner = unzipSync(files['王芳_干部任免审批表.docx']);
    expect(strFromU8(inner['word/document.xml'])).toContain('王芳');
  });
});

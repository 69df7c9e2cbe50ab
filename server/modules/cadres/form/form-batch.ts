// Batch printing (PILLARS.md §1: officers keep folders of files named by person and want batch print,
// PDF or Word per person, zipped): one file per person named <姓名>_干部任免审批表.pdf|docx.
import { zipSync, type Zippable } from 'fflate';
import type { TCadreSheet } from '../../../../domain/schemas/cadre-sheet.js';
import { formDocx } from './form-docx.js';
import { formPdf } from './form-pdf.js';

export type FormKind = 'pdf' | 'docx';

export interface FormBatchEntry {
  /** The file the sheet came from (a .lrmx); names the output when the sheet has no name. */
  fileName: string;
  sheet: TCadreSheet;
}

// Characters no file system of the officers' machines accepts in a name, and blanks (names are
// matched with blanks removed, PILLARS.md §1).
const UNSAFE = /[\\/:*?"<>|\s\p{Cc}]+/gu;
const base = (fileName: string) => (fileName.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '');

/** The file name of each entry: `<姓名>_干部任免审批表.<kind>`, equal names told apart by （2）, （3）… */
export function formFileNames(entries: FormBatchEntry[], kind: FormKind): string[] {
  const seen = new Map<string, number>();
  return entries.map((e) => {
    const clean = (s: string) => s.replace(UNSAFE, '').replace(/^\.+/, '');
    const name = clean(e.sheet.name) || clean(base(e.fileName)) || '未命名';
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return `${name}${n > 1 ? `（${n}）` : ''}_干部任免审批表.${kind}`;
  });
}

/** The forms of the entries, one file per person, in a zip (UTF-8 names, flagged as such). */
export async function formZip(entries: FormBatchEntry[], kind: FormKind, opts: { today: string }): Promise<Buffer> {
  const names = formFileNames(entries, kind);
  const files: Zippable = {};
  for (const [i, e] of entries.entries()) {
    // One at a time: rendering is CPU-bound, and a large batch should not hold every file twice.
    const data = kind === 'pdf' ? await formPdf([e.sheet], opts) : await formDocx(e.sheet, opts);
    // Both formats are compressed already: store them.
    files[names[i]] = [new Uint8Array(data.buffer, data.byteOffset, data.byteLength), { level: 0 }];
  }
  return Buffer.from(zipSync(files));
}

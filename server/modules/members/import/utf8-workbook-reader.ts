// ExcelJS's streaming reader, reading an upload held in memory, with two fixes:
//
// 1. The entries in the order the reader needs them. ExcelJS reads the zip front to back, and any
//    worksheet that comes before xl/sharedStrings.xml or the workbook's relationships (Excel writes
//    the shared strings after the sheets; a file with inline strings has none at all) it inflates
//    whole into a temporary file, to read it back at the end: the members' identity numbers in clear
//    on disk (and left there when the thread stops before the end), and the sheet inflated, written
//    and read twice. Here the archive's directory (xlsx-guard.ts, which has checked it) opens each
//    entry in turn: relationships, workbook, shared strings and styles first, then the worksheets in
//    the directory's order, each inflated once, as it is parsed. Hyperlinks are not read: no caller
//    wants them.
// 2. Whole characters. ExcelJS decodes each inflated chunk on its own (utils/parse-sax.js with a
//    non-streaming TextDecoder), so a Chinese character split across two chunks became "��" — seen
//    on about one row in 5,000 ("学���"). The entries are decoded here with a StringDecoder, which
//    carries partial characters over to the next chunk.
import { readFileSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { Transform, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { zipEntries } from './xlsx-guard.js';

/** A stream of whole-character strings (object mode keeps them strings for ExcelJS's iterateStream). */
function utf8Stream(entry: Readable): Readable {
  const decoder = new StringDecoder('utf8');
  const t = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      const s = decoder.write(chunk);
      if (s) this.push(s);
      done();
    },
    flush(done) {
      const s = decoder.end();
      if (s) this.push(s);
      done();
    },
  });
  entry.on('error', (e) => t.destroy(e));
  return entry.pipe(t);
}

type ReaderEvent = { eventType: string; value: unknown };
type ReaderInternals = {
  sharedStrings?: unknown[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<ReaderEvent>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<ReaderEvent>;
};
const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (
  input: string,
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
) => ReaderInternals & AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader>;

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

export class Utf8WorkbookReader extends Base {
  private readonly file: Buffer;

  /** `file`: the upload (or, in tests, a path to read). */
  constructor(file: Buffer | string, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>) {
    super('', options);
    this.file = typeof file === 'string' ? readFileSync(file) : file;
  }

  // Replaces ExcelJS's parse (and its temporary files); the base class's iterator calls it.
  async *parse(): AsyncGenerator<ReaderEvent> {
    const entries = zipEntries(this.file);
    const entry = (name: string) => entries.find((e) => e.name === name);
    const rels = entry('xl/_rels/workbook.xml.rels');
    if (rels) await this._parseRels(utf8Stream(rels.open()));
    const workbook = entry('xl/workbook.xml');
    if (workbook) await this._parseWorkbook(utf8Stream(workbook.open()));
    const shared = entry('xl/sharedStrings.xml');
    if (shared) yield* this._parseSharedStrings(utf8Stream(shared.open()));
    else this.sharedStrings = [];
    const styles = entry('xl/styles.xml');
    if (styles) await this._parseStyles(utf8Stream(styles.open()));
    for (const e of entries) {
      const sheet = SHEET.exec(e.name);
      if (sheet) yield* this._parseWorksheet(utf8Stream(e.open()), sheet[1]);
    }
  }
}

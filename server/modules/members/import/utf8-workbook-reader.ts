// ExcelJS's streaming reader decodes each decompressed chunk on its own (utils/parse-sax.js with a
// non-streaming TextDecoder), so a Chinese character split across two chunks becomes "��" — seen
// here on about one row in 5,000 ("学���"). This subclass hands ExcelJS text decoded with a
// StringDecoder, which carries partial characters over to the next chunk.
import { StringDecoder } from 'node:string_decoder';
import { Transform, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';

async function* utf8Chunks(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const c of chunks) {
    const s = typeof c === 'string' ? c : decoder.write(c);
    if (s) yield s;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

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

type ReaderInternals = {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
};
const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (
  input: string | Readable,
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
) => ReaderInternals & AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader>;

export class Utf8WorkbookReader extends Base {
  override _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string) {
    return super._parseWorksheet(utf8Chunks(iterator), sheetNo);
  }
  override _parseSharedStrings(entry: Readable) {
    return super._parseSharedStrings(utf8Stream(entry));
  }
}

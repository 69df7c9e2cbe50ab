// Test helper: the text of each page of a PDF written by pdfkit. pdfkit writes text as hex glyph ids
// of an embedded subset font; each font's ToUnicode CMap maps them back. Enough PDF for pdfkit's own
// output (direct /Length, FlateDecode or plain streams, one /Pages node), not a general reader.
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const s = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const head = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = head.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endobj', start);
    const streamAt = s.indexOf('stream\n', start);
    if (streamAt !== -1 && streamAt < end) {
      const dict = s.slice(start, streamAt);
      const len = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
      const raw = pdf.subarray(streamAt + 7, streamAt + 7 + len);
      out.set(Number(m[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
      head.lastIndex = s.indexOf('endobj', streamAt + 7 + len);
    } else {
      out.set(Number(m[1]), { dict: s.slice(start, end) });
      head.lastIndex = end;
    }
  }
  return out;
}

const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

/** glyph id → text, from a ToUnicode CMap with bfrange arrays (pdfkit's form) or bfchar entries. */
function cmap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, a, b, body] of text.matchAll(/<([0-9a-fA-F]+)> <([0-9a-fA-F]+)> \[([^\]]*)\]/g)) {
    const dst = [...body.matchAll(/<([0-9a-fA-F ]*)>/g)].map((x) => utf16(x[1].replace(/ /g, '')));
    for (let g = parseInt(a, 16); g <= parseInt(b, 16); g++) map.set(g, dst[g - parseInt(a, 16)]);
  }
  for (const [, g, u] of text.matchAll(/^<([0-9a-fA-F]{4})> <([0-9a-fA-F]+)>$/gm)) map.set(parseInt(g, 16), utf16(u));
  return map;
}

export interface TextRun {
  text: string;
  /** The font size in points. */
  size: number;
}

/** Per page, each text operation (a drawn line) with its size, in drawing order. */
export function pdfRuns(pdf: Buffer): TextRun[][] {
  const objs = objects(pdf);
  // Font resource name (F1, F2…) → its glyph map; pdfkit names fonts document-wide.
  const fonts = new Map<string, Map<number, string>>();
  for (const o of objs.values()) {
    for (const [, name, num] of o.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objs.get(Number(num));
      const tu = font && ref(font.dict, 'ToUnicode');
      const stream = tu ? objs.get(tu)?.stream : undefined;
      if (stream) fonts.set(name, cmap(stream.toString('latin1')));
    }
  }
  const root = [...objs.values()].find((o) => /\/Type \/Pages/.test(o.dict));
  const kids = [...(/\/Kids \[([^\]]*)\]/.exec(root?.dict ?? '')?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((k) => Number(k[1]));
  return kids.map((k) => {
    const content = objs.get(ref(objs.get(k)?.dict ?? '', 'Contents'))?.stream?.toString('latin1') ?? '';
    const runs: TextRun[] = [];
    let glyphs = new Map<number, string>();
    let size = 0;
    for (const op of content.matchAll(/\/(F\d+) ([\d.]+) Tf|\[([^\]]*)\] TJ|<([0-9a-fA-F]*)> Tj/g)) {
      if (op[1]) {
        glyphs = fonts.get(op[1]) ?? new Map();
        size = Number(op[2]);
      } else {
        const hex = op[3] !== undefined ? [...op[3].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1]).join('') : op[4];
        runs.push({ text: (hex.match(/.{4}/g) ?? []).map((g) => glyphs.get(parseInt(g, 16)) ?? '\uFFFD').join(''), size });
      }
    }
    return runs;
  });
}

/** Per page, the text of each text operation (a drawn line), in drawing order. */
export const pdfPages = (pdf: Buffer): string[][] => pdfRuns(pdf).map((p) => p.map((r) => r.text));

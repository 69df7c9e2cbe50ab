// The property the .lrmx writer is built for, over many generated sheets (seeded, so failures repeat):
// readLrmx(writeLrmx(s)) equals s for a normalized sheet, and writing what was read gives the same bytes.
import { describe, expect, it } from 'vitest';
import type { TCadreSheet, TFamilyRow, TLrmxExtra, TResumeLine } from '../../../../domain/schemas/cadre-sheet.js';
import { LRMX_ORDER } from './lrmx-format.js';
import { readLrmx } from './read-lrmx.js';
import { SAMPLE_JPEG_BASE64, sampleSheet } from './sample.js';
import { writeLrmx } from './write-lrmx.js';

/** mulberry32: a small seeded generator. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}

// Characters a form holds, XML's reserved ones among them; no 已故/去世 (they mark a relative).
const CHARS = [...'某县委组织部科员副主任中共党员民盟研究生学士硕士教师退休财政局', ...'&<>"\'', ...'AZaz09', '（', '）', '、', '；', ' '];

const position = (e: TLrmxExtra) => (e.after === null ? -1 : LRMX_ORDER.indexOf(e.after as (typeof LRMX_ORDER)[number]));

function generator(seed: number) {
  const r = random(seed);
  const word = (max: number, min = 1) => {
    let s = '';
    for (let i = min + r.int(max - min + 1); i > 0; i--) s += r.pick(CHARS);
    return s.trim() || '甲';
  };
  const maybe = (max: number) => (r.next() < 0.2 ? '' : word(max));
  const lines = (max: number) =>
    Array.from({ length: 1 + r.int(3) }, () => word(max))
      .join('\n')
      .trim();
  const month = () => `${1950 + r.int(75)}-${String(1 + r.int(12)).padStart(2, '0')}`;
  const day = () => `${month()}-${String(1 + r.int(28)).padStart(2, '0')}`;
  const date = () => (r.next() < 0.15 ? null : r.next() < 0.2 ? day() : month());
  const step = (): TResumeLine => {
    if (r.next() < 0.1) return { from: null, to: null, text: `${r.int(10)}年${word(10)}`, sub: [] };
    const text = Array.from({ length: 1 + r.int(2) }, (_, i) => (i === 0 ? word(20) : `续${word(10)}`)).join('\n');
    const sub = r.next() < 0.3 ? [`（${r.pick(['其间', '其中'])}：${word(20)}）`] : [];
    return { from: r.next() < 0.1 ? day() : month(), to: r.next() < 0.2 ? null : month(), text, sub };
  };
  const relative = (): TFamilyRow => {
    const deceased = r.next() < 0.2;
    return {
      relation: r.pick(['父亲', '母亲', '妻子', '丈夫', '儿子', '女儿']),
      name: word(4, 2),
      birth: date(),
      political: maybe(6),
      workPost: deceased ? r.pick(['已故', '已去世', `${word(6)}（已故）`]) : maybe(20),
      deceased,
    };
  };
  const extra = (): TLrmxExtra => ({
    name: r.pick(['DaoLingNianYue', 'GaiGeQianRenZhiNianLingJieXian', 'Vendor_X']),
    text: maybe(10),
    after: r.pick([null, ...LRMX_ORDER]),
  });
  const party = r.next();
  return (): TCadreSheet =>
    sampleSheet({
      name: word(4, 2),
      sex: r.pick(['男', '女', '']),
      birth: date(),
      ethnicity: maybe(4),
      birthPlace: maybe(8),
      partyJoin: party < 0.7 ? month() : null,
      partyName: party > 0.5 ? r.pick(['民盟', '民建', '九三学社', '农工党']) : '',
      workStart: date(),
      proTitle: maybe(12),
      fullTime: { level: maybe(4), degree: maybe(6), levelSchool: maybe(20), degreeSchool: maybe(20) },
      currentPost: lines(20),
      resume: Array.from({ length: r.int(12) }, step),
      rewards: r.next() < 0.3 ? '' : lines(30),
      assessments: maybe(30),
      family: Array.from({ length: r.int(8) }, relative),
      ageAt: r.next() < 0.3 ? null : day(),
      filledOn: r.next() < 0.3 ? null : day(),
      idNumber: r.next() < 0.3 ? null : `3503221980${String(r.int(1e8)).padStart(8, '0')}`,
      photo: r.next() < 0.3 ? null : { mime: 'image/jpeg', base64: SAMPLE_JPEG_BASE64 },
      version: r.pick(['3.2.1.16', '3.2.1.6', '4.0']),
      // Normalized: in file order, i.e. by the position of the element each follows.
      extras: Array.from({ length: r.int(4) }, extra).sort((a, b) => position(a) - position(b)),
    });
}

describe('the .lrmx round trip over generated sheets', () => {
  it.each(Array.from({ length: 20 }, (_, i) => i + 1))('seed %i: 25 sheets come back equal and byte-stable', (seed) => {
    const next = generator(seed);
    for (let i = 0; i < 25; i++) {
      const sheet = next();
      const bytes = writeLrmx(sheet);
      const back = readLrmx(bytes).sheet;
      expect(back).toEqual(sheet);
      expect(writeLrmx(back).equals(bytes)).toBe(true);
    }
  });
});

describe('writeLrmx: characters XML cannot hold', () => {
  it('leaves out control characters so the file stays well-formed', () => {
    const back = readLrmx(writeLrmx(sampleSheet({ name: '林\u0001晓\u0008东', reason: 'a\u0000b' }))).sheet;
    expect([back.name, back.reason]).toEqual(['林晓东', 'ab']);
  });
});

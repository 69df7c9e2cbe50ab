// The .lrmx reader and writer against the quirks of real files (PILLARS.md §1) and the round trip.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TCadreSheet } from '../../../../domain/schemas/cadre-sheet.js';
import { AppError } from '../../../errors.js';
import { LRMX_ORDER, MAX_LRMX_BYTES } from './lrmx-format.js';
import { readLrmx } from './read-lrmx.js';
import { SAMPLE_JPEG_BASE64, sampleSheet } from './sample.js';
import { writeLrmx } from './write-lrmx.js';

const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** A minimal file: `<Person>` around the given children. */
const lrmx = (children: string, head = '<?xml version="1.0" encoding="utf-8"?>') =>
  Buffer.from(`${head}\r\n<Person>\r\n${children}\r\n</Person>\r\n`);
const read = (children: string) => readLrmx(lrmx(children)).sheet;
const family = (...items: string[]) => `<JiaTingChengYuan>${items.join('')}</JiaTingChengYuan>`;

function refusal(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('writeLrmx then readLrmx: the round trip', () => {
  const family = sampleSheet().family;
  it.each<[string, TCadreSheet]>([
    ['the sample', sampleSheet()],
    ['a democratic party member with a join date', sampleSheet({ partyJoin: '2005-06', partyName: '民盟' })],
    ['a democratic party member without a date', sampleSheet({ partyJoin: null, partyName: '民盟' })],
    ['a non-member', sampleSheet({ partyJoin: null, partyName: '' })],
    ['dates with a day', sampleSheet({ birth: '1980-03-15', workStart: '2004-07-01', family: [{ ...family[0]!, birth: '1982-05-20' }] })],
    ['no photo, no ID, no dates of the form', sampleSheet({ photo: null, idNumber: null, ageAt: null, filledOn: null })],
    ['a PNG photo', sampleSheet({ photo: { mime: 'image/png', base64: PNG_1X1 } })],
    ['no family, no resume', sampleSheet({ family: [], resume: [] })],
    ['an empty sheet', { ...sampleSheet(), ...emptySheet() }],
    ['another version', sampleSheet({ version: '3.2.1.6' })],
    [
      'text XML reserves and several lines',
      sampleSheet({
        name: 'A&B <测试>',
        rewards: '2019年嘉奖\n2021年记三等功',
        reason: 'x > y & "z"',
        resume: [{ from: null, to: null, text: '1990年参加工作', sub: [] }],
      }),
    ],
    [
      'extras anywhere',
      sampleSheet({
        extras: [
          { name: 'Vendor', text: '首', after: null },
          { name: 'DaoLingNianYue', text: '204003', after: 'CanJiaGongZuoShiJian' },
          { name: 'GaiGeQianRenZhiNianLingJieXian', text: '60岁', after: 'ChengBaoDanWei' },
          { name: 'Tail', text: '', after: 'Version' },
        ],
      }),
    ],
  ])('%s', (_what, sheet) => {
    const bytes = writeLrmx(sheet);
    const back = readLrmx(bytes).sheet;
    expect(back).toEqual(sheet);
    expect(writeLrmx(back).equals(bytes)).toBe(true);
  });

  it('writes a producer file back byte for byte after the first normalization', () => {
    const once = writeLrmx(readLrmx(readFileSync(new URL('./fixtures/producer-v4.lrmx', import.meta.url))).sheet);
    expect(writeLrmx(readLrmx(once).sheet).equals(once)).toBe(true);
  });
});

function emptySheet(): Partial<TCadreSheet> {
  const edu = { level: '', degree: '', levelSchool: '', degreeSchool: '' };
  return {
    ...Object.fromEntries(
      (
        ['name', 'sex', 'ethnicity', 'nativePlace', 'birthPlace', 'partyName', 'health', 'proTitle', 'expertise', 'currentPost'] as const
      ).map((k) => [k, '']),
    ),
    ...{ proposedPost: '', proposedRemoval: '', rewards: '', assessments: '', reason: '', reportingUnit: '', filledBy: '' },
    ...{ birth: null, partyJoin: null, workStart: null, ageAt: null, filledOn: null, idNumber: null, photo: null },
    fullTime: edu,
    inService: edu,
    resume: [],
    family: [],
  };
}

describe('writeLrmx: the file as producers write it', () => {
  const text = writeLrmx(
    sampleSheet({
      birth: '1980-03-15',
      version: null,
      extras: [{ name: 'DaoLingNianYue', text: '204003', after: 'CanJiaGongZuoShiJian' }],
    }),
  ).toString('utf8');

  it('starts with the lower-case UTF-8 declaration, no BOM, and ends lines with CRLF', () => {
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\r\n<Person>\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/\n|\r/);
  });

  it('writes the elements in the order of RULES.md §7, extras after the element they followed', () => {
    const tags = [...text.matchAll(/^ {2}<([A-Za-z_]+)>/gm)].map((m) => m[1]);
    const expected: string[] = [...LRMX_ORDER];
    expected.splice(expected.indexOf('CanJiaGongZuoShiJian') + 1, 0, 'DaoLingNianYue');
    expect(tags).toEqual(expected);
  });

  it.each([
    ['<ChuShengNianYue>19800315</ChuShengNianYue>'],
    ['<CanJiaGongZuoShiJian>200407</CanJiaGongZuoShiJian>'],
    ['<JiSuanNianLingShiJian>20260630</JiSuanNianLingShiJian>'],
    ['<TianBiaoShiJian>20260620</TianBiaoShiJian>'],
    ['<ChuShengRiQi>195201</ChuShengRiQi>'],
    ['<RuDangShiJian>200306</RuDangShiJian>'],
    ['<Version>3.2.1.16</Version>'],
    ['<JianLi>2000.09--2004.07  某某大学法学院法学专业学习\r\n2004.07--2008.03'],
    ['2008.03--2013.09  某某县委组织部干部科科员、副科长、科长\r\n                  （其间：'],
    ['2021.06--         某某县委常委、组织部部长</JianLi>'],
    ['<GongZuoDanWeiJiZhiWu>已故</GongZuoDanWeiJiZhiWu>'],
  ])('holds %s', (fragment) => {
    expect(text).toContain(fragment);
  });

  it('wraps the photo at 76 characters', () => {
    const photo = /<ZhaoPian>([^<]*)<\/ZhaoPian>/.exec(text)![1]!.split('\r\n');
    expect(photo.map((l) => l.length)).toEqual([76, 76, 28]);
    expect(photo.join('')).toBe(SAMPLE_JPEG_BASE64);
  });

  it('escapes text and marks a deceased relative the file would otherwise not show', () => {
    const s = sampleSheet({
      name: 'A&B<C>',
      family: [{ relation: '父亲', name: '林建国', birth: null, political: '', workPost: '农民', deceased: true }],
    });
    const out = writeLrmx(s).toString('utf8');
    expect(out).toContain('<XingMing>A&amp;B&lt;C&gt;</XingMing>');
    expect(out).toContain('<GongZuoDanWeiJiZhiWu>农民（已故）</GongZuoDanWeiJiZhiWu>');
    expect(readLrmx(Buffer.from(out)).sheet.family[0]?.deceased).toBe(true);
  });

  it('writes 入党时间 with a democratic party as YYYYMM；name', () => {
    expect(writeLrmx(sampleSheet({ partyJoin: '2005-06', partyName: '民盟' })).toString()).toContain(
      '<RuDangShiJian>200506；民盟</RuDangShiJian>',
    );
  });
});

describe('readLrmx: a producer file with every quirk at once', () => {
  const sheet = readLrmx(readFileSync(new URL('./fixtures/producer-v4.lrmx', import.meta.url))).sheet;

  it('reads through the BOM and CRLF, trims values, empties newline-only elements', () => {
    expect(sheet.name).toBe('林晓东');
    expect(sheet.birthPlace).toBe('');
    expect(sheet.expertise).toBe('');
    expect(sheet.inService).toEqual({ level: '研究生', degree: '公共管理硕士', levelSchool: '', degreeSchool: '某某大学公共管理专业' });
  });

  it('reads each date form', () => {
    expect([sheet.birth, sheet.partyJoin, sheet.workStart, sheet.ageAt, sheet.filledOn]).toEqual([
      '1980-03',
      '2003-06',
      '2004-07',
      null,
      '2026-06-20',
    ]);
  });

  it('keeps the two real relatives of ten rows and a comment, the one who died marked', () => {
    expect(sheet.family).toEqual([
      { relation: '妻子', name: '陈丽华', birth: '1982-05', political: '中共党员', workPost: '某某县第一中学教师', deceased: false },
      { relation: '父亲', name: '林建国', birth: '1952-01', political: '群众', workPost: '已去世', deceased: true },
    ]);
  });

  it('reads the 简历 with its separators, wrapped line and sub-item', () => {
    expect(sheet.resume).toEqual([
      { from: '2000-09', to: '2004-07', text: '某某大学法学院法学专业学习', sub: [] },
      { from: '2004-07', to: '2008-03', text: '某某县某某镇政府科员', sub: [] },
      {
        from: '2008-03',
        to: '2013-09',
        text: '某某县委组织部干部科科员、副科长、\n科长',
        sub: ['（其间：2010.09--2013.07在某某大学公共管理专业在职研究生学习）'],
      },
      { from: '2021-06', to: null, text: '某某县委常委、组织部部长', sub: [] },
    ]);
  });

  it('keeps the version-4 elements where they stood, the wrapped photo and the version', () => {
    expect(sheet.extras).toEqual([
      { name: 'DaoLingNianYue', text: '204003', after: 'CanJiaGongZuoShiJian' },
      { name: 'GaiGeQianRenZhiNianLingJieXian', text: '60岁', after: 'ChengBaoDanWei' },
    ]);
    expect(sheet.photo).toEqual({ mime: 'image/jpeg', base64: SAMPLE_JPEG_BASE64 });
    expect(sheet.version).toBe('3.2.1.6');
    const again = writeLrmx(sheet).toString();
    expect(again).toMatch(/<\/CanJiaGongZuoShiJian>\r\n {2}<DaoLingNianYue>204003<\/DaoLingNianYue>\r\n {2}<JianKangZhuangKuang>/);
    expect(again).toMatch(
      /<\/ChengBaoDanWei>\r\n {2}<GaiGeQianRenZhiNianLingJieXian>60岁<\/GaiGeQianRenZhiNianLingJieXian>\r\n {2}<JiSuanNianLingShiJian>/,
    );
  });
});

describe('readLrmx: values', () => {
  it.each([
    ['198003', '1980-03'],
    ['19800315', '1980-03-15'],
    ['1980.03', '1980-03'],
    ['1980.3', '1980-03'],
    ['1980.03.15', '1980-03-15'],
    ['1980-03', '1980-03'],
    ['1980-03-15', '1980-03-15'],
    ['1980年3月', '1980-03'],
    ['', null],
    ['  \r\n  ', null],
  ])('出生年月 %j → %j', (text, date) => {
    expect(read(`<ChuShengNianYue>${text}</ChuShengNianYue>`).birth).toBe(date);
  });

  it.each([
    ['20260620', '2026-06-20'],
    ['2026.06.20', '2026-06-20'],
    ['202606', '2026-06-01'],
    ['', null],
  ])('填表时间 %j → %j', (text, day) => {
    expect(read(`<TianBiaoShiJian>${text}</TianBiaoShiJian>`).filledOn).toBe(day);
  });

  it.each([
    ['200306', '2003-06', ''],
    ['2003.06', '2003-06', ''],
    ['民盟', null, '民盟'],
    ['200506；民盟', '2005-06', '民盟'],
    ['200506;民盟', '2005-06', '民盟'],
    ['2005.06 ； 九三学社', '2005-06', '九三学社'],
    ['', null, ''],
  ])('入党时间 %j → %j and %j', (text, partyJoin, partyName) => {
    expect(read(`<RuDangShiJian>${text}</RuDangShiJian>`)).toMatchObject({ partyJoin, partyName });
  });

  it.each([
    ['missing', '', null],
    ['empty', '<Version></Version>', null],
    ['blank', '<Version>\r\n  </Version>', null],
    ['another', '<Version>3.2.1.6</Version>', '3.2.1.6'],
    ['unknown', '<Version>9.9</Version>', '9.9'],
  ])('Version %s → %j', (_what, el, version) => {
    expect(read(el).version).toBe(version);
  });

  it('reads a photo wrapped at 76 characters with LF or CRLF, a PNG too, and an empty one as none', () => {
    const wrap = (b64: string, eol: string) => b64.match(/.{1,76}/g)!.join(eol);
    expect(read(`<ZhaoPian>\r\n${wrap(SAMPLE_JPEG_BASE64, '\r\n')}\r\n</ZhaoPian>`).photo).toEqual({
      mime: 'image/jpeg',
      base64: SAMPLE_JPEG_BASE64,
    });
    expect(read(`<ZhaoPian>${wrap(PNG_1X1, '\n')}</ZhaoPian>`).photo).toEqual({ mime: 'image/png', base64: PNG_1X1 });
    expect(read('<ZhaoPian>\n  </ZhaoPian>').photo).toBeNull();
  });

  it('decodes the predefined entities, character references and CDATA, and ignores comments', () => {
    const s = read(
      '<XingMing>A&amp;B&#x6797;&#26519;</XingMing><!-- <XingBie>女</XingBie> --><RenMianLiYou><![CDATA[x < y & z]]></RenMianLiYou>',
    );
    expect([s.name, s.sex, s.reason]).toEqual(['A&B林林', '', 'x < y & z']);
  });

  it('keeps an unknown element before the first known one, and a duplicate of a known one', () => {
    const s = read('<Vendor>1</Vendor><XingMing>甲</XingMing><XingMing>乙</XingMing>');
    expect(s.name).toBe('甲');
    expect(s.extras).toEqual([
      { name: 'Vendor', text: '1', after: null },
      { name: 'XingMing', text: '乙', after: 'XingMing' },
    ]);
  });

  it('drops family rows whose fields are all empty, self-closing or not, and reads 已故 in any field', () => {
    const rows = read(
      family(
        '<Item/>',
        '<Item><ChengWei></ChengWei><XingMing>\n</XingMing></Item>',
        '<Item><ChengWei>母亲</ChengWei><XingMing>王秀英</XingMing><ChuShengRiQi>1955.11</ChuShengRiQi><ZhengZhiMianMao>群众（已故）</ZhengZhiMianMao></Item>',
      ),
    ).family;
    expect(rows).toEqual([{ relation: '母亲', name: '王秀英', birth: '1955-11', political: '群众（已故）', workPost: '', deceased: true }]);
  });

  it('reads a file written with LF only and no declaration', () => {
    const s = readLrmx(Buffer.from('<Person>\n  <JianLi>2000.09--2004.07  学习\n2004.07--  工作\n  </JianLi>\n</Person>\n')).sheet;
    expect(s.resume).toEqual([
      { from: '2000-09', to: '2004-07', text: '学习', sub: [] },
      { from: '2004-07', to: null, text: '工作', sub: [] },
    ]);
  });

  it('reads a GB18030 file whose declaration says so', () => {
    const gbk = Buffer.from([
      ...Buffer.from('<?xml version="1.0" encoding="GB2312"?><Person><XingMing>'),
      0xc1,
      0xd6,
      ...Buffer.from('</XingMing></Person>'),
    ]);
    expect(readLrmx(gbk).sheet.name).toBe('林');
  });
});

describe('readLrmx: what it refuses, and how it says so', () => {
  const lrm = Buffer.concat([Buffer.from([0xb8, 0xc9, 0xb2, 0xbf]), Buffer.from('\r\n2.0\r\n')]);
  it.each<[string, Buffer, RegExp, string?]>([
    [
      'a DOCTYPE (XXE)',
      lrmx('<XingMing>&xxe;</XingMing>', '<?xml version="1.0"?><!DOCTYPE Person [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'),
      /DOCTYPE 或 ENTITY/,
    ],
    ['an ENTITY alone', Buffer.from('<Person><!ENTITY a "b"></Person>'), /DOCTYPE 或 ENTITY/],
    ['an unescaped &', lrmx('<XingMing>张三</XingMing>\r\n<XianRenZhiWu>党委书记&主任</XianRenZhiWu>'), /第 4 行.*未转义的“&”/],
    ['the old .lrm', lrm, /旧版 2\.0 的 \.lrm/],
    ['a file over the cap', Buffer.alloc(MAX_LRMX_BYTES + 1, 0x20), /超过 5 MB/],
    ['another root', Buffer.from('<?xml version="1.0"?><Cadre><XingMing>张三</XingMing></Cadre>'), /根元素是 <Cadre>/],
    ['broken XML', lrmx('<XingMing>张三</XingBie>'), /不是格式正确的 XML/],
    ['UTF-16', Buffer.from('\ufeff<Person></Person>', 'utf16le'), /UTF-16/],
    [
      'bytes that are not UTF-8',
      Buffer.from([...Buffer.from('<Person><XingMing>'), 0xc1, 0xd6, ...Buffer.from('</XingMing></Person>')]),
      /编码不是 UTF-8/,
    ],
    [
      'an unreadable 出生年月',
      lrmx('<ChuShengNianYue>1980年代</ChuShengNianYue>'),
      /出生年月\(ChuShengNianYue\)“1980年代”/,
      'ChuShengNianYue',
    ],
    [
      'a month 13',
      lrmx('<CanJiaGongZuoShiJian>200413</CanJiaGongZuoShiJian>'),
      /参加工作时间\(CanJiaGongZuoShiJian\)/,
      'CanJiaGongZuoShiJian',
    ],
    ['a day 30 of February', lrmx('<TianBiaoShiJian>2026.02.30</TianBiaoShiJian>'), /填表时间\(TianBiaoShiJian\)/, 'TianBiaoShiJian'],
    ['an unreadable 入党时间 date', lrmx('<RuDangShiJian>2003年夏；民盟</RuDangShiJian>'), /入党时间\(RuDangShiJian\)/, 'RuDangShiJian'],
    [
      'a relative’s unreadable birth',
      lrmx(family('<Item><XingMing>甲</XingMing><ChuShengRiQi>不详</ChuShengRiQi></Item>')),
      /第 1 位家庭成员的出生日期\(ChuShengRiQi\)/,
      'ChuShengRiQi',
    ],
    ['a photo that is not base64', lrmx('<ZhaoPian>这不是照片</ZhaoPian>'), /照片\(ZhaoPian\)不是有效的 base64/, 'ZhaoPian'],
    [
      'a photo that is no image',
      lrmx(`<ZhaoPian>${Buffer.from('GIF89a-not-allowed').toString('base64')}</ZhaoPian>`),
      /不是 JPEG 或 PNG/,
      'ZhaoPian',
    ],
    ['nesting no .lrmx has', lrmx(`<Vendor>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</Vendor>`), /嵌套层级过深/],
    ['more than 100 unknown elements', lrmx('<X>1</X>'.repeat(101)), /超过 100 个未识别的元素/],
    [
      'a school name too long',
      lrmx(`<ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi>${'某'.repeat(301)}</ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi>`),
      /在职教育学位毕业院校系及专业\(ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi\)的内容超出/,
      'ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi',
    ],
    [
      'more than 50 relatives',
      lrmx(family(...Array.from({ length: 51 }, () => '<Item><XingMing>甲</XingMing></Item>'))),
      /家庭主要成员及重要社会关系\(JiaTingChengYuan\)的内容超出/,
      'JiaTingChengYuan',
    ],
    [
      'an ID number too long',
      lrmx('<ShenFenZheng>3503221980031500141234</ShenFenZheng>'),
      /身份证号\(ShenFenZheng\)的内容超出/,
      'ShenFenZheng',
    ],
  ])('%s', (_what, buf, message, field = 'file') => {
    const e = refusal(() => readLrmx(buf));
    expect(e.code).toBe('LRMX_INVALID');
    expect(e.status).toBe(400);
    expect(e.message).toMatch(message);
    expect(e.field).toBe(field);
  });
});

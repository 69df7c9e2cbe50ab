// Reads a .lrmx file (干部任免审批表 exchange, RULES.md §7) into a TCadreSheet, tolerant of what real
// producers write (PILLARS.md §1): values trimmed, blank family rows dropped, several date forms, a
// democratic party's name in 入党时间, a wrapped photo, and unknown elements (version 4's
// DaoLingNianYue, a vendor's own) kept with the element they followed. Anything it cannot read is
// refused with an AppError naming the element, so a batch import names the file and imports none of it.
import { ZCadreSheet, type TCadreSheet, type TFamilyRow, type TLrmxExtra } from '../../../../domain/schemas/cadre-sheet.js';
import { parseResume } from '../../../../domain/rules/cadre-resume.js';
import {
  FAMILY_ELEMENTS,
  FAMILY_ORDER,
  isLrmxElement,
  labelOf,
  LRMX_ELEMENTS,
  lrmxError,
  parseLrmxDate,
  type LrmxElement,
} from './lrmx-format.js';
import { childrenOf, personChildren, tagOf, textOf, type XmlNode } from './lrmx-xml.js';

const DECEASED = /已故|去世/;
/** As many unknown elements as the sheet keeps (ZCadreSheet.extras). */
const MAX_EXTRAS = 100;

interface Collected {
  values: Partial<Record<LrmxElement, string>>;
  items: XmlNode[][];
  extras: TLrmxExtra[];
}

/** Walks <Person> once: known elements by name (the first of each), family rows, the rest as extras. */
function collect(children: XmlNode[]): Collected {
  const out: Collected = { values: {}, items: [], extras: [] };
  let after: LrmxElement | null = null;
  for (const node of children) {
    const tag = tagOf(node);
    if (!tag) continue;
    const inner = childrenOf(node, tag);
    if (isLrmxElement(tag) && out.values[tag] === undefined) {
      out.values[tag] = textOf(inner);
      if (tag === 'JiaTingChengYuan') out.items = inner.filter((n) => tagOf(n) === 'Item').map((n) => childrenOf(n, 'Item'));
      after = tag;
    } else {
      // Kept for the round trip; a duplicate of a known element is kept the same way.
      if (out.extras.length >= MAX_EXTRAS) throw lrmxError(`文件含有超过 ${MAX_EXTRAS} 个未识别的元素，不是正常的任免审批表文件`);
      out.extras.push({ name: tag, text: textOf(inner), after });
    }
  }
  return out;
}

function dateOf(text: string, name: string, label: string): string | null {
  const d = parseLrmxDate(text);
  if (d === undefined) throw lrmxError(`${labelOf(name, label)}“${text}”不是可识别的日期（应为 YYYYMM 或 YYYYMMDD）`, name);
  return d;
}

/** 计算年龄时间 and 填表时间 are days; a month alone is read as its first day. */
function dayOf(text: string, name: LrmxElement): string | null {
  const d = dateOf(text, name, LRMX_ELEMENTS[name]);
  return d && d.length === 7 ? `${d}-01` : d;
}

/** 入党时间: a date, a democratic party's name (民盟), or both as `YYYYMM；民盟`. */
function partyOf(text: string): { partyJoin: string | null; partyName: string } {
  let partyJoin: string | null = null;
  const names: string[] = [];
  for (const part of text.split(/[;；]/).map((p) => p.trim())) {
    if (!part) continue;
    if (/^\d/.test(part) && partyJoin === null) partyJoin = dateOf(part, 'RuDangShiJian', LRMX_ELEMENTS.RuDangShiJian);
    else names.push(part);
  }
  return { partyJoin, partyName: names.join('；') };
}

/** 照片: base64 (whitespace and line wrapping removed) of a JPEG or PNG, told apart by their first bytes. */
function photoOf(text: string): TCadreSheet['photo'] {
  const b64 = text.replace(/\s+/g, '');
  if (!b64) return null;
  const label = labelOf('ZhaoPian', LRMX_ELEMENTS.ZhaoPian);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 === 1) throw lrmxError(`${label}不是有效的 base64 编码`, 'ZhaoPian');
  const bytes = Buffer.from(b64, 'base64');
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if (!jpeg && !png) throw lrmxError(`${label}不是 JPEG 或 PNG 图片`, 'ZhaoPian');
  return { mime: jpeg ? 'image/jpeg' : 'image/png', base64: bytes.toString('base64') };
}

/** The rows of 家庭主要成员及重要社会关系; rows whose fields are all empty (blank templates) are dropped. */
function familyOf(items: XmlNode[][]): TFamilyRow[] {
  const rows: TFamilyRow[] = [];
  for (const item of items) {
    const f = Object.fromEntries(
      FAMILY_ORDER.map((name) => [name, textOf(item.filter((n) => tagOf(n) === name).flatMap((n) => childrenOf(n, name)))]),
    );
    if (FAMILY_ORDER.every((name) => !f[name])) continue;
    const birthLabel = `第 ${rows.length + 1} 位家庭成员的${FAMILY_ELEMENTS.ChuShengRiQi}`;
    rows.push({
      relation: f.ChengWei!,
      name: f.XingMing!,
      birth: dateOf(f.ChuShengRiQi!, 'ChuShengRiQi', birthLabel),
      political: f.ZhengZhiMianMao!,
      workPost: f.GongZuoDanWeiJiZhiWu!,
      deceased: FAMILY_ORDER.some((name) => DECEASED.test(f[name]!)),
    });
  }
  return rows;
}

// Which element a schema path is written to, for the message when a value breaks a limit of the schema.
const ELEMENT_OF: Record<string, string> = {
  name: 'XingMing',
  sex: 'XingBie',
  ethnicity: 'MinZu',
  nativePlace: 'JiGuan',
  birthPlace: 'ChuShengDi',
  partyName: 'RuDangShiJian',
  health: 'JianKangZhuangKuang',
  proTitle: 'ZhuanYeJiShuZhiWu',
  expertise: 'ShuXiZhuanYeYouHeZhuanChang',
  currentPost: 'XianRenZhiWu',
  proposedPost: 'NiRenZhiWu',
  proposedRemoval: 'NiMianZhiWu',
  resume: 'JianLi',
  rewards: 'JiangChengQingKuang',
  assessments: 'NianDuKaoHeJieGuo',
  reason: 'RenMianLiYou',
  family: 'JiaTingChengYuan',
  reportingUnit: 'ChengBaoDanWei',
  filledBy: 'TianBiaoRen',
  idNumber: 'ShenFenZheng',
  version: 'Version',
};

const EDUCATION_SUFFIX: Record<string, string> = {
  level: '_XueLi',
  degree: '_XueWei',
  levelSchool: '_XueLi_BiYeYuanXiaoXi',
  degreeSchool: '_XueWei_BiYeYuanXiaoXi',
};

function validated(sheet: TCadreSheet): TCadreSheet {
  const parsed = ZCadreSheet.safeParse(sheet);
  if (parsed.success) return parsed.data;
  const path = parsed.error.issues[0]?.path ?? [];
  const key = String(path[0] ?? '');
  const edu = key === 'fullTime' ? 'QuanRiZhiJiaoYu' : key === 'inService' ? 'ZaiZhiJiaoYu' : null;
  const name = edu ? `${edu}${EDUCATION_SUFFIX[String(path[1])] ?? ''}` : (ELEMENT_OF[key] ?? key);
  const label = isLrmxElement(name) ? labelOf(name, LRMX_ELEMENTS[name]) : name === 'extras' ? '未识别的元素' : name;
  throw lrmxError(`${label}的内容超出允许的长度或数量，请检查文件`, name);
}

/** Reads one .lrmx file; throws an AppError (code LRMX_INVALID, Chinese message naming the problem). */
export function readLrmx(buf: Buffer): { sheet: TCadreSheet } {
  const { values, items, extras } = collect(personChildren(buf));
  const v = (name: LrmxElement) => values[name] ?? '';
  const date = (name: LrmxElement) => dateOf(v(name), name, LRMX_ELEMENTS[name]);
  const sheet: TCadreSheet = {
    name: v('XingMing'),
    sex: v('XingBie'),
    birth: date('ChuShengNianYue'),
    ethnicity: v('MinZu'),
    nativePlace: v('JiGuan'),
    birthPlace: v('ChuShengDi'),
    ...partyOf(v('RuDangShiJian')),
    workStart: date('CanJiaGongZuoShiJian'),
    health: v('JianKangZhuangKuang'),
    proTitle: v('ZhuanYeJiShuZhiWu'),
    expertise: v('ShuXiZhuanYeYouHeZhuanChang'),
    fullTime: {
      level: v('QuanRiZhiJiaoYu_XueLi'),
      degree: v('QuanRiZhiJiaoYu_XueWei'),
      levelSchool: v('QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi'),
      degreeSchool: v('QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi'),
    },
    inService: {
      level: v('ZaiZhiJiaoYu_XueLi'),
      degree: v('ZaiZhiJiaoYu_XueWei'),
      levelSchool: v('ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi'),
      degreeSchool: v('ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi'),
    },
    currentPost: v('XianRenZhiWu'),
    proposedPost: v('NiRenZhiWu'),
    proposedRemoval: v('NiMianZhiWu'),
    resume: parseResume(v('JianLi')),
    rewards: v('JiangChengQingKuang'),
    assessments: v('NianDuKaoHeJieGuo'),
    reason: v('RenMianLiYou'),
    family: familyOf(items),
    reportingUnit: v('ChengBaoDanWei'),
    ageAt: dayOf(v('JiSuanNianLingShiJian'), 'JiSuanNianLingShiJian'),
    filledOn: dayOf(v('TianBiaoShiJian'), 'TianBiaoShiJian'),
    filledBy: v('TianBiaoRen'),
    idNumber: v('ShenFenZheng') || null,
    photo: photoOf(v('ZhaoPian')),
    version: v('Version') || null,
    extras,
  };
  return { sheet: validated(sheet) };
}

// What the .lrmx reader and writer share: the elements in the order of RULES.md §7 with their Chinese
// labels (for error messages), the date forms real files hold (PILLARS.md §1) and XML text escaping.
import { AppError } from '../../../errors.js';

/** Refused above this size: a file with a large photo is about 200 KB. */
export const MAX_LRMX_BYTES = 5 * 1024 * 1024;

/** The Version written when the sheet came with none (PILLARS.md §1). */
export const DEFAULT_LRMX_VERSION = '3.2.1.16';

/** The children of `<Person>` in the order every producer writes them (RULES.md §7), with their labels. */
export const LRMX_ELEMENTS = {
  XingMing: '姓名',
  XingBie: '性别',
  ChuShengNianYue: '出生年月',
  MinZu: '民族',
  JiGuan: '籍贯',
  ChuShengDi: '出生地',
  RuDangShiJian: '入党时间',
  CanJiaGongZuoShiJian: '参加工作时间',
  JianKangZhuangKuang: '健康状况',
  ZhuanYeJiShuZhiWu: '专业技术职务',
  ShuXiZhuanYeYouHeZhuanChang: '熟悉专业有何专长',
  QuanRiZhiJiaoYu_XueLi: '全日制教育学历',
  QuanRiZhiJiaoYu_XueWei: '全日制教育学位',
  QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '全日制教育学历毕业院校系及专业',
  QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '全日制教育学位毕业院校系及专业',
  ZaiZhiJiaoYu_XueLi: '在职教育学历',
  ZaiZhiJiaoYu_XueWei: '在职教育学位',
  ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '在职教育学历毕业院校系及专业',
  ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '在职教育学位毕业院校系及专业',
  XianRenZhiWu: '现任职务',
  NiRenZhiWu: '拟任职务',
  NiMianZhiWu: '拟免职务',
  JianLi: '简历',
  JiangChengQingKuang: '奖惩情况',
  NianDuKaoHeJieGuo: '年度考核结果',
  RenMianLiYou: '任免理由',
  JiaTingChengYuan: '家庭主要成员及重要社会关系',
  ChengBaoDanWei: '呈报单位',
  JiSuanNianLingShiJian: '计算年龄时间',
  TianBiaoShiJian: '填表时间',
  TianBiaoRen: '填表人',
  ShenFenZheng: '身份证号',
  ZhaoPian: '照片',
  Version: '版本',
} as const;
export type LrmxElement = keyof typeof LRMX_ELEMENTS;
export const LRMX_ORDER = Object.keys(LRMX_ELEMENTS) as LrmxElement[];
export const isLrmxElement = (name: string): name is LrmxElement => Object.hasOwn(LRMX_ELEMENTS, name);

/** The fields of one `<Item>` of `JiaTingChengYuan`, in order. */
export const FAMILY_ELEMENTS = {
  ChengWei: '称谓',
  XingMing: '姓名',
  ChuShengRiQi: '出生日期',
  ZhengZhiMianMao: '政治面貌',
  GongZuoDanWeiJiZhiWu: '工作单位及职务',
} as const;
export type FamilyElement = keyof typeof FAMILY_ELEMENTS;
export const FAMILY_ORDER = Object.keys(FAMILY_ELEMENTS) as FamilyElement[];

/** `出生年月(ChuShengNianYue)`: how an element is named to the officer. */
export const labelOf = (name: string, label: string) => `${label}(${name})`;

export const lrmxError = (message: string, field = 'file') => new AppError('LRMX_INVALID', message, 400, field);

// YYYYMM, YYYYMMDD, or year, month (and day) separated by dots, hyphens, slashes or 年月日.
const COMPACT = /^(\d{4})(\d{2})(\d{2})?$/;
const SEPARATED = /^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*(?:月)?\s*(?:[.\-/]?\s*(\d{1,2})\s*日?)?$/;

/** A date as the file wrote it → `YYYY-MM` or `YYYY-MM-DD`; '' → null; anything else → undefined. */
export function parseLrmxDate(text: string): string | null | undefined {
  if (text === '') return null;
  const m = COMPACT.exec(text) ?? SEPARATED.exec(text);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const month = Number(mo);
  if (month < 1 || month > 12) return undefined;
  const ym = `${y}-${String(month).padStart(2, '0')}`;
  if (d === undefined) return ym;
  const day = Number(d);
  if (day < 1 || day > new Date(Date.UTC(Number(y), month, 0)).getUTCDate()) return undefined;
  return `${ym}-${String(day).padStart(2, '0')}`;
}

/** `YYYY-MM` → `YYYYMM`, `YYYY-MM-DD` → `YYYYMMDD`, null → ''. */
export const formatLrmxDate = (date: string | null): string => (date ?? '').replaceAll('-', '');

// XML 1.0 allows tab, LF, CR and everything from U+0020 except the surrogates and U+FFFE/U+FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text as element content: the three characters XML reserves escaped, characters XML cannot hold removed. */
export const escapeXml = (text: string): string =>
  text.replace(NOT_XML_CHAR, '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Element content as text. The parser runs with entity processing off (no DTD entity can expand), so
 * only the five predefined entities and character references are decoded here, in one pass.
 */
export const unescapeXml = (text: string): string =>
  text.replace(ENTITY, (whole, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return NAMED[name]!;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });

// Writes a TCadreSheet as a .lrmx file the way the common producers do (RULES.md §7, PILLARS.md §1):
// UTF-8 with a lower-case declaration, <Person> with its children in the fixed order, CRLF line
// ends, dates as YYYYMM (YYYYMMDD when the sheet holds a day), the photo wrapped at 76 characters,
// and every element the sheet kept from a file it was read from written back where it stood.
import type { TCadreSheet, TFamilyRow, TLrmxExtra } from '../../../../domain/schemas/cadre-sheet.js';
import { printResume } from '../../../../domain/rules/cadre-resume.js';
import {
  DEFAULT_LRMX_VERSION,
  escapeXml,
  FAMILY_ORDER,
  formatLrmxDate,
  LRMX_ORDER,
  type FamilyElement,
  type LrmxElement,
} from './lrmx-format.js';

const EOL = '\r\n';
const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const DECEASED = /已故|去世/;

const element = (indent: string, name: string, text: string) => `${indent}<${name}>${escapeXml(text).replaceAll('\n', EOL)}</${name}>`;

function partyText(sheet: TCadreSheet): string {
  const date = formatLrmxDate(sheet.partyJoin);
  return date && sheet.partyName ? `${date}；${sheet.partyName}` : date || sheet.partyName;
}

function photoText(photo: TCadreSheet['photo']): string {
  if (!photo) return '';
  const b64 = photo.base64.replace(/\s+/g, '');
  return (b64.match(/.{1,76}/g) ?? []).join('\n');
}

/** The text of each element but JiaTingChengYuan. */
function values(s: TCadreSheet): Record<Exclude<LrmxElement, 'JiaTingChengYuan'>, string> {
  return {
    XingMing: s.name,
    XingBie: s.sex,
    ChuShengNianYue: formatLrmxDate(s.birth),
    MinZu: s.ethnicity,
    JiGuan: s.nativePlace,
    ChuShengDi: s.birthPlace,
    RuDangShiJian: partyText(s),
    CanJiaGongZuoShiJian: formatLrmxDate(s.workStart),
    JianKangZhuangKuang: s.health,
    ZhuanYeJiShuZhiWu: s.proTitle,
    ShuXiZhuanYeYouHeZhuanChang: s.expertise,
    QuanRiZhiJiaoYu_XueLi: s.fullTime.level,
    QuanRiZhiJiaoYu_XueWei: s.fullTime.degree,
    QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: s.fullTime.levelSchool,
    QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: s.fullTime.degreeSchool,
    ZaiZhiJiaoYu_XueLi: s.inService.level,
    ZaiZhiJiaoYu_XueWei: s.inService.degree,
    ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: s.inService.levelSchool,
    ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: s.inService.degreeSchool,
    XianRenZhiWu: s.currentPost,
    NiRenZhiWu: s.proposedPost,
    NiMianZhiWu: s.proposedRemoval,
    JianLi: printResume(s.resume, '\n'),
    JiangChengQingKuang: s.rewards,
    NianDuKaoHeJieGuo: s.assessments,
    RenMianLiYou: s.reason,
    ChengBaoDanWei: s.reportingUnit,
    JiSuanNianLingShiJian: formatLrmxDate(s.ageAt),
    TianBiaoShiJian: formatLrmxDate(s.filledOn),
    TianBiaoRen: s.filledBy,
    ShenFenZheng: s.idNumber ?? '',
    ZhaoPian: photoText(s.photo),
    Version: s.version ?? DEFAULT_LRMX_VERSION,
  };
}

function familyLines(rows: TFamilyRow[]): string[] {
  if (rows.length === 0) return ['  <JiaTingChengYuan></JiaTingChengYuan>'];
  const out = ['  <JiaTingChengYuan>'];
  for (const r of rows) {
    // A relative marked deceased must say so in the file, or the mark is lost (the form prints no age).
    const marked = [r.relation, r.name, r.political, r.workPost].some((t) => DECEASED.test(t));
    const workPost = r.deceased && !marked ? (r.workPost ? `${r.workPost}（已故）` : '已故') : r.workPost;
    const f: Record<FamilyElement, string> = {
      ChengWei: r.relation,
      XingMing: r.name,
      ChuShengRiQi: formatLrmxDate(r.birth),
      ZhengZhiMianMao: r.political,
      GongZuoDanWeiJiZhiWu: workPost,
    };
    out.push('    <Item>', ...FAMILY_ORDER.map((name) => element('      ', name, f[name])), '    </Item>');
  }
  out.push('  </JiaTingChengYuan>');
  return out;
}

/** The .lrmx bytes of a sheet. */
export function writeLrmx(sheet: TCadreSheet): Buffer {
  const text = values(sheet);
  // Extras whose name XML cannot hold are left out; extras following no known element go first.
  const extras = sheet.extras.filter((e) => XML_NAME.test(e.name));
  const known = new Set<string>(LRMX_ORDER);
  const extrasAfter = (after: string | null): string[] =>
    extras
      .filter((e: TLrmxExtra) => (after === null ? e.after === null || !known.has(e.after) : e.after === after))
      .map((e) => element('  ', e.name, e.text));
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<Person>', ...extrasAfter(null)];
  for (const name of LRMX_ORDER) {
    lines.push(...(name === 'JiaTingChengYuan' ? familyLines(sheet.family) : [element('  ', name, text[name])]), ...extrasAfter(name));
  }
  lines.push('</Person>', '');
  return Buffer.from(lines.join(EOL), 'utf8');
}

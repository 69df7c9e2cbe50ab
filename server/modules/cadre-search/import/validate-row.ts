// Validates one row of a 干部花名册: every problem named with its row, column header and a Chinese
// reason, so the officer fixes the file in one go. An empty cell changes nothing (the import updates
// the columns given); what a cell says is checked against the code lists of domain/cadre-codes.ts.
import { BACKGROUNDS, LEVELS, POLITICAL_STATUSES, educationRank } from '../../../../domain/cadre-codes.js';
import { ETHNICITIES } from '../../../../domain/member-fields.js';
import { checkIdNumber } from '../../../../domain/rules/id-number.js';
import type { TRosterError } from '../../../../domain/schemas/cadre-search.js';
import { serialDate } from '../../members/import/read-rows.js';
import { rosterHeaderOf, type RosterImportKey } from './columns.js';
import type { RosterSheetRow } from './read-rows.js';

export interface EduRow {
  level: string;
  degree: string;
}

/** What a row sets, in the file's terms; absent means "leave as it is". */
export interface RosterFields {
  name: string;
  sex?: string;
  ethnicity?: string;
  birth?: string;
  idNumber?: string;
  nativePlace?: string;
  birthPlace?: string;
  partyJoin?: string;
  political?: string;
  workStart?: string;
  eduFullTime?: EduRow;
  eduFullTimeSchool?: string;
  eduInService?: EduRow;
  eduInServiceSchool?: string;
  title?: string;
  /** 任职时间 as the roster gives it: YYYY-MM or YYYY-MM-DD. */
  since?: string;
  level?: string;
  rankTitle?: string;
  proTitle?: string;
  expertise?: string;
  background?: string;
  health?: string;
  unitId?: number;
  /** The unit's managing organization: a new cadre without 管理机关 is managed where the unit is. */
  unitManagerOrgId?: number;
  managerOrgId?: number;
}

/** Names found in the importer's scope: units and organizations, by name (unique) or code. */
export interface RosterLookups {
  units: { id: number; name: string; short_name: string | null; manager_org_id: number }[];
  orgs: { id: number; name: string; code: string }[];
}

/** 1975.03, 1975-3, 1975/03, 1975年3月, 197503, 1975.03.12, 19750312, a date cell → YYYY-MM or YYYY-MM-DD. */
export function parsePartialDate(text: string, numeric: boolean): { value: string } | { error: string } {
  const s = serialDate(text.trim());
  // 1975.10 typed as a number arrives as 1975.1: October and January look the same.
  if (numeric && /^\d{4}\.\d$/.test(s)) return { error: '日期被存成了数字，无法区分 1 月与 10 月，请把该列设为文本格式后重新填写' };
  const m = /^(\d{4})[-./年](\d{1,2})(?:[-./月](\d{1,2})日?|月)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})?$/.exec(s);
  if (!m) return { error: '日期格式应为 1975.03 或 1975.03.12' };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null];
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12) return { error: '日期不存在（请检查年月）' };
  const ym = `${m[1]}-${String(mo).padStart(2, '0')}`;
  if (d === null) return { value: ym };
  const iso = `${ym}-${String(d).padStart(2, '0')}`;
  const t = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === iso ? { value: iso } : { error: '日期不存在（请检查年月日）' };
}

const POLITICAL_ALIASES: Record<string, string> = {
  党员: '中共党员',
  预备党员: '中共预备党员',
  团员: '共青团员',
  无党派: '无党派人士',
  民盟: '民盟盟员',
  民建: '民建会员',
  民进: '民进会员',
  民革: '民革党员',
  九三学社: '九三学社社员',
};
/** A name with its blanks removed (rosters pad two-character names: 王  伟): the matching key and the stored name. */
export const nameKey = (s: string): string => s.replace(/[\s\u3000]/g, '');
const NAME = /^[\u3400-\u9fff·•A-Za-z]{2,30}$/;

/** 大学 法学学士 / 研究生/硕士 → level and degree; the level must be a known 学历. */
function parseEdu(text: string): EduRow | null {
  const [level, ...rest] = text.split(/[\s/、，,]+/).filter(Boolean);
  if (!level || educationRank(level) === null) return null;
  return { level, degree: rest.join(' ') };
}

export function validateRosterRow(r: RosterSheetRow, lookups: RosterLookups): { errors: TRosterError[]; fields: RosterFields | null } {
  const errors: TRosterError[] = [];
  const err = (key: RosterImportKey, message: string) => errors.push({ row: r.row, column: rosterHeaderOf(key), message });
  const cell = (key: RosterImportKey) => r.cells[key] ?? '';
  const text = (key: RosterImportKey, max: number) => {
    const v = cell(key);
    if (v.length > max) err(key, `不能超过 ${max} 个字`);
    return v || undefined;
  };
  const date = (key: RosterImportKey) => {
    if (!cell(key)) return undefined;
    const d = parsePartialDate(cell(key), r.numeric.has(key));
    if ('error' in d) err(key, d.error);
    return 'value' in d ? d.value : undefined;
  };
  const oneOf = (key: RosterImportKey, list: readonly string[], message: string, alias?: (v: string) => string | undefined) => {
    const v = cell(key);
    if (!v) return undefined;
    const hit = list.includes(v) ? v : alias?.(v);
    if (!hit) err(key, message);
    return hit;
  };

  const name = nameKey(cell('name'));
  if (!name) err('name', '必填项不能为空');
  else if (!NAME.test(name)) err('name', '姓名应为 2–30 个汉字（少数民族姓名可含间隔号）');

  let idNumber: string | undefined;
  // An exported roster carries the masked number: it is not a match key and changes nothing.
  if (cell('idNumber') && !cell('idNumber').includes('*')) {
    if (r.numeric.has('idNumber')) err('idNumber', '身份证号被存成了数字（后几位已丢失），请把该列设为文本格式后重新填写');
    else {
      const id = checkIdNumber(cell('idNumber'));
      if (!id.ok) err('idNumber', id.message);
      else idNumber = id.normalized;
    }
  }
  const sex = oneOf('sex', ['男', '女'], '性别应为“男”或“女”');
  const birth = date('birth');
  if (idNumber && birth) {
    const fromId = checkIdNumber(idNumber);
    if (fromId.ok && !fromId.birthDate.startsWith(birth)) err('birth', `与身份证号不符（身份证号为 ${fromId.birthDate}）`);
  }
  const ethnicity = oneOf('ethnicity', ETHNICITIES, '不是规范的民族名称（如“汉族”“回族”）', (v) =>
    (ETHNICITIES as readonly string[]).includes(`${v}族`) ? `${v}族` : undefined,
  );
  // 入党时间 is a date, or for a member of a democratic party the party's name (PILLARS.md §1).
  let partyJoin: string | undefined;
  if (cell('partyJoin')) {
    if (/\d/.test(cell('partyJoin'))) partyJoin = date('partyJoin');
    else partyJoin = text('partyJoin', 20);
  }
  const political = oneOf('political', POLITICAL_STATUSES, '政治面貌应为规范名称（如“中共党员”“群众”）', (v) => POLITICAL_ALIASES[v]);
  const eduOf = (key: 'eduFullTime' | 'eduInService') => {
    if (!cell(key)) return undefined;
    const e = parseEdu(cell(key));
    if (!e) err(key, '无法识别学历（应以研究生、大学、大专、中专、高中等开头，学位写在其后，如“大学 法学学士”）');
    return e ?? undefined;
  };
  const level = oneOf('level', LEVELS, `职务层次应为：${LEVELS.join('、')}`);
  const background = oneOf('background', BACKGROUNDS, `专业背景应为：${BACKGROUNDS.join('、')}`);
  // 任职时间 is a day (the decision date); a roster often gives the month (the writer keeps a known day of it).
  const since = date('since');

  let unitId: number | undefined;
  let unitManagerOrgId: number | undefined;
  if (cell('unit')) {
    const hits = lookups.units.filter((u) => u.name === cell('unit') || u.short_name === cell('unit'));
    if (!hits.length) err('unit', '在您管理的范围内找不到该单位（请填写单位全称）');
    else if (hits.length > 1) err('unit', '有多个同名单位，无法确定是哪一个');
    else [unitId, unitManagerOrgId] = [hits[0].id, hits[0].manager_org_id];
  }
  let managerOrgId: number | undefined;
  if (cell('manager')) {
    const v = cell('manager');
    const hits = lookups.orgs.filter((o) => o.code.toUpperCase() === v.toUpperCase() || o.name === v);
    if (!hits.length) err('manager', '在您管理的范围内找不到该管理机关（请填写党组织全称或组织代码）');
    else if (hits.length > 1) err('manager', '有多个同名党组织，请改填组织代码');
    else managerOrgId = hits[0].id;
  }

  const fields: RosterFields = {
    name,
    sex,
    ethnicity,
    birth,
    idNumber,
    nativePlace: text('nativePlace', 60),
    birthPlace: text('birthPlace', 60),
    partyJoin,
    political,
    workStart: date('workStart'),
    eduFullTime: eduOf('eduFullTime'),
    eduFullTimeSchool: text('eduFullTimeSchool', 300),
    eduInService: eduOf('eduInService'),
    eduInServiceSchool: text('eduInServiceSchool', 300),
    title: text('title', 200),
    since,
    level,
    rankTitle: text('rankTitle', 40),
    proTitle: text('proTitle', 60),
    expertise: text('expertise', 200),
    background,
    health: text('health', 20),
    unitId,
    unitManagerOrgId,
    managerOrgId,
  };
  return errors.length ? { errors, fields: null } : { errors, fields };
}

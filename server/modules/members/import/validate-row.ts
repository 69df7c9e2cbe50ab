// Validates one row of the 党员信息 sheet: every problem is reported with the row, the column
// header and a Chinese reason, so a secretary can fix the file in one go (ISSUE 3 point 2).
import type { TImportError } from '../../../../domain/schemas/members.js';
import {
  codeByZh,
  DEGREE_LABELS,
  EDUCATION_LABELS,
  ETHNICITIES,
  OCCUPATION_LABELS,
  type Degree,
  type EducationLevel,
  type Occupation,
} from '../../../../domain/member-fields.js';
import { BRANCH_KINDS, type OrgKind } from '../../../../domain/org-kinds.js';
import { checkIdNumber } from '../../../../domain/rules/id-number.js';
import { checkMemberDates } from '../../../../domain/rules/members.js';
import { isCalendarDate } from '../../../../domain/schemas/common.js';
import type { NewMember } from '../insert-member.js';
import { headerOf, type ImportKey } from './columns.js';
import { serialDate, type SheetRow } from './read-rows.js';

export interface ScopeOrg {
  id: number;
  name: string;
  code: string;
  kind: string;
  status: string;
}

/** Organizations of the importer's subtree, found by code or by (unique) name. */
export class OrgLookup {
  private byCode = new Map<string, ScopeOrg>();
  private byName = new Map<string, ScopeOrg[]>();
  constructor(orgs: ScopeOrg[]) {
    for (const o of orgs) {
      this.byCode.set(o.code.toUpperCase(), o);
      this.byName.set(o.name, [...(this.byName.get(o.name) ?? []), o]);
    }
  }
  resolve(text: string): ScopeOrg | string {
    const hit = this.byCode.get(text.toUpperCase()) ?? this.byName.get(text)?.[0];
    if (!hit) return '在您管理的范围内找不到该党组织（请填写全称或组织代码）';
    if (!this.byCode.has(text.toUpperCase()) && this.byName.get(text)!.length > 1) return '有多个同名党组织，请改填组织代码';
    if (hit.status !== 'active') return '该党组织已撤销';
    if (!BRANCH_KINDS.includes(hit.kind as OrgKind)) return '党员的组织关系应在党支部，请填写党支部';
    return hit;
  }
}

// Common spellings seen in real sheets, besides the labels themselves.
const EDU_ALIASES: Record<string, EducationLevel> = {
  博士研究生: 'postgraduate',
  硕士研究生: 'postgraduate',
  研究生: 'postgraduate',
  本科: 'bachelor',
  大学: 'bachelor',
  大专: 'associate',
  专科: 'associate',
  中技: 'secondary_vocational',
  技校: 'secondary_vocational',
  中专: 'secondary_vocational',
  小学: 'primary',
  初中及以下: 'junior_high',
};
const OCC_ALIASES: Record<string, Occupation> = {
  离退休人员: 'retired',
  退休: 'retired',
  企事业单位管理人员: 'manager',
  其他: 'other',
  农民: 'farmer',
  公务员: 'official',
};
const NAME = /^[\u3400-\u9fff·•A-Za-z ]{2,30}$/;
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** 2005-06-20, 2005/6/20, 2005.6.20, 20050620, 2005年6月20日, or an Excel serial → YYYY-MM-DD; null when not a real date. */
export function parseDate(text: string): string | null {
  const s = serialDate(text.trim());
  const m = DATE.exec(s) ?? COMPACT_DATE.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

export interface RowResult {
  errors: TImportError[];
  member: (NewMember & { idNumber: string }) | null;
  idNumber: string | null;
}

export function validateRow(r: SheetRow, orgs: OrgLookup, today: string): RowResult {
  const errors: TImportError[] = [];
  const err = (key: ImportKey, message: string) => errors.push({ row: r.row, column: headerOf(key), message });
  const cell = (key: ImportKey) => r.cells[key] ?? '';
  const need = (key: ImportKey) => {
    if (!cell(key)) err(key, '必填项不能为空');
    return cell(key);
  };
  const tooLong = (key: ImportKey, max: number) => {
    if (cell(key).length > max) err(key, `不能超过 ${max} 个字`);
    return cell(key) || null;
  };

  const name = need('name');
  if (name && !NAME.test(name)) err('name', '姓名应为 2–30 个汉字（少数民族姓名可含间隔号）');

  let id: ReturnType<typeof checkIdNumber> | null = null;
  if (r.numeric.has('idNumber')) err('idNumber', '身份证号被存成了数字（后几位已丢失），请把该列设为文本格式后重新填写');
  else if (need('idNumber')) {
    id = checkIdNumber(cell('idNumber'));
    if (!id.ok) err('idNumber', id.message);
  }
  const okId = id?.ok ? id : null;
  if (cell('gender') && !['男', '女'].includes(cell('gender'))) err('gender', '性别应为“男”或“女”');
  else if (okId && cell('gender') && cell('gender') !== okId.gender) err('gender', `与身份证号不符（身份证号为${okId.gender}性）`);
  if (cell('birthDate')) {
    const b = parseDate(cell('birthDate'));
    if (!b) err('birthDate', '日期格式应为 YYYY-MM-DD');
    else if (okId && b !== okId.birthDate) err('birthDate', `与身份证号不符（身份证号为 ${okId.birthDate}）`);
  }

  let ethnicity = need('ethnicity');
  if (ethnicity && !ETHNICITIES.includes(ethnicity as never)) {
    if (ETHNICITIES.includes(`${ethnicity}族` as never)) ethnicity = `${ethnicity}族`;
    else err('ethnicity', '不是规范的民族名称（如“汉族”“回族”）');
  }
  const edu = cell('education') ? (codeByZh(EDUCATION_LABELS, cell('education')) ?? EDU_ALIASES[cell('education')] ?? null) : null;
  if (cell('education') && !edu) err('education', '学历应为：研究生、大学本科、大学专科、中专、高中、初中、小学及以下');
  const degree: Degree | null = cell('degree') ? codeByZh(DEGREE_LABELS, cell('degree').replace(/学位$/, '')) : null;
  if (cell('degree') && !degree && cell('degree') !== '无') err('degree', '学位应为：博士、硕士、学士（没有可留空）');
  const occupation = cell('occupation')
    ? (codeByZh(OCCUPATION_LABELS, cell('occupation')) ?? OCC_ALIASES[cell('occupation')] ?? null)
    : null;
  if (cell('occupation') && !occupation)
    err('occupation', '职业应为党内统计分类：工人、农牧渔民、专业技术人员、管理人员、党政机关工作人员、学生、其他职业、离退休');
  const phone = cell('phone');
  if (phone && !PHONE.test(phone)) err('phone', '应为 11 位手机号或带区号的固定电话');

  const categoryText = need('category');
  const category = /^正式(党员)?$/.test(categoryText) ? 'full' : /^预备(党员)?$/.test(categoryText) ? 'probationary' : null;
  if (categoryText && !category) err('category', '人员类别应为“正式党员”或“预备党员”');
  const admittedOn = need('admittedOn') ? parseDate(cell('admittedOn')) : null;
  if (cell('admittedOn') && !admittedOn) err('admittedOn', '日期格式应为 YYYY-MM-DD');
  const fullOn = cell('fullOn') ? parseDate(cell('fullOn')) : null;
  if (cell('fullOn') && !fullOn) err('fullOn', '日期格式应为 YYYY-MM-DD');
  if (category && admittedOn && (fullOn || !cell('fullOn'))) {
    for (const p of checkMemberDates({ category, birthDate: okId?.birthDate ?? null, admittedOn, fullOn }, today)) {
      err(p.field === 'birthDate' ? 'idNumber' : p.field, p.message);
    }
  }

  let orgId: number | null = null;
  if (need('org')) {
    const o = orgs.resolve(cell('org'));
    if (typeof o === 'string') err('org', o);
    else orgId = o.id;
  }
  const nativePlace = tooLong('nativePlace', 60);
  const address = tooLong('address', 200);
  const unitPost = tooLong('workUnitPost', 160);
  if (errors.length || !okId || !orgId || !category || !admittedOn) return { errors, member: null, idNumber: okId?.normalized ?? null };
  // "工作单位及职务" is one column: the last space-separated part is the post (示范市第一中学 教师).
  const split = unitPost?.match(/^(.+)\s+(\S+)$/);
  return {
    errors,
    idNumber: okId.normalized,
    member: {
      org_id: orgId,
      name,
      gender: okId.gender,
      birth_date: okId.birthDate,
      category,
      idNumber: okId.normalized,
      ethnicity,
      native_place: nativePlace,
      edu_fulltime: edu,
      degree_fulltime: degree,
      occupation,
      work_unit: split ? split[1] : unitPost,
      job_post: split ? split[2] : null,
      phone: phone || null,
      address,
      admitted_on: admittedOn,
      full_on: category === 'full' ? fullOn : null,
      status_since: admittedOn,
    },
  };
}

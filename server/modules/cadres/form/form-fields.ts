// What each cell of the printed 干部任免审批表 says, computed once from a TCadreSheet and shared by the
// PDF and the Word printer (PILLARS.md §2). The ID number is deliberately absent: the printed form has
// no ID cell, so no printer can print it by accident.
import type { TCadreSheet, TEducationRow, TResumeLine } from '../../../../domain/schemas/cadre-sheet.js';
import { ageOn } from '../../../../domain/rules/cadre-age.js';

export interface ResumeRow {
  /** `YYYY.MM--YYYY.MM`, `YYYY.MM--` while current, empty for a line that did not parse. */
  dates: string;
  /** The step, its sub-items (（其间：…）) on lines of their own. */
  text: string;
}

export interface FamilyLine {
  relation: string;
  name: string;
  /** The age in years at 计算年龄时间; empty for the deceased and unknown births. */
  age: string;
  political: string;
  workPost: string;
}

export interface FormFields {
  name: string;
  sex: string;
  /** `1975.03` over `（51岁）`. */
  birth: string;
  ethnicity: string;
  nativePlace: string;
  birthPlace: string;
  partyJoin: string;
  workStart: string;
  health: string;
  proTitle: string;
  expertise: string;
  /** 学历 over 学位, and the 毕业院校系及专业, for 全日制教育 and 在职教育. */
  fullTime: { degrees: string; schools: string };
  inService: { degrees: string; schools: string };
  currentPost: string;
  proposedPost: string;
  proposedRemoval: string;
  resume: ResumeRow[];
  rewards: string;
  assessments: string;
  reason: string;
  family: FamilyLine[];
  reportingUnit: string;
  /** The 呈报 date (填表时间), or blanks to fill in by hand. */
  reportDate: string;
  filledBy: string;
}

/** `YYYY-MM[-DD]` → `YYYY.MM`, the way the form prints months. */
export const dotMonth = (d: string | null): string => (d ? `${d.slice(0, 4)}.${d.slice(5, 7)}` : '');

export const BLANK_DATE = '年    月    日';
const cnDate = (d: string | null) => (d ? `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : BLANK_DATE);

function education(e: TEducationRow) {
  const schools = [e.levelSchool.trim(), e.degreeSchool.trim()].filter((s, i, all) => s && all.indexOf(s) === i);
  return { degrees: [e.level.trim(), e.degree.trim()].filter(Boolean).join('\n'), schools: schools.join('\n') };
}

/** One 简历 step as the standard line prints it (dates, then the text with its sub-items). */
export function resumeRow(l: TResumeLine): ResumeRow {
  const text = [l.text.trim(), ...l.sub.map((s) => s.trim()).filter(Boolean)].join('\n');
  // A line kept whole because it did not parse has no dates of its own: print it as written.
  if (!l.from) return { dates: '', text };
  return { dates: `${dotMonth(l.from)}--${dotMonth(l.to)}`, text };
}

const DECEASED = /已故|去世|病故|逝世/;

export function formFields(s: TCadreSheet, today: string): FormFields {
  const at = s.ageAt ?? today;
  const age = ageOn(s.birth, at);
  return {
    name: s.name.trim(),
    sex: s.sex,
    birth: [dotMonth(s.birth), age === null ? '' : `（${age}岁）`].filter(Boolean).join('\n'),
    ethnicity: s.ethnicity,
    nativePlace: s.nativePlace,
    birthPlace: s.birthPlace,
    // A democratic party's member has its name here instead of (or after) a date (PILLARS.md §1).
    partyJoin: [dotMonth(s.partyJoin), s.partyName.trim()].filter(Boolean).join('\n'),
    workStart: dotMonth(s.workStart),
    health: s.health,
    proTitle: s.proTitle,
    expertise: s.expertise,
    fullTime: education(s.fullTime),
    inService: education(s.inService),
    currentPost: s.currentPost,
    proposedPost: s.proposedPost,
    proposedRemoval: s.proposedRemoval,
    resume: s.resume.map(resumeRow),
    rewards: s.rewards,
    assessments: s.assessments,
    reason: s.reason,
    family: s.family.map((f) => {
      // The deceased get no age (PILLARS.md §1); say so when the post column does not already.
      const a = f.deceased ? (DECEASED.test(f.workPost) ? '' : '已故') : String(ageOn(f.birth, at) ?? '');
      return { relation: f.relation, name: f.name, age: a, political: f.political, workPost: f.workPost };
    }),
    reportingUnit: s.reportingUnit,
    reportDate: cnDate(s.filledOn),
    filledBy: s.filledBy,
  };
}

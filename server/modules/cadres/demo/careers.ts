// One demo cadre's file, drawn from the seeded generator: education, a career that climbs
// 副科 → 正科 → 副处 → 正处 with the minimum years between steps (RULES.md §7), the 简历 lines, the
// appointments with their 任职时间 and 文号, ranks, family, rewards and punishments. Pure: the
// caller hands in the person (a member's identity or a drawn one), the post and where earlier
// posts may be found, and writes the result.
import type { Rng } from '../../../demo/prng.js';
import { type Sex } from '../../../demo/names.js';
import { educationRank, LEVELS, type Level } from '../../../../domain/cadre-codes.js';
import type { PlannedPost, PlannedUnit } from './units.js';
import { drawFamily, drawRewards } from './careers-family.js';
import { GRAD_AGE, IN_SERVICE, MAJORS, PULL, SCHOOLS, SECTIONS, STUDY_YEARS, TOWN_OFFICES, UNIVERSITIES } from './career-tables.js';

/** Months since year 0: 2026-11 → 2026 * 12 + 10. */
export type Month = number;
export const monthOf = (date: string): Month => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
export const ymOf = (m: Month): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
const dotted = (m: Month) => ymOf(m).replace('-', '.');

export interface Slot {
  unit: PlannedUnit;
  /** Null for a rank held without a leadership post (一级调研员 of a department). */
  post: PlannedPost | null;
  level: Level;
  title: string;
}

export interface Person {
  name: string;
  sex: Sex;
  /** YYYY-MM-DD */
  birth: string;
  memberId: number | null;
}

/** A meeting of the managing committee that decided appointments: its date and its document number. */
export interface Decision {
  date: string;
  docNo: string;
}

export interface CareerContext {
  rng: Rng;
  asOf: string;
  /** Where a cadre of `unit` spent the years below the county level: the district (or the city) of their early posts. */
  home(unit: PlannedUnit): string;
  /** A post of this level in the areas a cadre of `unit` from `home` would have passed through; null when none. */
  pastPost(level: Level, unit: PlannedUnit, grassroots: boolean, home: string): { unit: PlannedUnit; post: PlannedPost } | null;
  /** The managing committee's meeting nearest to a month, for the 任职时间 and 文号. */
  decision(unit: PlannedUnit, month: Month): Decision;
  /** A township of `home` where the cadre's first years may be spent. */
  township(home: string): PlannedUnit | null;
}

export interface DraftAppointment {
  postId: number | null;
  unitId: number;
  title: string;
  level: Level;
  principal: boolean;
  decidedOn: string;
  docNo: string;
  probationUntil: string | null;
  endedOn: string | null;
  endDocNo: string | null;
  endReason: string | null;
}

export interface DraftRank {
  title: string;
  level: Level;
  decidedOn: string;
  docNo: string;
  endedOn: string | null;
}

export interface DraftFamily {
  relation: string;
  name: string;
  birth: string;
  political: string;
  workPost: string;
  deceased: boolean;
  abroadCountry: string | null;
  abroadStatus: string | null;
}

export interface DraftReward {
  kind: 'reward' | 'punishment';
  onDate: string;
  text: string;
  onForm: boolean;
  until: string | null;
}

export interface EduRow {
  level: string;
  degree: string;
  levelSchool: string;
  degreeSchool: string;
}

export interface ResumeLine {
  from: string;
  to: string | null;
  text: string;
  sub: string[];
}

export interface CadreDraft {
  workStart: string;
  eduFullTime: EduRow;
  eduInService: EduRow | Record<string, never>;
  eduRank: number | null;
  background: string;
  proTitle: string;
  expertise: string;
  resume: ResumeLine[];
  grassrootsMonths: number;
  appointments: DraftAppointment[];
  ranks: DraftRank[];
  family: DraftFamily[];
  rewards: DraftReward[];
}

const idx = (l: Level) => LEVELS.indexOf(l);
const RANK_OF_LEVEL: Record<string, string> = { 副科: '副科级', 正科: '正科级', 副处: '副处级', 正处: '正处级' };

/** Where the years below 副科 are spent: a township's 办公室, a department's 科, a district government's office. */
function deskOf(rng: Rng, unit: PlannedUnit): string {
  const name = unit.name.replace(/^中共/, '');
  if (unit.kind === '乡镇街道') return name + pick(rng, TOWN_OFFICES);
  // 示范市东城区委员会、示范市东城区人民政府 → 示范市东城区人民政府办公室; 人大常委会, 政协: their 办公室.
  if (unit.kind === '党委政府') return (name.split('、')[1] ?? name) + '办公室';
  if (unit.kind === '人大机关' || unit.kind === '政协机关') return name.replace(/机关$/, '') + '办公室';
  return name + pick(rng, SECTIONS);
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng.next() * items.length)];
}

export function backgroundOf(rng: Rng, unitName: string): string {
  for (const [re, bg] of PULL) if (re.test(unitName) && rng.chance(0.55)) return bg;
  return pick(rng, ['党务', '经济', '法律', '理工', '农业', '文教卫', '管理', '管理', '经济']);
}

function drawEducation(rng: Rng, birthYear: number, background: string): { full: EduRow; level: string; major: string } {
  const old = birthYear < 1972;
  const r = rng.next();
  const level = old
    ? r < 0.06
      ? '研究生'
      : r < 0.52
        ? '大学'
        : r < 0.86
          ? '大专'
          : '中专'
    : r < 0.24
      ? '研究生'
      : r < 0.88
        ? '大学'
        : '大专';
  const [major, discipline] = pick(rng, MAJORS[background] ?? MAJORS.管理);
  const schools = level === '大专' || level === '中专' ? SCHOOLS[level] : (UNIVERSITIES[discipline] ?? SCHOOLS.大学);
  const school = pick(rng, schools) + major + '专业';
  const degree = level === '研究生' ? `${discipline}硕士` : level === '大学' ? `${discipline}学士` : '';
  return { full: { level, degree, levelSchool: school, degreeSchool: degree ? school : '' }, level, major };
}

interface Step {
  from: Month;
  level: Level | null;
  text: string;
  unit: PlannedUnit | null;
  post: PlannedPost | null;
  grassroots: boolean;
}

/**
 * Months in each phase: the years as 科员 and at each level below the post's, ending at the current post.
 * Null when the person is too young for the post (the caller draws someone else).
 */
function phases(rng: Rng, span: number, levels: Level[]): number[] | null {
  // Minimums: two years at a deputy level before the principal one, three at a principal level before the next deputy one.
  const min = [36, ...levels.map((l) => (l.startsWith('正') ? 36 : 24))];
  const weights = [rng.int(3, 8), ...levels.map(() => 2.5 + rng.next() * 3.5)];
  const total = weights.reduce((s, w) => s + w, 0);
  const months = weights.map((w) => Math.floor((span * w) / total));
  if (months.some((m, i) => m < min[i])) return null;
  return months;
}

/** The file of one cadre whose current post is `slot`; null when `person` cannot have had the career. */
export function drawCareer(ctx: CareerContext, slot: Slot, person: Person, since: Month): CadreDraft | null {
  const { rng } = ctx;
  const asOfM = monthOf(ctx.asOf);
  const birthM = monthOf(person.birth);
  const birthYear = Number(person.birth.slice(0, 4));
  const background = backgroundOf(rng, slot.unit.name);
  const edu = drawEducation(rng, birthYear, background);
  const gradM = (birthYear + GRAD_AGE[edu.level]) * 12 + 6;
  const workStartM = gradM + 1;
  // Levels climbed below the current one: 副科 … the level just under the post.
  const below = LEVELS.filter((l) => idx(l) > idx(slot.level) && idx(l) <= idx('副科'))
    .slice()
    .reverse();
  const months = phases(rng, since - workStartM, below);
  if (!months || since > asOfM || workStartM >= since) return null;
  if ((asOfM - birthM) / 12 >= 60) return null;

  const steps: Step[] = [];
  let at = workStartM;
  // The first years as 科员: at a township for most district cadres (grassroots), in a department otherwise.
  const home = ctx.home(slot.unit);
  const town = ctx.township(home);
  const startAtTown = town !== null && rng.chance(slot.unit.area.district === null ? 0.35 : 0.6);
  const firstUnit = startAtTown ? town! : slot.unit;
  const clerkText = `${deskOf(rng, firstUnit)}科员`;
  steps.push({ from: at, level: null, text: clerkText, unit: firstUnit, post: null, grassroots: startAtTown });
  if (months[0] >= 72) {
    // A long first phase: promoted to 副主任科员 halfway.
    steps.push({
      from: at + Math.floor(months[0] / 2),
      level: null,
      text: clerkText.replace(/科员$/, '副主任科员'),
      unit: firstUnit,
      post: null,
      grassroots: startAtTown,
    });
  }
  at += months[0];
  below.forEach((level, i) => {
    const len = months[i + 1];
    // One post at the level, or two (a rotation) when the years allow it.
    const parts = len >= 60 && rng.chance(0.45) ? [Math.floor(len / 2), len - Math.floor(len / 2)] : [len];
    for (const part of parts) {
      const grassroots = slot.unit.area.district !== null ? rng.chance(0.55) : rng.chance(0.3);
      const past = ctx.pastPost(level, slot.unit, grassroots, home);
      // Without a post of the system: a section of a department (科长 is 正科, 副科长 副科 in a city department).
      const title = level === '正科' ? '科长' : level === '副科' ? '副科长' : level === '副处' ? '副调研员' : '调研员';
      const step: Step = past
        ? { from: at, level, text: past.post.fullTitle, unit: past.unit, post: past.post, grassroots: past.unit.grassroots }
        : {
            from: at,
            level,
            text: level.endsWith('科') ? `${deskOf(rng, slot.unit)}${title}` : `${slot.unit.name.replace(/^中共/, '')}${title}`,
            unit: slot.unit,
            post: null,
            grassroots: false,
          };
      // The same post drawn twice in a row is one longer spell in it.
      if (steps[steps.length - 1].text !== step.text) steps.push(step);
      at += part;
    }
  });
  steps.push({ from: since, level: slot.level, text: slot.title, unit: slot.unit, post: slot.post, grassroots: slot.unit.grassroots });

  // Appointments: every step from 副科 on, each ended by the next one at the same meeting.
  const appointments: DraftAppointment[] = [];
  const ranks: DraftRank[] = [];
  const leading = steps.filter((s) => s.level !== null);
  const decisions = leading.map((s) => ctx.decision(s.unit ?? slot.unit, s.from));
  // The decision date may fall a few days from the month drawn: keep the steps' months in line with it.
  leading.forEach((s, i) => (s.from = monthOf(decisions[i].date)));
  for (let i = 0; i < leading.length; i++) {
    const s = leading[i];
    const d = decisions[i];
    const next = decisions[i + 1] ?? null;
    const prevLevel = i > 0 ? leading[i - 1].level : null;
    const promoted = prevLevel === null || idx(s.level!) < idx(prevLevel);
    const probation = promoted && s.post?.probationKind ? addYear(d.date) : null;
    appointments.push({
      postId: s.post?.id ?? null,
      unitId: (s.unit ?? slot.unit).id,
      title: s.text,
      level: s.level!,
      principal: s.post?.principal ?? false,
      decidedOn: d.date,
      docNo: d.docNo,
      probationUntil: probation,
      endedOn: next?.date ?? null,
      endDocNo: next?.docNo ?? null,
      endReason: next ? (idx(leading[i + 1].level!) < idx(s.level!) ? '提任' : '交流任职') : null,
    });
    if (promoted) {
      const last = ranks[ranks.length - 1];
      if (last) last.endedOn = d.date;
      ranks.push({ title: RANK_OF_LEVEL[s.level!] ?? s.level!, level: s.level!, decidedOn: d.date, docNo: d.docNo, endedOn: null });
    }
  }
  // A rank without a post: the appointment is to the rank itself (一级调研员), decided like a post.
  if (!slot.post) ranks[ranks.length - 1].title = slot.title.replace(/^.*?(一级|二级|三级|四级)/, '$1');

  // In-service study: a third of cadres, more of those without a full-time degree.
  let inService: EduRow | Record<string, never> = {};
  const studyAt: { from: Month; to: Month; text: string } | null =
    rng.chance(edu.level === '大专' || edu.level === '中专' ? 0.8 : 0.3) && since - workStartM > 60
      ? (() => {
          const [level, degree, school] = pick(
            rng,
            // A graduate studies on at a Party school or for a professional master's; a 大专 or 中专 graduate first for a 大学 diploma.
            IN_SERVICE.filter(([l, d]) => (edu.level === '研究生' ? l !== '大学' : edu.level === '大学' || l === '大学' || d === '')),
          );
          inService = {
            level: level === '研究生' ? '在职研究生' : '在职大学',
            degree,
            levelSchool: school,
            degreeSchool: degree ? school : '',
          };
          const from = workStartM + rng.int(24, Math.max(24, since - workStartM - 36));
          const start = Math.floor(from / 12) * 12 + 8;
          const end = start + 34;
          return { from: start, to: end, text: `在${school.replace(/（函授）$/, '')}学习` };
        })()
      : null;
  const eduRank = Math.min(educationRank(edu.full.level) ?? 9, educationRank((inService as EduRow).level) ?? 9);

  // The 简历: study, then every step; the current one open.
  const studyFrom = gradM - STUDY_YEARS[edu.level] * 12 + 2;
  const resume: ResumeLine[] = [{ from: ymOf(studyFrom), to: ymOf(gradM), text: `${edu.full.levelSchool}学习`, sub: [] }];
  steps.forEach((s, i) => {
    const to = i + 1 < steps.length ? steps[i + 1].from : null;
    const sub: string[] = [];
    if (studyAt && studyAt.from >= s.from && (to === null || studyAt.from < to))
      sub.push(`（其间：${dotted(studyAt.from)}--${dotted(studyAt.to)}${studyAt.text}）`);
    resume.push({ from: ymOf(s.from), to: to === null ? null : ymOf(to), text: s.text, sub });
  });
  let grassroots = 0;
  steps.forEach((s, i) => {
    if (s.grassroots) grassroots += (i + 1 < steps.length ? steps[i + 1].from : asOfM) - s.from;
  });

  return {
    workStart: ymOf(workStartM),
    eduFullTime: edu.full,
    eduInService: inService,
    eduRank: eduRank > 7 ? null : eduRank,
    background,
    proTitle:
      edu.level === '研究生' && rng.chance(0.2) ? pick(rng, ['高级经济师', '高级工程师', '副研究员']) : rng.chance(0.1) ? '经济师' : '',
    expertise: `熟悉${{ 党务: '党建', 经济: '经济', 法律: '政法', 理工: '城乡建设', 农业: '农业农村', 文教卫: '社会事业', 管理: '行政管理', 其他: '综合' }[background] ?? '综合'}工作`,
    resume,
    grassrootsMonths: grassroots,
    appointments,
    ranks,
    family: drawFamily(rng, person, asOfM),
    rewards: drawRewards(rng, ctx.asOf, slot),
  };
}

function addYear(date: string): string {
  const y = Number(date.slice(0, 4)) + 1;
  // 29 February has no twin next year.
  return `${y}${date.slice(4) === '-02-29' ? '-02-28' : date.slice(4)}`;
}

// One demo cadre's file, drawn from the seeded generator: education, a career that climbs
// 副科 → 正科 → 副处 → 正处 with the minimum years between steps (RULES.md §7), the 简历 lines, the
// appointments with their 任职时间 and 文号, ranks, family, rewards and punishments. Pure: the
// caller hands in the person (a member's identity or a drawn one), the post and where earlier
// posts may be found, and writes the result.
import type { Rng } from '../../../demo/prng.js';
import { personName, type Sex } from '../../../demo/names.js';
import { educationRank, LEVELS, type Level } from '../../../../domain/cadre-codes.js';
import type { PlannedPost, PlannedUnit } from './units.js';

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

// Backgrounds and the majors that lead to them; a unit's name pulls its cadres towards one.
const MAJORS: Record<string, readonly [string, string][]> = {
  党务: [
    ['思想政治教育', '法学'],
    ['中共党史', '法学'],
    ['政治学与行政学', '法学'],
  ],
  经济: [
    ['经济学', '经济学'],
    ['财政学', '经济学'],
    ['会计学', '管理学'],
    ['金融学', '经济学'],
  ],
  法律: [
    ['法学', '法学'],
    ['侦查学', '法学'],
  ],
  理工: [
    ['土木工程', '工学'],
    ['计算机科学与技术', '工学'],
    ['机械设计制造及其自动化', '工学'],
    ['环境工程', '工学'],
    ['城乡规划', '工学'],
  ],
  农业: [
    ['农学', '农学'],
    ['水利水电工程', '工学'],
    ['动物医学', '农学'],
  ],
  文教卫: [
    ['汉语言文学', '文学'],
    ['临床医学', '医学'],
    ['历史学', '历史学'],
    ['新闻学', '文学'],
  ],
  管理: [
    ['行政管理', '管理学'],
    ['工商管理', '管理学'],
    ['公共事业管理', '管理学'],
  ],
};
const PULL: readonly [RegExp, string][] = [
  [/组织|宣传|统战|办公室|党|团|工会|妇联|老干部|政研|编制/, '党务'],
  [/发展|财政|审计|统计|商务|国有|投资|资产|公积金|医疗保障|交易/, '经济'],
  [/法院|检察|公安|司法|政法|纪委|信访/, '法律'],
  [/工业|科学|住房|交通|自然|生态|城市|建设|水务|大数据|应急/, '理工'],
  [/农业|水利|乡|镇/, '农业'],
  [/教育|文化|卫生|医院|广播|日报|社会科学|学院|融媒体/, '文教卫'],
];
const SCHOOLS: Record<string, readonly string[]> = {
  研究生: ['省大学', '省财经大学', '省师范大学', '省理工大学', '省农业大学', '省政法大学'],
  大学: ['省大学', '省师范大学', '省财经大学', '省理工大学', '省农业大学', '省医科大学', '省政法大学', '省工业大学'],
  大专: ['省行政管理学院', '省师范高等专科学校', '省水利电力学校', '省农业学校'],
  中专: ['省农业学校', '省财贸学校', '省水利电力学校', '示范市卫生学校'],
};
const IN_SERVICE: readonly [string, string, string][] = [
  ['研究生', '', '中共省委党校在职研究生班经济管理专业'],
  ['研究生', '', '中央党校研究生院政治学专业'],
  ['研究生', '公共管理硕士', '省大学公共管理专业'],
  ['研究生', '工商管理硕士', '省财经大学工商管理专业'],
  ['大学', '', '中共省委党校函授学院经济管理专业'],
  ['大学', '法学学士', '省大学法学专业（函授）'],
];
// Universities by the discipline of the major (a 临床医学 graduate of the 医科大学, not of the 理工大学).
const UNIVERSITIES: Record<string, readonly string[]> = {
  法学: ['省大学', '省政法大学', '省师范大学'],
  经济学: ['省大学', '省财经大学'],
  管理学: ['省大学', '省财经大学', '省师范大学'],
  工学: ['省理工大学', '省工业大学', '省大学'],
  农学: ['省农业大学'],
  文学: ['省大学', '省师范大学'],
  历史学: ['省大学', '省师范大学'],
  医学: ['省医科大学'],
};
const GRAD_AGE: Record<string, number> = { 研究生: 25, 大学: 22, 大专: 21, 中专: 19 };
const STUDY_YEARS: Record<string, number> = { 研究生: 7, 大学: 4, 大专: 3, 中专: 3 };
const SECTIONS = ['综合科', '秘书科', '政策法规科', '人事科', '财务科', '业务一科', '业务二科', '规划科', '督查科'];
const TOWN_OFFICES = ['党政办公室', '经济发展办公室', '社会事务办公室', '综合执法办公室', '党建工作办公室'];
/** Where the years below 副科 are spent: a township's 办公室, a department's 科, a district government's office. */
function deskOf(rng: Rng, unit: PlannedUnit): string {
  const name = unit.name.replace(/^中共/, '');
  if (unit.kind === '乡镇街道') return name + pick(rng, TOWN_OFFICES);
  // 示范市东城区委员会、示范市东城区人民政府 → 示范市东城区人民政府办公室; 人大常委会, 政协: their 办公室.
  if (unit.kind === '党委政府') return (name.split('、')[1] ?? name) + '办公室';
  if (unit.kind === '人大机关' || unit.kind === '政协机关') return name.replace(/机关$/, '') + '办公室';
  return name + pick(rng, SECTIONS);
}
const COUNTRIES: readonly [string, string][] = [
  ['美国', '定居'],
  ['加拿大', '定居'],
  ['澳大利亚', '定居'],
  ['英国', '留学'],
  ['新西兰', '定居'],
  ['日本', '留学'],
  ['新加坡', '工作'],
  ['德国', '留学'],
];
const SPOUSE_POSTS = [
  '示范市第一中学教师',
  '示范市第一人民医院医生',
  '示范市财政局科员',
  '示范市城市建设投资集团有限公司职员',
  '示范市实验小学教师',
  '示范市税务局科员',
  '示范市中心医院护士',
  '示范市建设银行职员',
  '个体经营',
  '示范市市场监督管理局四级主任科员',
];
const PARENT_POSTS_ALIVE = ['退休', '务农', '示范市某厂退休职工', '示范市教育局退休干部', '个体经营', '退休教师'];

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng.next() * items.length)];
}

export function backgroundOf(rng: Rng, unitName: string): string {
  for (const [re, bg] of PULL) if (re.test(unitName) && rng.chance(0.55)) return bg;
  return pick(rng, ['党务', '经济', '法律', '理工', '农业', '文教卫', '管理', '管理', '经济']);
}

const surnameOf = (name: string) => name.slice(0, 1);
const givenOf = (rng: Rng, sex: Sex) => personName(rng, sex).slice(1);

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

function drawFamily(rng: Rng, p: Person, asOfM: Month): DraftFamily[] {
  const out: DraftFamily[] = [];
  const birthM = monthOf(p.birth);
  const age = (m: Month) => Math.floor((asOfM - m) / 12);
  const spouseSex: Sex = p.sex === '男' ? '女' : '男';
  let childSurname = surnameOf(p.name);
  if (rng.chance(0.95)) {
    const spouseName = personName(rng, spouseSex);
    if (p.sex === '女') childSurname = surnameOf(spouseName);
    const abroad = rng.chance(0.004);
    out.push({
      relation: p.sex === '男' ? '妻子' : '丈夫',
      name: spouseName,
      birth: ymOf(birthM + rng.int(-48, 36)),
      political: rng.chance(0.55) ? '中共党员' : '群众',
      workPost: abroad ? '在加拿大定居' : pick(rng, SPOUSE_POSTS),
      deceased: false,
      abroadCountry: abroad ? '加拿大' : null,
      abroadStatus: abroad ? '定居' : null,
    });
  }
  const children = rng.chance(0.05) ? 0 : rng.chance(0.75) ? 1 : 2;
  for (let i = 0; i < children; i++) {
    const sex: Sex = rng.chance(0.5) ? '男' : '女';
    const born = birthM + rng.int(25, 34) * 12 + i * rng.int(24, 72) + rng.int(0, 11);
    if (born > asOfM - 6) continue;
    const a = age(born);
    const abroad = a >= 18 && rng.chance(0.03) ? pick(rng, COUNTRIES) : null;
    out.push({
      relation: sex === '男' ? '儿子' : '女儿',
      name: childSurname + givenOf(rng, sex),
      birth: ymOf(born),
      political: a >= 22 && rng.chance(0.3) ? '中共党员' : a >= 14 && a < 28 ? '共青团员' : '群众',
      workPost: abroad
        ? `在${abroad[0]}${a < 27 ? '留学' : abroad[1]}`
        : a < 7
          ? ''
          : a < 12
            ? '示范市实验小学学生'
            : a < 18
              ? '示范市第一中学学生'
              : a < 23
                ? `${pick(rng, SCHOOLS.大学)}学生`
                : pick(rng, SPOUSE_POSTS),
      deceased: false,
      abroadCountry: abroad ? abroad[0] : null,
      abroadStatus: abroad ? (a < 27 ? '留学' : abroad[1]) : null,
    });
  }
  for (const [relation, sex] of [
    ['父亲', '男'],
    ['母亲', '女'],
  ] as const) {
    const born = birthM - rng.int(22, 34) * 12 - rng.int(0, 11);
    const a = age(born);
    const deceased = a > 95 || rng.chance(Math.max(0, (a - 62) / 40));
    out.push({
      relation,
      name: relation === '父亲' ? surnameOf(p.name) + givenOf(rng, sex) : personName(rng, sex),
      birth: ymOf(born),
      political: rng.chance(0.4) ? '中共党员' : '群众',
      workPost: deceased ? '已去世' : pick(rng, PARENT_POSTS_ALIVE),
      deceased,
      abroadCountry: null,
      abroadStatus: null,
    });
  }
  return out;
}

function drawRewards(rng: Rng, asOf: string, slot: Slot): DraftReward[] {
  const out: DraftReward[] = [];
  const year = Number(asOf.slice(0, 4));
  if (rng.chance(0.1)) {
    const y = rng.int(year - 8, year - 1);
    out.push({
      kind: 'reward',
      onDate: `${y}-${String(rng.int(1, 12)).padStart(2, '0')}-15`,
      text: pick(rng, [
        `${y}年被示范市委评为优秀共产党员`,
        `${y}年被示范市委、市政府记三等功`,
        `${y}年被评为全省优秀公务员`,
        `${y}年被示范市委评为优秀党务工作者`,
        `${y}年获示范市脱贫攻坚先进个人称号`,
      ]),
      onForm: true,
      until: null,
    });
  }
  if (rng.chance(0.015)) {
    const y = rng.int(year - 5, year - 1);
    const on = `${y}-${String(rng.int(1, 12)).padStart(2, '0')}-20`;
    // 党内警告: six months of consequences (条例第四十一条); 诫勉 is not a sanction and not on the form.
    const warning = rng.chance(0.5);
    out.push({
      kind: 'punishment',
      onDate: on,
      text: warning ? `${y}年受到党内警告处分` : `${y}年受到诫勉`,
      onForm: warning,
      until: warning
        ? `${y + (Number(on.slice(5, 7)) > 6 ? 1 : 0)}-${String(((Number(on.slice(5, 7)) + 5) % 12) + 1).padStart(2, '0')}-20`
        : null,
    });
  }
  if (slot.unit.grassroots && rng.chance(0.05)) {
    out.push({
      kind: 'reward',
      onDate: `${year - 2}-06-30`,
      text: `${year - 2}年被评为示范市优秀乡镇党委书记`,
      onForm: false,
      until: null,
    });
  }
  return out;
}

// What a year of organizational life looks like in 示范市 (the meetings demo, server/modules/meetings/demo.ts):
// per unit, a fixed 主题党日 each month, a 支委会 each month where a committee sits, a 支部党员大会 and a
// 党课 each quarter (often on the 主题党日: one meeting, two purposes), the 组织生活会 with 民主评议 in
// December, a few 谈心谈话 — and the gaps of real branches: most keep the rhythm, some miss a meeting or
// three, a few go quiet for months. Dates after today become planned meetings when they fall in the coming weeks.
import type { Rng } from '../../demo/prng.js';
import type { MeetingKind } from '../../../domain/meeting-kinds.js';
import { addDays, daysBetween } from '../../demo/dates.js';
import { monthsOf, periodKeyOf, parsePeriod } from '../../../domain/rules/org-life.js';

export interface DemoUnit {
  id: number;
  kind: string;
  establishedOn: string | null;
  committeeSize: number;
}
export interface DemoMeeting {
  orgId: number;
  kinds: MeetingKind[];
  date: string;
  status: 'held' | 'planned';
}
export type GapProfile = 'none' | 'few' | 'many';

export interface DemoCalendar {
  today: string;
  /** First day of the demo year: the first day of the month twelve months before the current one. */
  start: string;
  /** Planned meetings are written up to this day. */
  horizon: string;
}

export function demoCalendar(today: string): DemoCalendar {
  const m = Number(today.slice(5, 7)) - 12;
  const y = Number(today.slice(0, 4)) + Math.floor((m - 1) / 12);
  const month = ((m - 1 + 120) % 12) + 1;
  return { today, start: `${y}-${String(month).padStart(2, '0')}-01`, horizon: addDays(today, 35) };
}

export function drawProfile(rng: Rng): GapProfile {
  const r = rng.next();
  // Branches that must have a committee but record only a secretary miss every 支委会 on top of these.
  return r < 0.79 ? 'none' : r < 0.955 ? 'few' : 'many';
}

const pad = (n: number) => String(n).padStart(2, '0');
const ends = new Map<string, string>();
const monthEnd = (m: string) => {
  let end = ends.get(m);
  if (!end) ends.set(m, (end = parsePeriod('month', m)!.to));
  return end;
};
const dayIn = (m: string, d: number) => `${m}-${pad(Math.min(d, Number(monthEnd(m).slice(8))))}`;

/**
 * The meetings of one unit over the demo year. `sample` is the demo branch: every closed window held,
 * but this month's 主题党日 and 支委会 and this quarter's 党课 not yet (the browser tests record them).
 */
export function planUnit(rng: Rng, u: DemoUnit, cal: DemoCalendar, profile: GapProfile, sample: boolean): DemoMeeting[] {
  const { today, start, horizon } = cal;
  const est = u.establishedOn && u.establishedOn > start ? u.establishedOn : start;
  const thisMonth = today.slice(0, 7);
  const thisQuarter = periodKeyOf('quarter', today);
  const months = monthsOf({ from: start, to: horizon });
  const committee = u.kind !== 'party_group' && u.committeeSize >= 3;
  const group = u.kind === 'party_group';

  // Gaps: `few` drops one to three meetings of closed windows; `many` also goes quiet for three to six months.
  const skip = new Set<string>();
  const quiet = new Set<string>();
  const closedMonths = months.filter((m) => monthEnd(m) < today);
  if (profile === 'few') {
    for (let i = rng.int(1, 3); i > 0; i--) {
      const m = rng.pick(closedMonths);
      const kind = group
        ? 'group_meeting'
        : rng.weighted<MeetingKind>(
            ['theme_day', 'committee_meeting', 'party_lecture', 'branch_congress'],
            (k) =>
              (({ theme_day: 4, committee_meeting: committee ? 4 : 0, party_lecture: 2, branch_congress: 1 }) as Record<string, number>)[k],
          );
      skip.add(`${kind}@${kind === 'party_lecture' || kind === 'branch_congress' ? periodKeyOf('quarter', m) : m}`);
    }
  } else if (profile === 'many') {
    const len = rng.int(3, 6);
    const first = rng.int(0, Math.max(0, closedMonths.length - len));
    for (const m of closedMonths.slice(first, first + len)) quiet.add(m);
    if (rng.chance(0.5)) skip.add(`life_meeting@${Number(today.slice(0, 4)) - 1}`);
  }

  const out: DemoMeeting[] = [];
  const add = (kinds: MeetingKind[], date: string, windowEnd: string, forcePlanned = false) => {
    if (date < est) {
      if (est > windowEnd || est > today) return;
      date = est;
    }
    const window = (k: MeetingKind) =>
      k === 'party_lecture' || k === 'branch_congress'
        ? periodKeyOf('quarter', date)
        : k === 'life_meeting' || k === 'appraisal'
          ? date.slice(0, 4)
          : date.slice(0, 7);
    const kept = kinds.filter((k) => !skip.has(`${k}@${window(k)}`));
    if (kept.length === 0 || quiet.has(date.slice(0, 7))) return;
    if (date <= today && !forcePlanned) out.push({ orgId: u.id, kinds: kept, date, status: 'held' });
    else if (date > today && date <= horizon) out.push({ orgId: u.id, kinds: kept, date, status: 'planned' });
  };
  // The sample branch's open items of today: planned after today in their window, or not at all.
  const later = (windowEnd: string) =>
    windowEnd > today ? addDays(today, rng.int(1, Math.max(1, Math.min(20, daysBetween(today, windowEnd))))) : null;

  // A 党小组 meets once a month (第十三条); its members also sit in the branch's meetings.
  if (group) {
    const day = rng.int(2, 25);
    for (const m of months) add(['group_meeting'], dayIn(m, day + rng.int(-1, 2)), monthEnd(m));
    return out;
  }

  // Quarterly: the 支部党员大会 and the 党课, each on the 主题党日 of one of the quarter's months now and then.
  const themeDay = rng.int(3, 26);
  const onThemeDay = new Map<string, MeetingKind[]>();
  for (const q of new Set(months.map((m) => periodKeyOf('quarter', m)))) {
    const qMonths = months.filter((m) => periodKeyOf('quarter', m) === q && monthEnd(m) >= est);
    if (qMonths.length === 0) continue;
    const qEnd = parsePeriod('quarter', q)!.to;
    const congressMonth = rng.pick(qMonths);
    const combine = !(sample && q === thisQuarter);
    if (combine && rng.chance(0.25)) onThemeDay.set(congressMonth, ['branch_congress']);
    else add(['branch_congress'], dayIn(congressMonth, rng.int(5, 28)), qEnd);
    const lectureMonth = rng.pick(qMonths);
    if (sample && q === thisQuarter) {
      const d = later(qEnd);
      if (d) add(['party_lecture'], d, qEnd, true);
    } else if (rng.chance(0.4)) onThemeDay.set(lectureMonth, [...(onThemeDay.get(lectureMonth) ?? []), 'party_lecture']);
    else add(['party_lecture'], dayIn(lectureMonth, rng.int(3, 28)), qEnd);
  }

  // Monthly: the 主题党日 on its fixed day, the 支委会 a few days before it.
  for (const m of months) {
    const end = monthEnd(m);
    if (sample && m === thisMonth) {
      const d1 = later(end);
      if (d1) add(['theme_day'], d1, end, true);
      const d2 = later(end);
      if (d2 && committee) add(['committee_meeting'], d2, end, true);
      continue;
    }
    add(['theme_day', ...(onThemeDay.get(m) ?? [])], dayIn(m, themeDay), end);
    if (committee) add(['committee_meeting'], dayIn(m, rng.int(1, Math.max(1, themeDay - 1))), end);
  }

  // Yearly: 组织生活会 and 民主评议党员 in December, mostly one meeting serving both.
  for (const year of new Set(months.map((m) => m.slice(0, 4)))) {
    const yEnd = `${year}-12-31`;
    const d = `${year}-12-${pad(rng.int(10, 28))}`;
    if (rng.chance(0.7)) add(['life_meeting', 'appraisal'], d, yEnd);
    else {
      add(['life_meeting'], d, yEnd);
      add(['appraisal'], `${year}-12-${pad(rng.int(5, 28))}`, yEnd);
    }
  }

  // 谈心谈话: a few through the year, no rule requires them.
  for (let i = rng.int(0, 4); i > 0; i--) {
    const m = rng.pick(months);
    add(['heart_talk'], dayIn(m, rng.int(1, 28)), monthEnd(m));
  }
  return out;
}

const THEME_TOPICS: Record<string, string[]> = {
  '01': ['新年学习计划部署暨主题党日', '走访慰问困难党员和老党员'],
  '02': ['学习全国两会精神', '春节前安全隐患排查志愿服务'],
  '03': ['学雷锋志愿服务进社区', '学习新修订党内法规'],
  '04': ['清明祭扫烈士陵园缅怀革命先烈', '全民国家安全教育日专题学习'],
  '05': ['“五四”青年党员座谈', '参观廉政教育基地'],
  '06': ['重温入党誓词 迎接建党节', '“七一”前走访慰问老党员'],
  '07': ['庆祝中国共产党成立纪念日', '“光荣在党50年”纪念章颁发'],
  '08': ['“八一”走访慰问退役军人党员', '防汛防台志愿服务'],
  '09': ['学习贯彻习近平新时代中国特色社会主义思想专题研讨', '开学季关爱学生志愿服务'],
  '10': ['国庆主题党日 唱响红色歌曲', '重阳节敬老志愿服务'],
  '11': ['学习党的创新理论 交流学习体会', '消防安全知识学习与演练'],
  '12': ['“12·4”国家宪法日学法用法', '年终总结与民主评议准备'],
};
const LECTURES = [
  '书记讲党课：坚定理想信念 践行初心使命',
  '党课：学习党章 遵守党章',
  '党课：以高质量党建引领高质量发展',
  '党课：严守政治纪律和政治规矩',
  '专题党课：弘扬伟大建党精神',
  '党课：做新时代合格党员',
];
const COMMITTEE_TOPICS = [
  '研究本月主题党日安排和党员发展工作',
  '研究党费收缴和困难党员帮扶事项',
  '传达上级会议精神，研究贯彻落实措施',
  '研究入党积极分子培养考察情况',
  '研究支部党员大会议程和议题',
];
const CONGRESS_TOPICS = [
  '通报支部工作，讨论季度工作安排',
  '讨论发展对象能否吸收为预备党员',
  '听取支部委员会工作报告',
  '学习上级文件，讨论落实措施',
];

export function topicOf(rng: Rng, kinds: readonly MeetingKind[], date: string): string {
  const head = kinds[0];
  if (head === 'theme_day') {
    const topic = rng.pick(THEME_TOPICS[date.slice(5, 7)]);
    return kinds.includes('party_lecture') ? `${topic}暨${rng.pick(LECTURES).replace(/^书记讲/, '')}` : topic;
  }
  switch (head) {
    case 'committee_meeting':
      return rng.pick(COMMITTEE_TOPICS);
    case 'branch_congress':
      return rng.pick(CONGRESS_TOPICS);
    case 'party_lecture':
      return rng.pick(LECTURES);
    case 'life_meeting':
      return kinds.includes('appraisal') ? `${date.slice(0, 4)}年度组织生活会和民主评议党员` : `${date.slice(0, 4)}年度组织生活会`;
    case 'appraisal':
      return `${date.slice(0, 4)}年度民主评议党员`;
    default:
      return '与党员谈心谈话';
  }
}

export const PLACES: Record<string, string> = {
  community: '社区党群服务中心',
  rural: '村党员活动室',
  organ: '机关党员活动室',
  school: '学校会议室',
  hospital: '医院党员活动室',
  soe: '公司党建活动室',
  private_enterprise: '企业党员活动室',
  institution: '单位会议室',
  social_org: '党群服务站',
};

// The demo cadres' smaller draws (seed.ts): when a post began, people who are not members, the parties
// of non-members, extra sections for the benchmark's size, 三龄二历 reviews, teams and the demo cadre's
// correction requests.
import { sql } from 'kysely';
import type { Db } from '../../../db/engine.js';
import type { Rng } from '../../../demo/prng.js';
import { chineseNumber, personName, type Sex } from '../../../demo/names.js';
import type { Level } from '../../../../domain/cadre-codes.js';
import { UnitPlanner, type Area, type PlannedUnit } from './units.js';
import { monthOf, ymOf, type CadreDraft, type Month, type Person, type Slot } from './careers.js';

export interface PlannedCadre {
  id: number;
  slot: Slot;
  person: Person;
  nonMember: { political: string; partyName: string; ethnicity: string } | null;
  draft: CadreDraft;
  photo: number | null;
}

export async function nextId(db: Db, table: 'cadre_units' | 'cadre_posts' | 'cadres'): Promise<number> {
  const r = await sql<{ n: number }>`select coalesce(max(id), 0)::int + 1 as n from ${sql.table(table)}`.execute(db);
  return r.rows[0].n;
}

/** When the current post began: mostly within the last six years; elected posts mostly at the last 换届. */
export function sinceMonth(rng: Rng, slot: Slot, asOf: string): Month {
  const now = monthOf(asOf);
  if (slot.post?.elected && rng.chance(0.55)) return monthOf(slot.unit.kind === '乡镇街道' ? '2021-08' : '2021-10') + rng.int(0, 3);
  const r = rng.next();
  return now - (r < 0.2 ? rng.int(1, 11) : r < 0.6 ? rng.int(12, 35) : r < 0.93 ? rng.int(36, 71) : rng.int(72, 108));
}

export function drawPerson(rng: Rng, birthYear: number): Person {
  const sex: Sex = rng.chance(0.75) ? '男' : '女';
  const birth = `${birthYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  return { name: personName(rng, sex), sex, birth, memberId: null };
}

const PARTIES: readonly [string, string, number][] = [
  ['民盟盟员', '民盟', 3],
  ['民进会员', '民进', 2],
  ['九三学社社员', '九三学社', 2],
  ['民建会员', '民建', 2],
  ['农工党党员', '农工党', 1.5],
  ['民革党员', '民革', 1],
  ['致公党党员', '致公党', 0.5],
  ['无党派人士', '', 4],
];
export function drawAffiliation(rng: Rng): { political: string; partyName: string; ethnicity: string } {
  const [political, partyName] = rng.weighted(PARTIES, ([, , w]) => w);
  return { political, partyName, ethnicity: rng.chance(0.94) ? '汉族' : rng.pick(['回族', '满族', '蒙古族', '壮族']) };
}

/** Past the demo's units, 内设机构 (科室) with 科长 posts under every department until `target` cadres fit (the benchmark). */
export function addSections(p: UnitPlanner, target: number): void {
  const quotaOf = (u: PlannedUnit) => u.posts.reduce((t, q) => t + q.quota, 0);
  // Slots come out about 3% above the quotas (posts over them) and ranks without posts add a few more.
  let seats = p.units.reduce((s, u) => s + quotaOf(u), 0) * 1.03;
  const departments = p.units.filter((u) => u.kind === '政府部门' || u.kind === '党委工作部门' || u.kind === '事业单位');
  const names = [
    '办公室',
    '综合科',
    '政策法规科',
    '人事科',
    '财务科',
    '规划科',
    '督查科',
    '信息科',
    '审批科',
    '业务一科',
    '业务二科',
    '业务三科',
  ];
  for (let round = 0; seats < target && round < 500; round++) {
    const section = names[round] ?? `业务${chineseNumber(round - names.length + 4)}科`;
    const office = section.endsWith('室');
    for (const dept of departments) {
      if (seats >= target) break;
      const name = dept.name.replace(/^中共/, '') + section;
      const level: Level = dept.level === '正处' ? '正科' : '副科';
      const unit = p.add(
        dept.area,
        { name, shortName: name.slice(dept.area.prefix.length), kind: '内设机构', level, parentId: dept.id },
        level === '正科'
          ? [
              [office ? '主任' : '科长', true, '行政', false, '内设机构领导', 1, true],
              [office ? '副主任' : '副科长', false, '行政', false, '内设机构领导', 2, false],
            ]
          : [[office ? '主任' : '股长', true, '行政', false, '内设机构领导', 1, true]],
        (t) => name + t,
      );
      seats += quotaOf(unit) * 1.03;
    }
  }
}

const REVIEW_SOURCES: Record<string, string> = {
  birth: '干部人事档案（出生日期以最早记载为准）、居民身份证',
  work_start: '招录（聘）审批表、首次工资审批表',
  party_join: '入党志愿书、转正申请及支部大会决议',
  education: '毕业证书、学位证书及学籍档案',
  work_history: '历次干部任免审批表及任职文件',
};

export function drawReviews(
  rng: Rng,
  planned: PlannedCadre[],
  officers: Map<string, { id: number; display_name: string }>,
  districts: Area[],
  asOf: string,
  joined: Map<number, string | null>,
) {
  const rows: Record<string, unknown>[] = [];
  const city = officers.get('cadre-officer');
  const district = officers.get('cadre-officer-district');
  for (const c of planned) {
    if (!rng.chance(0.4)) continue;
    const d = c.slot.unit.area.district;
    const who = d === null ? city : d === 0 ? district : null;
    const reviewerName =
      who?.display_name ?? `${districts[d ?? 0]?.short ?? ''}委组织部干部股 ${personName(rng, rng.chance(0.5) ? '男' : '女')}`;
    const on = `${rng.pick(['2024', '2025', '2026'])}-${String(rng.int(1, 10)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    const reviewedOn = on > asOf ? asOf : on;
    const values: Record<string, string | null> = {
      birth: c.person.birth.slice(0, 7),
      work_start: c.draft.workStart,
      party_join: c.person.memberId ? (joined.get(c.person.memberId) ?? null) : null,
      education: `${c.draft.eduFullTime.level} ${c.draft.eduFullTime.degree}`.trim(),
      work_history: `${c.draft.resume.length}段经历，与任职文件一致`,
    };
    for (const [item, value] of Object.entries(values)) {
      if (value === null) continue;
      rows.push({
        cadre_id: c.id,
        item,
        value,
        source: REVIEW_SOURCES[item],
        reviewer_id: who?.id ?? null,
        reviewer_name: reviewerName,
        reviewed_on: reviewedOn,
      });
    }
  }
  return rows;
}

/** Every unit's team: five-year terms, some due within six months and a few overdue (应换届时间). */
export function drawTeams(rng: Rng, units: PlannedUnit[], asOf: string) {
  const now = monthOf(asOf);
  return units.map((u) => {
    const elected = u.posts.some((p) => p.elected);
    const r = rng.next();
    // Elected teams mostly date from the 2021 换届; the others anywhere in their term, a few past it.
    const start =
      elected && r < 0.7
        ? monthOf('2021-09') + rng.int(0, 5)
        : r < 0.06
          ? now - 60 - rng.int(1, 12)
          : r < 0.14
            ? now - 60 + rng.int(0, 5)
            : now - rng.int(1, 54);
    const day = String(rng.int(1, 28)).padStart(2, '0');
    const started = `${ymOf(start)}-${day}`;
    return {
      unit_id: u.id,
      name: `${u.name.replace(/^中共/, '')}领导班子`,
      term_years: 5,
      term_started_on: started,
      renew_due_on: `${Number(started.slice(0, 4)) + 5}${started.slice(4)}`,
    };
  });
}

export function demoCorrections(me: PlannedCadre, userId: number, officerId: number | null, asOf: string) {
  const at = (days: number) => new Date(Date.parse(`${asOf}T09:30:00+08:00`) - days * 86_400_000).toISOString();
  const spouse = me.draft.family.find((f) => f.relation === '妻子' || f.relation === '丈夫');
  return [
    {
      cadre_id: me.id,
      requested_by: userId,
      requested_at: at(40),
      section: 'basic',
      field: 'health',
      current_value: '健康',
      proposed_value: '良好',
      reason: '与体检报告的表述一致',
      status: 'refused',
      decided_by: officerId,
      decided_at: at(35),
      decision_note: '任免审批表健康状况一栏按“健康”填写',
    },
    {
      cadre_id: me.id,
      requested_by: userId,
      requested_at: at(20),
      section: 'family',
      field: 'work_post',
      current_value: spouse?.workPost ?? '',
      proposed_value: '示范市第二中学教师',
      reason: '配偶今年8月调动工作',
      status: 'approved',
      decided_by: officerId,
      decided_at: at(15),
      decision_note: '已核对调动文件',
    },
    {
      cadre_id: me.id,
      requested_by: userId,
      requested_at: at(3),
      section: 'basic',
      field: 'expertise',
      current_value: me.draft.expertise,
      proposed_value: '熟悉财政预算和国有资产管理工作',
      reason: '分管工作调整，熟悉专业有何专长需更新',
      status: 'pending',
      decided_by: null,
      decided_at: null,
      decision_note: null,
    },
  ];
}

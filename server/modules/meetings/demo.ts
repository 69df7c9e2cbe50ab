// Demo data of organizational life for 示范市 (called by server/demo/seed-demo.ts after the dues demo):
// the twelve months before today and the weeks ahead for every branch, planned by
// server/modules/org-life/demo-plan.ts — attendance named for the last three months (counts for all),
// some records entered late and marked so, and last year's 民主评议 graded with 优秀 ≤ ⅓ and
// probationary members ungraded. Every choice comes from the seeded PRNG; rows go in by column arrays.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Trx } from '../../audit/audit-log.js';
import type { CityResult } from '../../demo/generate-city.js';
import type { Keys } from '../../crypto/keys.js';
import { createRng, type Rng } from '../../demo/prng.js';
import { addDays as addDaysRaw, addMonths } from '../../demo/dates.js';
import { BRANCH_KINDS } from '../../../domain/org-kinds.js';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';
import type { AppraisalGrade, MeetingKind } from '../../../domain/meeting-kinds.js';
import { excellentLimit } from '../../../domain/rules/appraisal.js';
import { MEETING_RECORD_DEFAULTS } from '../../../domain/rules/meeting-records.js';
import { todayCn } from '../../dates.js';
import { insertColumns, withBulkLoad } from '../dues/bulk-load.js';
import { orgLifeSummariesOff, rebuildOrgLifeSummaries } from '../org-life/summaries.js';
import { demoCalendar, drawProfile, planUnit, PLACES, topicOf, type DemoMeeting } from '../org-life/demo-plan.js';

interface Member {
  id: number;
  org_id: number;
  name: string;
  category: string;
  status: string;
  admitted_on: string | null;
  full_on: string | null;
}
interface Seat {
  member: Member;
  present: boolean;
  reason: string | null;
}

const BRANCH_WIDE: readonly MeetingKind[] = ['theme_day', 'branch_congress', 'party_lecture', 'life_meeting', 'appraisal', 'group_meeting'];
const DECISIONS: Partial<Record<MeetingKind, string[]>> = {
  committee_meeting: [
    '确定下月主题党日内容和时间',
    '同意将1名入党申请人列为入党积极分子',
    '安排党费收缴情况通报',
    '明确帮扶困难党员责任人',
  ],
  branch_congress: ['通过本季度支部工作安排', '同意接收1名发展对象为预备党员，报上级党委审批', '通过支部委员会工作报告'],
};

function seats(rng: Rng, kinds: readonly MeetingKind[], date: string, roster: Member[], committee: Member[]): Seat[] {
  let people: Member[];
  if (kinds.some((k) => BRANCH_WIDE.includes(k))) people = roster.filter((m) => !m.admitted_on || m.admitted_on <= date);
  else if (kinds.includes('committee_meeting')) people = committee;
  else people = roster.length ? [rng.pick(roster)] : [];
  return people.map((member) => {
    if (kinds[0] === 'heart_talk') return { member, present: true, reason: null };
    if (member.status === 'lost_contact') return { member, present: false, reason: '其他' };
    if (member.status === 'flowing' && rng.chance(0.6)) return { member, present: false, reason: '外出' };
    if (rng.chance(0.07))
      return {
        member,
        present: false,
        reason: rng.weighted(
          ['病假', '事假', '公差', '外出'],
          (r) => (({ 病假: 4, 事假: 4, 公差: 3, 外出: 2 }) as Record<string, number>)[r],
        ),
      };
    return { member, present: true, reason: null };
  });
}

function grades(rng: Rng, people: Member[], date: string): { member: Member; grade: AppraisalGrade | null }[] {
  // Probationary then (转正 after the meeting) take part without a grade (RULES.md §3, L).
  const probationary = (m: Member) => m.category === 'probationary' || (m.full_on !== null && m.full_on > date);
  const graded = rng.shuffle(people.filter((m) => !probationary(m)));
  const excellent = Math.min(excellentLimit(graded.length), Math.round(graded.length * (0.12 + rng.next() * 0.2)));
  return [
    ...graded.map((member, i) => ({
      member,
      grade: (i < excellent
        ? 'excellent'
        : rng.chance(0.03)
          ? 'basically_qualified'
          : rng.chance(0.003)
            ? 'unqualified'
            : 'qualified') as AppraisalGrade,
    })),
    ...people.filter(probationary).map((member) => ({ member, grade: null })),
  ];
}

const stamp = (date: string, time: string) => `${date}T${time}:00+08:00`;
// A year of meetings asks for the same few hundred dates over and over: remember them.
const shifted = new Map<string, string>();
function addDays(date: string, days: number): string {
  const key = `${date}|${days}`;
  let out = shifted.get(key);
  if (!out) shifted.set(key, (out = addDaysRaw(date, days)));
  return out;
}

export async function seedMeetingsDemo(db: Db, city: CityResult, _keys: Keys, now: Date = new Date()): Promise<void> {
  const rng = createRng(2026, 51);
  const cal = demoCalendar(todayCn(now));
  const { today } = cal;
  const namedFrom = `${addMonths(today, -2).slice(0, 7)}-01`;
  const units = await db
    .selectFrom('orgs')
    .select(['id', 'kind', 'unit_type', 'established_on', 'parent_id'])
    .where('status', '=', 'active')
    .where('kind', 'in', [...BRANCH_KINDS, 'party_group'])
    .orderBy('id')
    .execute();
  const committees = new Map<number, string[]>();
  for (const c of await db
    .selectFrom('org_committee_members')
    .select(['org_id', 'person_name'])
    .orderBy('org_id')
    .orderBy(sql`case post when 'secretary' then 0 when 'deputy_secretary' then 1 else 2 end`)
    .orderBy('id')
    .execute()) {
    const list = committees.get(c.org_id);
    if (list) list.push(c.person_name);
    else committees.set(c.org_id, [c.person_name]);
  }
  const rosters = new Map<number, Member[]>();
  for (const m of await db
    .selectFrom('members')
    .select(['id', 'org_id', 'name', 'category', 'status', 'admitted_on', 'full_on'])
    .where('status', 'in', COUNTED_STATUSES)
    .orderBy('id')
    .execute()) {
    const list = rosters.get(m.org_id);
    if (list) list.push(m);
    else rosters.set(m.org_id, [m]);
  }

  // A 党小组 holds its share of the branch's members (the demo city keeps members on the branch).
  const groupsOf = new Map<number, number[]>();
  for (const u of units)
    if (u.kind === 'party_group' && u.parent_id) groupsOf.set(u.parent_id, [...(groupsOf.get(u.parent_id) ?? []), u.id]);
  const rosterOf = (u: (typeof units)[number]) => {
    if (u.kind !== 'party_group') return rosters.get(u.id) ?? [];
    const siblings = groupsOf.get(u.parent_id!) ?? [u.id];
    const i = siblings.indexOf(u.id);
    return (rosters.get(u.parent_id!) ?? []).filter((_, k) => k % siblings.length === i);
  };

  const meetingCols: unknown[][] = Array.from({ length: 19 }, () => []);
  const purposes: unknown[][] = [[], [], [], []];
  const attendance: unknown[][] = [[], [], [], []];
  const appraisals: unknown[][] = [[], [], [], [], [], []];
  const gradeCols: unknown[][] = [[], [], []];
  let id = Number((await sql<{ n: number }>`select coalesce(max(id), 0)::int as n from meetings`.execute(db)).rows[0].n);
  let appraisalId = Number((await sql<{ n: number }>`select coalesce(max(id), 0)::int as n from appraisals`.execute(db)).rows[0].n);

  for (const u of units) {
    const names = committees.get(u.id) ?? [];
    const roster = rosterOf(u);
    // Two committee seats with the same name (common in a big city) match one roster member once.
    const committee = [...new Set(names.map((n) => roster.find((m) => m.name === n)).filter((m): m is Member => !!m))];
    const sample = u.id === city.sampleIds.branch;
    const plan: DemoMeeting[] = planUnit(
      rng,
      { id: u.id, kind: u.kind, establishedOn: u.established_on, committeeSize: names.length },
      cal,
      sample ? 'none' : drawProfile(rng),
      sample,
    );
    for (const m of plan) {
      id++;
      const held = m.status === 'held';
      const people = held ? seats(rng, m.kinds, m.date, roster, committee) : [];
      const absent = people.filter((s) => !s.present).length;
      // A committee member missing from the roster (a name not matched) still counts as should-attend and present.
      const should = m.kinds[0] === 'committee_meeting' ? Math.max(people.length, names.length) : people.length;
      const present = should - absent;
      const host = names[0] ?? null;
      const late = held && rng.chance(0.05) && addDays(m.date, MEETING_RECORD_DEFAULTS.lateAfterDays + 25) <= today;
      const recordedOn = !held
        ? addDays(today, -rng.int(0, 5))
        : late
          ? addDays(m.date, rng.int(MEETING_RECORD_DEFAULTS.lateAfterDays + 2, MEETING_RECORD_DEFAULTS.lateAfterDays + 25))
          : addDays(m.date, rng.int(0, 3));
      const recordedAt = stamp(recordedOn > today ? today : recordedOn, held ? '17:30' : '10:00');
      const minutes = held
        ? `会议由${host ?? '支部书记'}主持，应到${should}人，实到${present}人${absent ? `，${absent}人因事因病请假` : ''}。会议按议程进行，与会党员结合实际作了交流发言。`
        : null;
      const decisions = held && DECISIONS[m.kinds[0]] ? rng.pick(DECISIONS[m.kinds[0]]!) : null;
      const row = [
        id,
        m.orgId,
        m.kinds.join(','),
        m.status,
        held ? null : m.date,
        held ? m.date : null,
        rng.pick(['09:00', '14:30', '15:00', '16:00']),
        PLACES[u.unit_type ?? ''] ?? '党员活动室',
        topicOf(rng, m.kinds, m.date),
        host,
        names[1] ?? null,
        minutes,
        decisions,
        held ? should : null,
        held ? present : null,
        late,
        held ? recordedAt : null,
        recordedAt,
        recordedAt,
      ];
      row.forEach((v, k) => meetingCols[k].push(v));
      if (!held) continue;
      for (const kind of m.kinds) [id, m.orgId, kind, m.date].forEach((v, k) => purposes[k].push(v));
      if (m.date >= namedFrom) for (const s of people) [id, s.member.id, s.present, s.reason].forEach((v, k) => attendance[k].push(v));
      if (m.kinds.includes('appraisal')) {
        appraisalId++;
        const final = m.date.slice(0, 4) < today.slice(0, 4);
        [
          appraisalId,
          m.orgId,
          Number(m.date.slice(0, 4)),
          id,
          final ? 'final' : 'draft',
          final ? stamp(addDays(m.date, 2), '10:00') : null,
        ].forEach((v, k) => appraisals[k].push(v));
        for (const g of grades(
          rng,
          people.map((s) => s.member),
          m.date,
        ))
          [appraisalId, g.member.id, g.grade].forEach((v, k) => gradeCols[k].push(v));
      }
    }
  }

  await db.transaction().execute(async (trx: Trx) => {
    // The organizational-life summaries once at the end, not per batch (migration 041).
    await orgLifeSummariesOff(trx);
    await withBulkLoad(trx, 'meetings', () => insertMeetings(trx, meetingCols));
    await sql`select setval('meetings_id_seq', greatest((select max(id) from meetings), 1))`.execute(trx);
    await withBulkLoad(trx, 'meeting_purposes', () =>
      insertColumns(
        trx,
        'meeting_purposes',
        [
          { name: 'meeting_id', type: 'bigint' },
          { name: 'org_id', type: 'bigint' },
          { name: 'kind', type: 'text' },
          { name: 'held_on', type: 'date' },
        ],
        purposes,
      ),
    );
    await withBulkLoad(trx, 'meeting_attendance', () =>
      insertColumns(
        trx,
        'meeting_attendance',
        [
          { name: 'meeting_id', type: 'bigint' },
          { name: 'member_id', type: 'bigint' },
          { name: 'present', type: 'boolean' },
          { name: 'absence_reason', type: 'text' },
        ],
        attendance,
      ),
    );
    await insertColumns(
      trx,
      'appraisals',
      [
        { name: 'id', type: 'bigint' },
        { name: 'org_id', type: 'bigint' },
        { name: 'year', type: 'int' },
        { name: 'meeting_id', type: 'bigint' },
        { name: 'status', type: 'text' },
        { name: 'finalized_at', type: 'timestamptz' },
      ],
      appraisals,
    );
    await sql`select setval('appraisals_id_seq', greatest((select max(id) from appraisals), 1))`.execute(trx);
    await insertColumns(
      trx,
      'appraisal_grades',
      [
        { name: 'appraisal_id', type: 'bigint' },
        { name: 'member_id', type: 'bigint' },
        { name: 'grade', type: 'text' },
      ],
      gradeCols,
    );
    await rebuildOrgLifeSummaries(trx);
  });
}

/** Meetings by column arrays; `kinds` travels as a comma-joined text (unnest would flatten a text[][]). */
async function insertMeetings(trx: Trx, cols: unknown[][]): Promise<void> {
  const types = [
    'bigint',
    'bigint',
    'text',
    'text',
    'date',
    'date',
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'int',
    'int',
    'boolean',
    'timestamptz',
    'timestamptz',
    'timestamptz',
  ];
  const BATCH = 10_000;
  for (let i = 0; i < cols[0].length; i += BATCH) {
    const arrays = cols.map((c, k) => sql`${c.slice(i, i + BATCH)}::${sql.raw(types[k])}[]`);
    await sql`insert into meetings (id, org_id, kinds, status, planned_on, held_on, start_time, place, topic, host, recorder, minutes, decisions,
        should_attend, present, late, recorded_at, created_at, updated_at)
      select id, org_id, string_to_array(kinds, ','), status, planned_on, held_on, start_time, place, topic, host, recorder, minutes, decisions,
        should_attend, present, late, recorded_at, created_at, updated_at
      from unnest(${sql.join(arrays)}) as t(id, org_id, kinds, status, planned_on, held_on, start_time, place, topic, host, recorder, minutes, decisions,
        should_attend, present, late, recorded_at, created_at, updated_at)`.execute(trx);
  }
}

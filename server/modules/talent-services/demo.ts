// Demo talent services (fictional): four departments of 示范市 with their service types and response
// times, the `talent-service` account working for the education bureau, and requests of the demo
// talents across three departments in every state (one overdue, one answered late). Deterministic:
// talents by id order, the demo account `talent` first; nothing but the configuration when no talent is registered yet.
import dayjs from 'dayjs';
import { sql } from 'kysely';
import { addWorkingDays } from '../../../domain/rules/working-days.js';
import type { Db } from '../../db/engine.js';

const DEPARTMENTS = [
  { code: 'education', name: '市教育局' },
  { code: 'hr', name: '市人力资源和社会保障局' },
  { code: 'housing', name: '市住房和城乡建设局' },
  { code: 'health', name: '市卫生健康委员会' },
] as const;

const TYPES = [
  {
    code: 'schooling',
    name: '子女入学',
    dept: 'education',
    days: 10,
    tiers: [] as string[],
    description: '人才子女义务教育阶段入学、转学协调（演示数据）',
  },
  { code: 'spouse-job', name: '配偶就业', dept: 'hr', days: 15, tiers: [], description: '人才配偶就业推荐与技能补贴（演示数据）' },
  { code: 'apartment', name: '人才公寓', dept: 'housing', days: 10, tiers: [], description: '人才公寓申请入住（演示数据）' },
  {
    code: 'housing-subsidy',
    name: '购房补贴',
    dept: 'housing',
    days: 20,
    tiers: [],
    description: '购房补贴资格确认（演示数据，金额见人才政策）',
  },
  {
    code: 'green-channel',
    name: '就医绿色通道',
    dept: 'health',
    days: 3,
    tiers: ['A', 'B', 'C'],
    description: '高层次人才就医绿色通道（演示数据）',
  },
] as const;

const DETAILS = [
  '孩子今年秋季入学，希望就近安排',
  '配偶原从事会计工作，希望推荐岗位',
  '申请入住人才公寓一套（两居室）',
  '申请购房补贴资格确认',
  '需要预约专家门诊',
];

export async function seedTalentServicesDemo(db: Db, now: Date = new Date()): Promise<void> {
  const existing = await db.selectFrom('talent_service_departments').select('id').executeTakeFirst();
  if (existing) return;
  const depts = new Map<string, number>();
  for (const d of DEPARTMENTS) {
    const r = await db.insertInto('talent_service_departments').values(d).returning('id').executeTakeFirstOrThrow();
    depts.set(d.code, r.id);
  }
  const types: { id: number; dept: number; days: number }[] = [];
  for (const t of TYPES) {
    const r = await db
      .insertInto('talent_service_types')
      .values({
        code: t.code,
        name: t.name,
        department_id: depts.get(t.dept)!,
        response_days: t.days,
        tier_codes: JSON.stringify(t.tiers),
        description: t.description,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    types.push({ id: r.id, dept: depts.get(t.dept)!, days: t.days });
  }
  const account = await db.selectFrom('users').select('id').where('username', '=', 'talent-service').executeTakeFirst();
  if (account)
    await db
      .insertInto('talent_service_department_users')
      .values({ department_id: depts.get('education')!, user_id: account.id })
      .execute();

  // Requests of the first talents: the first four types only (the green channel is tier-limited).
  const people = await db
    .selectFrom('talent_people')
    .select('id')
    .where('status', '=', 'active')
    .orderBy(sql`user_id is null`)
    .orderBy('id')
    .limit(40)
    .execute();
  const today = dayjs(now).format('YYYY-MM-DD');
  const statuses = ['submitted', 'accepted', 'answered', 'closed'] as const;
  for (const [i, p] of people.entries()) {
    const type = types[i % 4];
    // spread over the last 60 days: the oldest open ones are overdue
    const submitted = dayjs(now)
      .subtract(60 - i, 'day')
      .format('YYYY-MM-DD');
    const due = addWorkingDays(submitted, type.days);
    const status = statuses[i % statuses.length];
    const answered = status === 'answered' || status === 'closed';
    const answeredOn = answered ? (i % 8 === 2 ? addWorkingDays(due, 2) : addWorkingDays(submitted, Math.max(1, type.days - 2))) : null;
    const r = await db
      .insertInto('talent_service_requests')
      .values({
        person_id: p.id,
        type_id: type.id,
        department_id: type.dept,
        detail: DETAILS[i % 4],
        status,
        submitted_on: submitted,
        due_on: due,
        accepted_at: status === 'submitted' ? null : new Date(`${submitted}T10:00:00+08:00`),
        answered_at: answeredOn && answeredOn <= today ? new Date(`${answeredOn}T16:00:00+08:00`) : answered ? now : null,
        answer: answered ? '已按政策办理，请留意短信通知（演示数据）' : '',
        late: answered && answeredOn !== null && answeredOn > due,
        closed_at: status === 'closed' ? now : null,
        satisfaction: status === 'closed' ? 4 + (i % 2) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('talent_service_events')
      .values({ request_id: r.id, action: 'submitted', at: new Date(`${submitted}T09:00:00+08:00`) })
      .execute();
  }
}

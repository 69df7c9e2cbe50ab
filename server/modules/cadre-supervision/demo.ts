// Demo supervision records on top of the cadre demo (nothing without it): young cadres in the pool with
// the criteria checked on their files, this year's 个人有关事项报告 with random and targeted checks, passports
// in custody with 因私出国（境） trips (one back and its passport overdue, so the to-do list shows it; one abroad;
// one returned; one waiting for approval; one refused), the pool's training and rotation plans and tracking notes,
// and approved part-time posts. Deterministic: the cadres are chosen by id order.
import dayjs from 'dayjs';
import type { Db } from '../../db/engine.js';
import { passportDueOn, TRIP_RULES } from '../../../domain/rules/cadre-trip.js';
import type { Trx } from '../../audit/audit-log.js';
import { poolFindings } from './pool.js';

export async function seedSupervisionDemo(db: Db, now: Date = new Date()): Promise<void> {
  const year = dayjs(now).year();
  const young = await db
    .selectFrom('cadres')
    .select(['id', 'birth', 'level'])
    .where('status', '=', 'active')
    .where('level', 'in', ['副处', '正科', '副科'])
    .where('birth', '>=', `${year - 36}`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('cadre_pool_entries as p').select('p.id').whereRef('p.cadre_id', '=', 'cadres.id').where('p.left_on', 'is', null),
        ),
      ),
    )
    .orderBy('id')
    .limit(24)
    .execute();
  if (young.length === 0) return;
  const leaders = await db
    .selectFrom('cadres')
    .select('id')
    .where('status', '=', 'active')
    .where('level', 'in', ['正处', '副处'])
    .orderBy('id')
    .limit(40)
    .execute();
  await db.transaction().execute(async (trx) => {
    const enteredOn = dayjs(now).subtract(8, 'month').format('YYYY-MM-DD');
    for (const [i, c] of young.entries()) {
      const findings = await poolFindings(trx, c.id, c, enteredOn);
      const entry = await trx
        .insertInto('cadre_pool_entries')
        .values({
          cadre_id: c.id,
          entered_on: enteredOn,
          nominated_by: i % 3 === 0 ? '单位党组（党委）推荐' : '年度考核民主推荐',
          source: ['乡镇街道', '市直部门', '国有企业', '选调生'][i % 4],
          eligible: findings.length === 0,
          findings: JSON.stringify(findings),
          criteria_version: 'local-default',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (i < 6) await poolPlans(trx, entry.id, i, now);
    }
    for (const [i, c] of leaders.entries()) {
      await trx
        .insertInto('cadre_matter_reports')
        .values({
          cadre_id: c.id,
          year,
          filed_on: `${year}-03-${String(10 + (i % 15)).padStart(2, '0')}`,
          check_kind: i % 10 === 0 ? '随机' : i % 13 === 0 ? '重点' : 'none',
          finding: i % 10 === 0 ? '查核一致' : i % 13 === 0 ? '漏报配偶持有股票一项，已作说明并补报' : '',
        })
        .execute();
    }
    for (const [i, c] of leaders.slice(0, 12).entries()) {
      const passport = await trx
        .insertInto('cadre_passports')
        .values({
          cadre_id: c.id,
          kind: i % 3 === 0 ? '港澳通行证' : '护照',
          number: `${i % 3 === 0 ? 'C' : 'E'}${String(40_000_000 + c.id * 97).slice(0, 8)}`,
          handed_in_on: `${year - 2}-06-01`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (i < 5) await demoTrip(trx, c.id, passport.id, i, now);
    }
    for (const c of leaders.slice(12, 16)) {
      await trx
        .insertInto('cadre_part_time_posts')
        .values({
          cadre_id: c.id,
          organization: '示范市社会组织联合会（演示）',
          post: '兼任理事',
          approved_on: `${year - 1}-09-01`,
          approved_by: '市委组织部',
          doc_no: `示组干〔${year - 1}〕${30 + (c.id % 50)}号`,
          paid: false,
          ends_on: `${year + 2}-08-31`,
        })
        .execute();
    }
  });
}

const day = (now: Date, days: number) => dayjs(now).add(days, 'day').format('YYYY-MM-DD');

/**
 * One trip per case: 0 back 20 days ago, passport not handed back (overdue by the 10-day rule); 1 abroad now;
 * 2 back and the passport returned; 3 waiting for approval; 4 refused.
 */
async function demoTrip(trx: Trx, cadreId: number, passportId: number, i: number, now: Date): Promise<void> {
  const cases = [
    { to: '中国香港（演示）', why: '探亲', depart: -27, back: -20, status: '批准' },
    { to: '日本（演示）', why: '旅游', depart: -5, back: 10, status: '批准' },
    { to: '新加坡（演示）', why: '探望在外就读子女', depart: -60, back: -50, status: '批准' },
    { to: '法国（演示）', why: '旅游', depart: 30, back: 40, status: '待审批' },
    { to: '美国（演示）', why: '旅游', depart: 20, back: 30, status: '不批准' },
  ];
  const k = cases[i];
  const decided = k.status === '待审批' ? null : day(now, k.depart - 15);
  const trip = await trx
    .insertInto('cadre_trips')
    .values({
      cadre_id: cadreId,
      destinations: k.to,
      purpose: k.why,
      funded_by: '个人自费',
      applied_on: day(now, k.depart - 20),
      depart_on: day(now, k.depart),
      return_on: day(now, k.back),
      status: k.status,
      decided_on: decided,
      decided_by: decided ? '市委组织部干部监督科' : null,
      refusal_reason: k.status === '不批准' ? '该时段承担重要工作任务，不宜出国（境）' : null,
      came_back_on: k.status === '批准' && k.back < 0 ? day(now, k.back) : null,
      rules_version: k.status === '批准' ? TRIP_RULES[0].version : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (k.status !== '批准') return;
  await trx
    .updateTable('cadre_passports')
    .set({
      taken_out_on: day(now, k.depart - 2),
      trip: k.to,
      trip_id: trip.id,
      due_on: passportDueOn(day(now, k.back)).dueOn,
      returned_on: i === 2 ? day(now, k.back + 3) : null,
    })
    .where('id', '=', passportId)
    .execute();
  await trx.updateTable('cadre_trips').set({ passport_id: passportId }).where('id', '=', trip.id).execute();
}

/** A rotation or 挂职 and a training course, and two tracking notes, for the first entries of the pool. */
async function poolPlans(trx: Trx, entryId: number, i: number, now: Date): Promise<void> {
  const places = ['示范县某镇（演示）', '市信访局（演示）', '市发展改革委（演示）'];
  await trx
    .insertInto('cadre_pool_plans')
    .values([
      {
        entry_id: entryId,
        kind: i % 2 === 0 ? '挂职' : '轮岗',
        place: places[i % 3],
        starts_on: day(now, -200),
        ends_on: day(now, 165),
        note: i % 2 === 0 ? '挂任党委副书记（演示）' : '',
      },
      {
        entry_id: entryId,
        kind: '培训',
        place: '市委党校（演示）',
        starts_on: day(now, -150),
        ends_on: day(now, -120),
        note: '中青年干部培训班',
      },
    ])
    .execute();
  await trx
    .insertInto('cadre_pool_notes')
    .values([
      { entry_id: entryId, noted_on: day(now, -90), text: '挂职单位反映工作扎实，群众评价较好（演示）' },
      { entry_id: entryId, noted_on: day(now, -10), text: '年度民主测评优秀率较高，继续跟踪培养（演示）' },
    ])
    .execute();
}

// Demo supervision records on top of the cadre demo (nothing without it): young cadres in the pool with
// the criteria checked on their files, this year's 个人有关事项报告 with random and targeted checks, passports
// in custody (one taken out for a trip and overdue, so the to-do list shows it), and approved part-time posts.
// Deterministic: the cadres are chosen by id order.
import dayjs from 'dayjs';
import type { Db } from '../../db/engine.js';
import { poolFindings } from './service.js';

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
      await trx
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
        .execute();
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
      const out = i === 0 || i === 5;
      await trx
        .insertInto('cadre_passports')
        .values({
          cadre_id: c.id,
          kind: i % 3 === 0 ? '港澳通行证' : '护照',
          number: `${i % 3 === 0 ? 'C' : 'E'}${String(40_000_000 + c.id * 97).slice(0, 8)}`,
          handed_in_on: `${year - 2}-06-01`,
          taken_out_on: out
            ? dayjs(now)
                .subtract(i === 0 ? 40 : 5, 'day')
                .format('YYYY-MM-DD')
            : null,
          trip: out ? (i === 0 ? '因私赴港探亲（演示）' : '因私出国旅游（演示）') : null,
          // The first is overdue: due back ten days ago and not returned.
          due_on: out
            ? dayjs(now)
                .add(i === 0 ? -10 : 20, 'day')
                .format('YYYY-MM-DD')
            : null,
        })
        .execute();
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

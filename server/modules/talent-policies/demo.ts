// Demo talent policies (fictional, labelled 演示): five policies with dated amounts (one amount raised mid-year), a
// call open and one closed, and 300 applications in every state (some in 公示, some paid in instalments, one clawed
// back) by the registry demo's talents (talent/demo.ts): each applicant is chosen so that the evaluation stored at
// submission agrees with the state (demo-applications.ts). Nothing without registered talents.
import dayjs from 'dayjs';
import type { Db } from '../../db/engine.js';
import type { Condition } from '../../../domain/rules/talent-policy.js';
import { seedDemoApplications, type DemoPolicy } from './demo-applications.js';

const DEMO = '（演示数据，金额虚构）';
type Cond = Record<string, unknown>;

export async function seedTalentPoliciesDemo(db: Db, now: Date = new Date()): Promise<void> {
  if (await db.selectFrom('talent_policies').select('id').limit(1).executeTakeFirst()) return;
  if (!(await db.selectFrom('talent_people').select('id').limit(1).executeTakeFirst())) return;
  const year = dayjs(now).year();
  const age = (max: number): Cond => ({ kind: 'age_max', max, tierMax: { tiers: ['A', 'B'], max: max + 5 } });
  const common: Cond[] = [
    { kind: 'social_insurance_months', min: 3 },
    { kind: 'income_tax_months', min: 3 },
    { kind: 'employer_in_district' },
  ];
  const policies = [
    {
      code: 'LIVE-DR',
      doc: `示人才〔${year}〕1号`,
      title: '青年博士生活补贴',
      amount: [3_000_000, 3_600_000],
      conds: [age(40), { kind: 'degree', minLevel: 'doctor', where: 'any' }, ...common, { kind: 'no_duplicate', exclusive: [] }],
      expert: false,
      instalments: 3,
    },
    {
      code: 'HOUSE-BUY',
      doc: `示人才〔${year}〕2号`,
      title: '人才购房补贴',
      amount: [20_000_000],
      conds: [age(45), { kind: 'contract_years', min: 5 }, ...common, { kind: 'no_duplicate', exclusive: ['RENT'] }],
      expert: false,
      instalments: 5,
    },
    {
      code: 'RENT',
      doc: `示人才〔${year}〕3号`,
      title: '人才租房补贴',
      amount: [1_200_000],
      conds: [age(35), ...common, { kind: 'no_duplicate', exclusive: ['HOUSE-BUY'] }],
      expert: false,
      instalments: 1,
    },
    {
      code: 'RETURN',
      doc: `示人才〔${year}〕4号`,
      title: '海外留学回国人才创业启动资助',
      amount: [10_000_000],
      conds: [
        age(45),
        { kind: 'degree', minLevel: 'master', where: 'abroad' },
        { kind: 'returned_within_months', max: 24, tierMax: { tiers: ['A', 'B'], max: 30 } },
        { kind: 'employer_in_district' },
      ],
      expert: true,
      instalments: 2,
    },
    {
      code: 'LEAD',
      doc: `示人才〔${year}〕5号`,
      title: '领军人才项目资助',
      amount: [50_000_000],
      conds: [{ kind: 'tier_in', tiers: ['A', 'B', 'C'] }, { kind: 'contract_years', min: 3 }, { kind: 'employer_in_district' }],
      expert: true,
      instalments: 3,
    },
  ];
  await db.transaction().execute(async (trx) => {
    const demoPolicies: DemoPolicy[] = [];
    for (const [i, p] of policies.entries()) {
      const pol = await trx
        .insertInto('talent_policies')
        .values({
          doc_no: p.doc,
          title: `${p.title}（演示）`,
          issuer: '示范市委人才工作领导小组办公室',
          co_issuers: JSON.stringify(['示范市财政局', '示范市人力资源和社会保障局']),
          level: 'city',
          published_on: `${year}-01-10`,
          effective_on: `${year}-01-15`,
          expires_on: `${year + 4}-12-31`,
          expert_review: p.expert,
          publicity_days: i % 2 ? 7 : 5,
          instalments: p.instalments,
          note: DEMO,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const item = await trx
        .insertInto('talent_benefit_items')
        .values({ policy_id: pol.id, code: p.code, name: p.title })
        .returning('id')
        .executeTakeFirstOrThrow();
      const versions = p.amount.map((amountFen, k) => ({
        effectiveOn: k === 0 ? `${year}-01-15` : `${year}-07-01`,
        amountFen,
        conditions: p.conds as Condition[],
        source: k === 0 ? `${p.doc} 第三条${DEMO}` : `示人才〔${year}〕9号 调整标准的通知${DEMO}`,
      }));
      await trx
        .insertInto('talent_benefit_versions')
        .values(
          versions.map((v) => ({
            item_id: item.id,
            effective_on: v.effectiveOn,
            amount_fen: v.amountFen,
            conditions: JSON.stringify(v.conditions),
            source: v.source,
          })),
        )
        .execute();
      const open = await trx
        .insertInto('talent_calls')
        .values({
          policy_id: pol.id,
          title: `${year} 年${p.title}申报（演示）`,
          opens_on: i === 4 ? `${year}-03-01` : dayjs(now).subtract(60, 'day').format('YYYY-MM-DD'),
          closes_on: i === 4 ? `${year}-04-30` : dayjs(now).add(45, 'day').format('YYYY-MM-DD'),
          required_attachments: JSON.stringify(['身份证明', '学历学位证书', '劳动合同']),
          note: DEMO,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      demoPolicies.push({
        code: p.code,
        itemId: item.id,
        callId: open.id,
        call: i === 4 ? { opensOn: `${year}-03-01`, closesOn: `${year}-04-30` } : null,
        instalments: p.instalments,
        publicityDays: i % 2 ? 7 : 5,
        data: {
          docNo: p.doc,
          title: p.title,
          effectiveOn: `${year}-01-15`,
          expiresOn: `${year + 4}-12-31`,
          status: 'in_force',
          items: [{ code: p.code, name: p.title, versions }],
        },
      });
    }
    await seedDemoApplications(trx, now, demoPolicies);
  });
}

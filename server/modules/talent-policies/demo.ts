// Demo talent policies (fictional, labelled 演示): five policies with dated amounts (one amount raised mid-year), a
// call open and one closed, ~300 applications in every state (some in 公示, some paid in instalments, one clawed
// back). Deterministic: rows are chosen by id order. Until the registry's demo is merged, ensureDemoTalents writes
// a few hundred minimal talents of its own, and reuses the registry's when talent_people already has rows.
import dayjs from 'dayjs';
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { payoutSchedule, publicityPeriod } from '../../../domain/rules/talent-policy.js';

const DEMO = '（演示数据，金额虚构）';
type Cond = Record<string, unknown>;

/** The registry's talents when there are any; otherwise minimal fictional ones (set-based), with employers. */
export async function ensureDemoTalents(db: Db, count = 300): Promise<number[]> {
  const have = await db.selectFrom('talent_people').select('id').where('status', '=', 'active').orderBy('id').limit(count).execute();
  if (have.length) return have.map((r) => r.id);
  const districts = await db.selectFrom('orgs').select('id').where('kind', '=', 'county_committee').orderBy('id').limit(6).execute();
  if (districts.length === 0) return [];
  await sql`insert into talent_employers (name, district_org_id, industry, kind, verified_on)
    select '演示用人单位' || n, (${sql.val(districts.map((d) => d.id))}::bigint[])[1 + (n % ${districts.length})], '新一代信息技术', '企业',
      case when n % 7 = 0 then null else date '2026-01-05' end
    from generate_series(1, 12) n`.execute(db);
  await sql`insert into talent_people (name, sex, birth, employer_id, district_org_id, field, degrees, titles, returned_on)
    select '演示人才' || lpad(n::text, 4, '0'), case when n % 3 = 0 then '女' else '男' end,
      date '1976-01-01' + ((n * 97) % 6500), e.id, e.district_org_id, '人工智能',
      case when n % 4 = 0 then '[{"level":"master","abroad":false}]'::jsonb else jsonb_build_array(jsonb_build_object('level', 'doctor', 'abroad', n % 2 = 0)) end,
      '[]'::jsonb, case when n % 2 = 0 then date '2024-06-01' + (n % 600) else null end
    from generate_series(1, ${count}) n
    join lateral (select id, district_org_id from talent_employers order by id offset (n % 12) limit 1) e on true`.execute(db);
  return (await db.selectFrom('talent_people').select('id').orderBy('id').limit(count).execute()).map((r) => r.id);
}

const STATES = [
  'draft',
  'employer_review',
  'district_review',
  'city_review',
  'expert_review',
  'publicity',
  'paying',
  'completed',
  'returned',
  'refused',
  'withdrawn',
] as const;

export async function seedTalentPoliciesDemo(db: Db, now: Date = new Date()): Promise<void> {
  if (await db.selectFrom('talent_policies').select('id').limit(1).executeTakeFirst()) return;
  const people = await ensureDemoTalents(db);
  if (people.length === 0) return;
  const today = dayjs(now).format('YYYY-MM-DD');
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
    const itemIds: number[] = [];
    const callIds: number[] = [];
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
      itemIds.push(item.id);
      for (const [k, amount] of p.amount.entries())
        await trx
          .insertInto('talent_benefit_versions')
          .values({
            item_id: item.id,
            effective_on: k === 0 ? `${year}-01-15` : `${year}-07-01`,
            amount_fen: amount,
            conditions: JSON.stringify(p.conds),
            source: k === 0 ? `${p.doc} 第三条${DEMO}` : `示人才〔${year}〕9号 调整标准的通知${DEMO}`,
          })
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
      callIds.push(open.id);
    }
    // ~300 applications spread over the states; decided steps carry their history row.
    const decided = dayjs(now).subtract(40, 'day').format('YYYY-MM-DD');
    let clawed = false;
    for (const [n, personId] of people.slice(0, 300).entries()) {
      const k = n % policies.length;
      const state = STATES[n % STATES.length];
      const submitted =
        state === 'draft'
          ? null
          : dayjs(now)
              .subtract(50 - (n % 20), 'day')
              .format('YYYY-MM-DD');
      const pub =
        state === 'publicity'
          ? publicityPeriod(
              dayjs(now)
                .subtract(n % 10, 'day')
                .format('YYYY-MM-DD'),
              5,
            )
          : null;
      const paid = state === 'paying' || state === 'completed';
      const amount = policies[k].amount[policies[k].amount.length - 1];
      const a = await trx
        .insertInto('talent_applications')
        .values({
          call_id: callIds[k],
          item_id: itemIds[k],
          person_id: personId,
          employer_id: (await trx.selectFrom('talent_people').select('employer_id').where('id', '=', personId).executeTakeFirstOrThrow())
            .employer_id,
          applied_as: n % 3 === 0 ? 'employer' : 'self',
          status: state,
          social_insurance_months: 6 + (n % 30),
          income_tax_months: 6 + (n % 30),
          contract_years: 3 + (n % 4),
          statement: '演示申请',
          submitted_on: submitted,
          step_due_on: ['employer_review', 'district_review', 'city_review', 'expert_review'].includes(state)
            ? dayjs(now)
                .add((n % 20) - 8, 'day')
                .format('YYYY-MM-DD')
            : (pub?.endsOn ?? null),
          publicity_starts_on: pub?.startsOn ?? null,
          publicity_ends_on: pub?.endsOn ?? null,
          approved_on: paid ? decided : null,
          amount_fen: paid ? amount : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('talent_application_steps')
        .values({ application_id: a.id, step: 'create', outcome: 'draft', to_status: 'draft', by_name: '演示', at: now })
        .execute();
      if (state !== 'draft')
        await trx
          .insertInto('talent_application_steps')
          .values({
            application_id: a.id,
            step: state === 'returned' ? 'district' : state === 'refused' ? 'city' : 'submit',
            outcome: state === 'returned' ? 'return' : state === 'refused' ? 'refuse' : 'submitted',
            reason: state === 'returned' ? '社保缴纳证明不完整，请补充' : state === 'refused' ? '学位为国内硕士，不符合境外学位条件' : '',
            from_status: 'draft',
            to_status: state,
            by_name: '演示',
            at: now,
          })
          .execute();
      if (!paid) continue;
      const schedule = payoutSchedule(amount, policies[k].instalments, decided);
      for (const p of schedule) {
        const released = p.seq === 1 || state === 'completed';
        const row = await trx
          .insertInto('talent_payouts')
          .values({
            application_id: a.id,
            seq: p.seq,
            due_on: p.dueOn,
            amount_fen: p.amountFen,
            status: released ? 'released' : 'scheduled',
            released_on: released ? p.dueOn : null,
            checked_on: released ? p.dueOn : null,
            check_note: released ? '在岗（演示）' : '',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (released)
          await trx
            .insertInto('talent_ledger')
            .values({
              application_id: a.id,
              person_id: personId,
              item_id: itemIds[k],
              payout_id: row.id,
              kind: 'payout',
              amount_fen: p.amountFen,
              booked_on: p.dueOn,
              reason: `第 ${p.seq} 期（演示）`,
              at: now,
            })
            .execute();
      }
      if (state === 'paying' && !clawed && policies[k].instalments > 1) {
        clawed = true;
        await trx
          .updateTable('talent_payouts')
          .set({ status: 'cancelled', check_note: '追回：提前离职' })
          .where('application_id', '=', a.id)
          .where('status', '=', 'scheduled')
          .execute();
        await trx
          .insertInto('talent_ledger')
          .values({
            application_id: a.id,
            person_id: personId,
            item_id: itemIds[k],
            kind: 'clawback',
            amount_fen: -schedule[0].amountFen,
            booked_on: today,
            reason: '提前离职：服务期未满（演示）',
            at: now,
          })
          .execute();
        await trx.updateTable('talent_applications').set({ status: 'clawed_back' }).where('id', '=', a.id).execute();
      }
    }
  });
}

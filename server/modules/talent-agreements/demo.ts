// Demo 柔性引才 agreements and talent evaluations (fictional, labelled 演示), written through the modules' own
// writers on a context of the talent office: about 40 agreements across the six forms and every state (running,
// behind on on-site days, ending within 60 days, ended, terminated, renewed), deliverables accepted, returned and
// open, four of them with the demo employer account's company; one indicator set of 显绩 and 潜绩 and the
// evaluations of ~200 talents over the last two years. Deterministic: talents and employers by id order, scores
// from a seeded generator. Nothing when no talent is registered.
import dayjs from 'dayjs';
import type { Db } from '../../db/engine.js';
import type { Ctx } from '../../context.js';
import type { Actor } from '../../auth/actor.js';
import { todayCn } from '../../dates.js';
import { AGREEMENT_FORMS } from '../../../domain/schemas/talent-agreements.js';
import { onsiteDaysDue } from '../../../domain/rules/talent-agreements.js';
import { createAgreement, decide, endAgreement, recordDays, renewAgreement } from './service.js';
import { createIndicatorSet } from '../talent-evaluations/indicators.js';
import { writeEvaluation } from '../talent-evaluations/evaluations.js';

const HOMES = ['示例大学（虚构）', '示例科学院研究所（虚构）', '示例医科大学（虚构）', '示例理工大学（虚构）', '示例工程研究中心（虚构）'];
const WORKS = ['关键工艺攻关报告', '联合申报省级项目', '培养青年技术骨干', '专题讲座与培训', '技术标准草案', '样机与测试报告'];
const INDICATORS = [
  { code: 'results', name: '科研成果与知识产权', kind: 'achieved', weight: 25 },
  { code: 'projects', name: '承担重大项目', kind: 'achieved', weight: 20 },
  { code: 'benefit', name: '经济社会效益', kind: 'achieved', weight: 15 },
  { code: 'growth', name: '成长性与发展空间', kind: 'potential', weight: 15 },
  { code: 'training', name: '进修培训与学术交流', kind: 'potential', weight: 10 },
  { code: 'team', name: '团队建设与人才培养', kind: 'potential', weight: 15 },
] as const;

/** A small deterministic generator (the demo city's scores are reproducible). */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function seedTalentAgreementsDemo(db: Db, now: Date = new Date()): Promise<void> {
  if (await db.selectFrom('talent_agreements').select('id').limit(1).executeTakeFirst()) return;
  const people = await db.selectFrom('talent_people').select('id').where('status', '=', 'active').orderBy('id').limit(260).execute();
  if (people.length < 10) return;
  const root = await db.selectFrom('orgs').select(['id', 'path']).where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
  const officer = await db.selectFrom('users').select('id').where('username', '=', 'talent-officer').executeTakeFirst();
  const actor = { userId: officer?.id ?? null, scopePath: root.path, roles: ['talent_officer'] } as unknown as Actor;
  await db.transaction().execute(async (trx) => {
    const ctx = {
      db: trx,
      actor,
      clock: { now: () => now },
      today: () => todayCn(now),
      origin: { ip: '127.0.0.1', requestId: 'demo' },
    } as unknown as Ctx;
    await seedAgreements(ctx, people.map((p) => p.id).slice(-40));
    await seedEvaluations(ctx, people.map((p) => p.id).slice(0, 200));
  });
}

async function seedAgreements(ctx: Ctx, people: number[]): Promise<void> {
  const today = ctx.today();
  const day = (n: number) => dayjs(today).add(n, 'day').format('YYYY-MM-DD');
  const own = await ctx.db
    .selectFrom('talent_employer_users as eu')
    .innerJoin('users as u', 'u.id', 'eu.user_id')
    .select('eu.employer_id')
    .where('u.username', '=', 'talent-employer')
    .executeTakeFirst();
  const others = await ctx.db.selectFrom('talent_employers').select('id').orderBy('id').limit(12).execute();
  const employers = [...(own ? [own.employer_id] : []), ...others.map((e) => e.id).filter((id) => id !== own?.employer_id)];
  const rand = seeded(15);
  for (const [i, personId] of people.entries()) {
    // 0–3 running, 4 behind, 5–6 ending within 60 days, 7 ended, 8 terminated, 9 renewed (the old one ended)
    const state = i % 10;
    const employerId = i < 5 ? employers[0] : employers[i % employers.length];
    const startsOn =
      state === 5 || state === 6
        ? day(-(330 + (i % 20)))
        : state === 7 || state === 9
          ? day(-(400 + i * 3))
          : state === 8
            ? day(-(200 + i))
            : day(-(40 + i * 7));
    const endsOn =
      state === 5 || state === 6
        ? day(10 + i)
        : state === 7 || state === 9
          ? day(-(30 + i))
          : dayjs(startsOn)
              .add(i % 3 === 0 ? 2 : 1, 'year')
              .subtract(1, 'day')
              .format('YYYY-MM-DD');
    const promised = [30, 45, 60, 90, 120][i % 5];
    const works = [0, 1, 2].slice(0, 1 + (i % 3)).map((k) => ({
      title: `${WORKS[(i + k) % WORKS.length]}（演示）`,
      dueOn: dayjs(startsOn)
        .add(90 * (k + 1), 'day')
        .format('YYYY-MM-DD'),
    }));
    const id = await createAgreement(ctx, {
      personId,
      employerId,
      homeInstitution: HOMES[i % HOMES.length],
      form: AGREEMENT_FORMS[i % AGREEMENT_FORMS.length],
      startsOn,
      endsOn,
      onsiteDaysPromised: promised,
      payFen: (5 + (i % 6) * 5) * 1_000_000,
      payTerms: '按季度凭在岗记录和工作成果支付（演示数据，金额虚构）',
      ipTerms: '合作期间形成的知识产权归双方共有，另有约定的从其约定（演示）',
      deliverables: works,
      note: '演示数据',
    });
    // On-site days month by month up to today: the behind ones at a third of what is due.
    const last = endsOn < today ? endsOn : today;
    const due = onsiteDaysDue(startsOn, endsOn, promised, last);
    let owed = state === 4 ? Math.floor(due / 3) : Math.max(0, due - Math.floor(rand() * 3));
    for (let m = 0; owed > 0; m++) {
      const fromOn = dayjs(startsOn).add(m, 'month').format('YYYY-MM-DD');
      if (fromOn > last) break;
      const days = Math.min(owed, Math.max(1, Math.ceil(promised / 12) + (m % 2)));
      await recordDays(ctx, id, { fromOn, days, note: m % 4 === 0 ? '驻点指导（演示）' : '' }, m % 3 === 0 ? 'employer' : 'office');
      owed -= days;
    }
    const deliverables = await ctx.db.selectFrom('talent_deliverables').select(['id', 'due_on']).where('agreement_id', '=', id).execute();
    for (const [k, d] of deliverables.entries()) {
      if (d.due_on >= today) continue;
      if ((i + k) % 4 === 3) continue; // overdue, not yet accepted
      const outcome = (i + k) % 7 === 5 ? 'returned' : 'accepted';
      const decidedOn = dayjs(d.due_on).add(5, 'day').format('YYYY-MM-DD');
      await decide(ctx, id, d.id, {
        outcome,
        decidedOn: decidedOn > today ? today : decidedOn,
        acceptance: outcome === 'accepted' ? '达到协议约定要求，验收通过（演示）' : '数据不完整，退回补充（演示）',
      });
    }
    if (state === 7)
      await endAgreement(ctx, id, { status: 'ended', endedOn: endsOn, reason: '协议期满，双方不再续约（演示）', version: 1 });
    if (state === 8)
      await endAgreement(ctx, id, {
        status: 'terminated',
        endedOn: day(-10),
        reason: '本人工作调整，经双方协商提前解除（演示）',
        version: 1,
      });
    if (state === 9)
      await renewAgreement(ctx, id, {
        endsOn: dayjs(endsOn).add(1, 'year').format('YYYY-MM-DD'),
        onsiteDaysPromised: promised,
        payFen: (5 + (i % 6) * 5) * 1_000_000,
        payTerms: '同原协议（演示）',
        ipTerms: '同原协议（演示）',
        deliverables: [],
        note: '到期续签（演示）',
        version: 1,
      });
  }
}

async function seedEvaluations(ctx: Ctx, people: number[]): Promise<void> {
  const year = Number(ctx.today().slice(0, 4));
  await createIndicatorSet(ctx, {
    effectiveOn: `${year - 2}-01-01`,
    source: '示范市人才评价暂行办法（演示，虚构）',
    indicators: INDICATORS.map((x) => ({ ...x })),
  });
  const rand = seeded(2026);
  for (const personId of people) {
    // each talent has a level and a trend: potential grows faster for the younger ones in the data
    const level = 55 + rand() * 35;
    const trend = (rand() - 0.3) * 8;
    for (const y of [year - 2, year - 1]) {
      const step = y === year - 1 ? trend : 0;
      const scores = Object.fromEntries(
        INDICATORS.map((x) => [x.code, Math.round(Math.min(100, Math.max(0, level + step + (rand() - 0.5) * 16)))]),
      );
      await writeEvaluation(ctx, personId, {
        year: y,
        scores,
        notes: { results: '见年度业绩材料（演示）', growth: '见个人发展计划（演示）' },
      });
    }
  }
}

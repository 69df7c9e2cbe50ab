// Dues (RULES.md §2): members in arrears at the warning levels for their branch, long before six
// consecutive months (党章第九条); hardship reductions awaiting the higher committee (art. 7); and a
// member's own unpaid months. Arrears come from the dues module's ledger query and settings.
import dayjs from 'dayjs';
import { sql } from 'kysely';
import { addMonths, arrearsLevel, monthsBetween, yuan, type ArrearsLevel } from '../../../../domain/rules/dues.js';
import type { TDuesSettings } from '../../../../domain/schemas/dues.js';
import { arrearsOf } from '../../dues/queries.js';
import { ledgerCte } from '../../dues/ledger-sql.js';
import { lastClosedMonth } from '../../dues/service.js';
import { getDuesSettings } from '../../dues/settings.js';
import { sumsArrears, sumsAsOf } from '../../dues/summaries.js';
import { makeItem } from '../item.js';
import { subtreeFilter, type FoundItem, type MemberRef, type Target, type TodoContext, type TodoProvider } from '../types.js';

const LAPSE_RULE = '《中国共产党章程》第九条';
const REDUCTION_RULE = '中组发〔2008〕3号《关于中国共产党党费收缴、使用和管理的规定》第七条';
const WARNED = new Set(['warning', 'urgent', 'lapsed']);

/** The last day of the month in which the run of unpaid months reaches the lapse threshold. */
const lapseDay = (lastClosed: string, consecutive: number, lapseMonths: number) =>
  dayjs(`${addMonths(lastClosed, lapseMonths - consecutive)}-01`)
    .endOf('month')
    .format('YYYY-MM-DD');

/** lapseDay for one month and setting: a subtree's thousands of members share a few run lengths. */
function lapseDays(lastClosed: string, lapseMonths: number): (consecutive: number) => string {
  const seen = new Map<number, string>();
  return (c) => seen.get(c) ?? seen.set(c, lapseDay(lastClosed, c, lapseMonths)).get(c)!;
}

interface Warned {
  memberId: number;
  consecutiveUnpaid: number;
  level: ArrearsLevel;
  owedFen: number | null;
}

/**
 * A whole subtree at once (the digest): the levels depend only on the last lapseMonths closed months,
 * so the ledger is read over those alone — the same levels as arrearsOf, about 1.5–3 times cheaper on the
 * demo city. A run filling the window is "at least" that long, and what is owed before it is not summed.
 */
async function subtreeArrears(ctx: TodoContext, scopePath: string, lastClosed: string, s: TDuesSettings): Promise<Warned[]> {
  // The dues summaries (migration 039) when computed for this month: exact runs and amounts, as arrearsOf.
  if ((await sumsAsOf(ctx.db)) === lastClosed) return sumsArrears(ctx.db, scopePath, s, s.warnMonths);
  const r = await sql<{ member_id: number; last_ok: string | null; first_month: string }>`
    ${ledgerCte({ scopePath }, addMonths(lastClosed, 1 - s.lapseMonths), lastClosed)}
    select member_id, max(month) filter (where due_fen <= paid_fen) as last_ok, min(month) as first_month
    from ledger group by member_id having count(*) filter (where due_fen > paid_fen) >= ${s.warnMonths}`.execute(ctx.db);
  return r.rows.map((x) => {
    const consecutiveUnpaid = monthsBetween(x.last_ok ?? addMonths(x.first_month, -1), lastClosed);
    return { memberId: x.member_id, consecutiveUnpaid, level: arrearsLevel(consecutiveUnpaid, s), owedFen: null };
  });
}

async function namesOf(ctx: TodoContext, rows: Warned[]) {
  const members = await ctx.db
    .selectFrom('members as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .select(['m.id', 'm.name', 'o.id as org_id', 'o.name as org_name', sql<string>`o.path::text`.as('org_path')])
    // One array parameter: a city's 20,000 ids as `in (…)` parameters took 0.77 s, as an array 0.24 s.
    .where(sql<boolean>`m.id = any(${rows.map((r) => r.memberId)}::bigint[])`)
    .execute();
  return new Map(members.map((m) => [m.id, m]));
}

async function own(ctx: TodoContext, target: Target): Promise<FoundItem[]> {
  const s = await getDuesSettings(ctx.db);
  const lastClosed = lastClosedMonth(ctx.now);
  const all: Warned[] =
    'org' in target
      ? await arrearsOf(ctx.db, { orgId: target.org.id }, lastClosed, s)
      : await subtreeArrears(ctx, target.subtree.path, lastClosed, s);
  const hits = all.filter((a) => WARNED.has(a.level));
  if (hits.length === 0) return [];
  const names = await namesOf(ctx, hits);
  const lapseOn = lapseDays(lastClosed, s.lapseMonths);
  return hits
    .sort((a, b) => b.consecutiveUnpaid - a.consecutiveUnpaid || a.memberId - b.memberId)
    .map((a) => {
      const m = names.get(a.memberId)!;
      const lapsed = a.level === 'lapsed';
      const run = a.owedFen === null && lapsed ? `${s.lapseMonths} 个月以上` : `${a.consecutiveUnpaid} 个月`;
      return makeItem(
        ctx,
        'dues_arrears',
        { id: m.org_id, name: m.org_name, path: m.org_path },
        {
          title: `${m.name}已连续 ${run}未交纳党费${a.owedFen === null ? '' : `（欠缴 ${yuan(a.owedFen)} 元）`}${lapsed ? `，已满 ${s.lapseMonths} 个月，须及时处置` : ''}`,
          dueOn: lapseOn(a.consecutiveUnpaid),
          overdue: lapsed,
          link: '/dues',
          ref: a.memberId,
          rule: LAPSE_RULE,
        },
      );
    });
}

/** Proposed reductions, raised by the proposing organization: its nearest higher committee decides (art. 7). */
async function approvals(ctx: TodoContext, scopePath: string): Promise<FoundItem[]> {
  const rows = await ctx.db
    .selectFrom('dues_reductions as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .innerJoin('orgs as po', 'po.id', 'r.proposer_org_id')
    .select([
      'r.id',
      'r.kind',
      'r.month_from',
      'r.month_to',
      'm.name',
      'po.id as org_id',
      'po.name as org_name',
      sql<string>`po.path::text`.as('org_path'),
    ])
    .where('r.status', '=', 'proposed')
    .where(subtreeFilter('po.path', scopePath))
    .orderBy('r.id')
    .execute();
  return rows.map((r) =>
    makeItem(
      ctx,
      'dues_reduction',
      { id: r.org_id, name: r.org_name, path: r.org_path },
      {
        title: `${r.name}党费${r.kind === 'exempt' ? '免交' : '减交'}申请（${r.month_from} 至 ${r.month_to}）待审批`,
        dueOn: null,
        link: '/dues',
        ref: r.id,
        rule: REDUCTION_RULE,
      },
    ),
  );
}

async function mine(ctx: TodoContext, me: MemberRef): Promise<FoundItem[]> {
  const s = await getDuesSettings(ctx.db);
  const lastClosed = lastClosedMonth(ctx.now);
  const [a] = await arrearsOf(ctx.db, { memberId: me.memberId }, lastClosed, s);
  if (!a) return [];
  const org = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'name', sql<string>`path::text`.as('path')])
    .where('id', '=', me.orgId)
    .executeTakeFirstOrThrow();
  return [
    makeItem(ctx, 'my_dues', org, {
      title: `您有 ${a.unpaidMonths} 个月党费未交纳（共 ${yuan(a.owedFen)} 元，最早 ${a.oldestUnpaid}），请及时向党支部交纳`,
      dueOn: a.consecutiveUnpaid > 0 ? lapseDay(lastClosed, a.consecutiveUnpaid, s.lapseMonths) : null,
      overdue: a.level === 'lapsed',
      link: '/my-dues',
      ref: me.memberId,
      rule: a.consecutiveUnpaid > 0 ? LAPSE_RULE : null,
    }),
  ];
}

export const duesTodos: TodoProvider = { area: 'dues', own, approvals, mine };

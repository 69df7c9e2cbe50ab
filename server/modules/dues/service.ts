// Reading dues: a member's account, a branch's monthly sheet, arrears and totals of a subtree.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { todayCn } from '../../dates.js';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../db/types.js';
import type { DuesBasesTable } from '../../db/types-dues.js';
import type { MemberRow } from '../members/access.js';
import { addMonths, arrearsLevel, arrearsOf as ledgerArrears, monthOf, monthRange } from '../../../domain/rules/dues.js';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';
import type { TDuesSettings } from '../../../domain/schemas/dues.js';
import * as q from './queries.js';
import { presentBase, presentPayment, presentReduction, reductionRows } from './presenters.js';
import { sumsArrears, sumsAsOf, sumsLevelCounts } from './summaries.js';
import { totalsFromCells } from './totals-cells.js';
import type { Actor } from '../../auth/actor.js';

dayjs.extend(utc);

export const currentMonth = (now: Date) => todayCn(now).slice(0, 7);
/** Arrears count closed months only: the current month is still being collected. */
export const lastClosedMonth = (now: Date) => addMonths(currentMonth(now), -1);

export async function basesOf(db: Kysely<DB>, memberId: number): Promise<Selectable<DuesBasesTable>[]> {
  return db.selectFrom('dues_bases').selectAll().where('member_id', '=', memberId).orderBy('effective_from').execute();
}

export async function memberDues(db: Kysely<DB>, actor: Actor | null, m: MemberRow, s: TDuesSettings, now: Date) {
  const bases = await basesOf(db, m.id);
  const thisMonth = currentMonth(now);
  const closed = lastClosedMonth(now);
  // Dues stop with membership: a member who left, died or was suspended owes nothing after that month.
  const counted = COUNTED_STATUSES.includes(m.status);
  const end = counted ? addMonths(thisMonth, 12) : m.status_since ? monthOf(m.status_since) : thisMonth;
  const ledger = bases.length ? await q.memberLedger(db, m.id, bases[0].effective_from, end) : [];
  const arrears = ledgerArrears(
    ledger.filter((l) => l.month <= closed).map((l) => ({ month: l.month, dueFen: l.due_fen, paidFen: l.paid_fen })),
  );
  const payments = await db
    .selectFrom('dues_payments as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select([
      'p.id',
      'p.month',
      'p.kind',
      'p.amount_fen',
      sql<string>`to_char(p.paid_on, 'YYYY-MM-DD')`.as('paid_on'),
      'p.receipt_no',
      'p.collected_by',
      'p.to_centre',
      'o.name as org_name',
    ])
    .where('p.member_id', '=', m.id)
    .orderBy('p.month', 'desc')
    .orderBy('p.id', 'desc')
    .limit(200)
    .execute();
  const org = await db.selectFrom('orgs').select('name').where('id', '=', m.org_id).executeTakeFirstOrThrow();
  const current = bases.filter((b) => b.effective_from <= thisMonth).at(-1) ?? null;
  return {
    member: {
      id: m.id,
      name: m.name,
      orgId: m.org_id,
      orgName: org.name,
      category: m.category,
      status: m.status,
      admittedOn: m.admitted_on,
    },
    current: current && presentBase(current),
    bases: bases.map(presentBase).reverse(),
    // Months up to now, newest first, plus months already paid in advance.
    ledger: ledger
      .filter((l) => l.month <= thisMonth || l.paid_fen > 0)
      .map((l) => ({ month: l.month, dueFen: l.due_fen, paidFen: l.paid_fen, reduced: l.reduced }))
      .reverse(),
    payments: payments.map(presentPayment),
    reductions: (await reductionRows(db, (x) => x.where('r.member_id', '=', m.id))).map((r) => presentReduction(r, actor)),
    arrears: { ...arrears, level: arrearsLevel(arrears.consecutiveUnpaid, s) },
  };
}

export async function sheet(db: Kysely<DB>, org: { id: number; name: string }, month: string, s: TDuesSettings, now: Date) {
  const [rows, arrears] = await Promise.all([q.sheetRows(db, org.id, month), q.arrearsOf(db, { orgId: org.id }, lastClosedMonth(now), s)]);
  const byMember = new Map(arrears.map((a) => [a.memberId, a]));
  const out = rows.map((r) => {
    const a = byMember.get(r.member_id);
    return {
      memberId: r.member_id,
      name: r.name,
      memberCategory: r.category,
      duesCategory: r.dues_category,
      baseFen: r.base_fen,
      dueFen: r.due_fen,
      paidFen: r.paid_fen,
      paidOn: r.paid_on,
      receiptNo: r.receipt_no,
      consecutiveUnpaid: a?.consecutiveUnpaid ?? 0,
      level: a?.level ?? 'none',
    };
  });
  return {
    month,
    orgId: org.id,
    orgName: org.name,
    rows: out,
    dueFen: out.reduce((n, r) => n + (r.dueFen ?? 0), 0),
    paidFen: out.reduce((n, r) => n + r.paidFen, 0),
  };
}

const LEVEL_ORDER = ['none', 'notice', 'warning', 'urgent', 'lapsed'] as const;

export async function arrearsList(
  db: Kysely<DB>,
  orgPath: string,
  minLevel: (typeof LEVEL_ORDER)[number],
  limit: number,
  s: TDuesSettings,
  now: Date,
) {
  const asOfMonth = lastClosedMonth(now);
  const min = LEVEL_ORDER.indexOf(minLevel);
  let counts = { notice: 0, warning: 0, urgent: 0, lapsed: 0 };
  let page: q.ArrearsRow[];
  let truncated: boolean;
  if ((await sumsAsOf(db)) === asOfMonth) {
    // From the summaries: the counts and one page of the longest runs, in SQL.
    const minRun = [0, 1, s.warnMonths, s.urgentMonths, s.lapseMonths][min];
    counts = await sumsLevelCounts(db, orgPath, s);
    page = await sumsArrears(db, orgPath, s, minRun, limit + 1);
    truncated = page.length > limit;
    page = page.slice(0, limit);
  } else {
    // The month has just turned and the summaries are being recomputed: the ledger, exact but slower.
    const all = await q.arrearsOf(db, { scopePath: orgPath }, asOfMonth, s);
    for (const a of all) if (a.level !== 'none') counts[a.level]++;
    const hits = all
      .filter((a) => LEVEL_ORDER.indexOf(a.level) >= min)
      .sort((a, b) => b.consecutiveUnpaid - a.consecutiveUnpaid || b.owedFen - a.owedFen || a.memberId - b.memberId);
    page = hits.slice(0, limit);
    truncated = hits.length > limit;
  }
  const names = page.length
    ? await db
        .selectFrom('members as m')
        .innerJoin('orgs as o', 'o.id', 'm.org_id')
        .select(['m.id', 'm.name', 'o.name as org_name'])
        .where(
          'm.id',
          'in',
          page.map((a) => a.memberId),
        )
        .execute()
    : [];
  const byId = new Map(names.map((n) => [n.id, n]));
  return {
    asOfMonth,
    counts,
    truncated,
    items: page.map((a) => ({ ...a, name: byId.get(a.memberId)?.name ?? '', orgName: byId.get(a.memberId)?.org_name ?? '' })),
  };
}

export async function totalsOf(db: Kysely<DB>, org: { id: number; name: string; path: string }, from: string, to: string) {
  const { due, paid } = await totalsFromCells(db, org, from, to);
  const blank = (): q.TotalsCells => ({ dueFen: 0, paidFen: 0, voluntaryFen: 0, toCentreFen: 0, payers: 0 });
  const byMonth = new Map(monthRange(from, to).map((m) => [m, blank()]));
  const byChild = new Map<string, q.TotalsCells>();
  const cell = (map: Map<string, q.TotalsCells>, k: string) => map.get(k) ?? map.set(k, blank()).get(k)!;
  for (const d of due) {
    cell(byMonth, d.month).dueFen += Number(d.due);
    cell(byChild, d.key).dueFen += Number(d.due);
  }
  for (const p of paid) {
    for (const c of [cell(byMonth, p.month), cell(byChild, p.key)]) {
      c.paidFen += Number(p.paid);
      c.voluntaryFen += Number(p.voluntary);
      c.toCentreFen += Number(p.centre);
      c.payers += p.payers;
    }
  }
  const names = await q.orgNamesByPath(db, [...byChild.keys()]);
  return {
    from,
    to,
    byMonth: [...byMonth].map(([month, c]) => ({ month, ...c })),
    byChild: [...byChild]
      .map(([k, c]) => ({ orgId: names.get(k)?.id ?? 0, name: k === org.path ? `${org.name}（直属）` : (names.get(k)?.name ?? ''), ...c }))
      .sort((a, b) => b.dueFen - a.dueFen),
  };
}

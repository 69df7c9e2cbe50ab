// Reading and keeping the dues summaries of migration 039. The triggers keep them exact on every
// write; this file folds the appended deltas (like the statistics' compaction), turns the arrears
// over to a new closed month, and answers arrears and totals of a subtree from them.
// Member arrears are used only when they were computed for the month asked (dues_sum_state.as_of);
// otherwise the callers read the ledger, so an answer is never stale, only slower.
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { arrearsLevel, type ArrearsThresholds } from '../../../domain/rules/dues.js';
import { scopeSql } from '../../scope/access.js';
import type { ArrearsRow } from './queries.js';

type Q = Kysely<DB>;

/** The closed month the member arrears are computed for (null: not yet). */
export async function sumsAsOf(db: Q): Promise<string | null> {
  const r = await db.selectFrom('dues_sum_state').select('as_of').executeTakeFirst();
  return r?.as_of ?? null;
}

/** Recomputes every member's arrears for a new closed month (no-op when already current). */
export async function rollDuesSummaries(db: Q, asOf: string): Promise<number> {
  return Number((await sql<{ n: number }>`select dues_roll(${asOf}) as n`.execute(db)).rows[0].n);
}

/** Rebuilds all dues summaries from scratch (after a bulk load that switched the triggers off). */
export async function rebuildDuesSummaries(db: Q, asOf: string | null): Promise<void> {
  await sql`select dues_rebuild(${asOf})`.execute(db);
}

/**
 * Recomputes the summaries of the given members, set-based: for a writer that switched the triggers
 * off (`set local zugong.dues_sums_off = 'on'`), such as a bulk import, once at its end.
 */
export async function refreshDuesSummaries(db: Q, memberIds: readonly number[]): Promise<void> {
  if (memberIds.length) await sql`select dues_refresh(${[...memberIds]}::bigint[])`.execute(db);
}

/** Switches the triggers off for the rest of the transaction (bulk loads end with a rebuild or a refresh). */
export const duesSummariesOff = (trx: Q) => sql`select set_config('zugong.dues_sums_off', 'on', true)`.execute(trx);

export async function compactDues(db: Q): Promise<number> {
  return Number((await sql<{ n: number }>`select dues_compact() as n`.execute(db)).rows[0].n);
}

/** Start waits this long for a turn-over (a normal restart has none; Fastify gives all start hooks 10 s). */
const ROLL_START_WAIT_MS = 3000;

/**
 * While the app runs: folds the deltas every `everyMs`, and turns the member arrears over when the
 * closed month changes (at start, then checked every minute). A restart in the same month finds them
 * current; after a new month or the migration, the first pages read the ledger until the turn-over is done.
 */
export function startDuesSummaries(app: FastifyInstance, everyMs: number, lastClosed: () => string): void {
  const timers: NodeJS.Timeout[] = [];
  const pending = new Set<Promise<unknown>>();
  let busy = false;
  const run = (what: string, job: () => Promise<unknown>) => {
    if (busy) return Promise.resolve();
    busy = true;
    const p = job()
      .catch((e: unknown) => app.log.warn({ err: e }, `dues summaries: ${what} failed`))
      .finally(() => {
        busy = false;
        pending.delete(p);
      });
    pending.add(p);
    return p;
  };
  const roll = () => run('turn-over', () => rollDuesSummaries(app.deps.db, lastClosed()));
  app.addHook('onReady', async () => {
    await Promise.race([roll(), new Promise((done) => setTimeout(done, ROLL_START_WAIT_MS).unref())]);
    timers.push(setInterval(() => run('compaction', () => compactDues(app.deps.db)), everyMs));
    timers.push(setInterval(roll, 60_000));
    for (const t of timers) t.unref();
  });
  app.addHook('onClose', async () => {
    for (const t of timers) clearInterval(t);
    await Promise.all(pending);
  });
}

/** The summary rows of counted members in arrears in a subtree (alias s, with o = their organization). */
const inScope = (scopePath: string) => sql`dues_member_sums s join orgs o on o.id = s.org_id where ${scopeSql('o.path', scopePath)}`;

const toRow = (
  x: { member_id: number; org_id: number; unpaid_n: number; owed_fen: number; oldest: string; consecutive: number },
  t: ArrearsThresholds,
): ArrearsRow => ({
  memberId: Number(x.member_id),
  orgId: Number(x.org_id),
  unpaidMonths: x.unpaid_n,
  owedFen: Number(x.owed_fen),
  oldestUnpaid: x.oldest,
  consecutiveUnpaid: x.consecutive,
  level: arrearsLevel(x.consecutive, t),
});

/** Members of the subtree with at least `minConsecutive` consecutive unpaid months, longest run first. */
export async function sumsArrears(
  db: Q,
  scopePath: string,
  t: ArrearsThresholds,
  minConsecutive = 0,
  limit?: number,
): Promise<ArrearsRow[]> {
  const r = await sql<{ member_id: number; org_id: number; unpaid_n: number; owed_fen: number; oldest: string; consecutive: number }>`
    select s.member_id, s.org_id, s.unpaid_n, s.owed_fen, s.oldest, s.consecutive from ${inScope(scopePath)}
      and s.consecutive >= ${minConsecutive}
    order by s.consecutive desc, s.owed_fen desc, s.member_id ${limit === undefined ? sql`` : sql`limit ${limit}`}`.execute(db);
  return r.rows.map((x) => toRow(x, t));
}

/** How many members of the subtree are at each arrears level. */
export async function sumsLevelCounts(db: Q, scopePath: string, t: ArrearsThresholds) {
  const r = await sql<{ notice: number; warning: number; urgent: number; lapsed: number }>`
    select count(*) filter (where s.consecutive > 0 and s.consecutive < ${t.warnMonths})::int as notice,
      count(*) filter (where s.consecutive >= ${t.warnMonths} and s.consecutive < ${t.urgentMonths})::int as warning,
      count(*) filter (where s.consecutive >= ${t.urgentMonths} and s.consecutive < ${t.lapseMonths})::int as urgent,
      count(*) filter (where s.consecutive >= ${t.lapseMonths})::int as lapsed
    from ${inScope(scopePath)}`.execute(db);
  return r.rows[0];
}

/** By organization holding them: members at the warning, urgent and lapsed levels. */
export async function sumsLevelsByOrg(db: Q, scopePath: string, t: ArrearsThresholds) {
  const r = await sql<{ org_id: number; warned: number; urgent: number; lapsed: number }>`
    select s.org_id,
      count(*) filter (where s.consecutive < ${t.urgentMonths})::int as warned,
      count(*) filter (where s.consecutive >= ${t.urgentMonths} and s.consecutive < ${t.lapseMonths})::int as urgent,
      count(*) filter (where s.consecutive >= ${t.lapseMonths})::int as lapsed
    from ${inScope(scopePath)} and s.consecutive >= ${t.warnMonths}
    group by s.org_id`.execute(db);
  return new Map(r.rows.map((x) => [Number(x.org_id), { warned: x.warned, urgent: x.urgent, lapsed: x.lapsed }]));
}

// Keeping the summaries of migration 008 small and checking them: the member and organization
// triggers append deltas; a timer folds them into the cells every few seconds (readers add any
// deltas still pending, so numbers are exact either way) and keeps the reference dates (the last
// 13 month ends and the last two year ends) ready. Verify compares every cell with a fresh count;
// repair rebuilds them all.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { addMonthsYm } from '../../../domain/rules/statistics.js';
import { ORG_LIFE_SUMMARY_TABLES } from '../org-life/summaries.js';

/** How many past month ends are kept ready (issue 16 point 5): any of the last 13 months. */
export const KEPT_MONTHS = 13;

/**
 * The reference month ends kept ready (stat_refs): the end of each of the last 13 months (past-month
 * statistics), and the last two year ends (党内统计年报; the nearer one is among the months).
 */
export function wantedRefs(today: string): string[] {
  const y = Number(today.slice(0, 4));
  const months = Array.from({ length: KEPT_MONTHS }, (_, i) => addMonthsYm(today.slice(0, 7), -(i + 1)));
  return [...new Set([...months, `${y - 1}-12`, `${y - 2}-12`])];
}

/** Adds the wanted reference dates that are missing and drops the others; returns what was added. */
export async function ensureRefs(db: Db, today: string): Promise<string[]> {
  const wanted = wantedRefs(today);
  const kept = (await sql<{ ref: string }>`select ref from stat_refs`.execute(db)).rows.map((r) => r.ref);
  const added = wanted.filter((r) => !kept.includes(r));
  await db.transaction().execute(async (trx) => {
    for (const r of kept.filter((k) => !wanted.includes(k))) await sql`select stat_drop_ref(${r})`.execute(trx);
    for (const r of added) await sql`select stat_add_ref(${r})`.execute(trx);
  });
  return added;
}

export async function compactSummaries(db: Db): Promise<number> {
  const r = await sql<{ n: number }>`select stat_compact() as n`.execute(db);
  return Number(r.rows[0].n);
}

/**
 * The deltas are appended and deleted all day, and compaction updates cells in place: without a
 * vacuum their dead rows pile up and every read steps over them. PGlite has no autovacuum and a
 * server may run without it, so the app vacuums them itself (a few ms for the deltas).
 */
export async function vacuumSummaries(db: Db, cellsToo: boolean): Promise<void> {
  // The organizational-life summaries (migration 041) are rewritten in place too: vacuumed with the cells.
  const cells = ['stat_cells', 'stat_ref_cells', ...ORG_LIFE_SUMMARY_TABLES].join(', ');
  await sql.raw(cellsToo ? `vacuum stat_deltas, ${cells}` : 'vacuum stat_deltas').execute(db);
}

const REFS_EVERY_MS = 3_600_000;
/** The cells are vacuumed this often (pages untouched since are skipped: cheap when little changed). */
const CELLS_VACUUM_EVERY_MS = 600_000;
/** Start waits this long for the reference dates (a small city's take well under a second); a province's go on in the background. */
const REFS_START_WAIT_MS = 5000;

/**
 * While the app runs: folds deltas every `everyMs` (not a correctness matter: it keeps the reads
 * short), and keeps the reference dates current (at start, then hourly: a new year adds one).
 * Until a reference date is filled its month is corrected member by member, with the same numbers.
 */
export function startCompaction(app: FastifyInstance, everyMs: number, today: () => string): void {
  const timers: NodeJS.Timeout[] = [];
  const pending = new Set<Promise<unknown>>();
  const run = (what: string, job: () => Promise<unknown>) => {
    const p = job()
      .catch((e: unknown) => app.log.warn({ err: e }, `statistics: ${what} failed`))
      .finally(() => pending.delete(p));
    pending.add(p);
    return p;
  };
  app.addHook('onReady', async () => {
    const refs = run('reference dates', () => ensureRefs(app.deps.db, today()));
    await Promise.race([refs, new Promise((done) => setTimeout(done, REFS_START_WAIT_MS).unref())]);
    let cellsVacuumed = Date.now();
    let busy = false;
    const compact = async () => {
      if (busy) return;
      busy = true;
      try {
        await compactOnce();
      } finally {
        busy = false;
      }
    };
    const compactOnce = async () => {
      const db = app.deps.db;
      const folded = await compactSummaries(db);
      const cellsToo = Date.now() - cellsVacuumed >= CELLS_VACUUM_EVERY_MS;
      if (folded > 0 || cellsToo) await vacuumSummaries(db, cellsToo);
      if (cellsToo) cellsVacuumed = Date.now();
    };
    void run('vacuum', () => vacuumSummaries(app.deps.db, false));
    timers.push(setInterval(() => run('compaction', compact), everyMs));
    timers.push(setInterval(() => run('reference dates', () => ensureRefs(app.deps.db, today())), REFS_EVERY_MS));
    for (const t of timers) t.unref();
  });
  app.addHook('onClose', async () => {
    for (const t of timers) clearInterval(t);
    await Promise.all(pending);
  });
}

export interface VerifyResult {
  mismatches: number;
  sample: { ref: string; orgId: number; dim: string; val: string; stored: number; actual: number }[];
  repaired: boolean;
  cells: number;
  ms: number;
}

export async function verifySummaries(db: Db, repair: boolean): Promise<VerifyResult> {
  const t0 = performance.now();
  const bad = await sql<{
    ref: string;
    org_id: number;
    dim: string;
    val: string;
    stored: number;
    actual: number;
  }>`select * from stat_verify() order by 1, 2, 3, 4`.execute(db);
  let cells = 0;
  if (repair && bad.rows.length) cells = Number((await sql<{ n: number }>`select stat_rebuild() as n`.execute(db)).rows[0].n);
  return {
    mismatches: bad.rows.length,
    sample: bad.rows.slice(0, 20).map((r) => ({ ref: r.ref, orgId: r.org_id, dim: r.dim, val: r.val, stored: r.stored, actual: r.actual })),
    repaired: repair && bad.rows.length > 0,
    cells,
    ms: Math.round(performance.now() - t0),
  };
}

// The one writer of the 学时 ledger (learning_credits): every source — credited online study, a passed
// quiz, a finished class, imported 调训 and 党校 records, approved self-reported training — adds its
// hours here, once per learner, source and source record (a repeated call updates the same row, so
// re-crediting a material or re-finishing a class never counts twice). A test refuses any other
// module writing the table.
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { invalid } from '../../errors.js';

export type CreditSource = 'online' | 'quiz' | 'class' | 'assigned' | 'party_school' | 'self';

export interface CreditInput {
  memberId: number | null;
  cadreId: number | null;
  /** An activist's development record (online study only). */
  devPersonId?: number | null;
  source: CreditSource;
  /** What earned it, unique per learner and source: 'material:12', 'quiz-attempt:5', 'class:3'. */
  sourceRef: string;
  title: string;
  /** 学时, rounded to 0.1 here. */
  hours: number;
  earnedOn: string;
  online?: boolean;
  status?: 'approved' | 'pending' | 'rejected';
  note?: string;
}

/** 学时 to one decimal (issue 14 point 6). */
export function roundHours(h: number): number {
  return Math.round(h * 10) / 10;
}

/** The ledger row of an input, checked: exactly one learner, hours within bounds and rounded. */
function ledgerRow(c: CreditInput) {
  const keys = [c.memberId, c.cadreId, c.devPersonId ?? null].filter((k) => k != null);
  if (keys.length !== 1) throw invalid('学习者须为一名党员、一名干部或一名入党积极分子', 'learner');
  if (!(c.hours >= 0) || c.hours > 2000) throw invalid('学时须在 0 到 2000 之间', 'hours');
  const keyCol = c.memberId != null ? 'member_id' : c.cadreId != null ? 'cadre_id' : 'dev_person_id';
  return {
    keyCol,
    memberId: c.memberId,
    cadreId: c.cadreId,
    devPersonId: c.devPersonId ?? null,
    year: Number(c.earnedOn.slice(0, 4)),
    earnedOn: c.earnedOn,
    source: c.source,
    sourceRef: c.sourceRef,
    title: c.title,
    hours: roundHours(c.hours),
    online: c.online ?? false,
    status: c.status ?? 'approved',
    note: c.note ?? '',
  } as const;
}
type LedgerRow = ReturnType<typeof ledgerRow>;

/** Each learner key column has its own partial unique index, so its own conflict target. */
const conflictOn = (keyCol: LedgerRow['keyCol']) => sql.raw(`(${keyCol}, source, source_ref) where ${keyCol} is not null`);
const UPDATE_ON_CONFLICT = sql`do update set hours = excluded.hours, title = excluded.title, earned_on = excluded.earned_on,
  year = excluded.year, online = excluded.online, status = excluded.status, note = excluded.note`;

/**
 * Adds or updates the learner's credit for one source record; returns its id. `hours` replaces the
 * row's hours (the caller passes the record's total, not an increment), so the ledger is idempotent.
 */
export async function upsertCredit(ctx: Ctx, c: CreditInput): Promise<number> {
  const r = ledgerRow(c);
  const res = await sql<{ id: number }>`
    insert into learning_credits (member_id, cadre_id, dev_person_id, year, earned_on, source, source_ref, title, hours, online, status, note, created_by)
    values (${r.memberId}, ${r.cadreId}, ${r.devPersonId}, ${r.year}, ${r.earnedOn}, ${r.source}, ${r.sourceRef}, ${r.title}, ${r.hours},
            ${r.online}, ${r.status}, ${r.note}, ${ctx.actor.userId})
    on conflict ${conflictOn(r.keyCol)} ${UPDATE_ON_CONFLICT}
    returning id`.execute(ctx.db);
  return res.rows[0].id;
}

/** Rows per statement of upsertCredits: well inside the parameters' size, few round trips. */
const CHUNK = 2000;

/**
 * upsertCredit for many records at once (an import's), set-based: the same checks (all inputs are checked
 * before anything is written), rounding and update of an existing row. Inputs for the same learner, source
 * and record keep the last one, as calls one after another would (one statement cannot update a row twice).
 * Returns how many ledger rows were written.
 */
export async function upsertCredits(ctx: Ctx, inputs: readonly CreditInput[]): Promise<number> {
  const byKey = new Map<string, LedgerRow>();
  for (const c of inputs) {
    const r = ledgerRow(c);
    byKey.set(`${r.keyCol}:${r.memberId ?? r.cadreId ?? r.devPersonId}\u0000${r.source}\u0000${r.sourceRef}`, r);
  }
  const rows = [...byKey.values()];
  for (const keyCol of ['member_id', 'cadre_id', 'dev_person_id'] as const) {
    const mine = rows.filter((r) => r.keyCol === keyCol);
    for (let i = 0; i < mine.length; i += CHUNK) {
      const part = mine.slice(i, i + CHUNK);
      const col = <K extends keyof LedgerRow>(k: K) => part.map((r) => r[k]);
      // Arrays rather than JSON: text goes to the server as it would one row at a time (JSON escapes some
      // strings, a lone surrogate for one, that jsonb refuses).
      await sql`
        insert into learning_credits (member_id, cadre_id, dev_person_id, year, earned_on, source, source_ref, title, hours, online, status, note, created_by)
        select x.member_id, x.cadre_id, x.dev_person_id, x.year, x.earned_on, x.source, x.source_ref, x.title, x.hours, x.online, x.status, x.note,
               ${ctx.actor.userId}::bigint
          from unnest(${col('memberId')}::bigint[], ${col('cadreId')}::bigint[], ${col('devPersonId')}::bigint[], ${col('year')}::int[],
                      ${col('earnedOn')}::date[], ${col('source')}::text[], ${col('sourceRef')}::text[], ${col('title')}::text[],
                      ${col('hours')}::numeric[], ${col('online')}::boolean[], ${col('status')}::text[], ${col('note')}::text[])
            as x(member_id, cadre_id, dev_person_id, year, earned_on, source, source_ref, title, hours, online, status, note)
        on conflict ${conflictOn(keyCol)} ${UPDATE_ON_CONFLICT}`.execute(ctx.db);
    }
  }
  return rows.length;
}

/** Sets a pending row's status (the approval of self-reported training). */
export async function setCreditStatus(ctx: Ctx, id: number, status: 'approved' | 'rejected', note: string): Promise<void> {
  await sql`update learning_credits set status = ${status}, note = ${note} where id = ${id}`.execute(ctx.db);
}

/** Marks a row as the duplicate of another source's record of the same training (or clears it). */
export async function markDuplicate(ctx: Ctx, id: number, of: number | null): Promise<void> {
  await sql`update learning_credits set duplicate_of = ${of} where id = ${id}`.execute(ctx.db);
}

/** markDuplicate for many rows at once (the detector over an import's learners): one statement per 5,000 marks. */
export async function markDuplicates(ctx: Ctx, marks: readonly { id: number; of: number }[]): Promise<void> {
  for (let i = 0; i < marks.length; i += 5000) {
    const part = marks.slice(i, i + 5000);
    await sql`
      update learning_credits lc set duplicate_of = x.of_id
        from unnest(${part.map((m) => m.id)}::bigint[], ${part.map((m) => m.of)}::bigint[]) as x(id, of_id)
       where lc.id = x.id`.execute(ctx.db);
  }
}

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

/**
 * Adds or updates the learner's credit for one source record; returns its id. `hours` replaces the
 * row's hours (the caller passes the record's total, not an increment), so the ledger is idempotent.
 */
export async function upsertCredit(ctx: Ctx, c: CreditInput): Promise<number> {
  const keys = [c.memberId, c.cadreId, c.devPersonId ?? null].filter((k) => k != null);
  if (keys.length !== 1) throw invalid('学习者须为一名党员、一名干部或一名入党积极分子', 'learner');
  if (!(c.hours >= 0) || c.hours > 2000) throw invalid('学时须在 0 到 2000 之间', 'hours');
  const year = Number(c.earnedOn.slice(0, 4));
  const hours = roundHours(c.hours);
  const keyCol = c.memberId != null ? sql`member_id` : c.cadreId != null ? sql`cadre_id` : sql`dev_person_id`;
  const r = await sql<{ id: number }>`
    insert into learning_credits (member_id, cadre_id, dev_person_id, year, earned_on, source, source_ref, title, hours, online, status, note, created_by)
    values (${c.memberId}, ${c.cadreId}, ${c.devPersonId ?? null}, ${year}, ${c.earnedOn}, ${c.source}, ${c.sourceRef}, ${c.title}, ${hours},
            ${c.online ?? false}, ${c.status ?? 'approved'}, ${c.note ?? ''}, ${ctx.actor.userId})
    on conflict (${keyCol}, source, source_ref) where ${keyCol} is not null
    do update set hours = excluded.hours, title = excluded.title, earned_on = excluded.earned_on, year = excluded.year,
                  online = excluded.online, status = excluded.status, note = excluded.note
    returning id`.execute(ctx.db);
  return r.rows[0].id;
}

/** Sets a pending row's status (the approval of self-reported training). */
export async function setCreditStatus(ctx: Ctx, id: number, status: 'approved' | 'rejected', note: string): Promise<void> {
  await sql`update learning_credits set status = ${status}, note = ${note} where id = ${id}`.execute(ctx.db);
}

/** Marks a row as the duplicate of another source's record of the same training (or clears it). */
export async function markDuplicate(ctx: Ctx, id: number, of: number | null): Promise<void> {
  await sql`update learning_credits set duplicate_of = ${of} where id = ${id}`.execute(ctx.db);
}

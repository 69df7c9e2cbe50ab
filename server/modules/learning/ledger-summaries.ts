// The 学时 ledger's summaries (migration 040: each member's year totals, each plan's progress and cells)
// are kept by statement triggers on learning_credits. A bulk writer that issues many statements (the
// demo's year of hours) writes with them off and rebuilds the summaries once, set-based, with the very
// sums the triggers keep; learning-hours.test.ts compares the totals with the ledger.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';

const LEDGER_TRIGGERS = [
  'learning_plan_credits_insert',
  'learning_plan_credits_update',
  'learning_plan_credits_delete',
  'learning_year_credits_insert',
  'learning_year_credits_update',
  'learning_year_credits_delete',
];

/** Runs `write` with the ledger's summary triggers off, then rebuilds the summaries from the ledger. */
export async function withLedgerSummariesOff<T>(db: Db, write: () => Promise<T>): Promise<T> {
  const set = (on: boolean) =>
    sql.raw(LEDGER_TRIGGERS.map((t) => `alter table learning_credits ${on ? 'enable' : 'disable'} trigger ${t}`).join('; ')).execute(db);
  await set(false);
  let out: T;
  try {
    out = await write();
  } finally {
    await set(true);
  }
  await rebuildLedgerSummaries(db);
  return out;
}

/** Every member's year totals and every plan's progress, recomputed from the ledger. */
export async function rebuildLedgerSummaries(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`delete from learning_year_totals`.execute(trx);
    await sql`insert into learning_year_totals (member_id, year, online_h, quiz_h, class_h, assigned_h, party_school_h, self_h, total, online_total)
      select member_id, year,
             coalesce(sum(hours) filter (where source = 'online'), 0), coalesce(sum(hours) filter (where source = 'quiz'), 0),
             coalesce(sum(hours) filter (where source = 'class'), 0), coalesce(sum(hours) filter (where source = 'assigned'), 0),
             coalesce(sum(hours) filter (where source = 'party_school'), 0), coalesce(sum(hours) filter (where source = 'self'), 0),
             sum(hours), coalesce(sum(hours) filter (where online), 0)
        from learning_credits where member_id is not null and status = 'approved' and duplicate_of is null
       group by member_id, year`.execute(trx);
    await sql`select learning_plan_rebuild(id) from learning_plans`.execute(trx);
  });
}

// Duplicates across sources (issue 14 point 6): the rule is domain/rules/learning-hours.ts
// (looksLikeSameTraining, findDuplicates); here it runs over one learner's approved rows and marks the
// lower-ranked record through the ledger's writer, so the training counts once. An officer confirms a
// mark or undoes it; an undone row is never marked again by the detector.
import { sql } from 'kysely';
import { findDuplicates } from '../../../domain/rules/learning-hours.js';
import type { Ctx } from '../../context.js';
import { conflict, notFound } from '../../errors.js';
import { markDuplicate, markDuplicates } from '../learning/credits.js';
import type { LearnerRef } from './archive.js';

/** Marks the learner's duplicates (of one year, or all years); returns how many rows were newly marked. */
export async function detectAndMark(ctx: Ctx, l: LearnerRef, year: number | null): Promise<number> {
  return detectAndMarkAll(ctx, [l], year);
}

interface LedgerRow {
  id: number;
  member_id: number | null;
  cadre_id: number | null;
  source: string;
  title: string;
  hours: string;
  earned_on: string;
  duplicate_of: number | null;
  reviewed: boolean;
}

/** Learners per query of the approved rows (an import's are up to 20,000). */
const CHUNK = 5000;

/** The approved rows (of the year, or all years) of some learners: a few queries, whatever their number. */
async function approvedRowsOf(ctx: Ctx, learners: readonly LearnerRef[], year: number | null): Promise<LedgerRow[]> {
  const out: LedgerRow[] = [];
  const members = [...new Set(learners.filter((l) => l.memberId != null).map((l) => l.memberId!))];
  const cadres = [...new Set(learners.filter((l) => l.memberId == null && l.cadreId != null).map((l) => l.cadreId!))];
  for (const [col, ids] of [
    ['member_id', members],
    ['cadre_id', cadres],
  ] as const) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const r = await sql<LedgerRow>`
        select lc.id, lc.member_id, lc.cadre_id, lc.source, lc.title, lc.hours,
               lc.earned_on::text as earned_on, lc.duplicate_of,
               exists (select 1 from learning_duplicate_reviews r where r.credit_id = lc.id) as reviewed
          from learning_credits lc
         where ${sql.ref(`lc.${col}`)} = any(${ids.slice(i, i + CHUNK)}::bigint[])
           and lc.status = 'approved' ${year != null ? sql`and lc.year = ${year}` : sql``}`.execute(ctx.db);
      out.push(...r.rows);
    }
  }
  return out;
}

/**
 * Marks the duplicates of each learner given (of one year, or all years): each learner's rows are judged
 * on their own, as detectAndMark does, but read and marked for all of them in a few statements. Returns
 * how many rows were newly marked.
 */
export async function detectAndMarkAll(ctx: Ctx, learners: readonly LearnerRef[], year: number | null): Promise<number> {
  const byLearner = new Map<string, LedgerRow[]>();
  for (const r of await approvedRowsOf(ctx, learners, year)) {
    const learner = `${r.member_id}:${r.cadre_id}`;
    const list = byLearner.get(learner);
    if (list) list.push(r);
    else byLearner.set(learner, [r]);
  }
  const marks: { id: number; of: number }[] = [];
  for (const rows of byLearner.values()) {
    // Rows an officer has decided on stay as decided: an undone row is out of the detector's reach.
    const openIds = new Set(rows.filter((r) => !r.reviewed && r.duplicate_of == null).map((r) => Number(r.id)));
    const kept = rows.filter((r) => r.duplicate_of == null);
    const found = findDuplicates(
      kept.map((r) => ({ id: Number(r.id), source: r.source, title: r.title, hours: Number(r.hours), earnedOn: r.earned_on })),
    );
    marks.push(...found.filter((d) => openIds.has(d.id)));
  }
  await markDuplicates(ctx, marks);
  return marks.length;
}

/** Runs the detector over the subtree's members who have records from two sources or more in the year. */
export async function detectInSubtree(ctx: Ctx, path: string, year: number): Promise<number> {
  const learners = await sql<{ member_id: number }>`
    select lc.member_id from learning_credits lc join members m on m.id = lc.member_id
     where lc.year = ${year} and lc.status = 'approved' and m.org_path <@ ${path}::ltree
     group by lc.member_id having count(distinct lc.source) > 1`.execute(ctx.db);
  return detectAndMarkAll(
    ctx,
    learners.rows.map((r) => ({ memberId: Number(r.member_id), cadreId: null })),
    year,
  );
}

export async function duplicatesIn(ctx: Ctx, path: string, year: number) {
  const r = await sql<{
    id: number;
    of_id: number;
    name: string;
    title: string;
    source: string;
    of_title: string;
    of_source: string;
    hours: string;
    earned_on: string;
    decision: string | null;
  }>`
    select lc.id, lc.duplicate_of as of_id, m.name, lc.title, lc.source, o.title as of_title, o.source as of_source, lc.hours,
           lc.earned_on::text as earned_on, rv.decision
      from learning_credits lc join learning_credits o on o.id = lc.duplicate_of join members m on m.id = lc.member_id
      left join learning_duplicate_reviews rv on rv.credit_id = lc.id
     where lc.year = ${year} and m.org_path <@ ${path}::ltree
     order by m.sort_key, m.id, lc.id limit 500`.execute(ctx.db);
  return r.rows.map((x) => ({
    creditId: Number(x.id),
    ofId: Number(x.of_id),
    name: x.name,
    title: x.title,
    source: x.source as never,
    ofTitle: x.of_title,
    ofSource: x.of_source as never,
    hours: Number(x.hours),
    earnedOn: x.earned_on,
    decision: (x.decision === 'confirmed' ? 'confirmed' : 'auto') as 'auto' | 'confirmed',
  }));
}

/** An officer's word: confirm the mark (it stays), or undo it (both rows count, and the detector leaves it alone). */
export async function decideDuplicate(ctx: Ctx, creditId: number, action: 'confirm' | 'undo'): Promise<{ ofId: number }> {
  const c = await ctx.db.selectFrom('learning_credits').select(['id', 'duplicate_of']).where('id', '=', creditId).executeTakeFirst();
  if (!c) throw notFound('学时记录');
  const prior = await ctx.db.selectFrom('learning_duplicate_reviews').selectAll().where('credit_id', '=', creditId).executeTakeFirst();
  const ofId = c.duplicate_of ?? prior?.of_id;
  if (ofId == null) throw conflict('这条记录未被标记为重复', 'action');
  if (action === 'undo') await markDuplicate(ctx, creditId, null);
  else if (c.duplicate_of == null) await markDuplicate(ctx, creditId, ofId);
  const decision = action === 'confirm' ? 'confirmed' : 'undone';
  await ctx.db
    .insertInto('learning_duplicate_reviews')
    .values({ credit_id: creditId, of_id: ofId, decision, decided_by: ctx.actor.userId, decided_at: ctx.clock.now() })
    .onConflict((oc) => oc.column('credit_id').doUpdateSet({ decision, decided_by: ctx.actor.userId, decided_at: ctx.clock.now() }))
    .execute();
  return { ofId };
}

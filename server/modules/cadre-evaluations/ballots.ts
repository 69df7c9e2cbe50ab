// Voting in a 民主测评, anonymous by construction (issue 13 point 5; docs/security.md "民主测评").
//
// Why a stored ballot cannot be linked to a voter, not even by someone who reads the whole database:
// 1. A code names nobody. Codes are drawn at random (crypto.randomInt over a 31-letter alphabet) and handed
//    out as paper slips or on a screen; the system never records who received which one. The database keeps
//    only an HMAC of each code under a key derived from the instance secret (server/crypto/keys.ts), which is
//    not in the database, with its voter category and a used flag: not the code, not when it was used.
// 2. A ballot names no code. A ballot row holds a random UUID (not a serial, so its key says nothing of the
//    order of voting), the evaluation, the voter category (needed for the category weights) and the answers:
//    no code or code hash, no account, no IP, no timestamp. Voting writes no audit row and no log line with
//    the code (the code travels in a POST body, never in a URL; request bodies are not logged).
// 3. The code is marked used and the ballot inserted in one transaction (`update … where used = false
//    returning`): a code votes once even under concurrent submissions, and a crash leaves neither half.
// 4. The voting routes write no request log line (public-routes.ts), so no file pairs an address with a vote time.
// What remains is what any ballot box has: a category with very few voters is small, and someone reading the
// database's internals (the transaction id on row versions, the physical order of rows, the write-ahead log)
// could pair a ballot with a code hash; that still names no person, because of 1. Results only after closing.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AnyCtx } from '../../context.js';
import { AppError } from '../../errors.js';
import { ballotProblem, normalizeCode } from '../../../domain/rules/democratic-evaluation.js';
import type { TPublicBallot, TPublicVote } from '../../../domain/schemas/cadre-evaluations.js';
import { definitionOf, evaluationCategories, evaluationSubjects, findEvaluation, type EvaluationRow } from './queries.js';
import type { Db } from '../../db/engine.js';

// Unknown and malformed codes get the same answer: a guesser learns nothing from the difference.
const invalidCode = () => new AppError('CODE_INVALID', '测评码无效，请核对纸条上的测评码', 404, 'code');
const usedCode = () => new AppError('CODE_USED', '此测评码已经投过票，每个测评码只能使用一次', 409, 'code');

function checkOpen(e: EvaluationRow): void {
  if (e.status === 'draft') throw new AppError('NOT_OPEN', '测评尚未开始，请等待工作人员宣布开始', 409);
  if (e.status === 'closed') throw new AppError('CLOSED', '测评已经结束', 409);
}

/** The code's evaluation and category, or the refusal a voter sees. */
async function codeOf(db: Db, ctx: AnyCtx, typed: string): Promise<{ hash: string; e: EvaluationRow; category: string; used: boolean }> {
  const code = normalizeCode(typed);
  if (!code) throw invalidCode();
  const hash = ctx.crypto.ballotCodeHash(code);
  const row = await db
    .selectFrom('cadre_evaluation_codes')
    .select(['evaluation_id', 'category', 'used'])
    .where('code_hash', '=', hash)
    .executeTakeFirst();
  if (!row) throw invalidCode();
  const e = await findEvaluation(db, Number(row.evaluation_id));
  if (!e) throw invalidCode();
  return { hash, e, category: row.category, used: row.used };
}

/** The ballot a valid, unused code may fill in (nothing is marked: a voter may look before voting). */
export async function ballotForCode(ctx: AnyCtx, typed: string): Promise<TPublicBallot> {
  const { e, category, used } = await codeOf(ctx.db, ctx, typed);
  checkOpen(e);
  if (used) throw usedCode();
  const categories = await evaluationCategories(ctx.db, e.id);
  const subjects = await evaluationSubjects(ctx.db, e.id);
  return {
    title: e.title,
    categoryName: categories.find((c) => c.key === category)?.name ?? '',
    dimensions: e.dimensions,
    answerSet: e.answerSet,
    teamAnswerSet: e.teamAnswerSet,
    subjects: subjects.map((s) => ({ seq: s.seq, kind: s.kind, name: s.name, title: s.title })),
  };
}

/** Casts a ballot: the code is spent and the ballot stored in one transaction, with nothing that links them. */
export async function castVote(ctx: AnyCtx, vote: TPublicVote): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { hash, e, category } = await codeOf(trx, ctx, vote.code);
    // FOR SHARE: closing (an UPDATE of this row) waits for the votes in flight, and no vote lands after it.
    const status = await sql<{ status: string }>`select status from cadre_evaluations where id = ${e.id} for share`.execute(trx);
    checkOpen({ ...e, status: status.rows[0].status as EvaluationRow['status'] });
    const def = definitionOf(e, await evaluationSubjects(trx, e.id), await evaluationCategories(trx, e.id));
    const problem = ballotProblem(def, vote.answers);
    if (problem) throw new AppError('INVALID', problem, 400, 'answers');
    const spent = await trx
      .updateTable('cadre_evaluation_codes')
      .set({ used: true })
      .where('code_hash', '=', hash)
      .where('used', '=', false)
      .returning('category')
      .executeTakeFirst();
    if (!spent) throw usedCode();
    await trx
      .insertInto('cadre_evaluation_ballots')
      .values({ id: randomUUID(), evaluation_id: e.id, category, answers: JSON.stringify(vote.answers) })
      .execute();
  });
}

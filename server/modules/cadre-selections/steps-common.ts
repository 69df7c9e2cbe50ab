// What every step of the selection shares: the transaction of the route, the 纪实 trail line, the version bump,
// the step check (a closed or stopped selection is read-only) and the candidate lookup.
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import type { Trx } from '../../audit/audit-log.js';
import { conflict, notFound } from '../../errors.js';
import type { SelectionStep } from '../../../domain/rules/cadre-selection.js';
import { candidateRows, type CandidateRow, type SelectionRow } from './queries.js';

export type In<S extends z.ZodType> = z.infer<S>;
export const trxOf = (ctx: Ctx) => ctx.db as Trx;

/** One line of the 纪实 trail, in the transaction of the change. */
export async function trail(ctx: Ctx, selectionId: number, step: string, action: string, summary: string) {
  await trxOf(ctx)
    .insertInto('cadre_selection_events')
    .values({
      selection_id: selectionId,
      at: ctx.clock.now(),
      on_date: ctx.today(),
      step,
      action,
      actor_name: ctx.actor.displayName,
      summary,
    })
    .execute();
}

export const bump = (ctx: Ctx, id: number) =>
  trxOf(ctx)
    .updateTable('cadre_selections')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();

/** A stopped (终止) or closed selection is read-only. */
export function requireOpen(s: SelectionRow) {
  if (s.status === 'stopped') throw conflict(`该选拔任用已于 ${s.stopped_on ?? ''} 终止，只能查看`, 'status');
  if (s.status !== 'open') throw conflict('该选拔任用已结束', 'status');
}

export function requireStep(s: SelectionRow, ...steps: SelectionStep[]) {
  requireOpen(s);
  if (!steps.includes(s.step as SelectionStep)) throw conflict(`当前为“${s.step}”，此项应在“${steps.join('”或“')}”环节办理`, 'step');
}

export async function candidateOf(ctx: Ctx, s: SelectionRow, candidateId: number): Promise<CandidateRow> {
  const c = (await candidateRows(ctx.db, [s.id])).find((x) => x.id === candidateId);
  if (!c) throw notFound('人选');
  return c;
}

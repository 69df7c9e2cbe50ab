// Workflows that join the pieces: a plan's progress for an organization inside the plan's subtree.
import { sql } from 'kysely';
import type { TPlanProgress } from '../../../domain/schemas/learning.js';
import type { Ctx } from '../../context.js';
import { notFound } from '../../errors.js';
import { loadPlan } from './plans.js';
import { planProgress } from './progress.js';

/** Completion for the plan's organization, or (drilling down) for one organization inside the plan's subtree. */
export async function planProgressFor(ctx: Ctx, planId: number, orgId?: number): Promise<TPlanProgress> {
  const plan = await loadPlan(ctx.db, planId, ctx.today());
  const org = await sql<{ id: number; name: string; path: string }>`select id, name, path::text as path from orgs
      where id = ${orgId ?? plan.orgId} and path <@ ${plan.orgPath}::ltree`.execute(ctx.db);
  if (!org.rows[0]) throw notFound('组织');
  const o = org.rows[0];
  return planProgress(ctx.db, plan, { id: Number(o.id), name: o.name, path: o.path }, ctx.today());
}

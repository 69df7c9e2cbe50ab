// Request and response shapes of the to-do API (web/src/api/todos.ts mirrors them).
import { z } from 'zod';
import { TODO_KIND_ORDER, TODO_SEVERITIES, type TodoKind } from '../../../domain/todo-kinds.js';

export const ZTodoKind = z.enum(TODO_KIND_ORDER as [TodoKind, ...TodoKind[]]);

export const ZTodoItemSchema = z.object({
  kind: ZTodoKind,
  orgId: z.number(),
  orgName: z.string(),
  title: z.string(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  severity: z.enum(TODO_SEVERITIES),
  link: z.string(),
  ref: z.string(),
  rule: z.string().nullable(),
});

export const ZTodoListSchema = z.object({
  today: z.string(),
  total: z.number(),
  overdue: z.number(),
  groups: z.array(z.object({ kind: ZTodoKind, count: z.number(), overdue: z.number() })),
  items: z.array(ZTodoItemSchema),
});

export const ZTodoCountSchema = z.object({ total: z.number(), overdue: z.number() });

const ZCounts = z.record(z.string(), z.number());
/** awaitingHigher: requests raised in the row's subtree for a level above it to decide (not in its total). */
const ZCells = { counts: ZCounts, overdue: ZCounts, total: z.number(), overdueTotal: z.number(), awaitingHigher: z.number() };

export const ZDigestSchema = z.object({
  /** parentId: the level above, when it is still inside the caller's scope (for "up one level"). */
  org: z.object({ id: z.number(), name: z.string(), kind: z.string(), parentId: z.number().nullable() }),
  today: z.string(),
  /** When the figures were computed (kept up to two minutes; fresh=true recomputes). */
  computedAt: z.string(),
  kinds: z.array(ZTodoKind),
  rows: z.array(z.object({ orgId: z.number(), orgName: z.string(), orgKind: z.string(), self: z.boolean(), hasChildren: z.boolean(), ...ZCells })),
  totals: z.object(ZCells),
});

export const ZDigestQuery = z.strictObject({ orgId: z.coerce.number().int().positive().optional() });
export const ZDigestViewQuery = ZDigestQuery.extend({ fresh: z.enum(['true', 'false']).optional() });
export const ZDigestItemsQuery = ZDigestQuery.extend({
  kind: ZTodoKind.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export const ZDigestExportQuery = ZDigestQuery.extend({ purpose: z.string().trim().min(2, '请填写导出用途').max(100) });

export const ZDigestItemsSchema = z.object({ items: z.array(ZTodoItemSchema), total: z.number(), truncated: z.boolean() });

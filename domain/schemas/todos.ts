// API schemas of the to-do list (待办) and the organization digest (server/modules/todos): the one
// definition the server's responses and the web client share.
import { z } from 'zod';
import { TODO_KIND_ORDER, TODO_SEVERITIES, type TodoKind } from '../todo-kinds';

export const ZTodoKind = z.enum(TODO_KIND_ORDER as [TodoKind, ...TodoKind[]]);

export const ZTodoItemSchema = z.object({
  kind: ZTodoKind,
  /** The organization the item concerns (for an approval: the one that asked). */
  orgId: z.number(),
  orgName: z.string(),
  /** Chinese, specific: "第三党支部：本季度党课尚未开展". */
  title: z.string(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  severity: z.enum(TODO_SEVERITIES),
  /** The web page where the work is done. */
  link: z.string(),
  /** The object behind the item (a person, letter, member, term...), unique within its kind. */
  ref: z.string(),
  /** The article that sets the deadline, when a regulation does. */
  rule: z.string().nullable(),
});
export type TTodoItem = z.infer<typeof ZTodoItemSchema>;

export const ZTodoListSchema = z.object({
  today: z.string(),
  total: z.number(),
  overdue: z.number(),
  groups: z.array(z.object({ kind: ZTodoKind, count: z.number(), overdue: z.number() })),
  items: z.array(ZTodoItemSchema),
});
export type TTodoList = z.infer<typeof ZTodoListSchema>;

export const ZTodoCountSchema = z.object({ total: z.number(), overdue: z.number() });
export type TTodoCount = z.infer<typeof ZTodoCountSchema>;

const ZCounts = z.partialRecord(ZTodoKind, z.number());
/** awaitingHigher: requests raised in the row's subtree for a level above it to decide (not in its total). */
export const ZDigestCellsSchema = z.object({
  counts: ZCounts,
  overdue: ZCounts,
  total: z.number(),
  overdueTotal: z.number(),
  awaitingHigher: z.number(),
});
export type TDigestCells = z.infer<typeof ZDigestCellsSchema>;

export const ZDigestRowSchema = ZDigestCellsSchema.extend({
  orgId: z.number(),
  orgName: z.string(),
  orgKind: z.string(),
  /** The organization itself (its own work and its own requests to the level above). */
  self: z.boolean(),
  hasChildren: z.boolean(),
});
export type TDigestRow = z.infer<typeof ZDigestRowSchema>;

export const ZDigestSchema = z.object({
  /** parentId: the level above, when it is still inside the caller's scope (for "up one level"). */
  org: z.object({ id: z.number(), name: z.string(), kind: z.string(), parentId: z.number().nullable() }),
  today: z.string(),
  /** When the figures were computed (kept up to two minutes; fresh=true recomputes). */
  computedAt: z.string(),
  kinds: z.array(ZTodoKind),
  rows: z.array(ZDigestRowSchema),
  totals: ZDigestCellsSchema,
});
export type TDigest = z.infer<typeof ZDigestSchema>;

export const ZDigestQuery = z.strictObject({ orgId: z.coerce.number().int().positive().optional() });
export const ZDigestViewQuery = ZDigestQuery.extend({ fresh: z.enum(['true', 'false']).optional() });
export const ZDigestItemsQuery = ZDigestQuery.extend({
  kind: ZTodoKind.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export const ZDigestExportQuery = ZDigestQuery.extend({ purpose: z.string().trim().min(2, '请填写导出用途').max(100) });

export const ZDigestItemsSchema = z.object({ items: z.array(ZTodoItemSchema), total: z.number(), truncated: z.boolean() });
export type TDigestItems = z.infer<typeof ZDigestItemsSchema>;

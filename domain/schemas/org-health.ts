// API schemas of the organization-health view (issue 5 point 3): a row per child organization (or the
// unit itself at the bottom), a cell per signal with its level and reasons, each reason linking to the
// page where it is dealt with. No scores, no ranking of people (RULES.md §9).
import { z } from 'zod';
import { HEALTH_LEVELS, HEALTH_SIGNALS } from '../rules/org-health';
import { ZDate } from './common';

const id = z.coerce.number().int().positive();

export const ZHealthOrder = z.enum(['tree', 'attention']);
export type THealthOrder = z.infer<typeof ZHealthOrder>;
export const ZHealthQuery = z.strictObject({ orgId: id.optional() });
export const ZHealthExportQuery = z.strictObject({
  orgId: id.optional(),
  /** 'attention': the rows with the most warnings first (the table's "needs attention first"). */
  order: ZHealthOrder.default('tree'),
  purpose: z.string().trim().min(2, '请填写导出用途').max(200),
});

export const ZHealthReason = z.object({ text: z.string(), link: z.string() });
export const ZHealthCellSchema = z.object({
  level: z.enum(HEALTH_LEVELS),
  reasons: z.array(ZHealthReason),
  /** What the cell says when normal (e.g. 本年收缴率 98.5%). */
  summary: z.string(),
  /** The organizations the signal was read over (branches, terms, ...). */
  units: z.number(),
  /** Where the signal is dealt with for this row. */
  link: z.string(),
});
export type THealthCell = z.infer<typeof ZHealthCellSchema>;

/** null: the signal does not apply to any organization of the row (e.g. no term anywhere below). */
export const ZHealthCellsSchema = z.object(
  Object.fromEntries(HEALTH_SIGNALS.map((s) => [s, ZHealthCellSchema.nullable()])) as Record<
    (typeof HEALTH_SIGNALS)[number],
    z.ZodNullable<typeof ZHealthCellSchema>
  >,
);

export const ZHealthRowSchema = z.object({
  orgId: z.number(),
  orgName: z.string(),
  orgKind: z.string(),
  /** The organization itself (its own units), listed before its children. */
  self: z.boolean(),
  /** Whether there is anything below to drill into. */
  hasChildren: z.boolean(),
  /** Counted members of the row's subtree. */
  members: z.number(),
  cells: ZHealthCellsSchema,
  /** Signals at 预警 and at 关注: for the "needs attention first" order. */
  warnings: z.number(),
  attentions: z.number(),
});
export type THealthRow = z.infer<typeof ZHealthRowSchema>;

export const ZHealthSchema = z.object({
  org: z.object({ id: z.number(), name: z.string(), kind: z.string() }),
  /** Ancestors inside the caller's scope, root first, the organization itself last. */
  path: z.array(z.object({ id: z.number(), name: z.string() })),
  today: ZDate,
  quarter: z.string(),
  /** The closed months the dues rate covers. */
  duesMonths: z.object({ from: z.string(), to: z.string() }),
  rows: z.array(ZHealthRowSchema),
  /** The whole subtree in one row. */
  total: ZHealthRowSchema,
  /** The basis of each signal's deadlines, for the table's header tooltips. */
  basis: z.record(z.string(), z.string()),
});
export type THealth = z.infer<typeof ZHealthSchema>;

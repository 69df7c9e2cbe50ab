// API schemas of the 党内统计 tables (issue 5; RULES.md §6). A table is rows of organizations
// (合计, 本级, the direct children) × columns with grouped headers; every number can be listed.
import { z } from 'zod';
import { ZCursorQuery, ZDate } from './common';
import { ZMonth } from './dues';
import { AGE_BANDS_LIMITS, ageBandsProblem } from '../rules/statistics';

/** Age band upper bounds as a query parameter: "30,35,40,45,50,55,60". */
export const ZAgeBandsParam = z
  .string()
  .regex(/^\d{1,3}(,\d{1,3})*$/, '年龄段分界格式应为用逗号分隔的整数，如 30,35,40')
  .transform((s) => s.split(',').map(Number))
  .refine((b) => ageBandsProblem(b) === null, {
    message: `年龄段分界应为 ${AGE_BANDS_LIMITS.min} 至 ${AGE_BANDS_LIMITS.max} 之间、从小到大的整数`,
  });

export const ZTableCode = z.object({ code: z.string().regex(/^[a-z_]{2,40}$/, '统计表代码无效') });

export const ZTableQuery = z.strictObject({
  /** The organization the table is about (default: the user's own). */
  orgId: z.coerce.number().int().positive().optional(),
  /** Reference month (统计截止日期 = its last day); default the current month. */
  month: ZMonth.optional(),
  ageBands: ZAgeBandsParam.optional(),
  /** Period of the period tables; default 1 January to the reference date. */
  from: ZDate.optional(),
  to: ZDate.optional(),
});
export type TTableQuery = z.infer<typeof ZTableQuery>;
/** What picks a table's numbers as the web sends it: the organization, the reference month, age bands as "30,35,…", a period. */
export type TTableParams = Omit<TTableQuery, 'orgId' | 'month' | 'ageBands'> & { orgId: number; month: string; ageBands?: string };

export const ZLabel = z.object({ zh: z.string(), en: z.string() });
export type TLabel = z.infer<typeof ZLabel>;
export const ZTableSource = z.enum(['members', 'orgs', 'events']);
export type TTableSource = z.infer<typeof ZTableSource>;

export const ZTableColumn = z.object({ key: z.string(), path: z.array(ZLabel) });
export type TTableColumn = z.infer<typeof ZTableColumn>;
export const ZTableRow = z.object({
  /** 'total' (合计), 'self' (本级: held directly by the organization), or the child's id. */
  key: z.string(),
  kind: z.enum(['total', 'self', 'child']),
  orgId: z.number().nullable(),
  name: z.string(),
  /** A child with organizations below it: clicking its name re-roots the table. */
  hasChildren: z.boolean(),
  cells: z.record(z.string(), z.number()),
});
export type TTableRow = z.infer<typeof ZTableRow>;

export const ZStatsTable = z.object({
  code: z.string(),
  title: ZLabel,
  group: z.string(),
  source: ZTableSource,
  unit: ZLabel,
  org: z.object({ id: z.number(), name: z.string() }),
  /** The organization and its ancestors inside the user's scope, root first. */
  breadcrumbs: z.array(z.object({ id: z.number(), name: z.string() })),
  month: ZMonth,
  /** 统计截止日期 */
  asOf: ZDate,
  period: z.object({ from: ZDate, to: ZDate }).nullable(),
  ageBands: z.array(z.number()),
  columns: z.array(ZTableColumn),
  rows: z.array(ZTableRow),
  sums: z.array(z.object({ total: z.string(), parts: z.array(z.string()) })),
  definition: ZLabel,
});
export type TStatsTable = z.infer<typeof ZStatsTable>;

export const ZCatalogue = z.object({
  month: ZMonth,
  ageBands: z.array(z.number()),
  groups: z.array(
    z.object({
      key: z.string(),
      title: ZLabel,
      tables: z.array(z.object({ code: z.string(), title: ZLabel, source: ZTableSource })),
    }),
  ),
});
export type TCatalogue = z.infer<typeof ZCatalogue>;

export const ZPeopleQuery = ZTableQuery.extend({
  /** The table's row: 'total', 'self' or a child organization's id. */
  row: z
    .string()
    .regex(/^(total|self|\d{1,18})$/, '行无效')
    .default('total'),
  col: z.string().min(1).max(80),
  ...ZCursorQuery,
});
export type TPeopleQuery = z.infer<typeof ZPeopleQuery>;
/** The cell whose people are listed: its row and column keys. */
export type TCellRef = Pick<TPeopleQuery, 'row' | 'col'>;

export const ZPeopleList = z.object({
  /** Every row of the list, equal to the number in the table. */
  total: z.number(),
  title: z.string(),
  columns: z.array(z.object({ key: z.string(), title: ZLabel })),
  items: z.array(
    z.object({
      id: z.string(),
      memberId: z.number().nullable(),
      orgId: z.number().nullable(),
      values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    }),
  ),
  nextCursor: z.string().nullable(),
});
export type TPeopleList = z.infer<typeof ZPeopleList>;

const purpose = z.string().trim().min(2, '请填写导出用途').max(200);
export const ZTableExportQuery = ZTableQuery.extend({ purpose });
export const ZPeopleExportQuery = ZPeopleQuery.omit({ cursor: true, limit: true }).extend({ purpose });

export const ZStatsSettings = z.strictObject({
  ageBands: z.array(z.number().int()).refine((b) => ageBandsProblem(b) === null, {
    message: `年龄段分界应为 ${AGE_BANDS_LIMITS.min} 至 ${AGE_BANDS_LIMITS.max} 之间、从小到大的整数`,
  }),
});
export type TStatsSettings = z.infer<typeof ZStatsSettings>;

export const ZVerifyBody = z.strictObject({ repair: z.boolean().default(false) });
export const ZVerifyResult = z.object({
  mismatches: z.number(),
  sample: z.array(
    z.object({ ref: z.string(), orgId: z.number(), dim: z.string(), val: z.string(), stored: z.number(), actual: z.number() }),
  ),
  repaired: z.boolean(),
  cells: z.number(),
  ms: z.number(),
});

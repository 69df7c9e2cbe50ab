// API schemas of the cadre search (issue 12 point 7) and the 干部花名册 (point 4): a query is one
// structured value, so the same value runs a search, is saved per account and selects an export.
import { z } from 'zod';
import { BACKGROUNDS, LEVEL_BANDS, LEVELS, POLITICAL_STATUSES, UNIT_KINDS } from '../cadre-codes';
import { ZCursorQuery, ZDate } from './common';

const ints = (max: number) => z.array(z.number().int().positive()).max(max);

/** The search as a value. Every field narrows the result; an empty query is every cadre in scope. */
export const ZCadreQuery = z.strictObject({
  /** Latin letters: pinyin initials (prefix); anything else: a name infix. */
  q: z.string().trim().max(30).optional(),
  unitIds: ints(200).optional(),
  unitKinds: z.array(z.enum(UNIT_KINDS)).max(UNIT_KINDS.length).optional(),
  /** An infix of the current post's title (现任职务). */
  post: z.string().trim().max(40).optional(),
  levels: z.array(z.enum(LEVELS)).max(LEVELS.length).optional(),
  levelBand: z.enum(Object.keys(LEVEL_BANDS) as [string, ...string[]]).optional(),
  ageMin: z.number().int().min(0).max(120).optional(),
  ageMax: z.number().int().min(0).max(120).optional(),
  /** The day ages are counted at (计算年龄时间); today when absent. */
  ageAt: ZDate.optional(),
  sex: z.enum(['男', '女']).optional(),
  /** Education at least this rank (1 博士研究生 … 7 初中及以下): edu_rank ≤ eduRankMax. */
  eduRankMax: z.number().int().min(1).max(7).optional(),
  backgrounds: z.array(z.enum(BACKGROUNDS)).max(BACKGROUNDS.length).optional(),
  political: z.array(z.enum(POLITICAL_STATUSES)).max(POLITICAL_STATUSES.length).optional(),
  /** Years in the current post (from 任职时间) at least. */
  yearsInPostMin: z.number().int().min(0).max(60).optional(),
  /** Served at the grassroots: a 乡镇街道 post, a 简历 line at a 乡/镇/街道/村/社区, or confirmed months. */
  grassroots: z.boolean().optional(),
  /** Confirmed grassroots months (grassroots_months) at least. */
  grassrootsMonthsMin: z.number().int().min(1).max(600).optional(),
  /** At least two distinct posts at the level directly below the cadre's own (RULES.md §7). */
  twoPostsBelow: z.boolean().optional(),
  /** Posts held in at least this many kinds of unit. */
  unitKindsMin: z.number().int().min(1).max(UNIT_KINDS.length).optional(),
  /** In service only (the default), or also those who left. */
  includeLeft: z.boolean().optional(),
  sort: z.enum(['pinyin', 'age', 'level']).default('pinyin'),
  desc: z.boolean().default(false),
});
export type TCadreQuery = z.infer<typeof ZCadreQuery>;
/** The query as a form holds it (the server fills in the defaults). */
export type TCadreQueryInput = z.input<typeof ZCadreQuery>;

export const ZCadreSearchBody = z.strictObject({ query: ZCadreQuery, ...ZCursorQuery });
export type TCadreSearchBody = z.input<typeof ZCadreSearchBody>;

export const ZCadreHitSchema = z.object({
  id: z.number(),
  name: z.string(),
  sex: z.string(),
  birth: z.string().nullable(),
  age: z.number().nullable(),
  ethnicity: z.string(),
  political: z.string(),
  eduRank: z.number().nullable(),
  background: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  title: z.string(),
  level: z.string().nullable(),
  since: z.string().nullable(),
  yearsInPost: z.number().nullable(),
  managerName: z.string(),
});
export type TCadreHit = z.infer<typeof ZCadreHitSchema>;
/** A page of hits; `total` only on the first page (no cursor). */
export const ZCadreSearchResult = z.object({
  items: z.array(ZCadreHitSchema),
  nextCursor: z.string().nullable(),
  total: z.number().nullable(),
});
export type TCadreSearchResult = z.infer<typeof ZCadreSearchResult>;

export const ZSavedQueryCreate = z.strictObject({ name: z.string().trim().min(1, '请填写名称').max(60), query: ZCadreQuery });
export const ZSavedQueryRename = z.strictObject({ name: z.string().trim().min(1, '请填写名称').max(60) });
export const ZSavedQuerySchema = z.object({ id: z.number(), name: z.string(), query: ZCadreQuery, createdAt: z.string() });
export type TSavedQuery = z.infer<typeof ZSavedQuerySchema>;
export const ZSavedQueryList = z.object({ items: z.array(ZSavedQuerySchema) });
export const ZSavedQueryRun = z.strictObject(ZCursorQuery);

/** The 干部花名册 / 干部一张表 columns (A01 person, A02 post, B01 unit sets), in the usual order. */
export const ROSTER_COLUMNS = [
  { key: 'name', zh: '姓名', en: 'Name', width: 10 },
  { key: 'sex', zh: '性别', en: 'Sex', width: 6 },
  { key: 'ethnicity', zh: '民族', en: 'Ethnicity', width: 8 },
  { key: 'birth', zh: '出生年月', en: 'Born', width: 10 },
  { key: 'age', zh: '年龄', en: 'Age', width: 6 },
  { key: 'idMasked', zh: '身份证号', en: 'ID number (masked)', width: 21 },
  { key: 'nativePlace', zh: '籍贯', en: 'Native place', width: 12 },
  { key: 'birthPlace', zh: '出生地', en: 'Birthplace', width: 12 },
  { key: 'partyJoin', zh: '入党时间', en: 'Joined the Party', width: 10 },
  { key: 'political', zh: '政治面貌', en: 'Political status', width: 10 },
  { key: 'workStart', zh: '参加工作时间', en: 'Started work', width: 12 },
  { key: 'eduFullTime', zh: '全日制学历学位', en: 'Full-time education', width: 18 },
  { key: 'eduFullTimeSchool', zh: '全日制毕业院校系及专业', en: 'Full-time school', width: 24 },
  { key: 'eduInService', zh: '在职学历学位', en: 'In-service education', width: 18 },
  { key: 'eduInServiceSchool', zh: '在职毕业院校系及专业', en: 'In-service school', width: 24 },
  { key: 'title', zh: '现任职务', en: 'Current post', width: 26 },
  { key: 'since', zh: '任职时间', en: 'In post since', width: 12 },
  { key: 'level', zh: '职务层次', en: 'Level', width: 8 },
  { key: 'rankTitle', zh: '职级', en: 'Rank', width: 12 },
  { key: 'rankSince', zh: '任现职级时间', en: 'Rank since', width: 12 },
  { key: 'proTitle', zh: '专业技术职务', en: 'Professional title', width: 14 },
  { key: 'expertise', zh: '熟悉专业有何专长', en: 'Expertise', width: 16 },
  { key: 'background', zh: '专业背景', en: 'Background', width: 8 },
  { key: 'unit', zh: '单位', en: 'Unit', width: 22 },
  { key: 'unitKind', zh: '单位类别', en: 'Unit kind', width: 12 },
  { key: 'manager', zh: '管理机关', en: 'Managed by', width: 20 },
  { key: 'health', zh: '健康状况', en: 'Health', width: 8 },
] as const;
export type RosterColumnKey = (typeof ROSTER_COLUMNS)[number]['key'];
export const ROSTER_COLUMN_KEYS = ROSTER_COLUMNS.map((c) => c.key) as [RosterColumnKey, ...RosterColumnKey[]];
/** What an export holds when no columns are chosen: the usual 一张表. */
export const DEFAULT_ROSTER_COLUMNS: RosterColumnKey[] = [
  'name',
  'sex',
  'ethnicity',
  'birth',
  'age',
  'nativePlace',
  'partyJoin',
  'workStart',
  'eduFullTime',
  'eduInService',
  'title',
  'since',
  'rankTitle',
  'rankSince',
  'proTitle',
  'unit',
];

export const ZRosterExportBody = z.strictObject({
  query: ZCadreQuery,
  columns: z.array(z.enum(ROSTER_COLUMN_KEYS)).min(1, '请至少选择一列').max(ROSTER_COLUMNS.length).optional(),
  purpose: z.string().trim().min(2, '请填写导出用途').max(200),
});
export type TRosterExportBody = z.input<typeof ZRosterExportBody>;

/** One problem of a roster file: the sheet row (as Excel numbers it), the column header and the reason. */
export const ZRosterErrorSchema = z.object({ row: z.number(), column: z.string(), message: z.string() });
export type TRosterError = z.infer<typeof ZRosterErrorSchema>;
/** The import's answer: all rows written, or none and every problem named. */
export const ZRosterImportResult = z.object({
  ok: z.boolean(),
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  errorCount: z.number(),
  errors: z.array(ZRosterErrorSchema),
  dryRun: z.boolean(),
});
export type TRosterImportResult = z.infer<typeof ZRosterImportResult>;
export const ZRosterImportQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).optional() });

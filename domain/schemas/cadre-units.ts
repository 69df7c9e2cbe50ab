// API schemas of units, posts and quotas, the 干部配备一览表, leadership teams and their structure
// (issue 12 points 2 and 5; docs/api.md "Cadre units"). Units and teams lie where the organization
// that manages them (干部管理权限) lies: a cadre officer sees those of their subtree.
import { z } from 'zod';
import { LEVELS, POST_LINES, UNIT_KINDS } from '../cadre-codes';
import { STRUCTURE_DIMS } from '../rules/team-structure';
import { ZCursorQuery, ZDate } from './common';

const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过 ${max} 个字`);
const id = z.number().int().positive();
const qId = z.coerce.number().int().positive();

// ---- Units and posts ----

export const ZUnitSchema = z.object({
  id: z.number(),
  managerOrgId: z.number(),
  managerOrgName: z.string(),
  orgId: z.number().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.string(),
  level: z.string(),
  parentUnitId: z.number().nullable(),
  sort: z.number(),
  dissolvedOn: ZDate.nullable(),
  version: z.number(),
});
export type TUnit = z.infer<typeof ZUnitSchema>;

export const ZPostSchema = z.object({
  id: z.number(),
  unitId: z.number(),
  title: z.string(),
  level: z.string(),
  principal: z.boolean(),
  line: z.string(),
  elected: z.boolean(),
  quota: z.number(),
  sort: z.number(),
  abolishedOn: ZDate.nullable(),
  version: z.number(),
});
export type TPost = z.infer<typeof ZPostSchema>;

/** Filters shared by the unit list, the 配备一览表, the teams and the structure analysis. */
const unitFilter = {
  /** The managing organization (default: the caller's); its subtree with `below=true`. */
  managerOrgId: qId.optional(),
  below: z.enum(['true', 'false']).optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  level: z.enum(LEVELS).optional(),
};
/** The filter the pages of the area share (the web keeps it across its tabs). */
export const ZUnitFilter = z.strictObject(unitFilter);
export type TUnitFilter = z.infer<typeof ZUnitFilter>;
export const ZUnitListQuery = z.strictObject({ ...unitFilter, q: z.string().trim().max(40).optional() });
export type TUnitListQuery = z.infer<typeof ZUnitListQuery>;
export const ZUnitListSchema = z.object({ items: z.array(ZUnitSchema) });

export const ZUnitCreateSchema = z.strictObject({
  managerOrgId: id,
  orgId: id.nullable().optional(),
  name: text(60),
  shortName: text(20).nullable().optional(),
  kind: z.enum(UNIT_KINDS, '请选择单位类别'),
  level: z.enum(LEVELS, '请选择单位级别'),
  parentUnitId: id.nullable().optional(),
  sort: z.number().int().min(0).max(99999).optional(),
});
export type TUnitCreate = z.infer<typeof ZUnitCreateSchema>;

export const ZUnitUpdateSchema = z.strictObject({
  version: z.number().int().positive(),
  orgId: id.nullable().optional(),
  name: text(60).optional(),
  shortName: text(20).nullable().optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  level: z.enum(LEVELS).optional(),
  parentUnitId: id.nullable().optional(),
  sort: z.number().int().min(0).max(99999).optional(),
  dissolvedOn: ZDate.nullable().optional(),
});
export type TUnitUpdate = z.infer<typeof ZUnitUpdateSchema>;

export const ZPostCreateSchema = z.strictObject({
  title: text(40),
  level: z.enum(LEVELS, '请选择职务层次'),
  principal: z.boolean(),
  line: z.enum(POST_LINES).optional(),
  elected: z.boolean().optional(),
  quota: z.number().int().min(0, '职数不能为负').max(50),
  sort: z.number().int().min(0).max(99999).optional(),
});
export type TPostCreate = z.infer<typeof ZPostCreateSchema>;

export const ZPostUpdateSchema = z.strictObject({
  version: z.number().int().positive(),
  title: text(40).optional(),
  level: z.enum(LEVELS).optional(),
  principal: z.boolean().optional(),
  line: z.enum(POST_LINES).optional(),
  elected: z.boolean().optional(),
  quota: z.number().int().min(0, '职数不能为负').max(50).optional(),
  sort: z.number().int().min(0).max(99999).optional(),
  abolishedOn: ZDate.nullable().optional(),
});
export type TPostUpdate = z.infer<typeof ZPostUpdateSchema>;

export const ZUnitDetailSchema = z.object({ unit: ZUnitSchema, posts: z.array(ZPostSchema), children: z.array(ZUnitSchema) });
export type TUnitDetail = z.infer<typeof ZUnitDetailSchema>;

// ---- The 干部配备一览表 ----

/** A person holding a post now (an open appointment; a concurrent post counts too). */
export const ZHolderSchema = z.object({
  cadreId: z.number(),
  appointmentId: z.number(),
  name: z.string(),
  sex: z.string(),
  birth: z.string().nullable(),
  age: z.number().nullable(),
  /** 任职时间: the decision date (RULES.md §7). */
  decidedOn: ZDate,
  yearsInPost: z.number().nullable(),
  concurrent: z.boolean(),
});
export type THolder = z.infer<typeof ZHolderSchema>;

export const ZRosterPostSchema = ZPostSchema.pick({ id: true, title: true, level: true, principal: true, line: true, quota: true }).extend({
  holders: z.array(ZHolderSchema),
  /** More holders than the quota (超职数) / fewer (缺配). */
  over: z.boolean(),
  vacant: z.boolean(),
});
export type TRosterPost = z.infer<typeof ZRosterPostSchema>;

const ZQuotaTotals = z.object({ quota: z.number(), actual: z.number() });
export const ZRosterUnitSchema = z.object({
  unit: ZUnitSchema.pick({ id: true, name: true, kind: true, level: true, managerOrgId: true, managerOrgName: true }),
  teamId: z.number().nullable(),
  posts: z.array(ZRosterPostSchema),
  principal: ZQuotaTotals,
  deputy: ZQuotaTotals,
  overPosts: z.number(),
  vacantPosts: z.number(),
});
export type TRosterUnit = z.infer<typeof ZRosterUnitSchema>;

export const ZRosterQuery = z.strictObject({
  ...unitFilter,
  flag: z.enum(['over', 'vacant']).optional(),
  ...ZCursorQuery,
});
export type TRosterQuery = z.infer<typeof ZRosterQuery>;
export const ZRosterPageSchema = z.object({ items: z.array(ZRosterUnitSchema), nextCursor: z.string().nullable(), onDate: ZDate });
export type TRosterPage = z.infer<typeof ZRosterPageSchema>;

const purpose = z.string().trim().min(2, '请填写导出用途').max(200);
export const ZRosterExportQuery = z.strictObject({ ...unitFilter, flag: ZRosterQuery.shape.flag, purpose });

// ---- Teams and structure ----

export const ZFindingSchema = z.object({
  requirementId: z.string(),
  title: z.string(),
  ok: z.boolean(),
  reason: z.string(),
  basis: z.enum(['V', 'R', 'L']),
  source: z.string(),
});
export type TFinding = z.infer<typeof ZFindingSchema>;

const ZDimCount = z.object({ value: z.string(), n: z.number(), share: z.number() });
export const ZStructureSchema = z.object({
  onDate: ZDate,
  total: z.number(),
  dims: z.record(z.enum(STRUCTURE_DIMS), z.array(ZDimCount)),
});
export type TStructure = z.infer<typeof ZStructureSchema>;

export const ZTeamTermSchema = z.object({
  id: z.number(),
  name: z.string(),
  termYears: z.number(),
  termStartedOn: ZDate.nullable(),
  /** 应换届时间. */
  renewDueOn: ZDate.nullable(),
  note: z.string(),
  version: z.number(),
});
export type TTeamTerm = z.infer<typeof ZTeamTermSchema>;

export const RENEWAL_STATES = ['normal', 'due', 'overdue', 'unset'] as const;
export type RenewalState = (typeof RENEWAL_STATES)[number];

export const ZTeamMemberSchema = ZHolderSchema.extend({
  postId: z.number(),
  postTitle: z.string(),
  level: z.string(),
  principal: z.boolean(),
  ethnicity: z.string(),
  political: z.string(),
  education: z.string(),
  background: z.string(),
});
export type TTeamMember = z.infer<typeof ZTeamMemberSchema>;

export const ZTeamPageSchema = z.object({
  unit: ZUnitSchema,
  term: ZTeamTermSchema.nullable(),
  renewal: z.enum(RENEWAL_STATES),
  members: z.array(ZTeamMemberSchema),
  structure: ZStructureSchema,
  findings: z.array(ZFindingSchema),
  requirementSet: z.object({ version: z.string(), title: z.string() }),
});
export type TTeamPage = z.infer<typeof ZTeamPageSchema>;

export const ZTeamTermUpdateSchema = z.strictObject({
  /** The current version when the term exists (absent when it is recorded the first time). */
  version: z.number().int().positive().optional(),
  name: text(60),
  termYears: z.number().int().min(1).max(10),
  termStartedOn: ZDate,
  /** Defaults to the start plus the term's years. */
  renewDueOn: ZDate.nullable().optional(),
  note: z.string().trim().max(500).optional(),
});
export type TTeamTermUpdate = z.infer<typeof ZTeamTermUpdateSchema>;

export const ZTeamListQuery = z.strictObject({
  ...unitFilter,
  renewal: z.enum(RENEWAL_STATES).optional(),
  /** Only teams that fall short of a structure requirement. */
  short: z.enum(['true', 'false']).optional(),
  /** Months ahead that count as due for renewal (default 6). */
  months: z.coerce.number().int().min(1).max(24).optional(),
});
export type TTeamListQuery = z.infer<typeof ZTeamListQuery>;

export const ZTeamRowSchema = z.object({
  unitId: z.number(),
  unitName: z.string(),
  kind: z.string(),
  level: z.string(),
  managerOrgName: z.string(),
  term: ZTeamTermSchema.nullable(),
  renewal: z.enum(RENEWAL_STATES),
  members: z.number(),
  women: z.number(),
  averageAge: z.number().nullable(),
  shortfalls: z.array(ZFindingSchema),
});
export type TTeamRow = z.infer<typeof ZTeamRowSchema>;
export const ZTeamListSchema = z.object({ items: z.array(ZTeamRowSchema), onDate: ZDate });

export const ZStructureQuery = z.strictObject({
  ...unitFilter,
  unitId: qId.optional(),
  /** The reference date of ages and years in post (default today). */
  onDate: ZDate.optional(),
});
export type TStructureQuery = z.infer<typeof ZStructureQuery>;

/** The structure table (statistics style): rows = values of a dimension, columns = total and each post level. */
export const ZStructureTableSchema = z.object({
  onDate: ZDate,
  dim: z.enum(STRUCTURE_DIMS),
  levels: z.array(z.string()),
  rows: z.array(z.object({ value: z.string(), total: z.number(), byLevel: z.array(z.number()) })),
  total: z.object({ total: z.number(), byLevel: z.array(z.number()) }),
});
export type TStructureTable = z.infer<typeof ZStructureTableSchema>;
export const ZStructureTableQuery = ZStructureQuery.extend({ dim: z.enum(STRUCTURE_DIMS) });
export type TStructureTableQuery = z.infer<typeof ZStructureTableQuery>;

/** The people behind one count: a row value and optionally a level column ('' = not recorded). */
export const ZStructurePeopleQuery = ZStructureTableQuery.extend({ value: z.string().max(20), level: z.enum(LEVELS).optional() });
export type TStructurePeopleQuery = z.infer<typeof ZStructurePeopleQuery>;
export const ZStructurePersonSchema = z.object({
  cadreId: z.number(),
  name: z.string(),
  sex: z.string(),
  birth: z.string().nullable(),
  age: z.number().nullable(),
  unitName: z.string(),
  postTitle: z.string(),
  level: z.string(),
  education: z.string(),
});
export type TStructurePerson = z.infer<typeof ZStructurePersonSchema>;
export const ZStructurePeopleSchema = z.object({ items: z.array(ZStructurePersonSchema), total: z.number() });

export const ZStructureExportQuery = ZStructureQuery.extend({ purpose });

// ---- Dashboard panel ----

export const ZCadrePanelSchema = z.object({
  org: z.object({ id: z.number(), name: z.string() }),
  today: ZDate,
  cadres: z.number(),
  ageBands: z.array(ZDimCount),
  education: z.array(ZDimCount),
  overPosts: z.number(),
  vacantPosts: z.number(),
  teamsDue: z.number(),
  teamsOverdue: z.number(),
  teamsShort: z.number(),
});
export type TCadrePanel = z.infer<typeof ZCadrePanelSchema>;

// API schemas of the dashboard panels (issue 5 point 2): one call per panel, GET /api/dashboard/<panel>?orgId,
// so the panels of a page load in parallel. Every figure is computed from the data entered once elsewhere.
import { z } from 'zod';
import { MEETING_KINDS } from '../meeting-kinds';
import { PERSON_STATUSES } from '../rules/development-steps';
import { TERM_STATES } from '../rules/terms';
import { ZDate } from './common';

export const ZDashboardQuery = z.strictObject({ orgId: z.coerce.number().int().positive().optional() });

const ZPanelOrg = z.object({ id: z.number(), name: z.string() });
/** One slice of a breakdown: a code (or '' = not recorded) and its count. */
const ZSlice = z.object({ key: z.string(), n: z.number() });
/** What a figure counts: the statuses and the reference date (domain/counting-bases.ts), shown beside it. */
export const ZBasis = z.object({ zh: z.string(), en: z.string() });

export const ZMembersPanelSchema = z.object({
  org: ZPanelOrg,
  today: ZDate,
  members: z.number(),
  full: z.number(),
  probationary: z.number(),
  /** What members, full and probationary count. */
  basis: ZBasis,
  /** Active organizations of the subtree, the root included; 基层党组织 and branches among them. */
  orgs: z.number(),
  basicOrgs: z.number(),
  branches: z.number(),
  gender: z.array(ZSlice),
  /** Ages at the end of this month, in the configured bands (default ≤30, 31–35 … ≥61); '' = no birth date. */
  ageBands: z.array(ZSlice.extend({ zh: z.string(), en: z.string() })),
  education: z.array(ZSlice),
  occupation: z.array(ZSlice),
  joiningPeriod: z.array(ZSlice),
});
export type TMembersPanel = z.infer<typeof ZMembersPanelSchema>;

export const ZDevelopmentPanelSchema = z.object({
  org: ZPanelOrg,
  today: ZDate,
  byStatus: z.array(z.object({ status: z.enum(PERSON_STATUSES), count: z.number(), overdue: z.number() })),
  /** People in the pipeline (applicants to probationary members) and those past a step's deadline. */
  inPipeline: z.number(),
  overdue: z.number(),
  /** Members admitted (支部大会 date) from 1 January to today, counted where they now are. */
  admittedThisYear: z.number(),
  /** What the stages count: development records, not member records. */
  basis: ZBasis,
});
export type TDevelopmentPanel = z.infer<typeof ZDevelopmentPanelSchema>;

const checkCounts = { held: z.number(), missing: z.number(), due: z.number() };
export const ZCompliancePanelSchema = z.object({
  org: ZPanelOrg,
  today: ZDate,
  /** The current quarter, 'YYYY-Qn'. */
  quarter: z.string(),
  units: z.number(),
  /** Units with no missing check this quarter. */
  compliantUnits: z.number(),
  ...checkCounts,
  /** The organization's own units, then each direct child over its subtree. */
  byChild: z.array(
    z.object({ orgId: z.number(), name: z.string(), self: z.boolean(), units: z.number(), compliantUnits: z.number(), ...checkCounts }),
  ),
  byKind: z.array(z.object({ kind: z.enum(MEETING_KINDS), ...checkCounts })),
});
export type TCompliancePanel = z.infer<typeof ZCompliancePanelSchema>;

export const ZDuesPanelSchema = z.object({
  org: ZPanelOrg,
  today: ZDate,
  /** The closed months of the year (the current month is still being collected; in January, last year's). */
  byMonth: z.array(z.object({ month: z.string(), dueFen: z.number(), paidFen: z.number() })),
  /** The collection rate over those months. */
  rate: z.object({ from: z.string(), to: z.string(), dueFen: z.number(), paidFen: z.number() }),
});
export type TDuesPanel = z.infer<typeof ZDuesPanelSchema>;

export const ZTermsPanelSchema = z.object({
  org: ZPanelOrg,
  today: ZDate,
  /** Organizations with a term by state (normal, ending, request_window, overdue, delayed, missing). */
  states: z.record(z.enum([...TERM_STATES, 'missing']), z.number()),
  /** Current terms ending in each of the next 12 months (this month first). */
  byMonth: z.array(z.object({ month: z.string(), n: z.number() })),
  /** Ending within 6 months, and already overdue. */
  endingSoon: z.number(),
  endingSoonBasis: ZBasis,
  overdue: z.number(),
});
export type TTermsPanel = z.infer<typeof ZTermsPanelSchema>;

const starCounts = z.object({ 1: z.number(), 2: z.number(), 3: z.number(), 4: z.number(), 5: z.number(), unrated: z.number() });
export const ZStandardsPanelSchema = z.object({
  org: ZPanelOrg,
  today: ZDate,
  /** The latest year with a rating in the subtree (this year when none yet). */
  year: z.number(),
  branches: z.number(),
  stars: starCounts,
  /** 软弱涣散 organizations still rectifying, and their open tasks past due. */
  weak: z.number(),
  weakOverdueTasks: z.number(),
});
export type TStandardsPanel = z.infer<typeof ZStandardsPanelSchema>;

export const DASHBOARD_PANELS = ['members', 'development', 'compliance', 'dues', 'terms', 'standards'] as const;
export type DashboardPanel = (typeof DASHBOARD_PANELS)[number];

/** Each panel's answer schema, by the panel's name in the path. */
export const ZPanelSchemas = {
  members: ZMembersPanelSchema,
  development: ZDevelopmentPanelSchema,
  compliance: ZCompliancePanelSchema,
  dues: ZDuesPanelSchema,
  terms: ZTermsPanelSchema,
  standards: ZStandardsPanelSchema,
} satisfies Record<DashboardPanel, z.ZodType>;
export type TPanelData = { [P in DashboardPanel]: z.infer<(typeof ZPanelSchemas)[P]> };

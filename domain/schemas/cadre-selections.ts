// The selection-and-appointment procedure (选拔任用, issue 13 points 1–3): request and response shapes, shared by
// the server and the web app. The steps' facts are also the shapes of the jsonb columns of migration 018.
import { z } from 'zod';
import { ZDate } from './common';
import { FOUR_MUSTS, SELECTION_STEPS, type FourMust } from '../rules/cadre-selection';

const text = (max: number) => z.string().trim().min(1).max(max);
const count = z.number().int().min(0).max(100_000);

export const ZSelectionStep = z.enum(SELECTION_STEPS);
export const FOUR_MUST_KEYS = Object.keys(FOUR_MUSTS) as [FourMust, ...FourMust[]];
export const ZFourMust = z.enum(FOUR_MUST_KEYS);
export const SELECTION_WAYS = ['民主推荐', '竞争上岗', '公开选拔', '个别提拔', '交流任职'] as const;
export const MEETING_BODIES = ['常委会', '部务会', '干部小组会', '党组会'] as const;
export const SELECTION_STATUSES = ['open', 'closed', 'stopped'] as const;

// ---- step facts (stored as jsonb) ----
export const ZRecommendation = z.strictObject({
  /** 会议推荐: the voter categories with voters and valid ballots. */
  meeting: z
    .strictObject({
      heldOn: ZDate,
      categories: z.array(z.strictObject({ category: text(40), voters: count, ballots: count })).max(20),
    })
    .nullable()
    .optional(),
  /** 谈话调研推荐: how many people were talked to. */
  talks: z.strictObject({ heldOn: ZDate, talkCount: count }).nullable().optional(),
  /** Why the candidates are not more than the posts (等额), when they are not. */
  nonCompetitiveReason: z.string().trim().max(500).nullable().optional(),
  /** 竞争上岗: how many signed up, passed the review and were chosen for 考察. */
  competition: z.strictObject({ applicants: count, qualified: count, chosen: count }).nullable().optional(),
});
export type TRecommendation = z.infer<typeof ZRecommendation>;

export const ZInspection = z.strictObject({
  startedOn: ZDate,
  team: z.array(text(40)).min(1).max(20),
  talkedTo: count,
  report: z.string().trim().max(20_000),
});
export type TInspection = z.infer<typeof ZInspection>;

export const ZFourMustRecord = z.object({
  evidence: z.string(),
  /** Why the item was closed although a check had a finding (个人有关事项报告查核). */
  explanation: z.string().nullable().optional(),
  attachmentName: z.string().nullable(),
  closedBy: z.string(),
  closedOn: ZDate,
});
export type TFourMustRecord = z.infer<typeof ZFourMustRecord>;

export const ZMeetingVote = z.strictObject({
  candidateId: z.number().int().positive(),
  inFavor: count,
  against: count,
  abstain: count,
});
export const ZMeeting = z.strictObject({
  heldOn: ZDate,
  body: z.enum(MEETING_BODIES),
  /** 应到会成员: the members who should attend; those present are named. */
  members: z.number().int().min(1).max(100),
  present: z.array(text(40)).max(100),
  votes: z.array(ZMeetingVote).min(1).max(50),
});
export type TMeeting = z.infer<typeof ZMeeting>;

export const ZPublicityInput = z.strictObject({
  startOn: ZDate.nullable(),
  /** When no publicity is held: the exemption the regulation gives (special post, publicised at a 换届). */
  exemption: z.enum(['special-post', 'publicised-at-election']).nullable().optional(),
  channel: z.string().trim().max(200).optional(),
});
export const ZPublicity = z.object({
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  exemption: z.string().nullable(),
  reason: z.string(),
  channel: z.string(),
  /** Holidays inside the window, so the reader sees why the end moved. */
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
  provisional: z.boolean(),
});
export type TPublicity = z.infer<typeof ZPublicity>;

const ZTalk = z.strictObject({ on: ZDate, by: text(60) });
export const ZAppointInput = z.strictObject({
  docNo: text(80),
  docOn: ZDate,
  /** 任职谈话 and 廉洁谈话 are both mandatory (RULES.md §7). */
  appointmentTalk: ZTalk,
  integrityTalk: ZTalk,
});
export const ZAppointment = ZAppointInput.extend({ people: z.number().int() });
export type TAppointment = z.infer<typeof ZAppointment>;

// ---- requests ----
export const ZSelectionCreateSchema = z.strictObject({
  /** The managing organization (干部管理权限); the caller's own by default. */
  orgId: z.number().int().positive().optional(),
  title: text(200),
  postIds: z.array(z.number().int().positive()).min(1).max(20),
  motionOn: ZDate,
  grounds: text(5000),
  scope: z.string().trim().max(500).default(''),
  way: z.enum(SELECTION_WAYS),
  promotion: z.boolean().default(true),
});
export type TSelectionCreate = z.infer<typeof ZSelectionCreateSchema>;

export const ZRecommendationSchema = ZRecommendation.extend({
  candidates: z
    .array(
      z.strictObject({
        cadreId: z.number().int().positive(),
        postId: z.number().int().positive(),
        votes: count.nullable().optional(),
        talkMentions: count.nullable().optional(),
        trainingHours: z.number().min(0).max(10_000).default(0),
        exceptionalReasons: z.string().trim().max(2000).nullable().optional(),
      }),
    )
    .min(1)
    .max(50),
});
export type TRecommendationInput = z.infer<typeof ZRecommendationSchema>;

export const ZFourMustSchema = z.strictObject({
  candidateId: z.number().int().positive(),
  item: ZFourMust,
  evidence: text(5000),
  attachmentName: z.string().trim().max(200).nullable().optional(),
  /** Required when the latest 个人有关事项报告 check has a finding: how it was resolved or explained. */
  explanation: z.string().trim().max(2000).nullable().optional(),
});
export const ZOverrideSchema = z.strictObject({ candidateId: z.number().int().positive(), rule: text(60), reason: text(2000) });
export const ZAvoidanceDecisionSchema = z.strictObject({ candidateId: z.number().int().positive(), reason: text(2000) });
export const ZAdvanceSchema = z.strictObject({ to: ZSelectionStep, version: z.number().int().positive() });
/** 终止 at any step before 任职, with the reason. */
export const ZStopSchema = z.strictObject({ reason: text(2000), version: z.number().int().positive() });
export const ZObjectionSchema = z.strictObject({
  candidateId: z.number().int().positive().nullable().optional(),
  receivedOn: ZDate,
  text: text(5000),
});
export const ZObjectionHandleSchema = z.strictObject({
  objectionId: z.number().int().positive(),
  status: z.enum(['handled', 'upheld']),
  handling: text(5000),
});
export const ZProbationSchema = z.strictObject({
  candidateId: z.number().int().positive(),
  result: z.enum(['competent', 'incompetent']),
  on: ZDate,
});
export const ZSelectionListQuery = z.strictObject({
  status: z.enum(SELECTION_STATUSES).optional(),
  step: ZSelectionStep.optional(),
});
export const ZPickerQuery = z.strictObject({ kind: z.enum(['post', 'cadre']), q: z.string().trim().max(40).optional() });

// ---- 竞争上岗 ----
const score = z.number().min(0).max(100);
export const ZApplicantSignUpSchema = z.strictObject({
  cadreId: z.number().int().positive(),
  postId: z.number().int().positive(),
  signedUpOn: ZDate,
});
export const ZApplicantReviewSchema = z.strictObject({
  applicantId: z.number().int().positive(),
  qualified: z.boolean(),
  note: z.string().trim().max(2000).optional(),
});
export const ZApplicantScoresSchema = z.strictObject({
  applicantId: z.number().int().positive(),
  writtenScore: score.nullable().optional(),
  interviewScore: score.nullable().optional(),
  evaluationNote: z.string().trim().max(500).nullable().optional(),
});
export const ZApplicantChooseSchema = z.strictObject({
  applicantIds: z.array(z.number().int().positive()).min(1).max(50),
  nonCompetitiveReason: z.string().trim().max(500).nullable().optional(),
});
export const ZApplicant = z.object({
  id: z.number(),
  cadreId: z.number(),
  name: z.string(),
  currentTitle: z.string(),
  postId: z.number(),
  postTitle: z.string(),
  signedUpOn: z.string(),
  qualified: z.boolean().nullable(),
  reviewNote: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  /** The eligibility findings at the review, unmet ones only, each with its article. */
  reviewFindings: z.array(z.string()),
  writtenScore: z.number().nullable(),
  interviewScore: z.number().nullable(),
  evaluationNote: z.string().nullable(),
  total: z.number().nullable(),
  rank: z.number().nullable(),
  chosen: z.boolean(),
});
export type TApplicant = z.infer<typeof ZApplicant>;

// ---- responses ----
export const ZFinding = z.object({
  rule: z.string(),
  article: z.string(),
  met: z.boolean(),
  reason: z.string(),
  overridable: z.boolean(),
  override: z.object({ reason: z.string(), by: z.string(), on: z.string() }).nullable(),
});
export const ZAvoidanceFlag = z.object({
  withCadreId: z.number(),
  withName: z.string(),
  relation: z.string(),
  /** same-leader | direct-line | sensitive-work (domain/rules/cadre-avoidance.ts) */
  conflict: z.enum(['same-leader', 'direct-line', 'sensitive-work']),
  article: z.string(),
  /** The relative's seat is another proposed placement (a candidate of the selection, a line of the list). */
  proposed: z.boolean(),
  message: z.string(),
});

/** A proposed list of appointments checked for 回避 (cadre → post), before the 讨论决定. */
export const ZAvoidanceCheckSchema = z.strictObject({
  items: z
    .array(z.strictObject({ cadreId: z.number().int().positive(), postId: z.number().int().positive() }))
    .min(1)
    .max(200),
});
export const ZAvoidanceCheckResult = z.object({
  items: z.array(z.object({ cadreId: z.number(), postId: z.number(), flags: z.array(ZAvoidanceFlag) })),
  flagged: z.number(),
});
export type TAvoidanceCheckResult = z.infer<typeof ZAvoidanceCheckResult>;

/** Who could be promoted to a post: the eligibility rule over every serving cadre in the caller's subtree. */
export const ZEligibleQuery = z.strictObject({
  postId: z.coerce.number().int().positive(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const ZEligibleForPost = z.object({
  post: z.object({ id: z.number(), title: z.string(), level: z.string() }),
  onDate: z.string(),
  checked: z.number(),
  notPromotion: z.number(),
  eligible: z.number(),
  exceptional: z.number(),
  barred: z.number(),
  items: z.array(
    z.object({ cadreId: z.number(), name: z.string(), currentTitle: z.string(), level: z.string().nullable(), unmet: z.array(z.string()) }),
  ),
});
export type TEligibleForPost = z.infer<typeof ZEligibleForPost>;

/** What the supervision records and the file say for two of the 凡提四必 (shown at the gate). */
export const ZFourMustEvidence = z.object({
  /** 三龄二历 review (cadre_reviews): the items confirmed, with source, and the items not yet reviewed. */
  file: z.object({
    reviewed: z.array(z.object({ item: z.string(), source: z.string(), reviewerName: z.string(), reviewedOn: z.string() })),
    missing: z.array(z.string()),
  }),
  /** 个人有关事项报告 (cadre_matter_reports): the latest report and its check. */
  personalMatters: z.object({
    report: z.object({ year: z.number(), filedOn: z.string(), checkKind: z.string(), finding: z.string() }).nullable(),
    /** A check found something that must be explained before the item can be closed. */
    findingOpen: z.boolean(),
    note: z.string(),
  }),
});

export const ZCandidate = z.object({
  id: z.number(),
  cadreId: z.number(),
  name: z.string(),
  currentTitle: z.string(),
  currentLevel: z.string().nullable(),
  postId: z.number(),
  postTitle: z.string(),
  postLevel: z.string(),
  votes: z.number().nullable(),
  talkMentions: z.number().nullable(),
  trainingHours: z.number(),
  exceptionalReasons: z.string().nullable(),
  fourMusts: z.array(z.object({ item: ZFourMust, label: z.string(), record: ZFourMustRecord.nullable() })),
  fourMustEvidence: ZFourMustEvidence,
  eligibility: z.object({ eligible: z.boolean(), blocked: z.boolean(), findings: z.array(ZFinding) }),
  avoidance: z.object({
    flags: z.array(ZAvoidanceFlag),
    decision: z.object({ by: z.string(), reason: z.string(), on: z.string() }).nullable(),
  }),
  vote: z.object({ inFavor: z.number(), against: z.number(), abstain: z.number(), passed: z.boolean() }).nullable(),
  droppedReason: z.string().nullable(),
  appointmentId: z.number().nullable(),
  probationApplies: z.boolean(),
  probationUntil: z.string().nullable(),
  probationResult: z.enum(['competent', 'incompetent']).nullable(),
});
export type TCandidate = z.infer<typeof ZCandidate>;

export const ZObjection = z.object({
  id: z.number(),
  candidateId: z.number().nullable(),
  receivedOn: z.string(),
  text: z.string(),
  status: z.enum(['open', 'handled', 'upheld']),
  handling: z.string().nullable(),
  handledBy: z.string().nullable(),
  handledOn: z.string().nullable(),
});
export const ZSelectionEvent = z.object({
  onDate: z.string(),
  step: z.string(),
  action: z.string(),
  actorName: z.string(),
  summary: z.string(),
});

export const ZSelectionSummary = z.object({
  id: z.number(),
  title: z.string(),
  managerOrgId: z.number(),
  managerOrgName: z.string(),
  step: ZSelectionStep,
  status: z.enum(SELECTION_STATUSES),
  motionOn: z.string(),
  way: z.string(),
  candidateCount: z.number(),
  /** The next deadline of the step in progress, when it has one. */
  due: z.object({ on: z.string(), what: z.string() }).nullable(),
  /** 终止: when, why and by whom. */
  stopped: z.object({ on: z.string(), reason: z.string(), by: z.string() }).nullable(),
});
export type TSelectionSummary = z.infer<typeof ZSelectionSummary>;

export const ZSelectionSchema = ZSelectionSummary.extend({
  version: z.number(),
  grounds: z.string(),
  scope: z.string(),
  promotion: z.boolean(),
  posts: z.array(z.object({ id: z.number(), title: z.string(), unitName: z.string(), level: z.string(), elected: z.boolean() })),
  stepDates: z.record(z.string(), z.string()),
  recommendation: ZRecommendation.nullable(),
  competitive: z.boolean(),
  inspection: ZInspection.nullable(),
  meeting: ZMeeting.extend({ quorate: z.boolean() }).nullable(),
  publicity: ZPublicity.nullable(),
  publicityRequired: z.object({ required: z.boolean(), reason: z.string() }),
  appointment: ZAppointment.nullable(),
  candidates: z.array(ZCandidate),
  /** 竞争上岗 applicants with their review, scores and rank per post (empty for other ways). */
  applicants: z.array(ZApplicant),
  competitionArticle: z.string().nullable(),
  objections: z.array(ZObjection),
  events: z.array(ZSelectionEvent),
  /** Whether the next step may be entered now, and the reasons (with articles) when not. */
  next: z.object({ step: ZSelectionStep.nullable(), ok: z.boolean(), reasons: z.array(z.string()) }),
});
export type TSelection = z.infer<typeof ZSelectionSchema>;

export const ZSelectionListSchema = z.object({ items: z.array(ZSelectionSummary) });
export const ZPickerSchema = z.object({ items: z.array(z.object({ id: z.number(), label: z.string() })) });
export const ZPublicityPreviewQuery = z.strictObject({ startOn: ZDate });
export const ZPublicityPreviewSchema = z.object({
  startOn: z.string(),
  endOn: z.string(),
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
  provisional: z.boolean(),
});
export type TPublicityPreview = z.infer<typeof ZPublicityPreviewSchema>;
/** What the web form sends for each step (before defaults). */
export type TInspectionInput = z.input<typeof ZInspection>;
export type TMeetingInput = z.input<typeof ZMeeting>;

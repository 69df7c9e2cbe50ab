// 竞争上岗 endpoints (sign-up, qualification review, scores, choice of the people to inspect): each an audited step
// of the selection (routes.ts `step`), answering the whole selection with its ranked applicants.
import {
  ZApplicantChooseSchema,
  ZApplicantReviewSchema,
  ZApplicantScoresSchema,
  ZApplicantSignUpSchema,
} from '../../../domain/schemas/cadre-selections.js';
import { requireAccess } from '../../scope/access.js';
import { choose, review, score, signUp } from './competition.js';
import type { StepRoute } from './routes.js';

export function competitionRoutes(step: StepRoute) {
  step('applicants', 'cadre.selection.apply', '竞争上岗：报名', ZApplicantSignUpSchema, signUp, 'cadre.select', (ctx, b) =>
    requireAccess(ctx, 'cadre.select', 'cadre', [b.cadreId]),
  );
  step('applicants/review', 'cadre.selection.review', '竞争上岗：资格审查（按任职资格条件）', ZApplicantReviewSchema, review);
  step('applicants/scores', 'cadre.selection.score', '竞争上岗：笔试、面试成绩和民主测评情况', ZApplicantScoresSchema, score);
  step('applicants/choose', 'cadre.selection.choose', '竞争上岗：确定考察人选', ZApplicantChooseSchema, choose);
}

// Who may act on an assessment or a weak organization. Scope first (scope/access.ts: outside the
// subtree 404, audited), then level: reviewing, rating, naming and accepting belong to a strictly
// higher organization.
import type { Actor } from '../../auth/actor.js';
import type { Ctx } from '../../context.js';
import { can } from '../../../domain/permissions.js';
import { BRANCH_KINDS, type OrgKind } from '../../../domain/org-kinds.js';
import { requireHigher } from '../../scope/access.js';
import { isStrictlyHigher } from '../../scope/paths.js';
import { invalid } from '../../errors.js';

export const mayReview = (actor: Actor | null | undefined, orgPath: string): boolean =>
  !!actor && can(actor.roles, 'standard.review') && isStrictlyHigher(actor, orgPath);

/** 403 when the actor's organization is not strictly above the target (the level rule, not the scope rule). */
export function requireHigherLevel(ctx: Ctx, orgPath: string, what: string): void {
  requireHigher(ctx, orgPath, `${what}须由上级党组织办理，本级组织不能办理`, 'REVIEW_LEVEL');
}

/** Star ratings are for 党支部 (including joint and temporary branches). */
export function requireBranch(org: { kind: string }, field = 'orgId'): void {
  if (!BRANCH_KINDS.includes(org.kind as OrgKind)) throw invalid('标准化星级评定只针对党支部，请选择一个党支部', field);
}

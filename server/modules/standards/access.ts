// Who may act on an assessment or a weak organization. Scope first (outside the subtree: 404, audited),
// then level: reviewing, rating, naming and accepting belong to a strictly higher organization.
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../auth/actor.js';
import { can, type Action } from '../../../domain/permissions.js';
import { BRANCH_KINDS, type OrgKind } from '../../../domain/org-kinds.js';
import { recordDenied } from '../../audit/record.js';
import { AppError, invalid, notFound } from '../../errors.js';

/** The actor's organization is a proper ancestor of the path (not the organization itself, not a sibling). */
export const isStrictlyHigher = (actor: Actor | null | undefined, orgPath: string): boolean =>
  !!actor && orgPath.startsWith(`${actor.scopePath}.`);

export const mayReview = (actor: Actor | null | undefined, orgPath: string): boolean =>
  !!actor && can(actor.roles, 'standard.review') && isStrictlyHigher(actor, orgPath);

/** 403 when the actor's organization is not strictly above the target (the level rule, not the scope rule). */
export function requireHigherLevel(actor: Actor, orgPath: string, what: string): void {
  if (!isStrictlyHigher(actor, orgPath)) throw new AppError('REVIEW_LEVEL', `${what}须由上级党组织办理，本级组织不能办理`, 403);
}

/** Star ratings are for 党支部 (including joint and temporary branches). */
export function requireBranch(org: { kind: string }, field = 'orgId'): void {
  if (!BRANCH_KINDS.includes(org.kind as OrgKind)) throw invalid('标准化星级评定只针对党支部，请选择一个党支部', field);
}

/** Loads an object by id inside the actor's subtree; otherwise 404, and the refusal is audited when it exists. */
export async function loadInScope<T extends { org_path: string }>(
  req: FastifyRequest, action: Action, objectType: string, id: number, load: (id: number) => Promise<T | undefined>, what: string,
): Promise<T> {
  const row = await load(id);
  if (row && (row.org_path === req.actor!.scopePath || row.org_path.startsWith(`${req.actor!.scopePath}.`))) return row;
  if (row) await recordDenied(req, action, objectType, id, 'scope');
  throw notFound(what);
}

// Reading organizations: the detail page, the lazy tree, search, history. All scoped to the actor.
import type { Ctx } from '../../context.js';
import { loadInScope } from '../../scope/access.js';
import type { OrgKind, UnitType, CommitteePost } from '../../../domain/org-kinds.js';
import type { TOrgDetail, TOrgNode } from '../../../domain/schemas/orgs.js';
import { orgSetupWarnings } from '../../../domain/rules/org-setup.js';
import * as q from './queries.js';
import { presentNode } from './presenters.js';

/** The organization after the scope check (scope/access.ts): outside the subtree or missing, 404, a refusal audited. */
export const loadOrg = (ctx: Ctx, action: string, id: number): Promise<q.OrgRow> => loadInScope(ctx, action, 'org', id, (x) => q.findOrg(ctx.db, x));

/**
 * @deprecated The request form, kept while the modules outside this branch's migration still pass a
 * request: use loadOrg(ctx, action, id).
 */

export async function orgDetail(ctx: Ctx, org: q.OrgRow): Promise<TOrgDetail> {
  const { db, actor } = ctx;
  const [path, counts, committee] = await Promise.all([
    q.ancestorsInScope(db, org.path, actor.scopePath),
    q.memberCounts(db, org.path),
    q.committeeOf(db, org.id),
  ]);
  const warnings = org.status === 'active'
    ? orgSetupWarnings({
      kind: org.kind as OrgKind,
      fullMembers: counts.full,
      probationaryMembers: counts.probationary,
      committeeSize: committee.length,
      hasSecretary: committee.some((c) => c.post === 'secretary'),
    })
    : [];
  return {
    ...presentNode(org),
    code: org.code,
    unitType: org.unit_type as UnitType | null,
    establishedOn: org.established_on,
    dissolvedOn: org.dissolved_on,
    path,
    memberCount: counts.full + counts.probationary,
    fullMemberCount: counts.full,
    probationaryCount: counts.probationary,
    committee: committee.map((c) => ({ id: c.id, personName: c.person_name, post: c.post as CommitteePost, termStart: c.term_start, termEnd: c.term_end })),
    warnings,
  };
}

export async function scopeRoots(ctx: Ctx): Promise<TOrgNode[]> {
  const org = await q.findOrgInScope(ctx.db, ctx.actor.scopePath, ctx.actor.orgId);
  return org ? [presentNode(org)] : [];
}

export async function search(ctx: Ctx, text: string, limit: number) {
  const { db, actor } = ctx;
  const hits = await q.searchOrgs(db, actor.scopePath, text, limit);
  const scopeDepth = actor.scopePath.split('.').length;
  // Names of every ancestor inside the scope, fetched once for all hits.
  const ids = [...new Set(hits.flatMap((h) => h.path.split('.').slice(scopeDepth - 1, -1).map(Number)))];
  const names = new Map((await q.namesOf(db, ids)).map((r) => [r.id, r.name]));
  return hits.map((h) => ({
    id: h.id,
    name: h.name,
    kind: h.kind as OrgKind,
    status: h.status,
    pathNames: h.path.split('.').slice(scopeDepth - 1, -1).map((id) => names.get(Number(id)) ?? '').join(' / '),
  }));
}

export async function history(ctx: Ctx, orgId: number) {
  const rows = await q.historyOf(ctx.db, orgId);
  return rows.map((r) => ({ id: r.id, action: r.action, actorName: r.actor_name, at: new Date(r.at).toISOString(), before: r.before, after: r.after }));
}

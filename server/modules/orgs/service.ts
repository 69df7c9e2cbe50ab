// Reading organizations: the detail page, the lazy tree, search, history. All scoped to the actor.
import type { Ctx } from '../../context.js';
import { loadInScope } from '../../scope/access.js';
import type { OrgKind, UnitType, CommitteePost } from '../../../domain/org-kinds.js';
import type { TOrgDetail, TOrgNode } from '../../../domain/schemas/orgs.js';
import { orgSetupWarnings } from '../../../domain/rules/org-setup.js';
import { can } from '../../../domain/permissions.js';
import * as q from './queries.js';
import { presentNode } from './presenters.js';

/** The organization after the scope check (scope/access.ts): outside the subtree or missing, 404, a refusal audited. */
export const loadOrg = (ctx: Ctx, action: string, id: number): Promise<q.OrgRow> =>
  loadInScope(ctx, action, 'org', id, (x) => q.findOrg(ctx.db, x));

export async function orgDetail(ctx: Ctx, org: q.OrgRow): Promise<TOrgDetail> {
  const { db, actor } = ctx;
  // Who reads the tree only to place accounts, cadres or talents (三员分立, SECURITY.md 12) sees the
  // organization, not its Party business: no member counts, committee or set-up warnings.
  if (!can(actor.roles, 'member.read')) {
    const path = await q.ancestorsInScope(db, org.path, actor.scopePath);
    return { ...orgFields(org), path, memberCount: null, fullMemberCount: null, probationaryCount: null, committee: [], warnings: [] };
  }
  const [path, counts, committee] = await Promise.all([
    q.ancestorsInScope(db, org.path, actor.scopePath),
    q.memberCounts(db, org.path),
    q.committeeOf(db, org.id),
  ]);
  const warnings =
    org.status === 'active'
      ? orgSetupWarnings({
          kind: org.kind as OrgKind,
          fullMembers: counts.full,
          probationaryMembers: counts.probationary,
          committeeSize: committee.length,
          hasSecretary: committee.some((c) => c.post === 'secretary'),
        })
      : [];
  return {
    ...orgFields(org),
    path,
    memberCount: counts.full + counts.probationary,
    fullMemberCount: counts.full,
    probationaryCount: counts.probationary,
    committee: committee.map((c) => ({
      id: c.id,
      personName: c.person_name,
      post: c.post as CommitteePost,
      termStart: c.term_start,
      termEnd: c.term_end,
    })),
    warnings,
  };
}

function orgFields(org: q.OrgRow) {
  return {
    ...presentNode(org),
    code: org.code,
    unitType: org.unit_type as UnitType | null,
    establishedOn: org.established_on,
    dissolvedOn: org.dissolved_on,
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
  const ids = [
    ...new Set(
      hits.flatMap((h) =>
        h.path
          .split('.')
          .slice(scopeDepth - 1, -1)
          .map(Number),
      ),
    ),
  ];
  const names = new Map((await q.namesOf(db, ids)).map((r) => [r.id, r.name]));
  return hits.map((h) => ({
    id: h.id,
    name: h.name,
    kind: h.kind as OrgKind,
    status: h.status,
    pathNames: h.path
      .split('.')
      .slice(scopeDepth - 1, -1)
      .map((id) => names.get(Number(id)) ?? '')
      .join(' / '),
  }));
}

export async function history(ctx: Ctx, orgId: number) {
  const rows = await q.historyOf(ctx.db, orgId);
  // Snapshots keep the parent's id; people read its name (a move shows where from and where to).
  const parentOf = (s: unknown) =>
    s && typeof s === 'object' ? ((s as Record<string, unknown>).parentId ?? (s as Record<string, unknown>).parent_id) : null;
  const ids = [...new Set(rows.flatMap((r) => [parentOf(r.before), parentOf(r.after)]).filter((v): v is number => Number.isInteger(v)))];
  const orgNames = Object.fromEntries((await q.namesOf(ctx.db, ids)).map((o) => [String(o.id), o.name]));
  return {
    items: rows.map((r) => ({
      id: r.id,
      action: r.action,
      actorName: r.actor_name,
      at: new Date(r.at).toISOString(),
      before: r.before,
      after: r.after,
    })),
    orgNames,
  };
}

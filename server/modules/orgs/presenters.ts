// Explicit allow-lists of the fields an organization shows through the API.
import type { TOrgNode } from '../../../domain/schemas/orgs.js';
import type { OrgKind } from '../../../domain/org-kinds.js';
import type { OrgRow } from './queries.js';

export function presentNode(o: OrgRow): TOrgNode {
  return {
    id: o.id,
    parentId: o.parent_id,
    name: o.name,
    shortName: o.short_name,
    kind: o.kind as OrgKind,
    status: o.status,
    childCount: o.child_count,
    isLeaf: o.child_count === 0,
  };
}

/** The fields recorded in the history before and after a change. */
export function historyFields(o: OrgRow) {
  return {
    name: o.name,
    shortName: o.short_name,
    code: o.code,
    kind: o.kind,
    unitType: o.unit_type,
    establishedOn: o.established_on,
    status: o.status,
    dissolvedOn: o.dissolved_on,
    parentId: o.parent_id,
    path: o.path,
  };
}

// Meeting compliance this quarter (RULES.md §3): every unit's checks from the compliance monitor's
// engine, counted as held / missing / still due, by direct child organization and by meeting kind.
import type { Db } from '../../db/engine.js';
import { MEETING_KINDS, type MeetingKind } from '../../../domain/meeting-kinds.js';
import { periodKeyOf } from '../../../domain/rules/org-life.js';
import type { TCompliancePanel } from '../../../domain/schemas/dashboard.js';
import { unitCompliance } from '../org-life/compliance.js';
import { childrenOf } from '../orgs/queries.js';
import type { PanelOrg } from './panel-org.js';

interface Counts {
  units: number;
  compliantUnits: number;
  held: number;
  missing: number;
  due: number;
}
const blank = (): Counts => ({ units: 0, compliantUnits: 0, held: 0, missing: 0, due: 0 });

export async function compliancePanel(db: Db, org: PanelOrg, today: string): Promise<TCompliancePanel> {
  const quarter = periodKeyOf('quarter', today);
  const units = await unitCompliance(db, org.path, { kind: 'quarter', key: quarter }, today);
  const depth = org.path.split('.').length;
  const total = blank();
  const byChild = new Map<number, Counts>();
  const byKind = new Map<MeetingKind, { held: number; missing: number; due: number }>(
    MEETING_KINDS.map((k) => [k, { held: 0, missing: 0, due: 0 }]),
  );
  for (const u of units) {
    const key = u.orgId === org.id ? org.id : Number(u.path.split('.')[depth]);
    const child = byChild.get(key) ?? byChild.set(key, blank()).get(key)!;
    for (const c of [total, child]) {
      c.units++;
      if (u.missing === 0) c.compliantUnits++;
    }
    for (const check of u.checks) {
      total[check.state]++;
      child[check.state]++;
      byKind.get(check.kind)![check.state]++;
    }
  }
  const children = await childrenOf(db, org.path, org.id, false);
  const self = byChild.get(org.id);
  return {
    org: { id: org.id, name: org.name },
    today,
    quarter,
    ...total,
    byChild: [
      ...(self ? [{ orgId: org.id, name: org.name, self: true, ...self }] : []),
      ...children.filter((c) => byChild.has(c.id)).map((c) => ({ orgId: c.id, name: c.name, self: false, ...byChild.get(c.id)! })),
    ],
    byKind: [...byKind].filter(([, c]) => c.held + c.missing + c.due > 0).map(([kind, c]) => ({ kind, ...c })),
  };
}

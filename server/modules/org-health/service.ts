// The organization-health view: one row per direct child organization (over its whole subtree) and the
// organization's own units first, each signal a cell with its level, reasons and the page to act on.
// Rows are in tree order; "needs attention first" orders by the signals' levels, never by a score.
import type { Ctx } from '../../context.js';
import { ancestorsInScope, childrenOf, type OrgRow } from '../orgs/queries.js';
import {
  DEFAULT_HEALTH_THRESHOLDS,
  developmentSignal,
  duesSignal,
  HEALTH_BASIS,
  HEALTH_SIGNALS,
  meetingsSignal,
  standardsSignal,
  termsSignal,
  type HealthSignalKind,
  type HealthThresholds,
  type SignalResult,
} from '../../../domain/rules/org-health.js';
import type { THealth, THealthCell, THealthRow } from '../../../domain/schemas/org-health.js';
import { todayCn } from '../../dates.js';
import { emptyFacts, subtreeFacts, type RowFacts, type SubtreeFacts } from './facts.js';

/** The page where each signal is dealt with, for one organization. */
export const SIGNAL_LINKS: Record<HealthSignalKind, (orgId: number) => string> = {
  meetings: (id) => `/compliance?orgId=${id}&period=quarter`,
  terms: (id) => `/terms?orgId=${id}`,
  dues: (id) => `/dues?orgId=${id}`,
  development: (id) => `/development?orgId=${id}&overdue=true`,
  standards: (id) => `/standards?orgId=${id}`,
};

function cellsOf(f: RowFacts, s: SubtreeFacts, orgId: number, th: HealthThresholds): THealthRow['cells'] {
  const results: Record<HealthSignalKind, [number, () => SignalResult]> = {
    meetings: [f.meetings.units, () => meetingsSignal(f.meetings, th)],
    terms: [f.terms.units, () => termsSignal(f.terms, s.today, th)],
    dues: [f.dues.units, () => duesSignal({ ...f.dues, ...s.duesMonths, warnMonths: s.warnMonths, lapseMonths: s.lapseMonths }, th)],
    development: [f.development.units, () => developmentSignal(f.development, th)],
    standards: [f.standards.units, () => standardsSignal(f.standards, th)],
  };
  const out = {} as Record<HealthSignalKind, THealthCell | null>;
  for (const k of HEALTH_SIGNALS) {
    const [units, compute] = results[k];
    if (units === 0) {
      out[k] = null;
      continue;
    }
    const r = compute();
    const link = SIGNAL_LINKS[k](orgId);
    out[k] = { level: r.level, summary: r.summary, units, link, reasons: r.reasons.map((text) => ({ text, link })) };
  }
  return out;
}

function rowOf(
  org: { id: number; name: string; kind: string },
  self: boolean,
  hasChildren: boolean,
  f: RowFacts,
  s: SubtreeFacts,
  th: HealthThresholds,
): THealthRow {
  const cells = cellsOf(f, s, org.id, th);
  const levels = Object.values(cells).map((c) => c?.level);
  return {
    orgId: org.id,
    orgName: self && hasChildren ? `${org.name}（本级）` : org.name,
    orgKind: org.kind,
    self,
    hasChildren,
    members: f.members,
    cells,
    warnings: levels.filter((l) => l === 'warning').length,
    attentions: levels.filter((l) => l === 'attention').length,
  };
}

const hasFacts = (f: RowFacts) => f.members > 0 || [f.meetings, f.terms, f.dues, f.development, f.standards].some((x) => x.units > 0);

export async function healthOf(ctx: Ctx, org: OrgRow, th: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS): Promise<THealth> {
  const { db, actor } = ctx;
  const now = ctx.clock.now();
  const today = todayCn(now);
  const facts = await subtreeFacts(db, actor, org, now, today, th);
  const children = await childrenOf(db, org.path, org.id, false);
  const own = facts.rows.get(org.id);
  const rows: THealthRow[] = [
    ...(own && hasFacts(own) ? [rowOf(org, true, children.length > 0, own, facts, th)] : []),
    ...children.map((c) => rowOf(c, false, c.child_count > 0, facts.rows.get(c.id) ?? emptyFacts(), facts, th)),
  ];
  return {
    org: { id: org.id, name: org.name, kind: org.kind },
    path: await ancestorsInScope(db, org.path, actor.scopePath),
    today,
    quarter: facts.quarter,
    duesMonths: facts.duesMonths,
    rows,
    total: rowOf(org, false, false, facts.total, facts, th),
    basis: { ...HEALTH_BASIS },
  };
}

// The development pipeline of a subtree: people by stage with those past a step's deadline (the
// development board's own counts), and the members admitted this year.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';
import { PERSON_STATUSES } from '../../../domain/rules/development-steps.js';
import type { TDevelopmentPanel } from '../../../domain/schemas/dashboard.js';
import { boardCounts } from '../development/queries.js';
import type { PanelOrg } from './panel-org.js';
import { pipelineBasis } from '../../../domain/counting-bases.js';

const PIPELINE = new Set(['applicant', 'activist', 'candidate', 'probationary']);

/** Members of the subtree whose 支部大会 (admitted_on) falls between 1 January and today; served by the members_stat_after index. */
export async function admittedBetween(db: Db, path: string, from: string, to: string): Promise<number> {
  const r = await db
    .selectFrom('members')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(sql<boolean>`greatest(admitted_on, full_on) >= ${from}::date`)
    .where('admitted_on', '>=', from)
    .where('admitted_on', '<=', to)
    .where(sql<boolean>`org_path <@ ${path}::ltree`)
    .where('status', 'in', COUNTED_STATUSES)
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function developmentPanel(db: Db, org: PanelOrg, today: string): Promise<TDevelopmentPanel> {
  const counts = await boardCounts(db, org.path, today);
  const byStatus = PERSON_STATUSES.map((status) => {
    const r = counts.byStatus.find((x) => x.status === status);
    return { status, count: r?.n ?? 0, overdue: r?.late ?? 0 };
  });
  const open = byStatus.filter((s) => PIPELINE.has(s.status));
  return {
    org: { id: org.id, name: org.name },
    today,
    byStatus,
    inPipeline: open.reduce((n, s) => n + s.count, 0),
    overdue: open.reduce((n, s) => n + s.overdue, 0),
    admittedThisYear: await admittedBetween(db, org.path, `${today.slice(0, 4)}-01-01`, today),
    basis: pipelineBasis(today),
  };
}

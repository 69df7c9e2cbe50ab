// SQL for member status lists: always inside the caller's subtree (SECURITY.md 13).
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { MemberStatus } from '../../../domain/member-status.js';
import { scopeSql } from '../../scope/access.js';
import { LOST_CONTACT_MONTHS, SUSPENDED_REMOVAL_YEARS, statusAttention } from '../../../domain/rules/member-status-rules.js';

function base(db: Db, scopePath: string) {
  return db
    .selectFrom('members as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .leftJoin('member_flowing as f', (j) => j.onRef('f.member_id', '=', 'm.id').on('f.ended_on', 'is', null))
    .select([
      'm.id',
      'm.name',
      'm.gender',
      'm.category',
      'm.org_id',
      'o.name as org_name',
      'm.status',
      'm.status_since',
      'f.certificate_no',
      'f.place',
      'f.since',
      'f.contact',
      'f.attending_org',
    ])
    .where(scopeSql('m.org_path', scopePath));
}
type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

export function present(r: Row, today: string) {
  return {
    memberId: r.id,
    name: r.name,
    gender: r.gender,
    category: r.category,
    orgId: r.org_id,
    orgName: r.org_name,
    status: r.status,
    statusSince: r.status_since,
    flowing: r.certificate_no
      ? { certificateNo: r.certificate_no, place: r.place!, since: r.since!, contact: r.contact!, attendingOrg: r.attending_org! }
      : null,
    attention: statusAttention(r.status, r.status_since, today),
  };
}

export async function byStatus(
  db: Db,
  scopePath: string,
  status: MemberStatus,
  orgPath: string | null,
  afterId: number | null,
  limit: number,
  today: string,
) {
  let q = base(db, scopePath).where('m.status', '=', status);
  if (orgPath) q = q.where(scopeSql('m.org_path', orgPath));
  if (afterId !== null) q = q.where('m.id', '>', afterId);
  return (await q.orderBy('m.id').limit(limit).execute()).map((r) => present(r, today));
}

/** Members whose status calls for action: 失联 ≥ 6 months (停止党籍), 停止党籍 ≥ 2 years (除名) — 第二十四条. */
export async function needingAttention(db: Db, scopePath: string, today: string, limit: number) {
  // Due dates counted forward from status_since, as statusAttention does (month ends clamp alike).
  const due = (n: number, unit: 'months' | 'years') =>
    sql<boolean>`m.status_since + make_interval(${sql.raw(unit)} => ${sql.lit(n)}) <= ${today}::date`;
  const rows = await base(db, scopePath)
    .where((eb) =>
      eb.or([
        eb.and([eb('m.status', '=', 'lost_contact'), due(LOST_CONTACT_MONTHS, 'months')]),
        eb.and([eb('m.status', '=', 'suspended'), due(SUSPENDED_REMOVAL_YEARS, 'years')]),
      ]),
    )
    .orderBy('m.status_since')
    .orderBy('m.id')
    .limit(limit)
    .execute();
  return rows.map((r) => present(r, today));
}

export function eventsOf(db: Db, memberId: number) {
  return db
    .selectFrom('member_status_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select([
      'e.id',
      'e.kind',
      'e.from_status',
      'e.to_status',
      'e.event_date',
      'e.reason',
      'e.document_no',
      'e.exit_kind',
      'e.suspend_basis',
      'e.details',
      'u.display_name as actor_name',
      'e.created_at',
    ])
    .where('e.member_id', '=', memberId)
    .orderBy('e.id')
    .execute();
}

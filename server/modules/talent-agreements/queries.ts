// The SQL of 柔性引才 agreements: one filter builder shared by the list, the export and the reminders. Who sees
// what: the office by scope (the employer's or the talent's district in its subtree), an employer account by
// the employers it acts for. The derived figures (days due, behind, ending soon) come from the pure rules in
// domain/rules/talent-agreements.ts, applied to the rows here; a city holds hundreds to a few thousand
// agreements, so the behind and ending-soon filters run on the rows the SQL filters returned (capped).
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { behindOnsite, endingSoon, onsiteDaysDue } from '../../../domain/rules/talent-agreements.js';
import type { TAgreementListQuery, TAgreementRow } from '../../../domain/schemas/talent-agreements.js';
import type { TAgreementForm } from '../../../domain/schemas/talent-agreements.js';

export type Who = { scopePath: string } | { employerIds: number[] };

/** The most rows a list, an export or the reminders read. */
export const AGREEMENTS_MAX = 20_000;

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (m) => `\\${m}`);

/** The agreements joined to their talent, employer and district; `who` null after a checked scope. */
function base(db: Db, who: Who | null) {
  let q = db
    .selectFrom('talent_agreements as a')
    .innerJoin('talent_people as p', 'p.id', 'a.person_id')
    .innerJoin('talent_employers as e', 'e.id', 'a.employer_id')
    .innerJoin('orgs as d', 'd.id', 'e.district_org_id');
  if (who === null) return q;
  if ('scopePath' in who)
    q = q.where(sql<boolean>`(e.district_path <@ ${who.scopePath}::ltree or p.district_path <@ ${who.scopePath}::ltree)`);
  else q = q.where('a.employer_id', 'in', who.employerIds.length ? who.employerIds : [0]);
  return q;
}

const rowColumns = [
  'a.id',
  'a.person_id',
  'p.name as person_name',
  'a.employer_id',
  'e.name as employer_name',
  'd.name as district_name',
  'a.home_institution',
  'a.form',
  'a.starts_on',
  'a.ends_on',
  'a.onsite_days_promised',
  'a.pay_fen',
  'a.status',
  'a.renewed_from',
  'a.version',
  sql<number>`(select coalesce(sum(x.days), 0) from talent_agreement_days x where x.agreement_id = a.id)::int`.as('recorded'),
  sql<number>`(select count(*) from talent_deliverables x where x.agreement_id = a.id and x.outcome is distinct from 'accepted')::int`.as(
    'open_deliverables',
  ),
  sql<number>`(select count(*) from talent_deliverables x where x.agreement_id = a.id and x.outcome = 'accepted')::int`.as(
    'accepted_deliverables',
  ),
  sql<number | null>`(select r.id from talent_agreements r where r.renewed_from = a.id)`.as('renewed_by'),
] as const;

type RawRow = {
  id: number;
  person_id: number;
  person_name: string;
  employer_id: number;
  employer_name: string;
  district_name: string;
  home_institution: string;
  form: string;
  starts_on: string;
  ends_on: string;
  onsite_days_promised: number;
  pay_fen: string | number;
  status: 'active' | 'ended' | 'terminated';
  renewed_from: number | null;
  version: number;
  recorded: number;
  open_deliverables: number;
  accepted_deliverables: number;
  renewed_by: number | null;
};

/** A row with its derived figures on `today`: only an active agreement can be behind or ending soon. */
export function presentRow(r: RawRow, today: string): TAgreementRow {
  const active = r.status === 'active';
  const recorded = Number(r.recorded);
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    employerId: r.employer_id,
    employerName: r.employer_name,
    districtName: r.district_name,
    homeInstitution: r.home_institution,
    form: r.form as TAgreementForm,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    onsiteDaysPromised: r.onsite_days_promised,
    onsiteDaysRecorded: recorded,
    onsiteDaysDue: onsiteDaysDue(r.starts_on, r.ends_on, r.onsite_days_promised, today),
    behind: active && behindOnsite(r.starts_on, r.ends_on, r.onsite_days_promised, recorded, today),
    // a renewed agreement is not reminded of its end
    endingSoon: active && r.renewed_by === null && endingSoon(r.ends_on, today),
    payFen: Number(r.pay_fen),
    status: r.status,
    deliverablesOpen: Number(r.open_deliverables),
    deliverablesAccepted: Number(r.accepted_deliverables),
    renewedFrom: r.renewed_from,
    renewedBy: r.renewed_by === null ? null : Number(r.renewed_by),
    version: r.version,
  };
}

type Filters = Omit<TAgreementListQuery, 'offset' | 'limit'>;

/** Every agreement matching the filters (the reminder flags applied after the rules), oldest end first. */
export async function filteredAgreements(db: Db, who: Who, f: Filters, today: string): Promise<TAgreementRow[]> {
  let q = base(db, who).select(rowColumns);
  if (f.employerId) q = q.where('a.employer_id', '=', f.employerId);
  if (f.personId) q = q.where('a.person_id', '=', f.personId);
  if (f.form) q = q.where('a.form', '=', f.form);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.endingSoon === 'true' || f.behind === 'true') q = q.where('a.status', '=', 'active');
  if (f.q) {
    const s = f.q;
    q = q.where((eb) =>
      eb.or([eb('p.name', 'like', `%${escapeLike(s)}%`), eb('p.name_initials', 'like', `${escapeLike(s.toUpperCase())}%`)]),
    );
  }
  const raw = (await q.orderBy('a.ends_on').orderBy('a.id').limit(AGREEMENTS_MAX).execute()) as RawRow[];
  let rows = raw.map((r) => presentRow(r, today));
  if (f.endingSoon === 'true') rows = rows.filter((r) => r.endingSoon);
  if (f.endingSoon === 'false') rows = rows.filter((r) => !r.endingSoon);
  if (f.behind === 'true') rows = rows.filter((r) => r.behind);
  if (f.behind === 'false') rows = rows.filter((r) => !r.behind);
  return rows;
}

/** One agreement's row, or undefined (the caller has checked the scope). */
export async function agreementRow(db: Db, id: number, today: string): Promise<TAgreementRow | undefined> {
  const r = (await base(db, null).select(rowColumns).where('a.id', '=', id).executeTakeFirst()) as RawRow | undefined;
  return r && presentRow(r, today);
}

/**
 * Active agreements behind on on-site days, ending soon or past their end and not closed, with the district they
 * lie in (the to-do list).
 */
export async function agreementsToRemind(db: Db, subtreePath: string, today: string) {
  const rows = await base(db, { scopePath: subtreePath })
    .select([...rowColumns, 'd.id as org_id', sql<string>`d.path::text`.as('org_path')])
    .where('a.status', '=', 'active')
    .where('a.starts_on', '<=', today)
    .orderBy('a.ends_on')
    .limit(AGREEMENTS_MAX)
    .execute();
  return rows
    .map((r) => ({ ...presentRow(r as RawRow, today), orgId: r.org_id, orgPath: r.org_path }))
    .filter((r) => r.behind || r.endingSoon || (r.endsOn < today && r.renewedBy === null));
}

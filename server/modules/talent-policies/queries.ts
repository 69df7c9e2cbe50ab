// Reads: the applications list (one filter builder for staff, applicant and employer, keyset by id), one
// application with its history, calls, the ledger. Staff lists filter by the talent's district path (scope).
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { notFound } from '../../errors.js';
import type {
  TApplication,
  TApplicationListQuery,
  TApplicationPage,
  TApplicationRow,
  TCall,
  TEvaluation,
  TLedger,
} from '../../../domain/schemas/talent-policies.js';

/** Whose applications: a subtree (staff), one person (applicant), some employers (employer accounts). */
export type Who = { scopePath: string } | { personId: number } | { employerIds: number[] };

function base(db: Db) {
  return db
    .selectFrom('talent_applications as a')
    .innerJoin('talent_people as p', 'p.id', 'a.person_id')
    .innerJoin('talent_calls as c', 'c.id', 'a.call_id')
    .innerJoin('talent_policies as pol', 'pol.id', 'c.policy_id')
    .innerJoin('talent_benefit_items as i', 'i.id', 'a.item_id')
    .innerJoin('orgs as d', 'd.id', 'p.district_org_id')
    .leftJoin('talent_employers as e', 'e.id', 'a.employer_id');
}
type Base = ReturnType<typeof base>;

function filtered(q: Base, who: Who, f: Partial<TApplicationListQuery>): Base {
  let b = q;
  if ('scopePath' in who) b = b.where(sql<boolean>`p.district_path <@ ${who.scopePath}::ltree`);
  else if ('personId' in who) b = b.where('a.person_id', '=', who.personId);
  else b = b.where('a.employer_id', 'in', who.employerIds.length ? who.employerIds : [0]);
  if (f.status) b = b.where('a.status', '=', f.status);
  if (f.callId) b = b.where('a.call_id', '=', f.callId);
  // Through the calls, not the joined call row: the total counts without that join.
  if (f.policyId) b = b.where(sql<boolean>`a.call_id in (select id from talent_calls where policy_id = ${f.policyId})`);
  if (f.districtId) b = b.where('p.district_org_id', '=', f.districtId);
  if (f.employerId) b = b.where('a.employer_id', '=', f.employerId);
  if (f.q) b = b.where('p.name', 'like', `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
  return b;
}

const rowColumns = [
  'a.id',
  'a.call_id',
  'c.title as call_title',
  'pol.doc_no',
  'i.code as item_code',
  'i.name as item_name',
  'a.person_id',
  'p.name as person_name',
  'e.name as employer_name',
  'd.name as district_name',
  'a.applied_as',
  'a.status',
  'a.submitted_on',
  'a.step_due_on',
  'a.publicity_ends_on',
  'a.amount_fen',
] as const;

type RowOf = { [K in string]: unknown };
const presentRow = (r: RowOf): TApplicationRow => ({
  id: r.id as number,
  callId: r.call_id as number,
  callTitle: r.call_title as string,
  policyDocNo: r.doc_no as string,
  itemCode: r.item_code as string,
  itemName: r.item_name as string,
  personId: r.person_id as number,
  personName: r.person_name as string,
  employerName: (r.employer_name as string | null) ?? null,
  districtName: r.district_name as string,
  appliedAs: r.applied_as as 'self' | 'employer',
  status: r.status as TApplicationRow['status'],
  submittedOn: (r.submitted_on as string | null) ?? null,
  stepDueOn: (r.step_due_on as string | null) ?? null,
  publicityEndsOn: (r.publicity_ends_on as string | null) ?? null,
  amountFen: (r.amount_fen as number | null) ?? null,
});

export async function listApplications(db: Db, who: Who, f: TApplicationListQuery): Promise<TApplicationPage> {
  let q = filtered(base(db), who, f).select(rowColumns);
  if (f.cursor) q = q.where('a.id', '<', f.cursor);
  const rows = await q
    .orderBy('a.id', 'desc')
    .limit(f.limit + 1)
    .execute();
  // The total counts the applications and their talents only: the other joins are on not-null foreign keys and
  // change no count, and at 100,000 applications they made the count most of the page's time (bench/talent-bench.ts).
  const counted = db.selectFrom('talent_applications as a').innerJoin('talent_people as p', 'p.id', 'a.person_id') as unknown as Base;
  const { n } = await filtered(counted, who, f)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  const page = rows.slice(0, f.limit);
  return { items: page.map(presentRow), nextCursor: rows.length > f.limit ? page[page.length - 1].id : null, total: n };
}

export async function getApplication(db: Db, id: number): Promise<TApplication> {
  const r = await base(db)
    .select([
      ...rowColumns,
      'a.social_insurance_months',
      'a.income_tax_months',
      'a.contract_years',
      'a.statement',
      'a.publicity_starts_on',
      'a.approved_on',
      'a.resubmissions',
      'a.evaluation',
      'c.required_attachments',
      'pol.expert_review',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound('申请');
  const [steps, attachments, objections, payouts, scores, ledger] = await Promise.all([
    db.selectFrom('talent_application_steps').selectAll().where('application_id', '=', id).orderBy('id').execute(),
    db
      .selectFrom('talent_application_attachments')
      .select(['id', 'kind', 'file_name', 'mime', 'size_bytes', 'uploaded_at'])
      .where('application_id', '=', id)
      .orderBy('id')
      .execute(),
    db.selectFrom('talent_objections').selectAll().where('application_id', '=', id).orderBy('id').execute(),
    db.selectFrom('talent_payouts').selectAll().where('application_id', '=', id).orderBy('seq').execute(),
    db
      .selectFrom('talent_expert_scores as s')
      .innerJoin('users as u', 'u.id', 's.expert_id')
      .select(['u.display_name', 's.score', 's.comment'])
      .where('s.application_id', '=', id)
      .orderBy('s.at')
      .execute(),
    db.selectFrom('talent_ledger').select(['kind', 'amount_fen']).where('application_id', '=', id).execute(),
  ]);
  return {
    ...presentRow(r),
    socialInsuranceMonths: r.social_insurance_months,
    incomeTaxMonths: r.income_tax_months,
    contractYears: r.contract_years,
    statement: r.statement,
    publicityStartsOn: r.publicity_starts_on,
    approvedOn: r.approved_on,
    resubmissions: r.resubmissions,
    requiredAttachments: r.required_attachments as string[],
    expertReview: r.expert_review,
    evaluation: (r.evaluation as TEvaluation | null) ?? null,
    steps: steps.map((s) => ({
      id: s.id,
      step: s.step,
      outcome: s.outcome,
      reason: s.reason,
      fromStatus: s.from_status,
      toStatus: s.to_status,
      byName: s.by_name,
      at: new Date(s.at).toISOString(),
    })),
    attachments: attachments.map((x) => ({
      id: x.id,
      kind: x.kind,
      fileName: x.file_name,
      mime: x.mime,
      sizeBytes: x.size_bytes,
      uploadedAt: new Date(x.uploaded_at).toISOString(),
    })),
    objections: objections.map((o) => ({
      id: o.id,
      receivedOn: o.received_on,
      content: o.content,
      outcome: o.outcome,
      handling: o.handling,
    })),
    payouts: payouts.map((p) => ({
      id: p.id,
      seq: p.seq,
      dueOn: p.due_on,
      amountFen: p.amount_fen,
      status: p.status,
      checkedOn: p.checked_on,
      checkNote: p.check_note,
      releasedOn: p.released_on,
    })),
    expertScores: scores.map((s) => ({ expertName: s.display_name, score: s.score, comment: s.comment })),
    paidFen: ledger.filter((l) => l.kind === 'payout').reduce((s, l) => s + l.amount_fen, 0),
    clawedBackFen: -ledger.filter((l) => l.kind === 'clawback').reduce((s, l) => s + l.amount_fen, 0),
  };
}

/** An expert sees the application without the other experts' scores until they have scored themselves. */
export function forExpert(a: TApplication, expertName: string): TApplication {
  const mine = a.expertScores.some((s) => s.expertName === expertName);
  return mine ? a : { ...a, expertScores: [] };
}

export async function listCalls(db: Db, today: string, onlyOpen = false): Promise<TCall[]> {
  let q = db
    .selectFrom('talent_calls as c')
    .innerJoin('talent_policies as p', 'p.id', 'c.policy_id')
    .select([
      'c.id',
      'c.policy_id',
      'p.doc_no',
      'p.title as policy_title',
      'c.title',
      'c.opens_on',
      'c.closes_on',
      'c.required_attachments',
      'c.note',
      sql<number>`(select count(*)::int from talent_applications a where a.call_id = c.id)`.as('applications'),
    ])
    .orderBy('c.opens_on', 'desc')
    .orderBy('c.id', 'desc');
  if (onlyOpen) q = q.where('c.opens_on', '<=', today).where('c.closes_on', '>=', today);
  const calls = await q.execute();
  const items = calls.length
    ? await db
        .selectFrom('talent_benefit_items')
        .select(['id', 'policy_id', 'code', 'name'])
        .where(
          'policy_id',
          'in',
          calls.map((c) => c.policy_id),
        )
        .orderBy('id')
        .execute()
    : [];
  return calls.map((c) => ({
    id: c.id,
    policyId: c.policy_id,
    policyDocNo: c.doc_no,
    policyTitle: c.policy_title,
    title: c.title,
    opensOn: c.opens_on,
    closesOn: c.closes_on,
    open: c.opens_on <= today && today <= c.closes_on,
    requiredAttachments: c.required_attachments as string[],
    note: c.note,
    items: items.filter((i) => i.policy_id === c.policy_id).map((i) => ({ id: i.id, code: i.code, name: i.name })),
    applications: c.applications,
  }));
}

/** The payouts and clawbacks of the talents in a subtree, in booking order. */
export async function ledgerOf(db: Db, scopePath: string, f: { from?: string; to?: string }, limit = 5000): Promise<TLedger> {
  let q = db
    .selectFrom('talent_ledger as l')
    .innerJoin('talent_people as p', 'p.id', 'l.person_id')
    .innerJoin('talent_benefit_items as i', 'i.id', 'l.item_id')
    .select(['l.id', 'l.application_id', 'p.name', 'i.code', 'i.name as item_name', 'l.kind', 'l.amount_fen', 'l.booked_on', 'l.reason'])
    .where(sql<boolean>`p.district_path <@ ${scopePath}::ltree`);
  if (f.from) q = q.where('l.booked_on', '>=', f.from);
  if (f.to) q = q.where('l.booked_on', '<=', f.to);
  const rows = await q.orderBy('l.booked_on').orderBy('l.id').limit(limit).execute();
  const items = rows.map((r) => ({
    id: r.id,
    applicationId: r.application_id,
    personName: r.name,
    itemCode: r.code,
    itemName: r.item_name,
    kind: r.kind,
    amountFen: r.amount_fen,
    bookedOn: r.booked_on,
    reason: r.reason,
  }));
  return {
    items,
    paidFen: items.filter((x) => x.kind === 'payout').reduce((s, x) => s + x.amountFen, 0),
    clawedBackFen: -items.filter((x) => x.kind === 'clawback').reduce((s, x) => s + x.amountFen, 0),
  };
}

/** Registered talents in the subtree matching a name (the evaluation page's picker). */
export async function pickPeople(db: Db, scopePath: string, q: string) {
  const rows = await db
    .selectFrom('talent_people as p')
    .leftJoin('talent_employers as e', 'e.id', 'p.employer_id')
    .leftJoin('talent_tiers as t', 't.id', 'p.tier_id')
    .select(['p.id', 'p.name', 'e.name as employer_name', 't.code as tier_code'])
    .where(sql<boolean>`p.district_path <@ ${scopePath}::ltree`)
    .where('p.name', 'like', `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)
    .orderBy('p.id')
    .limit(20)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, employerName: r.employer_name, tierCode: r.tier_code }));
}

/** Applications waiting on the office (review, 公示 ended, an instalment due) whose talent lies in a subtree. */
export async function stepsDue(db: Db, subtreePath: string, today: string, soon: string) {
  return db
    .selectFrom('talent_applications as a')
    .innerJoin('talent_people as p', 'p.id', 'a.person_id')
    .innerJoin('orgs as d', 'd.id', 'p.district_org_id')
    .select([
      'a.id',
      'a.status',
      'a.step_due_on',
      'a.publicity_ends_on',
      'p.name',
      'd.id as org_id',
      'd.name as org_name',
      sql<string>`d.path::text`.as('path'),
    ])
    .where(sql<boolean>`p.district_path <@ ${subtreePath}::ltree`)
    .where((eb) =>
      eb.or([
        eb.and([eb('a.status', 'in', ['district_review', 'city_review', 'expert_review']), eb('a.step_due_on', '<=', soon)]),
        eb.and([eb('a.status', '=', 'publicity'), eb('a.publicity_ends_on', '<', today)]),
        eb.and([eb('a.status', '=', 'paying'), eb('a.step_due_on', '<=', today)]),
      ]),
    )
    .orderBy('a.step_due_on')
    .limit(500)
    .execute();
}

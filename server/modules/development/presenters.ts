// Output shapes of the development API: explicit allow-lists, so a new column (the ID ciphertext,
// its hash) can never leak by accident.
import type { TPersonDetail, TPersonRow, TStepRecord } from '../../../domain/schemas/development.js';
import type { FullOutcome } from '../../../domain/rules/development-steps.js';
import type { ListRow, PersonRow, StepRow } from './queries.js';

type RowLike = Pick<
  ListRow,
  'id' | 'name' | 'gender' | 'birth_date' | 'org_id' | 'status' | 'last_step' | 'applied_on' | 'next_step' | 'next_from' | 'next_by'
> & { org_name: string };

export function presentRow(r: RowLike, today: string): TPersonRow {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    birthDate: r.birth_date,
    orgId: r.org_id,
    orgName: r.org_name,
    status: r.status,
    lastStep: r.last_step,
    appliedOn: r.applied_on,
    nextDue: r.next_step ? { stepNo: r.next_step, from: r.next_from, by: r.next_by } : null,
    overdue: r.next_by !== null && r.next_by < today,
  };
}

const num = (v: string | number | null) => (v === null ? null : Number(v));

export function presentStep(s: StepRow): TStepRecord {
  return {
    id: s.id,
    stepNo: s.step_no,
    doneOn: s.done_on,
    passed: s.passed,
    people: s.people as unknown as TStepRecord['people'],
    documents: s.documents as unknown as TStepRecord['documents'],
    note: s.note,
    vote: s.vote as TStepRecord['vote'],
    outcome: s.outcome as FullOutcome | null,
    extensionMonths: s.extension_months,
    trainingDays: num(s.training_days),
    trainingHours: num(s.training_hours),
    reviewPassed: s.review_passed,
    override: s.override_codes ? { codes: s.override_codes, reason: s.override_reason ?? '', by: s.override_by ?? '' } : null,
    ruleVersion: s.rule_version,
    recordedAt: new Date(s.created_at).toISOString(),
  };
}

export function presentDetail(p: PersonRow, orgName: string, steps: StepRow[], allowedNext: number[], today: string): TPersonDetail {
  return {
    ...presentRow({ ...p, org_name: orgName }, today),
    ethnicity: p.ethnicity,
    idMasked: p.id_masked,
    education: p.education,
    occupation: p.occupation,
    workUnit: p.work_unit,
    phone: p.phone,
    admittedOn: p.admitted_on,
    probationEnd: p.probation_end,
    extensionMonths: p.extension_months,
    fullOn: p.full_on,
    memberId: p.member_id,
    allowedNext,
    steps: steps.map(presentStep),
    version: p.version,
  };
}

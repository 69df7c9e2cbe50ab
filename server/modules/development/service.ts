// The development workflow: register an applicant, record a step after the rules allow it,
// keep the person's position and next deadline current, and read the list, detail and board.
import type { Trx } from '../../audit/audit-log.js';
import type { Ctx } from '../../context.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import { can } from '../../../domain/permissions.js';
import type { MemberStatus } from '../../../domain/member-status.js';
import { BRANCH_KINDS, type OrgKind } from '../../../domain/org-kinds.js';
import { checkIdNumber } from '../../../domain/rules/id-number.js';
import {
  branchVote,
  checkStep,
  nextDue,
  progress,
  stepPassed,
  type NamedMember,
  type StepInput,
  type StepRecord,
  type Violation,
} from '../../../domain/rules/development.js';
import { ruleSetOn, type DevRuleSet } from '../../../domain/rules/development-rule-sets.js';
import { stepDef } from '../../../domain/rules/development-steps.js';
import type { TPersonCreate, TStepInput } from '../../../domain/schemas/development.js';
import { orgById } from '../orgs/queries.js';
import { idColumns } from '../members/insert-member.js';
import { pinyinInitials, pinyinSortKey } from '../orgs/pinyin.js';
import { admitMember, applyFullDecision } from './member-effects.js';
import * as q from './queries.js';

/** The person whose scope the route has checked (`params.id`: dev_person); 404 when they have gone since. */
export async function personById(ctx: Ctx, id: number): Promise<q.PersonRow> {
  const p = await q.findPerson(ctx.db, id);
  if (!p) throw notFound('发展对象记录');
  return p;
}

export const toRecord = (s: q.StepRow): StepRecord => ({
  stepNo: s.step_no,
  doneOn: s.done_on,
  passed: s.passed,
  outcome: s.outcome,
  extensionMonths: s.extension_months,
});

// Rules that are about missing or impossible input answer 400; the others are the state of the case (409).
const INPUT_CODES = new Set([
  'VOTE_REQUIRED',
  'VOTE_INVALID',
  'OUTCOME_REQUIRED',
  'REVIEW_RESULT',
  'BIRTH_DATE_REQUIRED',
  'EXTENSION_RANGE',
  'FUTURE_DATE',
  'PEOPLE_DUPLICATE',
]);

const FIELD_OF: Record<string, string> = {
  PEOPLE_COUNT: 'memberIds',
  PEOPLE_NOT_FULL: 'memberIds',
  PEOPLE_STANDING: 'memberIds',
  PEOPLE_DUPLICATE: 'memberIds',
  VOTE_REQUIRED: 'vote',
  VOTE_INVALID: 'vote',
  NOT_QUORATE: 'vote',
  OUTCOME_REQUIRED: 'outcome',
  EXTENSION_RANGE: 'extensionMonths',
  EXTENSION_TWICE: 'outcome',
  REVIEW_RESULT: 'reviewPassed',
  TRAINING_SHORT: 'trainingDays',
  LEAVING_SOON: 'leavingSoon',
  TOO_YOUNG: 'idNumber',
};

/**
 * Refuses the step when it breaks a rule. Rules the regulation allows to bend (特殊情况, or a late record
 * of the organization's own deadline) pass only with an override by a role holding dev.override.
 */
export function enforce(ctx: Ctx, violations: Violation[], override: TStepInput['override']): string[] {
  const hard = violations.filter((v) => !v.overridable);
  const soft = violations.filter((v) => v.overridable);
  if (hard.length) {
    const status = hard.every((v) => INPUT_CODES.has(v.code)) ? 400 : 409;
    throw new AppError('DEV_RULE', hard.map((v) => v.message).join('；'), status, FIELD_OF[hard[0].code] ?? 'doneOn');
  }
  if (soft.length === 0) {
    if (override) throw invalid('本步骤未违反时限或条件规定，无须按特殊情况记录', 'override');
    return [];
  }
  if (!override) {
    throw new AppError(
      'DEV_RULE_OVERRIDABLE',
      `${soft.map((v) => v.message).join('；')}。如属特殊情况，须由组织部门注明理由后记录`,
      409,
      FIELD_OF[soft[0].code] ?? 'doneOn',
    );
  }
  if (!can(ctx.actor.roles, 'dev.override'))
    throw new AppError('FORBIDDEN', '按特殊情况记录须由具有相应权限的组织部门办理', 403, 'override');
  return soft.map((v) => v.code);
}

/** Good standing: still on the books and not suspended; 留党察看 is not yet on the member record. */
export const GOOD_STANDING: readonly MemberStatus[] = ['normal', 'flowing'];

async function namedMembers(trx: Trx, scopePath: string, ids: readonly number[]): Promise<NamedMember[]> {
  const rows = await q.membersInScope(trx, scopePath, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const m = byId.get(id);
    if (!m) throw invalid(`党员（编号 ${id}）不存在或不在本组织范围内`, 'memberIds');
    return { memberId: m.id, name: m.name, category: m.category, goodStanding: GOOD_STANDING.includes(m.status) };
  });
}

/** Writes the person's position and next window from their steps (the board reads these columns). */
async function refreshPerson(
  trx: Trx,
  person: q.PersonRow,
  steps: q.StepRow[],
  sets: DevRuleSet[],
  now: Date,
  extra: { member_id?: number } = {},
) {
  const p = progress(steps.map(toRecord), sets);
  const due = nextDue(p, sets);
  const row = await trx
    .updateTable('dev_people')
    .set({
      status: p.status,
      last_step: p.lastStep,
      admitted_on: p.admittedOn,
      probation_end: p.probationEnd,
      extension_months: p.extensionMonths,
      full_on: p.fullOn,
      next_step: due?.stepNo ?? null,
      next_from: due?.from ?? null,
      next_by: due?.by ?? null,
      ...extra,
      version: (eb) => eb('version', '+', 1),
      updated_at: now,
    })
    .where('id', '=', person.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, progress: p };
}

/** The branch receiving an application (the body's orgId, whose scope the route has checked), read before the transaction. */
export async function receivingBranch(ctx: Ctx, orgId: number) {
  const org = await orgById(ctx.db, orgId);
  if (!BRANCH_KINDS.includes(org.kind as OrgKind) || org.status !== 'active') throw invalid('入党申请由党支部受理，请选择党支部', 'orgId');
  return org;
}

export async function createPerson(trx: Trx, ctx: Ctx, org: { id: number }, body: TPersonCreate) {
  const id = checkIdNumber(body.idNumber);
  if (!id.ok) throw invalid(id.message, 'idNumber');
  const { clock } = ctx;
  const ids = idColumns(ctx.crypto, id.normalized);
  if (await trx.selectFrom('dev_people').select('id').where('id_hash', '=', ids.id_hash).executeTakeFirst())
    throw conflict('该身份证号已在发展党员名单中', 'idNumber');
  if (await trx.selectFrom('members').select('id').where('id_hash', '=', ids.id_hash).executeTakeFirst())
    throw conflict('该身份证号已有党员记录', 'idNumber');
  const sets = await q.ruleSets(trx);
  const input: StepInput = { stepNo: 1, doneOn: body.appliedOn };
  enforce(ctx, checkStep({ birthDate: id.birthDate, records: [], sets, today: ctx.today() }, input), undefined);
  const now = clock.now();
  const person = await trx
    .insertInto('dev_people')
    .values({
      org_id: org.id,
      name: body.name,
      gender: id.gender,
      birth_date: id.birthDate,
      ethnicity: body.ethnicity ?? '汉族',
      ...ids,
      education: body.education ?? null,
      occupation: body.occupation ?? null,
      work_unit: body.workUnit ?? null,
      phone: body.phone ?? null,
      name_initials: pinyinInitials(body.name),
      sort_key: pinyinSortKey(body.name),
      applied_on: body.appliedOn,
      next_step: null,
      next_from: null,
      next_by: null,
      admitted_on: null,
      probation_end: null,
      extension_months: null,
      full_on: null,
      member_id: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const step = await trx
    .insertInto('dev_steps')
    .values({
      person_id: person.id,
      step_no: 1,
      done_on: body.appliedOn,
      documents: JSON.stringify(body.documents ?? [{ name: '入党申请书' }]),
      note: body.note ?? null,
      vote: null,
      outcome: null,
      extension_months: null,
      training_days: null,
      training_hours: null,
      review_passed: null,
      leaving_soon: null,
      override_codes: null,
      override_reason: null,
      override_by: null,
      rule_version: ruleSetOn(body.appliedOn, sets).version,
      actor_id: ctx.actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return (await refreshPerson(trx, person, [step], sets, now)).row;
}

/** The rules a step would break, without recording it (the form shows them as the user types). */
export async function previewStep(ctx: Ctx, person: q.PersonRow, body: TStepInput) {
  const { db } = ctx;
  const [sets, steps] = await Promise.all([q.ruleSets(db), q.stepsOf(db, person.id)]);
  const people = await db.transaction().execute((trx) => namedMembers(trx, ctx.actor.scopePath, body.memberIds ?? []));
  const input: StepInput = { ...body, people };
  return {
    violations: checkStep({ birthDate: person.birth_date, records: steps.map(toRecord), sets, today: ctx.today() }, input),
    passed: stepPassed(input),
  };
}

export async function recordStep(trx: Trx, ctx: Ctx, personId: number, body: TStepInput) {
  const { crypto: idCrypto, clock } = ctx;
  const person = await q.lockPerson(trx, personId);
  const [sets, steps] = await Promise.all([q.ruleSets(trx), q.stepsOf(trx, person.id)]);
  const def = stepDef(body.stepNo);
  const people = await namedMembers(trx, ctx.actor.scopePath, body.memberIds ?? []);
  if (people.length && !def.people) throw invalid(`「${def.zh}」不需要指定人员`, 'memberIds');
  const input: StepInput = { ...body, people };
  const overridden = enforce(
    ctx,
    checkStep({ birthDate: person.birth_date, records: steps.map(toRecord), sets, today: ctx.today() }, input),
    body.override,
  );
  const vote = body.vote && def.vote ? { ...body.vote, ...branchVote(body.vote) } : null;
  const now = clock.now();
  const step = await trx
    .insertInto('dev_steps')
    .values({
      person_id: person.id,
      step_no: body.stepNo,
      done_on: body.doneOn,
      passed: stepPassed(input),
      people: JSON.stringify(people.map((m) => ({ memberId: m.memberId, name: m.name, role: def.people }))),
      documents: JSON.stringify(body.documents ?? []),
      note: body.note ?? null,
      vote: vote ? JSON.stringify(vote) : null,
      outcome: body.stepNo === 23 ? (body.outcome ?? null) : null,
      extension_months: body.stepNo === 23 && body.outcome === 'extend' ? (body.extensionMonths ?? null) : null,
      training_days: body.stepNo === 11 ? (body.trainingDays ?? null) : null,
      training_hours: body.stepNo === 11 ? (body.trainingHours ?? null) : null,
      review_passed: body.stepNo === 10 ? (body.reviewPassed ?? null) : null,
      leaving_soon: body.stepNo === 12 ? (body.leavingSoon ?? null) : null,
      override_codes: overridden.length ? overridden : null,
      override_reason: overridden.length ? body.override!.reason : null,
      override_by: overridden.length ? ctx.actor.displayName : null,
      rule_version: ruleSetOn(body.doneOn, sets).version,
      actor_id: ctx.actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const all = [...steps, step];
  let { row, progress: p } = await refreshPerson(trx, person, all, sets, now);
  if (step.passed && body.stepNo === 17) {
    const memberId = await admitMember(trx, idCrypto, ctx.actor.userId, person, p, now);
    ({ row, progress: p } = await refreshPerson(trx, person, all, sets, now, { member_id: memberId }));
  }
  if (step.passed && body.stepNo === 24 && person.member_id)
    await applyFullDecision(trx, person.member_id, ctx.actor.userId, p, body.doneOn, now);
  return { person: row, step, overridden };
}

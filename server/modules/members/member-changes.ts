// Changes to a member record by the record's editors: manual entry and field corrections. Each
// runs inside the route's audited transaction; the row and its history are written by changes.ts.
// Organization, status and category are not here: transfers, status changes and 转正 own them.
import type { Trx } from '../../audit/audit-log.js';
import type { Ctx } from '../../context.js';
import type { TMemberCreate, TMemberUpdate } from '../../../domain/schemas/members.js';
import { BRANCH_KINDS, type OrgKind } from '../../../domain/org-kinds.js';
import { checkIdNumber } from '../../../domain/rules/id-number.js';
import { checkMemberDates } from '../../../domain/rules/members.js';
import { conflict, invalid } from '../../errors.js';
import type { OrgRow } from '../orgs/queries.js';
import type { MemberRow } from './access.js';
import { idColumns, insertMember } from './insert-member.js';
import { changeMember, STALE_MEMBER, writerOf } from './changes.js';

/** API field → column, for the fields an editor may change. */
const COLUMNS = {
  name: 'name',
  ethnicity: 'ethnicity',
  nativePlace: 'native_place',
  eduFulltime: 'edu_fulltime',
  degreeFulltime: 'degree_fulltime',
  eduInservice: 'edu_inservice',
  degreeInservice: 'degree_inservice',
  occupation: 'occupation',
  workUnit: 'work_unit',
  jobPost: 'job_post',
  phone: 'phone',
  address: 'address',
  admittedOn: 'admitted_on',
  fullOn: 'full_on',
} as const satisfies Partial<Record<keyof TMemberUpdate, keyof MemberRow>>;
type Editable = keyof typeof COLUMNS;
const DATE_COLUMNS = { birthDate: 'birth_date', admittedOn: 'admitted_on', fullOn: 'full_on' } as const;

/** A member's formal relationship sits with a live 党支部 (joint and temporary branches included). */
export function assertHoldsMembers(org: OrgRow): void {
  if (org.status !== 'active') throw invalid('该组织已撤销，不能接收党员', 'orgId');
  if (!BRANCH_KINDS.includes(org.kind as OrgKind)) throw invalid('党员的组织关系应在党支部，请选择党支部', 'orgId');
}

export async function createMember(trx: Trx, ctx: Ctx, org: OrgRow, input: TMemberCreate, now: Date): Promise<number> {
  assertHoldsMembers(org);
  const id = checkIdNumber(input.idNumber);
  if (!id.ok) throw invalid(id.message, 'idNumber');
  const problem = checkMemberDates(
    { category: input.category, birthDate: id.birthDate, admittedOn: input.admittedOn, fullOn: input.fullOn ?? null },
    ctx.today(),
  )[0];
  if (problem) throw invalid(problem.message, problem.field === 'birthDate' ? 'idNumber' : problem.field);
  return insertMember(
    trx,
    ctx.crypto,
    ctx.actor.userId,
    {
      org_id: org.id,
      name: input.name,
      gender: id.gender,
      birth_date: id.birthDate,
      category: input.category,
      idNumber: id.normalized,
      ethnicity: input.ethnicity,
      native_place: input.nativePlace ?? null,
      edu_fulltime: input.eduFulltime ?? null,
      degree_fulltime: input.degreeFulltime ?? null,
      edu_inservice: input.eduInservice ?? null,
      degree_inservice: input.degreeInservice ?? null,
      occupation: input.occupation ?? null,
      work_unit: input.workUnit ?? null,
      job_post: input.jobPost ?? null,
      phone: input.phone ?? null,
      address: input.address ?? null,
      admitted_on: input.admittedOn,
      full_on: input.category === 'full' ? (input.fullOn ?? null) : null,
      status_since: input.admittedOn,
    },
    now,
  );
}

/** Applies only the fields that really change; returns their names (empty when nothing changed). */
export async function updateMember(trx: Trx, ctx: Ctx, m: MemberRow, input: TMemberUpdate, now: Date): Promise<string[]> {
  if (input.version !== undefined && input.version !== m.version) throw conflict(STALE_MEMBER, 'version');
  const set: Record<string, unknown> = {};
  for (const field of Object.keys(COLUMNS) as Editable[]) {
    if (!(field in input)) continue;
    const value = input[field] ?? null;
    if (value !== m[COLUMNS[field]]) set[COLUMNS[field]] = value;
  }
  if ('full_on' in set && m.category !== 'full') throw invalid('预备党员转正请通过转正程序办理，不能直接填写转正日期', 'fullOn');
  if (input.idNumber) {
    const id = checkIdNumber(input.idNumber);
    if (!id.ok) throw invalid(id.message, 'idNumber');
    const cols = idColumns(ctx.crypto, id.normalized);
    if (cols.id_hash !== m.id_hash) {
      const other = await trx
        .selectFrom('members')
        .select('id')
        .where('id_hash', '=', cols.id_hash)
        .where('id', '!=', m.id)
        .executeTakeFirst();
      if (other) throw conflict('该身份证号已有党员记录', 'idNumber');
      // Birth date and gender follow the corrected number (GB 11643 encodes both).
      Object.assign(set, cols, { birth_date: id.birthDate, gender: id.gender });
    }
  }
  const changed = Object.keys(set).filter((k) => !['id_cipher', 'id_hash'].includes(k));
  if (changed.length === 0) return [];

  // Date rules are checked on the merged record, for the dates this edit touches only: an old
  // record with a missing date can still have its phone number corrected.
  const merged = { ...m, ...set } as MemberRow;
  const problem = checkMemberDates(
    { category: m.category, birthDate: merged.birth_date, admittedOn: merged.admitted_on, fullOn: merged.full_on },
    ctx.today(),
  ).find((p) => DATE_COLUMNS[p.field] in set);
  if (problem) throw invalid(problem.message, problem.field === 'birthDate' ? 'idNumber' : problem.field);

  await changeMember(writerOf(trx, ctx.actor.userId, now), m.id, { action: 'update', set, version: m.version });
  return changed;
}

// The transfer workflow: issue a letter, receive it, confirm it (the member moves), or return it.
// Each step runs inside the caller's audited transaction (SECURITY.md 27): all or nothing.
import dayjs from 'dayjs';
import type { Trx } from '../../audit/audit-log.js';
import type { Ctx } from '../../context.js';
import type { MemberRow } from '../members/access.js';
import type { OrgRow } from '../orgs/queries.js';
import type { TTransferCreate, TTransferIncoming } from '../../../domain/schemas/transfers.js';
import {
  defaultValidDays,
  expiresOn,
  isOverdue,
  letterNumber,
  stepAllowed,
  type TransferSettings,
  type TransferStep,
} from '../../../domain/rules/transfers.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { checkIdNumber, maskIdNumber } from '../../../domain/rules/id-number.js';
import { insertMember } from '../members/insert-member.js';
import { changeMember, writerOf } from '../members/changes.js';
import * as q from './queries.js';
import { sidesOf } from './presenters.js';

/** The letter whose scope the route has checked; 404 when it has gone since. */
export async function letterById(ctx: Ctx, id: number): Promise<q.LetterRow> {
  const l = await q.findLetter(ctx.db, id);
  if (!l) throw notFound('介绍信');
  return l;
}

function checkValidity(validDays: number, s: TransferSettings) {
  if (validDays > s.maxDays) throw invalid(`介绍信有效期不能超过 ${s.maxDays} 天`, 'validDays');
}

async function newNumber(trx: Trx, issuedOn: string, org: { code: string; id: number }, incoming: boolean): Promise<string> {
  const year = dayjs(issuedOn).year();
  const code = org.code || String(org.id);
  const prefix = `${year}-${code}-${incoming ? 'J' : ''}`;
  return letterNumber(year, code, await q.nextSerial(trx, prefix), incoming);
}

/** Issues a letter for a member of the sending organization (within the city or out of it). */
export async function issueLetter(
  trx: Trx,
  ctx: Ctx,
  member: MemberRow,
  from: OrgRow,
  to: OrgRow | null,
  body: TTransferCreate,
  s: TransferSettings,
) {
  const { actor } = ctx;
  const today = ctx.today();
  const now = ctx.clock.now();
  if (!['normal', 'flowing'].includes(member.status)) throw conflict('该党员当前状态不能转出', 'memberId');
  const open = await q.openLetterOf(trx, member.id);
  if (open) throw conflict(`该党员已有未办结的介绍信（${open.letter_no}）`, 'memberId');
  if (body.kind === 'within_city') {
    if (!to) throw invalid('请选择接收党组织', 'toOrgId');
    if (to.status !== 'active') throw invalid('接收党组织已撤销', 'toOrgId');
    if (to.id === from.id) throw invalid('接收党组织不能与转出党组织相同', 'toOrgId');
  } else if (!body.toOrgName) throw invalid('请填写接收党组织名称', 'toOrgName');
  const issuedOn = body.issuedOn ?? today;
  const validDays = body.validDays ?? defaultValidDays(body.kind, s);
  checkValidity(validDays, s);
  return trx
    .insertInto('transfer_letters')
    .values({
      letter_no: await newNumber(trx, issuedOn, from, false),
      kind: body.kind,
      member_id: member.id,
      member_name: member.name,
      gender: member.gender,
      category: member.category,
      id_masked: member.id_masked,
      from_org_id: from.id,
      from_org_name: from.name,
      to_org_id: to?.id ?? null,
      to_org_name: to?.name ?? body.toOrgName!,
      to_address: body.toAddress ?? null,
      reason: body.reason,
      dues_paid_until: body.duesPaidUntil ?? null,
      issued_on: issuedOn,
      valid_days: validDays,
      expires_on: expiresOn(issuedOn, validDays),
      created_by: actor.userId,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Records a letter received from an organization outside the city; the member is created on confirmation. */
export async function registerIncoming(trx: Trx, ctx: Ctx, to: OrgRow, body: TTransferIncoming, s: TransferSettings) {
  const { actor, crypto } = ctx;
  const now = ctx.clock.now();
  if (to.status !== 'active') throw invalid('接收党组织已撤销', 'toOrgId');
  const validDays = body.validDays ?? defaultValidDays('into_city', s);
  checkValidity(validDays, s);
  const { idNumber, ...m } = body.member;
  // The identity number is checked now and kept only encrypted until the record is created (SECURITY.md 21).
  let idCipher: string | null = null;
  let idMasked: string | null = null;
  if (idNumber) {
    const check = checkIdNumber(idNumber);
    if (!check.ok) throw invalid(check.message, 'member.idNumber');
    idCipher = crypto.encrypt(check.normalized);
    idMasked = maskIdNumber(check.normalized);
  }
  return trx
    .insertInto('transfer_letters')
    .values({
      letter_no: await newNumber(trx, body.issuedOn, to, true),
      kind: 'into_city',
      status: 'received',
      member_id: null,
      member_name: m.name,
      gender: m.gender,
      category: m.category,
      id_masked: idMasked,
      from_org_id: null,
      from_org_name: body.fromOrgName,
      to_org_id: to.id,
      to_org_name: to.name,
      external_no: body.externalNo,
      reason: body.reason,
      dues_paid_until: body.duesPaidUntil ?? null,
      issued_on: body.issuedOn,
      valid_days: validDays,
      expires_on: expiresOn(body.issuedOn, validDays),
      received_on: ctx.today(),
      incoming: JSON.stringify({ ...m, idCipher }),
      created_by: actor.userId,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

interface IncomingDetails {
  name: string;
  gender: '男' | '女';
  category: 'full' | 'probationary';
  idCipher: string | null;
  birthDate?: string;
  admittedOn?: string;
  fullOn?: string;
  phone?: string;
  workUnit?: string;
}

function guard(step: TransferStep, l: q.LetterRow, scopePath: string, today: string) {
  const problem = stepAllowed(step, l.kind, l.status, sidesOf(l, scopePath), isOverdue(l.status, l.expires_on, today));
  if (problem) throw conflict(problem);
}

/** Re-reads the letter inside the transaction, locked, so two confirmations cannot both pass. */
async function lockLetter(trx: Trx, id: number): Promise<q.LetterRow> {
  return trx.selectFrom('transfer_letters').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

export async function receiveLetter(trx: Trx, ctx: Ctx, id: number, date: string) {
  const now = ctx.clock.now();
  const l = await lockLetter(trx, id);
  guard('receive', l, ctx.actor.scopePath, ctx.today());
  return trx
    .updateTable('transfer_letters')
    .set({ status: 'received', received_on: date, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function returnLetter(trx: Trx, ctx: Ctx, id: number, date: string, reason: string) {
  const now = ctx.clock.now();
  const l = await lockLetter(trx, id);
  guard('return', l, ctx.actor.scopePath, ctx.today());
  return trx
    .updateTable('transfer_letters')
    .set({ status: 'returned', returned_on: date, return_reason: reason, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Confirmation: within the city the member moves to the receiving organization (the trigger
 * rewrites org_path); out of the city the record is closed as 'transferred_out'; from outside
 * the member record is created. Until now the sender counted the member (第二十五条).
 */
export async function confirmLetter(trx: Trx, ctx: Ctx, id: number, date: string) {
  const { actor, crypto } = ctx;
  const now = ctx.clock.now();
  const l = await lockLetter(trx, id);
  guard('confirm', l, actor.scopePath, ctx.today());
  let memberId = l.member_id;
  if (l.kind === 'into_city') {
    const m = l.incoming as IncomingDetails;
    memberId = await insertMember(
      trx,
      crypto,
      actor.userId,
      {
        org_id: l.to_org_id!,
        name: m.name,
        gender: m.gender,
        category: m.category,
        idNumber: m.idCipher ? crypto.decrypt(m.idCipher) : null,
        birth_date: m.birthDate ?? null,
        admitted_on: m.admittedOn ?? null,
        full_on: m.fullOn ?? null,
        phone: m.phone ?? null,
        work_unit: m.workUnit ?? null,
        status_since: date,
      },
      now,
      'transfer_in',
    );
  } else {
    const set =
      l.kind === 'within_city'
        ? { org_id: l.to_org_id! }
        : { status: 'transferred_out' as const, status_since: date, left_reason: `转出至${l.to_org_name}` };
    await changeMember(writerOf(trx, actor.userId, now), l.member_id!, {
      action: l.kind === 'within_city' ? 'transfer' : 'transfer_out',
      set,
      after: { letterNo: l.letter_no },
    });
  }
  return trx
    .updateTable('transfer_letters')
    .set({ status: 'confirmed', confirmed_on: date, member_id: memberId, received_on: l.received_on ?? date, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

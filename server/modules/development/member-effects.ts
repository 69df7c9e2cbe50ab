// What development steps do to the member record: admission (⑰) creates the probationary member,
// the 转正 decision (㉔) makes them full, extends probation or cancels it. All inside the step's
// transaction, each change written with its history by members/changes.ts.
import type { Trx } from '../../audit/audit-log.js';
import type { IdCrypto } from '../../crypto/id-crypto.js';
import type { Progress } from '../../../domain/rules/development.js';
import { insertMember } from '../members/insert-member.js';
import { changeMember, writerOf } from '../members/changes.js';
import type { PersonRow } from './queries.js';

/** ⑰ 上级党委审批: the person becomes a 预备党员, admitted on the 支部大会 date (党章第七条). */
export async function admitMember(trx: Trx, crypto: IdCrypto, actorId: number, person: PersonRow, p: Progress, now: Date): Promise<number> {
  return insertMember(
    trx,
    crypto,
    actorId,
    {
      org_id: person.org_id,
      name: person.name,
      gender: person.gender,
      category: 'probationary',
      ethnicity: person.ethnicity,
      birth_date: person.birth_date,
      idNumber: person.id_cipher ? crypto.decrypt(person.id_cipher) : null,
      edu_fulltime: person.education,
      occupation: person.occupation,
      work_unit: person.work_unit,
      phone: person.phone,
      admitted_on: p.admittedOn,
      status_since: p.admittedOn,
    },
    now,
    'admit',
  );
}

/** ㉔ 上级党委审批 of the 支部大会's 转正 decision. */
export async function applyFullDecision(
  trx: Trx,
  memberId: number,
  actorId: number,
  p: Progress,
  decidedOn: string,
  now: Date,
): Promise<void> {
  const w = writerOf(trx, actorId, now);
  if (p.status === 'full') {
    // 党龄 counts from the day probation ended (预备期满转为正式党员之日, 党章第七条).
    await changeMember(w, memberId, { action: 'full', set: { category: 'full', full_on: p.fullOn } });
  } else if (p.status === 'cancelled') {
    await changeMember(w, memberId, {
      action: 'cancel_probation',
      set: { status: 'left', status_since: decidedOn, left_reason: '取消预备党员资格' },
    });
  } else {
    // An extension changes no column of the record: only its history says so.
    await changeMember(w, memberId, {
      action: 'extend_probation',
      after: { extensionMonths: p.extensionMonths, probationEnd: p.probationEnd },
    });
  }
}

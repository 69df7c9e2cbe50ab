// The post change a selection writes on the cadre file, through the file's one writer
// (server/modules/cadres/changes.ts): the appointment, the history row and the derived current post
// (level, title, 任职时间) are the writer's.
import dayjs from 'dayjs';
import type { Trx } from '../../audit/audit-log.js';
import { noIdNumbers } from '../../crypto/no-id-numbers.js';
import type { CadreWriter } from '../cadres/change-types.js';
import { changeCadre } from '../cadres/changes.js';
import { PROBATION_MONTHS } from '../../../domain/rules/cadre-selection.js';

// A selection writes posts, never identity numbers: the writer's crypto is never called here.
const NO_ID_NUMBERS = noIdNumbers('a selection');
const writer = (trx: Trx, actorId: number | null, at: Date): CadreWriter => ({
  db: trx,
  actor: actorId === null ? null : { userId: actorId },
  clock: { now: () => at },
  crypto: NO_ID_NUMBERS,
});

export interface AppointOnFile {
  cadreId: number;
  post: { id: number; unitId: number; title: string; unitName: string; level: string; principal: boolean };
  /** 任职时间 = the 党委（党组） decision date (RULES.md §7), not the document date. */
  decidedOn: string;
  docNo: string;
  /** Whether a 1-year 试用期 applies (domain/rules/cadre-selection.ts probationApplies). */
  probation: boolean;
  actorId: number | null;
  at: Date;
}

/** Writes the appointment on the file and returns it with its probation end. */
export async function appointOnFile(trx: Trx, a: AppointOnFile): Promise<{ appointmentId: number; probationUntil: string | null }> {
  const probationUntil = a.probation ? dayjs(a.decidedOn).add(PROBATION_MONTHS, 'month').format('YYYY-MM-DD') : null;
  await changeCadre(writer(trx, a.actorId, a.at), a.cadreId, {
    section: 'appointments',
    action: 'appoint',
    reason: `选拔任用：${a.docNo}`,
    addAppointment: {
      post_id: a.post.id,
      unit_id: a.post.unitId,
      title: `${a.post.unitName}${a.post.title}`,
      level: a.post.level,
      principal: a.post.principal,
      decided_on: a.decidedOn,
      doc_no: a.docNo,
      probation_until: probationUntil,
      concurrent: false,
    },
  });
  const row = await trx
    .selectFrom('cadre_appointments')
    .select('id')
    .where('cadre_id', '=', a.cadreId)
    .where('post_id', '=', a.post.id)
    .where('decided_on', '=', a.decidedOn)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return { appointmentId: row.id, probationUntil };
}

/** 试用期满不胜任: the trial post is removed (RULES.md §7); the former rank is restored by the writer's rules. */
export async function endTrialOnFile(
  trx: Trx,
  e: { appointmentId: number; cadreId: number; on: string; actorId: number; at: Date },
): Promise<void> {
  await changeCadre(writer(trx, e.actorId, e.at), e.cadreId, {
    section: 'appointments',
    action: 'end',
    endAppointment: { id: e.appointmentId, ended_on: e.on, end_doc_no: null, end_reason: '试用期满考核不胜任，免去试任职务' },
  });
}

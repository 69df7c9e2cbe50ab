// The post change a selection writes on the cadre file. The file's one writer is server/modules/cadres/changes.ts
// (another branch): INTEGRATION — route appointOnFile and endTrialOnFile through it (changeCadre with section
// 'appointments') so the history row and the derived current post are written by the writer alone. Until then
// these two functions are the only places this module touches cadre_appointments, cadres and cadre_history.
import dayjs from 'dayjs';
import type { Trx } from '../../audit/audit-log.js';
import { PROBATION_MONTHS } from '../../../domain/rules/cadre-selection.js';
import { levelRank, isCadreLevel } from '../../../domain/rules/cadre-levels.js';

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
  const title = `${a.post.unitName}${a.post.title}`;
  const row = await trx
    .insertInto('cadre_appointments')
    .values({
      cadre_id: a.cadreId,
      post_id: a.post.id,
      unit_id: a.post.unitId,
      title,
      level: a.post.level,
      principal: a.post.principal,
      decided_on: a.decidedOn,
      doc_no: a.docNo,
      probation_until: probationUntil,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const before = await trx
    .selectFrom('cadres')
    .select(['level', 'current_title', 'current_unit_id'])
    .where('id', '=', a.cadreId)
    .executeTakeFirstOrThrow();
  // The file's current post follows the higher level (a transfer at the same level replaces it).
  const higher =
    !before.level || !isCadreLevel(before.level) || !isCadreLevel(a.post.level) || levelRank(a.post.level) >= levelRank(before.level);
  if (higher)
    await trx
      .updateTable('cadres')
      .set({ level: a.post.level, current_title: title, current_unit_id: a.post.unitId, current_since: a.decidedOn, updated_at: a.at })
      .where('id', '=', a.cadreId)
      .execute();
  await trx
    .insertInto('cadre_history')
    .values({
      cadre_id: a.cadreId,
      section: 'appointments',
      action: 'appoint',
      actor_id: a.actorId,
      at: a.at,
      reason: `选拔任用：${a.docNo}`,
      before: JSON.stringify(before),
      after: JSON.stringify({ appointmentId: row.id, title, decidedOn: a.decidedOn, probationUntil }),
    })
    .execute();
  return { appointmentId: row.id, probationUntil };
}

/** 试用期满不胜任: the trial post is removed (RULES.md §7); the former rank is restored by the writer's rules. */
export async function endTrialOnFile(
  trx: Trx,
  e: { appointmentId: number; cadreId: number; on: string; actorId: number; at: Date },
): Promise<void> {
  const reason = '试用期满考核不胜任，免去试任职务';
  await trx.updateTable('cadre_appointments').set({ ended_on: e.on, end_reason: reason }).where('id', '=', e.appointmentId).execute();
  await trx
    .insertInto('cadre_history')
    .values({
      cadre_id: e.cadreId,
      section: 'appointments',
      action: 'end',
      actor_id: e.actorId,
      at: e.at,
      reason,
      before: null,
      after: JSON.stringify({ appointmentId: e.appointmentId, endedOn: e.on }),
    })
    .execute();
}

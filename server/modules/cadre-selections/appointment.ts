// 任职 and 试用期: the post change on each appointed candidate's file (through the file's one writer), and the
// end-of-trial decision.
import type { Ctx } from '../../context.js';
import { conflict, invalid } from '../../errors.js';
import { SELECTION_ARTICLES } from '../../../domain/rules/cadre-selection.js';
import type { TAppointment, ZAppointInput, ZProbationSchema } from '../../../domain/schemas/cadre-selections.js';
import { appointOnFile, endTrialOnFile } from './appoint-on-file.js';
import { jsonOf, meetingOf, probationOf, stepDatesOf } from './presenters.js';
import { candidateRows, postRows, type SelectionRow } from './queries.js';
import { bump, candidateOf, requireStep, trail, trxOf, type In } from './steps-common.js';

/**
 * 任职: the talks, the document and the post change on each appointed candidate's file, with 任职时间 = the
 * decision date and a 试用期 only where it applies. The record then waits for the end of 试用期 or closes.
 */
export async function appoint(ctx: Ctx, s: SelectionRow, b: In<typeof ZAppointInput>): Promise<TAppointment> {
  requireStep(s, '任职');
  if (s.appointment) throw conflict('已办理任职', 'docNo');
  const meeting = meetingOf(s);
  if (!meeting) throw conflict(`尚未讨论决定（${SELECTION_ARTICLES.decision}）`, 'docNo');
  if (b.docOn < meeting.heldOn) throw invalid(`任职文件日期不能早于讨论决定（${meeting.heldOn}）`, 'docOn');
  const cands = (await candidateRows(ctx.db, [s.id])).filter(
    (c) => !c.dropped_reason && jsonOf<{ passed: boolean } | null>(c.vote)?.passed,
  );
  if (cands.length === 0) throw conflict('没有可任职的人选', 'docNo');
  const posts = await postRows(
    ctx.db,
    cands.map((c) => c.post_id),
  );
  const trx = trxOf(ctx);
  let probations = 0;
  for (const c of cands) {
    const post = posts.find((p) => p.id === c.post_id)!;
    const probation = probationOf(s, c);
    const r = await appointOnFile(trx, {
      cadreId: c.cadre_id,
      post: { id: post.id, unitId: c.unit_id, title: c.post_title, unitName: c.unit_name, level: c.post_level, principal: c.principal },
      decidedOn: meeting.heldOn,
      docNo: b.docNo,
      probation,
      actorId: ctx.actor.userId,
      at: ctx.clock.now(),
    });
    if (r.probationUntil) probations++;
    await trx
      .updateTable('cadre_selection_candidates')
      .set({ appointment_id: r.appointmentId, probation_until: r.probationUntil })
      .where('id', '=', c.id)
      .execute();
    await trail(
      ctx,
      s.id,
      '任职',
      '任职',
      `${c.name} 任 ${c.unit_name}${c.post_title}，任职时间 ${meeting.heldOn}${r.probationUntil ? `，试用期至 ${r.probationUntil}` : ''}`,
    );
  }
  const a: TAppointment = { ...b, people: cands.length };
  const dates = probations ? { ...stepDatesOf(s), 试用期: ctx.today() } : stepDatesOf(s);
  await trx
    .updateTable('cadre_selections')
    .set({
      appointment: JSON.stringify(a),
      step: probations ? '试用期' : '任职',
      status: probations ? 'open' : 'closed',
      step_dates: JSON.stringify(dates),
    })
    .where('id', '=', s.id)
    .execute();
  await bump(ctx, s.id);
  await trail(
    ctx,
    s.id,
    '任职',
    '发文',
    `${b.docNo}（${b.docOn}），任职 ${cands.length} 人；任职谈话 ${b.appointmentTalk.on}（${b.appointmentTalk.by}），廉洁谈话 ${b.integrityTalk.on}（${b.integrityTalk.by}）`,
  );
  return a;
}

/** 试用期满: 胜任 → 正式任职; 不胜任 → the trial post is removed. The record closes when every trial is decided. */
export async function endProbation(ctx: Ctx, s: SelectionRow, b: In<typeof ZProbationSchema>): Promise<{ candidateId: number }> {
  requireStep(s, '试用期');
  const c = await candidateOf(ctx, s, b.candidateId);
  if (!c.probation_until || !c.appointment_id) throw conflict('该人选未实行试用期', 'candidateId');
  if (c.probation_result) throw conflict('该人选试用期已考核', 'candidateId');
  if (b.on < c.probation_until)
    throw conflict(`试用期至 ${c.probation_until} 届满，期满后方可考核（${SELECTION_ARTICLES.probation}）`, 'on');
  const trx = trxOf(ctx);
  if (b.result === 'incompetent')
    await endTrialOnFile(trx, {
      appointmentId: c.appointment_id,
      cadreId: c.cadre_id,
      on: b.on,
      actorId: ctx.actor.userId,
      at: ctx.clock.now(),
    });
  await trx
    .updateTable('cadre_selection_candidates')
    .set({ probation_result: b.result, probation_decided_on: b.on })
    .where('id', '=', c.id)
    .execute();
  const left = (await candidateRows(trx, [s.id])).filter((x) => x.probation_until && !x.probation_result);
  if (left.length === 0) await trx.updateTable('cadre_selections').set({ status: 'closed' }).where('id', '=', s.id).execute();
  await bump(ctx, s.id);
  await trail(ctx, s.id, '试用期', '试用期满考核', `${c.name}：${b.result === 'competent' ? '胜任，正式任职' : '不胜任，免去试任职务'}`);
  return { candidateId: c.id };
}

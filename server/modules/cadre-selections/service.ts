// The selection workflow (issue 13 point 1): each use case runs on a Ctx bound to the audited transaction of its
// route, checks the step it belongs to, writes its facts and one line of the 纪实 trail.
import type { Ctx } from '../../context.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { committeeDecision, FOUR_MUSTS, SELECTION_ARTICLES } from '../../../domain/rules/cadre-selection.js';
import type {
  TMeeting,
  TPublicity,
  TRecommendationInput,
  TSelectionCreate,
  ZAdvanceSchema,
  ZAvoidanceDecisionSchema,
  ZFourMustSchema,
  ZInspection,
  ZObjectionHandleSchema,
  ZObjectionSchema,
  ZOverrideSchema,
  ZPublicityInput,
  ZStopSchema,
} from '../../../domain/schemas/cadre-selections.js';
import { fourMustEvidenceOf } from './four-must-evidence.js';
import type { Override } from './eligibility.js';
import { gate } from './gates.js';
import { publicityWindow } from './publicity.js';
import {
  fourMustsOf,
  gateCandidate,
  gateSelection,
  jsonOf,
  meetingOf,
  postIdsOf,
  presentCandidates,
  publicityOfRow,
  stepDatesOf,
} from './presenters.js';
import { candidateRows, objectionRows, selectionRow, type SelectionRow } from './queries.js';

import { bump, candidateOf, requireOpen, requireStep, trail, trxOf, type In } from './steps-common.js';

/** 分析研判和动议: the record opens with its grounds, posts, scope and way. */
export async function createSelection(ctx: Ctx, b: TSelectionCreate): Promise<{ id: number }> {
  const orgId = b.orgId ?? ctx.actor.orgId;
  const postIds = [...new Set(b.postIds)];
  // The posts were scope-checked by the route, before this transaction.
  const row = await trxOf(ctx)
    .insertInto('cadre_selections')
    .values({
      manager_org_id: orgId,
      title: b.title,
      post_ids: JSON.stringify(postIds),
      motion_on: b.motionOn,
      grounds: b.grounds,
      scope: b.scope,
      way: b.way,
      promotion: b.promotion,
      step_dates: JSON.stringify({ 分析研判和动议: b.motionOn }),
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trail(ctx, row.id, '分析研判和动议', '动议', `${b.way}；职位 ${postIds.length} 个；动议理由：${b.grounds}`);
  return row;
}

/** 民主推荐: 会议推荐 and 谈话调研推荐, and the candidates with the post each is proposed for. */
export async function recordRecommendation(ctx: Ctx, s: SelectionRow, b: TRecommendationInput): Promise<void> {
  requireStep(s, '民主推荐');
  const postIds = postIdsOf(s);
  const bad = b.candidates.find((c) => !postIds.includes(c.postId));
  if (bad) throw invalid(`职位 ${bad.postId} 不在本次动议的职位中`, 'candidates');
  // The cadres were scope-checked by the route, before this transaction.
  const seen = new Set<string>();
  for (const c of b.candidates) {
    const key = `${c.cadreId}:${c.postId}`;
    if (seen.has(key)) throw invalid('同一人选对同一职位只能推荐一次', 'candidates');
    seen.add(key);
  }
  const trx = trxOf(ctx);
  await trx.deleteFrom('cadre_selection_candidates').where('selection_id', '=', s.id).execute();
  await trx
    .insertInto('cadre_selection_candidates')
    .values(
      b.candidates.map((c, i) => ({
        selection_id: s.id,
        cadre_id: c.cadreId,
        post_id: c.postId,
        votes: c.votes ?? null,
        talk_mentions: c.talkMentions ?? null,
        training_hours: c.trainingHours,
        exceptional_reasons: c.exceptionalReasons?.trim() || null,
        sort: i,
      })),
    )
    .execute();
  const { candidates: _, ...facts } = b;
  await trx
    .updateTable('cadre_selections')
    .set({ recommendation: JSON.stringify(facts) })
    .where('id', '=', s.id)
    .execute();
  await bump(ctx, s.id);
  const ballots = b.meeting?.categories.reduce((n, c) => n + c.ballots, 0) ?? 0;
  await trail(
    ctx,
    s.id,
    '民主推荐',
    '民主推荐',
    `会议推荐有效票 ${ballots} 张；谈话调研推荐谈话 ${b.talks?.talkCount ?? 0} 人；人选 ${b.candidates.length} 名`,
  );
}

/** 考察: the team, the people talked to and the report. */
export async function recordInspection(ctx: Ctx, s: SelectionRow, b: In<typeof ZInspection>): Promise<void> {
  requireStep(s, '考察');
  await trxOf(ctx)
    .updateTable('cadre_selections')
    .set({ inspection: JSON.stringify(b) })
    .where('id', '=', s.id)
    .execute();
  await bump(ctx, s.id);
  await trail(ctx, s.id, '考察', '考察', `考察组：${b.team.join('、')}；个别谈话 ${b.talkedTo} 人；${b.startedOn} 开始`);
}

/** Closes one 凡提四必 item of a candidate with its evidence and who closed it. */
export async function closeFourMust(ctx: Ctx, s: SelectionRow, b: In<typeof ZFourMustSchema>): Promise<void> {
  requireStep(s, '考察');
  const c = await candidateOf(ctx, s, b.candidateId);
  const musts = fourMustsOf(c);
  if (musts[b.item]) throw conflict(`“${FOUR_MUSTS[b.item]}”已办结`, 'item');
  const explanation = b.explanation?.trim() || null;
  if (b.item === 'personalMatters') {
    const check = (await fourMustEvidenceOf(ctx.db, [c.cadre_id])).get(c.cadre_id)!.personalMatters;
    if (check.findingOpen && !explanation) throw conflict(`${c.name}：${check.note}`, 'explanation');
  }
  musts[b.item] = {
    evidence: b.evidence,
    explanation,
    attachmentName: b.attachmentName ?? null,
    closedBy: ctx.actor.displayName,
    closedOn: ctx.today(),
  };
  await trxOf(ctx)
    .updateTable('cadre_selection_candidates')
    .set({ four_musts: JSON.stringify(musts) })
    .where('id', '=', c.id)
    .execute();
  await bump(ctx, s.id);
  await trail(
    ctx,
    s.id,
    '考察',
    '凡提四必',
    `${c.name}：${FOUR_MUSTS[b.item]}已办结（${b.evidence}${explanation ? `；查核发现问题的说明：${explanation}` : ''}）`,
  );
}

/** Sets aside an unmet, overridable eligibility finding with a reason; a non-overridable one cannot be. */
export async function overrideFinding(
  ctx: Ctx,
  s: SelectionRow,
  b: In<typeof ZOverrideSchema>,
): Promise<{ candidateId: number; rule: string }> {
  requireStep(s, '民主推荐', '考察');
  const c = await candidateOf(ctx, s, b.candidateId);
  const view = (await presentCandidates(ctx.db, s, [c], ctx.today()))[0];
  const f = view.eligibility.findings.find((x) => x.rule === b.rule && !x.met);
  if (!f) throw invalid(`人选没有未满足的“${b.rule}”条件`, 'rule');
  if (!f.overridable) throw conflict(`该条件不能例外认定：${f.reason}`, 'rule');
  const overrides = jsonOf<Override[]>(c.overrides ?? []).filter((o) => o.rule !== b.rule);
  overrides.push({ rule: b.rule, reason: b.reason, by: ctx.actor.displayName, on: ctx.today() });
  await trxOf(ctx)
    .updateTable('cadre_selection_candidates')
    .set({ overrides: JSON.stringify(overrides) })
    .where('id', '=', c.id)
    .execute();
  await bump(ctx, s.id);
  await trail(ctx, s.id, s.step, '任职资格例外认定', `${c.name}：${f.reason}；认定理由：${b.reason}`);
  return { candidateId: c.id, rule: b.rule };
}

/** Records the decision to proceed despite avoidance flags (who, why). */
export async function decideAvoidance(ctx: Ctx, s: SelectionRow, b: In<typeof ZAvoidanceDecisionSchema>): Promise<{ candidateId: number }> {
  requireStep(s, '民主推荐', '考察');
  const c = await candidateOf(ctx, s, b.candidateId);
  const flags = (await presentCandidates(ctx.db, s, await candidateRows(ctx.db, [s.id]), ctx.today())).find((x) => x.id === c.id)!.avoidance
    .flags;
  if (flags.length === 0) throw conflict('该人选没有回避情形', 'candidateId');
  const decision = { by: ctx.actor.displayName, reason: b.reason, on: ctx.today() };
  await trxOf(ctx)
    .updateTable('cadre_selection_candidates')
    .set({ avoidance_decision: JSON.stringify(decision) })
    .where('id', '=', c.id)
    .execute();
  await bump(ctx, s.id);
  await trail(ctx, s.id, s.step, '回避情形决定', `${c.name}：${flags.map((f) => f.message).join('；')}；决定：${b.reason}`);
  return { candidateId: c.id };
}

/**
 * 讨论决定: the meeting, who attended and each candidate's votes. Without ⅔ of the members present nothing is
 * decided and the record is refused; each candidate passes with more than half of all members who should attend.
 */
export async function recordMeeting(ctx: Ctx, s: SelectionRow, b: TMeeting): Promise<{ passed: number; failed: number }> {
  requireStep(s, '讨论决定');
  if (meetingOf(s)) throw conflict('已登记讨论决定', 'heldOn');
  const present = b.present.length;
  if (present > b.members) throw invalid(`实到会成员（${present}）不能多于应到会成员（${b.members}）`, 'present');
  const quorum = committeeDecision({ members: b.members, present, inFavor: 0 });
  if (!quorum.quorate)
    throw conflict(
      `应到会成员 ${b.members} 名，实到 ${present} 名，不足三分之二，不能讨论决定干部任免事项（${SELECTION_ARTICLES.decision}）`,
      'present',
    );
  const cands = (await candidateRows(ctx.db, [s.id])).filter((c) => !c.dropped_reason);
  const missing = cands.find((c) => !b.votes.some((v) => v.candidateId === c.id));
  if (missing) throw invalid(`议题缺少人选“${missing.name}”的表决`, 'votes');
  let passed = 0;
  for (const v of b.votes) {
    const c = cands.find((x) => x.id === v.candidateId);
    if (!c) throw invalid(`人选 ${v.candidateId} 不在本次议题中`, 'votes');
    if (v.inFavor + v.against + v.abstain > present) throw invalid(`“${c.name}”的表决票数多于实到会成员`, 'votes');
    const d = committeeDecision({ members: b.members, present, inFavor: v.inFavor });
    passed += d.passed ? 1 : 0;
    await trxOf(ctx)
      .updateTable('cadre_selection_candidates')
      .set({ vote: JSON.stringify({ ...v, passed: d.passed }), dropped_reason: d.passed ? null : '讨论决定未获通过' })
      .where('id', '=', c.id)
      .execute();
    await trail(
      ctx,
      s.id,
      '讨论决定',
      '表决',
      `${c.name}：同意 ${v.inFavor}、不同意 ${v.against}、弃权 ${v.abstain}，${d.passed ? '通过' : '未通过'}`,
    );
  }
  await trxOf(ctx)
    .updateTable('cadre_selections')
    .set({ meeting: JSON.stringify(b) })
    .where('id', '=', s.id)
    .execute();
  await bump(ctx, s.id);
  await trail(ctx, s.id, '讨论决定', b.body, `${b.heldOn} ${b.body}，应到 ${b.members} 名，实到 ${present} 名（${b.present.join('、')}）`);
  return { passed, failed: b.votes.length - passed };
}

/** 任前公示: its first day and the computed end, or the exemption the regulation gives. */
export async function recordPublicity(ctx: Ctx, s: SelectionRow, b: In<typeof ZPublicityInput>): Promise<TPublicity> {
  requireStep(s, '任前公示');
  if (publicityOfRow(s)?.startOn) throw conflict('公示已开始', 'startOn');
  const meeting = meetingOf(s);
  if (!b.startOn) throw invalid('请填写公示开始日期；无需公示的，讨论决定后直接办理任职', 'startOn');
  if (meeting && b.startOn < meeting.heldOn) throw invalid(`公示应在讨论决定（${meeting.heldOn}）之后`, 'startOn');
  const w = publicityWindow(b.startOn);
  const p: TPublicity = {
    startOn: w.startOn,
    endOn: w.endOn,
    exemption: b.exemption ?? null,
    reason: `公示期不少于 5 个工作日（${SELECTION_ARTICLES.publicity}）`,
    channel: b.channel ?? '',
    holidays: w.holidays,
    provisional: w.provisional,
  };
  await trxOf(ctx)
    .updateTable('cadre_selections')
    .set({ publicity: JSON.stringify(p) })
    .where('id', '=', s.id)
    .execute();
  await bump(ctx, s.id);
  const skipped = w.holidays.length ? `，期间节假日 ${[...new Set(w.holidays.map((h) => h.name))].join('、')}` : '';
  await trail(ctx, s.id, '任前公示', '任前公示', `${w.startOn} 至 ${w.endOn}${skipped}`);
  return p;
}

export async function recordObjection(ctx: Ctx, s: SelectionRow, b: In<typeof ZObjectionSchema>): Promise<{ id: number }> {
  requireStep(s, '任前公示');
  const c = b.candidateId ? await candidateOf(ctx, s, b.candidateId) : null;
  const row = await trxOf(ctx)
    .insertInto('cadre_selection_objections')
    .values({ selection_id: s.id, candidate_id: c?.id ?? null, received_on: b.receivedOn, text: b.text })
    .returning('id')
    .executeTakeFirstOrThrow();
  await bump(ctx, s.id);
  await trail(ctx, s.id, '任前公示', '受理反映', `${c ? `${c.name}：` : ''}${b.text}`);
  return row;
}

/** An objection handled (not substantiated) or upheld (the candidate it concerns is not appointed). */
export async function handleObjection(ctx: Ctx, s: SelectionRow, b: In<typeof ZObjectionHandleSchema>): Promise<{ id: number }> {
  requireStep(s, '任前公示');
  const o = (await objectionRows(ctx.db, s.id)).find((x) => x.id === b.objectionId);
  if (!o) throw notFound('反映问题');
  if (o.status !== 'open') throw conflict('该反映问题已办结', 'objectionId');
  const trx = trxOf(ctx);
  await trx
    .updateTable('cadre_selection_objections')
    .set({ status: b.status, handling: b.handling, handled_by: ctx.actor.displayName, handled_on: ctx.today() })
    .where('id', '=', o.id)
    .execute();
  if (b.status === 'upheld' && o.candidate_id)
    await trx
      .updateTable('cadre_selection_candidates')
      .set({ dropped_reason: '公示反映问题经查属实，不予任用' })
      .where('id', '=', o.candidate_id)
      .execute();
  await bump(ctx, s.id);
  await trail(ctx, s.id, '任前公示', b.status === 'upheld' ? '反映属实' : '反映办结', b.handling);
  return { id: o.id };
}

/** Moves to the next step through the gate; the refusal lists every reason with its article. */
export async function advance(ctx: Ctx, s: SelectionRow, b: In<typeof ZAdvanceSchema>): Promise<void> {
  requireOpen(s);
  if (s.version !== b.version) throw conflict('记录已被他人修改，请刷新后重试', 'version');
  const today = ctx.today();
  const [cands, objections] = await Promise.all([candidateRows(ctx.db, [s.id]), objectionRows(ctx.db, s.id)]);
  const views = await presentCandidates(ctx.db, s, cands, today);
  const g = gateSelection(s, objections.filter((o) => o.status === 'open').length, today);
  const r = gate(
    g,
    cands.map((c, i) => gateCandidate(c, views[i])),
    b.to,
  );
  if (!r.ok) throw conflict(r.reasons.join('\n'), 'to');
  const dates = { ...stepDatesOf(s), [b.to]: today };
  await trxOf(ctx)
    .updateTable('cadre_selections')
    .set({ step: b.to, step_dates: JSON.stringify(dates) })
    .where('id', '=', s.id)
    .execute();
  await bump(ctx, s.id);
  await trail(ctx, s.id, b.to, '进入环节', `由“${s.step}”进入“${b.to}”`);
}

/**
 * 终止: a selection may be stopped at any step before 任职 (the post is no longer to be filled, the motion is
 * withdrawn, no suitable candidate…), with its reason; it stays on record, read-only, and leaves the to-do list.
 */
export async function stopSelection(ctx: Ctx, s: SelectionRow, b: In<typeof ZStopSchema>): Promise<void> {
  requireOpen(s);
  if (s.version !== b.version) throw conflict('记录已被他人修改，请刷新后重试', 'version');
  if (s.appointment || s.step === '任职' || s.step === '试用期')
    throw conflict(`已进入“${s.step}”环节，不能终止；已任职的人员按免职、调整程序办理`, 'step');
  await trxOf(ctx)
    .updateTable('cadre_selections')
    .set({ status: 'stopped', stopped_on: ctx.today(), stop_reason: b.reason, stopped_by: ctx.actor.displayName })
    .where('id', '=', s.id)
    .execute();
  await bump(ctx, s.id);
  await trail(ctx, s.id, s.step, '终止', `在“${s.step}”环节终止：${b.reason}`);
}

export { appoint, endProbation } from './appointment.js';

export const loadSelection = async (ctx: Ctx, id: number) => {
  const s = await selectionRow(ctx.db, id);
  if (!s) throw notFound('干部选拔任用记录');
  return s;
};

// 柔性引才 agreements on a Ctx (issue 15 point 3): create one for a registered talent with an employer here,
// record on-site days (the office, or the employer's own account for its own agreements), add deliverables and
// accept or return them, end or terminate with a reason, renew as a new agreement continuing the old. Writes go
// through changes.ts, in the route's audited transaction.
import dayjs from 'dayjs';
import type { Ctx } from '../../context.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { recordDenied } from '../../audit/record.js';
import { requireAccess } from '../../scope/access.js';
import type {
  TAgreement,
  TAgreementCreate,
  TAgreementEnd,
  TAgreementRenew,
  TDeliverableCreate,
  TDeliverableDecide,
  TOnsiteDays,
} from '../../../domain/schemas/talent-agreements.js';
import { ownEmployerIds } from '../talent-policies/access.js';
import { changeAgreement, decideDeliverable, insertAgreement, insertDays, insertDeliverable } from './changes.js';
import { agreementRow } from './queries.js';

const LABEL = '柔性引才协议';

/** 404 (and an audited refusal) unless the agreement is one of the employer account's own. */
export async function requireOwnAgreement(ctx: Ctx, id: number): Promise<void> {
  const a = await ctx.db.selectFrom('talent_agreements').select('employer_id').where('id', '=', id).executeTakeFirst();
  if (!a) throw notFound(LABEL);
  if (!(await ownEmployerIds(ctx)).includes(a.employer_id)) {
    await recordDenied(ctx, 'talent.employer', 'talent_agreement', id, 'scope');
    throw notFound(LABEL);
  }
}

async function locked(ctx: Ctx, id: number) {
  const a = await ctx.db.selectFrom('talent_agreements').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!a) throw notFound(LABEL);
  return a;
}

function checkDeliverables(ds: TDeliverableCreate[], startsOn: string) {
  const early = ds.findIndex((d) => d.dueOn < startsOn);
  if (early >= 0) throw invalid(`第 ${early + 1} 项成果的约定日期早于协议开始日期`, 'deliverables');
}

/** Refuses a second agreement of the same talent with the same employer overlapping the term. */
async function refuseOverlap(ctx: Ctx, personId: number, employerId: number, startsOn: string, endsOn: string, except?: number) {
  let q = ctx.db
    .selectFrom('talent_agreements')
    .select(['id', 'starts_on', 'ends_on'])
    .where('person_id', '=', personId)
    .where('employer_id', '=', employerId)
    .where('status', '=', 'active')
    .where('starts_on', '<=', endsOn)
    .where('ends_on', '>=', startsOn);
  if (except) q = q.where('id', '<>', except);
  const o = await q.executeTakeFirst();
  if (o) throw conflict(`该人才与该单位已有 ${o.starts_on} 至 ${o.ends_on} 的协议，请续签或先终止原协议`, 'startsOn');
}

export async function createAgreement(ctx: Ctx, b: TAgreementCreate): Promise<number> {
  await requireAccess(ctx, 'talent.write', 'talent_person', b.personId);
  await requireAccess(ctx, 'talent.write', 'talent_employer', b.employerId);
  const p = await ctx.db.selectFrom('talent_people').select('status').where('id', '=', b.personId).executeTakeFirstOrThrow();
  if (p.status !== 'active') throw conflict('该人才已离开，不能签订协议', 'personId');
  checkDeliverables(b.deliverables, b.startsOn);
  await refuseOverlap(ctx, b.personId, b.employerId, b.startsOn, b.endsOn);
  return insertAgreement(ctx, b, b.deliverables);
}

/** On-site days: on an active agreement, within its term, not in the future, at most the term's length in all. */
export async function recordDays(ctx: Ctx, id: number, b: TOnsiteDays, as: 'office' | 'employer'): Promise<number> {
  const a = await locked(ctx, id);
  if (a.status !== 'active') throw conflict('协议已结束，不能再登记在岗天数', 'fromOn');
  const today = ctx.today();
  if (b.fromOn < a.starts_on || b.fromOn > a.ends_on) throw invalid(`在岗日期应在协议期限 ${a.starts_on} 至 ${a.ends_on} 内`, 'fromOn');
  if (b.fromOn > today) throw invalid('不能登记今天以后的在岗天数', 'fromOn');
  const same = await ctx.db
    .selectFrom('talent_agreement_days')
    .select('id')
    .where('agreement_id', '=', id)
    .where('from_on', '=', b.fromOn)
    .executeTakeFirst();
  if (same) throw conflict(`${b.fromOn} 起的在岗天数已登记，请勿重复登记`, 'fromOn');
  const { total } = await ctx.db
    .selectFrom('talent_agreement_days')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('days'), eb.lit(0)).as('total'))
    .where('agreement_id', '=', id)
    .executeTakeFirstOrThrow();
  const term = dayjs(a.ends_on).diff(dayjs(a.starts_on), 'day') + 1;
  if (Number(total) + b.days > term) throw invalid(`累计在岗天数不能超过协议期限的 ${term} 天`, 'days');
  return insertDays(ctx, id, b, as);
}

export async function addDeliverable(ctx: Ctx, id: number, b: TDeliverableCreate): Promise<number> {
  const a = await locked(ctx, id);
  if (a.status !== 'active') throw conflict('协议已结束，不能增加约定成果', 'title');
  checkDeliverables([b], a.starts_on);
  return insertDeliverable(ctx, id, b);
}

export async function decide(ctx: Ctx, id: number, deliverableId: number, b: TDeliverableDecide): Promise<void> {
  const a = await locked(ctx, id);
  const d = await ctx.db
    .selectFrom('talent_deliverables')
    .select('id')
    .where('id', '=', deliverableId)
    .where('agreement_id', '=', id)
    .executeTakeFirst();
  if (!d) throw notFound('约定成果');
  if (b.decidedOn > ctx.today()) throw invalid('验收日期不能晚于今天', 'decidedOn');
  if (b.decidedOn < a.starts_on) throw invalid('验收日期不能早于协议开始日期', 'decidedOn');
  await decideDeliverable(ctx, id, deliverableId, b);
}

/** Ended once its term has run out; terminated early, before its end, with the reason. */
export async function endAgreement(ctx: Ctx, id: number, b: TAgreementEnd): Promise<void> {
  const a = await locked(ctx, id);
  if (a.status !== 'active') throw conflict('协议已结束或已解除', 'status');
  if (b.endedOn > ctx.today()) throw invalid('终止日期不能晚于今天', 'endedOn');
  if (b.status === 'ended' && b.endedOn < a.ends_on) throw invalid(`协议 ${a.ends_on} 到期，提前结束请选择“解除”`, 'status');
  if (b.status === 'terminated' && b.endedOn >= a.ends_on) throw invalid('协议已到期，请选择“到期终止”', 'status');
  await changeAgreement(ctx, id, b.version, { status: b.status, ended_on: b.endedOn, end_reason: b.reason });
}

/**
 * A renewal is a new agreement of the same parties and form from the day after the old one ends (or later).
 * The old one, once its term has run out, is closed as ended by the renewal; before that it runs on, marked renewed
 * (no end reminder).
 */
export async function renewAgreement(ctx: Ctx, id: number, b: TAgreementRenew): Promise<number> {
  const a = await locked(ctx, id);
  if (a.version !== b.version) throw conflict('该协议已被他人修改，请刷新后再操作', 'version');
  if (a.status === 'terminated') throw conflict('已解除的协议不能续签', 'status');
  const renewed = await ctx.db.selectFrom('talent_agreements').select('id').where('renewed_from', '=', id).executeTakeFirst();
  if (renewed) throw conflict('该协议已续签', 'status');
  const startsOn = b.startsOn ?? dayjs(a.ends_on).add(1, 'day').format('YYYY-MM-DD');
  if (startsOn <= a.ends_on) throw invalid(`续签协议应自原协议到期（${a.ends_on}）后开始`, 'startsOn');
  if (b.endsOn < startsOn) throw invalid('协议截止日期不能早于开始日期', 'endsOn');
  checkDeliverables(b.deliverables, startsOn);
  await refuseOverlap(ctx, a.person_id, a.employer_id, startsOn, b.endsOn, id);
  const newId = await insertAgreement(
    ctx,
    {
      personId: a.person_id,
      employerId: a.employer_id,
      homeInstitution: a.home_institution,
      form: a.form as TAgreementCreate['form'],
      startsOn,
      endsOn: b.endsOn,
      onsiteDaysPromised: b.onsiteDaysPromised,
      payFen: b.payFen,
      payTerms: b.payTerms,
      ipTerms: b.ipTerms,
      note: b.note,
      renewedFrom: id,
    },
    b.deliverables,
  );
  if (a.status === 'active' && a.ends_on < ctx.today())
    await changeAgreement(ctx, id, a.version, { status: 'ended', ended_on: a.ends_on, end_reason: `到期续签（新协议 ${newId}）` });
  return newId;
}

/** The agreement with its days and deliverables; the talent's evaluations only for the office. */
export async function getAgreement(ctx: Ctx, id: number, forOffice: boolean): Promise<TAgreement> {
  const today = ctx.today();
  const row = await agreementRow(ctx.db, id, today);
  if (!row) throw notFound(LABEL);
  const [a, days, deliverables, evaluations] = await Promise.all([
    ctx.db
      .selectFrom('talent_agreements')
      .select(['pay_terms', 'ip_terms', 'note', 'ended_on', 'end_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('talent_agreement_days as x')
      .leftJoin('users as u', 'u.id', 'x.user_id')
      .select(['x.id', 'x.from_on', 'x.days', 'x.note', 'x.recorded_as', 'x.at', 'u.display_name'])
      .where('x.agreement_id', '=', id)
      .orderBy('x.from_on')
      .execute(),
    ctx.db.selectFrom('talent_deliverables').selectAll().where('agreement_id', '=', id).orderBy('due_on').orderBy('id').execute(),
    forOffice
      ? ctx.db
          .selectFrom('talent_evaluations')
          .select(['year', 'achieved', 'potential', 'total'])
          .where('person_id', '=', row.personId)
          .orderBy('year')
          .execute()
      : Promise.resolve([]),
  ]);
  return {
    ...row,
    payTerms: a.pay_terms,
    ipTerms: a.ip_terms,
    note: a.note,
    endedOn: a.ended_on,
    endReason: a.end_reason,
    days: days.map((d) => ({
      id: d.id,
      fromOn: d.from_on,
      days: d.days,
      note: d.note,
      recordedAs: d.recorded_as,
      userName: d.display_name,
      at: new Date(d.at).toISOString(),
    })),
    deliverables: deliverables.map((d) => ({
      id: d.id,
      title: d.title,
      dueOn: d.due_on,
      outcome: d.outcome,
      decidedOn: d.accepted_on,
      acceptance: d.acceptance,
      overdue: d.outcome !== 'accepted' && d.due_on < today,
    })),
    evaluations: evaluations.map((e) => ({
      year: e.year,
      achieved: Number(e.achieved),
      potential: Number(e.potential),
      total: Number(e.total),
    })),
  };
}

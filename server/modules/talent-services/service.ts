// Talent services delivered by other departments (issue 15 point 6). A talent (or the talent office for
// them) asks for a service of a type; the request goes to the type's department, due after the type's
// response time in working days (the official holiday calendar). A department's accounts see and act on
// the requests routed to their department only; the talent sees their own; the office sees the requests
// of the talents in its scope and may re-route one. An answer after the due date is marked late, never
// refused (RULES.md §9). Every step is an event on the request.
import { sql } from 'kysely';
import { addWorkingDays } from '../../../domain/rules/working-days.js';
import type {
  TServiceAnswer,
  TServiceClose,
  TServiceDepartmentCreate,
  TServiceRequestCreate,
  TServiceRoute,
  TServiceTypeCreate,
  TServiceTypeUpdate,
  TServiceVersion,
} from '../../../domain/schemas/talent-services.js';
import { recordDenied } from '../../audit/record.js';
import type { Ctx } from '../../context.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import { requireAccess } from '../../scope/access.js';
import { loadRequests } from './queries.js';

const LABEL = '服务申请';

/** The department whose accounts include the actor (role talent_service), or a 404 naming the missing link. */
export async function myDepartmentId(ctx: Ctx): Promise<number> {
  const r = await ctx.db
    .selectFrom('talent_service_department_users')
    .select('department_id')
    .where('user_id', '=', ctx.actor.userId)
    .executeTakeFirst();
  // 404 like a missing record (as /api/dues/me answers an account without a member record): the role holds the
  // action, the account has nothing behind it yet.
  if (!r) throw new AppError('NO_DEPARTMENT', '此账号未关联人才服务部门', 404);
  return r.department_id;
}

/** The talent record of the actor's own account (role talent), or a 404. */
export async function myPersonId(ctx: Ctx): Promise<number> {
  const r = await ctx.db.selectFrom('talent_people').select('id').where('user_id', '=', ctx.actor.userId).executeTakeFirst();
  if (!r) throw new AppError('NO_TALENT', '此账号尚未登记为人才，无法申请服务', 404);
  return r.id;
}

export async function createDepartment(ctx: Ctx, b: TServiceDepartmentCreate): Promise<number> {
  const dup = await ctx.db.selectFrom('talent_service_departments').select('id').where('code', '=', b.code).executeTakeFirst();
  if (dup) throw conflict('部门代码已存在', 'code');
  const r = await ctx.db.insertInto('talent_service_departments').values(b).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

async function requireDepartment(ctx: Ctx, id: number, field: string): Promise<void> {
  const d = await ctx.db.selectFrom('talent_service_departments').select('id').where('id', '=', id).executeTakeFirst();
  if (!d) throw invalid('服务部门不存在', field);
}

export async function createType(ctx: Ctx, b: TServiceTypeCreate): Promise<number> {
  await requireDepartment(ctx, b.departmentId, 'departmentId');
  const dup = await ctx.db.selectFrom('talent_service_types').select('id').where('code', '=', b.code).executeTakeFirst();
  if (dup) throw conflict('服务代码已存在', 'code');
  const r = await ctx.db
    .insertInto('talent_service_types')
    .values({
      code: b.code,
      name: b.name,
      department_id: b.departmentId,
      response_days: b.responseDays,
      tier_codes: JSON.stringify(b.tierCodes),
      description: b.description,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateType(ctx: Ctx, id: number, b: TServiceTypeUpdate): Promise<void> {
  if (b.departmentId) await requireDepartment(ctx, b.departmentId, 'departmentId');
  const r = await ctx.db
    .updateTable('talent_service_types')
    .set({
      ...(b.name !== undefined ? { name: b.name } : {}),
      ...(b.departmentId !== undefined ? { department_id: b.departmentId } : {}),
      ...(b.responseDays !== undefined ? { response_days: b.responseDays } : {}),
      ...(b.tierCodes !== undefined ? { tier_codes: JSON.stringify(b.tierCodes) } : {}),
      ...(b.description !== undefined ? { description: b.description } : {}),
      ...(b.active !== undefined ? { active: b.active } : {}),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r.numUpdatedRows) throw notFound('服务类型');
}

async function event(ctx: Ctx, requestId: number, action: string, note = ''): Promise<void> {
  await ctx.db.insertInto('talent_service_events').values({ request_id: requestId, user_id: ctx.actor.userId, action, note }).execute();
}

/**
 * A new request: by the talent for themselves (`self`), or by the office for a talent in its scope.
 * The type must be active and, when it names tiers, the talent's card must be of one of them.
 */
export async function createRequest(ctx: Ctx, b: TServiceRequestCreate, as: 'self' | 'office'): Promise<number> {
  let personId: number;
  if (as === 'self') {
    if (b.personId !== undefined) throw invalid('本人申请无需填写人才', 'personId');
    personId = await myPersonId(ctx);
  } else {
    if (b.personId === undefined) throw invalid('请选择人才', 'personId');
    await requireAccess(ctx, 'talent.write', 'talent_person', b.personId);
    personId = b.personId;
  }
  const type = await ctx.db
    .selectFrom('talent_service_types')
    .selectAll()
    .where('id', '=', b.typeId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!type) throw invalid('服务类型不存在或已停用', 'typeId');
  const person = await ctx.db
    .selectFrom('talent_people as p')
    .leftJoin('talent_tiers as t', 't.id', 'p.tier_id')
    .select(['p.status', 'p.card_expires_on', 't.code as tier'])
    .where('p.id', '=', personId)
    .executeTakeFirstOrThrow();
  if (person.status !== 'active') throw invalid('该人才已离开，不能申请服务', 'personId');
  const tiers = type.tier_codes as string[];
  if (tiers.length > 0) {
    if (!person.tier || !tiers.includes(person.tier)) throw invalid(`「${type.name}」限 ${tiers.join('、')} 类人才申请`, 'typeId');
    if (person.card_expires_on && person.card_expires_on < ctx.today()) throw invalid('人才卡已过期，请先办理续期', 'typeId');
  }
  const today = ctx.today();
  const r = await ctx.db
    .insertInto('talent_service_requests')
    .values({
      person_id: personId,
      type_id: type.id,
      department_id: type.department_id,
      detail: b.detail,
      submitted_on: today,
      due_on: addWorkingDays(today, type.response_days),
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await event(ctx, r.id, 'submitted', as === 'office' ? '人才办代为提交' : '');
  return r.id;
}

type Who = 'office' | 'department' | 'self';

/**
 * Loads one request the actor may see, refusing others as missing (404, the refusal audited). The
 * office's routes declare the request's scope (talent_service_request), checked before this runs.
 */
export async function requestFor(ctx: Ctx, id: number, who: Who, action: string) {
  const [row] = await loadRequests(ctx.db, { ids: [id] }, ctx.today());
  if (!row) throw notFound(LABEL);
  const allowed =
    who === 'office' ||
    (who === 'department' && row.departmentId === (await myDepartmentId(ctx))) ||
    (who === 'self' && row.personId === (await myPersonId(ctx)));
  if (!allowed) {
    await recordDenied(ctx, action, 'talent_service_request', id, 'scope');
    throw notFound(LABEL);
  }
  return row;
}

/** Moves a request from one of `from` to `to` with its version checked; writes the event. */
async function step(
  ctx: Ctx,
  id: number,
  version: number,
  from: readonly string[],
  set: Record<string, unknown>,
  ev: { action: string; note?: string },
): Promise<void> {
  const r = await ctx.db
    .updateTable('talent_service_requests')
    .set({ ...set, updated_at: ctx.clock.now(), version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', 'in', from as never)
    .executeTakeFirst();
  if (!r.numUpdatedRows) {
    const cur = await ctx.db.selectFrom('talent_service_requests').select(['status', 'version']).where('id', '=', id).executeTakeFirst();
    if (cur && cur.version !== version) throw conflict('该申请已被他人更新，请刷新后重试', 'version');
    throw conflict(`该申请当前状态不能执行此操作`, 'status');
  }
  await event(ctx, id, ev.action, ev.note ?? '');
}

export async function accept(ctx: Ctx, id: number, b: TServiceVersion): Promise<void> {
  await requestFor(ctx, id, 'department', 'talent.service');
  await step(ctx, id, b.version, ['submitted'], { status: 'accepted', accepted_at: ctx.clock.now() }, { action: 'accepted', note: b.note });
}

export async function answer(ctx: Ctx, id: number, b: TServiceAnswer): Promise<void> {
  const row = await requestFor(ctx, id, 'department', 'talent.service');
  const late = ctx.today() > row.dueOn;
  await step(
    ctx,
    id,
    b.version,
    ['submitted', 'accepted'],
    { status: 'answered', answered_at: ctx.clock.now(), answer: b.answer, late, accepted_at: sql`coalesce(accepted_at, now())` },
    { action: 'answered', note: late ? '超过办理时限后答复' : '' },
  );
}

export async function route(ctx: Ctx, id: number, b: TServiceRoute): Promise<void> {
  const row = await requestFor(ctx, id, 'office', 'talent.write');
  await requireDepartment(ctx, b.departmentId, 'departmentId');
  if (row.departmentId === b.departmentId) throw invalid('已由该部门办理', 'departmentId');
  await step(
    ctx,
    id,
    b.version,
    ['submitted', 'accepted'],
    { department_id: b.departmentId, status: 'submitted', accepted_at: null },
    {
      action: 'routed',
      note: b.note,
    },
  );
}

export async function close(ctx: Ctx, id: number, b: TServiceClose, who: 'self' | 'office'): Promise<void> {
  await requestFor(ctx, id, who, who === 'self' ? 'talent.self' : 'talent.write');
  if (who === 'office' && b.satisfaction !== undefined) throw invalid('满意度由人才本人填写', 'satisfaction');
  await step(
    ctx,
    id,
    b.version,
    ['answered'],
    { status: 'closed', closed_at: ctx.clock.now(), satisfaction: b.satisfaction ?? null },
    {
      action: 'closed',
      note: b.note,
    },
  );
}

export async function withdraw(ctx: Ctx, id: number, b: TServiceVersion): Promise<void> {
  await requestFor(ctx, id, 'self', 'talent.self');
  await step(
    ctx,
    id,
    b.version,
    ['submitted', 'accepted'],
    { status: 'withdrawn', closed_at: ctx.clock.now() },
    {
      action: 'withdrawn',
      note: b.note,
    },
  );
}

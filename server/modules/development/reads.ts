// Reading the pipeline: the person list, a person's record, the board, the member pickers.
// Every read is limited to the actor's subtree: lists filter in SQL, and an organization asked for
// (the query's orgId) was checked by the route's scope (http/scope-hook.ts: outside it is 404, audited).
import dayjs from 'dayjs';
import { PERSON_STATUSES, STEP_COUNT } from '../../../domain/rules/development-steps.js';
import { progress } from '../../../domain/rules/development.js';
import type { TBoard, TPeopleQuery } from '../../../domain/schemas/development.js';
import type { Ctx } from '../../context.js';
import { orgById } from '../orgs/queries.js';
import { resolveFilter } from '../members/service.js';
import { listPage } from '../members/queries.js';
import { presentDetail, presentRow } from './presenters.js';
import * as q from './queries.js';
import { GOOD_STANDING, toRecord } from './service.js';
import { decodeCursor, encodeCursor } from '../../http/keyset-cursor.js';

async function scopePathOf(ctx: Ctx, orgId: number | undefined): Promise<{ id: number; path: string }> {
  if (orgId) {
    const org = await orgById(ctx.db, orgId);
    return { id: org.id, path: org.path };
  }
  return { id: ctx.actor.orgId, path: ctx.actor.scopePath };
}

export async function listPeople(ctx: Ctx, query: TPeopleQuery) {
  const { cursor, limit, orgId, overdue, ...f } = query;
  const { path } = await scopePathOf(ctx, orgId);
  const today = ctx.today();
  const rows = await q.peoplePage(
    ctx.db,
    { ...f, path, overdueOn: overdue === 'true' ? today : undefined },
    decodeCursor(cursor),
    limit + 1,
  );
  const page = rows.slice(0, limit);
  return { items: page.map((r) => presentRow(r, today)), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null };
}

export async function personDetail(ctx: Ctx, person: q.PersonRow) {
  const { db } = ctx;
  const [steps, sets, org] = await Promise.all([q.stepsOf(db, person.id), q.ruleSets(db), q.orgName(db, person.org_id)]);
  const p = progress(steps.map(toRecord), sets);
  return presentDetail(person, org.name, steps, p.allowedNext, ctx.today());
}

const BOARD_LIST_LIMIT = 100;
const SOON_DAYS = 30;

export async function board(ctx: Ctx, orgId: number | undefined): Promise<TBoard> {
  const { db } = ctx;
  const scope = await scopePathOf(ctx, orgId);
  const today = ctx.today();
  const soon = dayjs(today).add(SOON_DAYS, 'day').format('YYYY-MM-DD');
  const [counts, lists] = await Promise.all([
    q.boardCounts(db, scope.path, today),
    q.boardLists(db, scope.path, today, soon, BOARD_LIST_LIMIT),
  ]);
  const byStatus = PERSON_STATUSES.map((status) => {
    const r = counts.byStatus.find((x) => x.status === status);
    return { status, count: r?.n ?? 0, overdue: r?.late ?? 0 };
  });
  const byStep = Array.from({ length: STEP_COUNT }, (_, i) => {
    const r = counts.byStep.find((x) => x.last_step === i + 1);
    return { stepNo: i + 1, count: r?.n ?? 0, overdue: r?.late ?? 0 };
  });
  return {
    orgId: scope.id,
    today,
    byStatus,
    byStep,
    overdue: lists.overdue.map((r) => presentRow(r, today)),
    dueSoon: lists.dueSoon.map((r) => presentRow(r, today)),
  };
}

const ELIGIBLE_LIMIT = 200;

/** Full members in good standing of an organization's subtree, through the member list's own filter and search. */
export async function eligible(ctx: Ctx, orgId: number, text: string | undefined) {
  const filter = await resolveFilter(ctx, { orgId, q: text, category: 'full', status: 'all' });
  const rows = await listPage(ctx.db, { ...filter, statuses: GOOD_STANDING }, null, ELIGIBLE_LIMIT);
  return rows.map((r) => ({ id: r.id, name: r.name, gender: r.gender, orgName: r.org_name }));
}

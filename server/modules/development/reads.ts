// Reading the pipeline: the person list, a person's record, the board, the member pickers.
// Every read is limited to the actor's subtree (an organization outside it is 404, audited).
import type { FastifyRequest } from 'fastify';
import dayjs from 'dayjs';
import { PERSON_STATUSES, STEP_COUNT } from '../../../domain/rules/development-steps.js';
import { progress } from '../../../domain/rules/development.js';
import type { TBoard, TPeopleQuery } from '../../../domain/schemas/development.js';
import { requireOrg } from '../orgs/service.js';
import { resolveFilter } from '../members/service.js';
import { listPage } from '../members/queries.js';
import { presentDetail, presentRow } from './presenters.js';
import * as q from './queries.js';
import { GOOD_STANDING, todayOf, toRecord } from './service.js';
import { decodeCursor, encodeCursor } from '../../http/keyset-cursor.js';

async function scopePathOf(req: FastifyRequest, orgId: number | undefined): Promise<{ id: number; path: string }> {
  if (orgId) {
    const org = await requireOrg(req, orgId, 'dev.read');
    return { id: org.id, path: org.path };
  }
  return { id: req.actor!.orgId, path: req.actor!.scopePath };
}

export async function listPeople(req: FastifyRequest, query: TPeopleQuery) {
  const { cursor, limit, orgId, overdue, ...f } = query;
  const { path } = await scopePathOf(req, orgId);
  const today = todayOf(req);
  const rows = await q.peoplePage(req.server.deps.db, { ...f, path, overdueOn: overdue === 'true' ? today : undefined }, decodeCursor(cursor), limit + 1);
  const page = rows.slice(0, limit);
  return { items: page.map((r) => presentRow(r, today)), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null };
}

export async function personDetail(req: FastifyRequest, person: q.PersonRow) {
  const { db } = req.server.deps;
  const [steps, sets, org] = await Promise.all([q.stepsOf(db, person.id), q.ruleSets(db), q.orgName(db, person.org_id)]);
  const p = progress(steps.map(toRecord), sets);
  return presentDetail(person, org.name, steps, p.allowedNext, todayOf(req));
}

const BOARD_LIST_LIMIT = 100;
const SOON_DAYS = 30;

export async function board(req: FastifyRequest, orgId: number | undefined): Promise<TBoard> {
  const { db } = req.server.deps;
  const scope = await scopePathOf(req, orgId);
  const today = todayOf(req);
  const soon = dayjs(today).add(SOON_DAYS, 'day').format('YYYY-MM-DD');
  const [counts, lists] = await Promise.all([q.boardCounts(db, scope.path, today), q.boardLists(db, scope.path, today, soon, BOARD_LIST_LIMIT)]);
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
export async function eligible(req: FastifyRequest, orgId: number, text: string | undefined) {
  const filter = await resolveFilter(req, { orgId, q: text, category: 'full', status: 'all' }, 'dev.read');
  const rows = await listPage(req.server.deps.db, { ...filter, statuses: GOOD_STANDING }, null, ELIGIBLE_LIMIT);
  return rows.map((r) => ({ id: r.id, name: r.name, gender: r.gender, orgName: r.org_name }));
}

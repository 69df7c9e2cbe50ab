// Reading member records: the list and its filters, the count, the detail page, the history,
// the audited reveal of an identity number, and a member's own record. All scoped to the actor.
import type { FastifyRequest } from 'fastify';
import dayjs from 'dayjs';
import { COUNTED_STATUSES, ON_BOOKS_STATUSES, type MemberStatus } from '../../../domain/member-status.js';
import type { TMemberDetail, TMemberFilter } from '../../../domain/schemas/members.js';
import { birthRangeForAges } from '../../../domain/rules/members.js';
import { checkIdNumber } from '../../../domain/rules/id-number.js';
import { audited } from '../../audit/record.js';
import { invalid, notFound } from '../../errors.js';
import { ancestorsInScope } from '../orgs/queries.js';
import { requireOrg } from '../orgs/service.js';
import * as q from './queries.js';
import { presentDetail, presentRow } from './presenters.js';
import { decodeCursor, encodeCursor } from '../../http/keyset-cursor.js';

export const todayOf = (req: FastifyRequest) => dayjs(req.server.deps.clock.now()).format('YYYY-MM-DD');

/** Turns the query's filters into SQL-ready ones; an organization outside the scope is 404 (audited). */
export async function resolveFilter(req: FastifyRequest, f: TMemberFilter, action: string): Promise<q.ResolvedFilter> {
  const path = f.orgId ? (await requireOrg(req, f.orgId, action)).path : req.actor!.scopePath;
  const statuses: readonly MemberStatus[] | null = f.status === 'all' ? null
    : f.status === 'counted' ? COUNTED_STATUSES : f.status === 'on_books' ? ON_BOOKS_STATUSES : [f.status];
  if (f.ageMin !== undefined && f.ageMax !== undefined && f.ageMin > f.ageMax) throw invalid('年龄下限不能大于上限', 'ageMin');
  if (f.joinedFrom && f.joinedTo && f.joinedFrom > f.joinedTo) throw invalid('入党日期起不能晚于止', 'joinedFrom');
  return {
    path,
    statuses,
    search: searchOf(req, f.q),
    category: f.category,
    gender: f.gender,
    education: f.education,
    occupation: f.occupation,
    ...birthRangeForAges(todayOf(req), f.ageMin, f.ageMax),
    joinedFrom: f.joinedFrom,
    joinedTo: f.joinedTo,
  };
}

// One search box: an 18-character number is an exact identity-number search through the keyed
// hash (never a scan of ciphertexts); Latin letters are pinyin initials; anything else a name infix.
function searchOf(req: FastifyRequest, text: string | undefined): q.ResolvedFilter['search'] {
  const s = text?.trim();
  if (!s) return null;
  if (/^\d{17}[\dXx]$/.test(s)) {
    const check = checkIdNumber(s);
    if (!check.ok) throw invalid(check.message, 'q');
    return { kind: 'idHash', hash: req.server.deps.idCrypto.hash(check.normalized) };
  }
  if (/^[A-Za-z]+$/.test(s)) return { kind: 'initials', prefix: s.toLowerCase() };
  return { kind: 'name', infix: s };
}



export async function listMembers(req: FastifyRequest, query: TMemberFilter & { cursor?: string; limit: number }) {
  const { cursor, limit, ...f } = query;
  const filter = await resolveFilter(req, f, 'member.read');
  const rows = await q.listPage(req.server.deps.db, filter, decodeCursor(cursor), limit + 1);
  const page = rows.slice(0, limit);
  const today = todayOf(req);
  return { items: page.map((r) => presentRow(r, today)), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null };
}

export async function countMembers(req: FastifyRequest, f: TMemberFilter) {
  const filter = await resolveFilter(req, f, 'member.read');
  return { total: await q.countMembers(req.server.deps.db, filter), statuses: filter.statuses ? [...filter.statuses] : null };
}

export async function memberDetail(req: FastifyRequest, id: number, scopePath = req.actor!.scopePath): Promise<TMemberDetail> {
  const { db } = req.server.deps;
  const row = await q.memberWithOrg(db, id);
  if (!row) throw notFound('党员');
  return presentDetail(row, await ancestorsInScope(db, row.org_tree_path, scopePath), todayOf(req));
}

export async function memberHistory(req: FastifyRequest, id: number) {
  const rows = await q.historyOf(req.server.deps.db, id);
  return rows.map((r) => ({ id: r.id, action: r.action, actorName: r.actor_name, at: new Date(r.at).toISOString(), before: r.before, after: r.after }));
}

/** The full identity number, for roles allowed to see it; the reveal is audited with the member's id (SECURITY.md 16, 21). */
export async function revealIdNumber(req: FastifyRequest, member: { id: number; id_cipher: string | null }) {
  if (!member.id_cipher) throw notFound('身份证号');
  const cipher = member.id_cipher;
  return audited(req, { action: 'member.reveal_id', objectType: 'member', objectId: () => member.id }, async () => ({ idNumber: req.server.deps.idCrypto.decrypt(cipher) }));
}

/** The member record of the signed-in member account; its scope is the member's own organization path. */
export async function myMemberId(req: FastifyRequest): Promise<number> {
  const u = await req.server.deps.db.selectFrom('users').select('member_id').where('id', '=', req.actor!.userId).executeTakeFirst();
  if (!u?.member_id) throw notFound('本人党员档案');
  return u.member_id;
}


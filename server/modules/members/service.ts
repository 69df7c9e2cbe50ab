// Reading member records: the list and its filters, the count, the detail page, the history,
// the audited reveal of an identity number, and a member's own record. All scoped to the actor.
import { COUNTED_STATUSES, ON_BOOKS_STATUSES, type MemberStatus } from '../../../domain/member-status.js';
import type { TMemberDetail, TMemberFilter } from '../../../domain/schemas/members.js';
import { birthRangeForAges } from '../../../domain/rules/members.js';
import { checkIdNumber } from '../../../domain/rules/id-number.js';
import { audited } from '../../audit/record.js';
import type { Ctx } from '../../context.js';
import { invalid, notFound } from '../../errors.js';
import { ancestorsInScope, namesOf, orgById } from '../orgs/queries.js';
import * as q from './queries.js';
import { presentDetail, presentRow } from './presenters.js';
import { decodeCursor, encodeCursor } from '../../http/keyset-cursor.js';

/**
 * Turns the query's filters into SQL-ready ones. The organization asked for is the query's `orgId`,
 * whose scope the route has checked (http/scope-hook.ts); without one, the actor's whole subtree.
 */
export async function resolveFilter(ctx: Ctx, f: TMemberFilter): Promise<q.ResolvedFilter> {
  const path = f.orgId ? (await orgById(ctx.db, f.orgId)).path : ctx.actor.scopePath;
  const statuses: readonly MemberStatus[] | null =
    f.status === 'all' ? null : f.status === 'counted' ? COUNTED_STATUSES : f.status === 'on_books' ? ON_BOOKS_STATUSES : [f.status];
  if (f.ageMin !== undefined && f.ageMax !== undefined && f.ageMin > f.ageMax) throw invalid('年龄下限不能大于上限', 'ageMin');
  if (f.joinedFrom && f.joinedTo && f.joinedFrom > f.joinedTo) throw invalid('入党日期起不能晚于止', 'joinedFrom');
  return {
    path,
    statuses,
    search: searchOf(ctx, f.q),
    category: f.category,
    gender: f.gender,
    education: f.education,
    occupation: f.occupation,
    ...birthRangeForAges(ctx.today(), f.ageMin, f.ageMax),
    joinedFrom: f.joinedFrom,
    joinedTo: f.joinedTo,
  };
}

// One search box: an 18-character number is an exact identity-number search through the keyed
// hash (never a scan of ciphertexts); Latin letters are pinyin initials; anything else a name infix.
function searchOf(ctx: Ctx, text: string | undefined): q.ResolvedFilter['search'] {
  const s = text?.trim();
  if (!s) return null;
  if (/^\d{17}[\dXx]$/.test(s)) {
    const check = checkIdNumber(s);
    if (!check.ok) throw invalid(check.message, 'q');
    return { kind: 'idHash', hash: ctx.crypto.hash(check.normalized) };
  }
  if (/^[A-Za-z]+$/.test(s)) return { kind: 'initials', prefix: s.toLowerCase() };
  return { kind: 'name', infix: s };
}

export async function listMembers(ctx: Ctx, query: TMemberFilter & { cursor?: string; limit: number }) {
  const { cursor, limit, ...f } = query;
  const filter = await resolveFilter(ctx, f);
  const rows = await q.listPage(ctx.db, filter, decodeCursor(cursor), limit + 1);
  const page = rows.slice(0, limit);
  const today = ctx.today();
  return { items: page.map((r) => presentRow(r, today)), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null };
}

export async function countMembers(ctx: Ctx, f: TMemberFilter) {
  const filter = await resolveFilter(ctx, f);
  return { total: await q.countMembers(ctx.db, filter), statuses: filter.statuses ? [...filter.statuses] : null };
}

export async function memberDetail(ctx: Ctx, id: number, scopePath = ctx.actor.scopePath): Promise<TMemberDetail> {
  const { db } = ctx;
  const row = await q.memberWithOrg(db, id);
  if (!row) throw notFound('党员');
  return presentDetail(row, await ancestorsInScope(db, row.org_tree_path, scopePath), ctx.today());
}

export async function memberHistory(ctx: Ctx, id: number) {
  const rows = await q.historyOf(ctx.db, id);
  // Snapshots keep the branch's id; people read its name (a transfer shows where from and where to).
  const orgOf = (s: unknown) =>
    s && typeof s === 'object' ? ((s as Record<string, unknown>).org_id ?? (s as Record<string, unknown>).orgId) : null;
  const ids = [
    ...new Set(
      rows
        .flatMap((r) => [orgOf(r.before), orgOf(r.after)])
        .map(Number)
        .filter((v) => Number.isInteger(v) && v > 0),
    ),
  ];
  const orgNames = Object.fromEntries((await namesOf(ctx.db, ids)).map((o) => [String(o.id), o.name]));
  return {
    items: rows.map((r) => ({
      id: r.id,
      action: r.action,
      actorName: r.actor_name,
      at: new Date(r.at).toISOString(),
      before: r.before,
      after: r.after,
    })),
    orgNames,
  };
}

/** The full identity number, for roles allowed to see it; the reveal is audited with the member's id (SECURITY.md 16, 21). */
export async function revealIdNumber(ctx: Ctx, member: { id: number; id_cipher: string | null }) {
  if (!member.id_cipher) throw notFound('身份证号');
  const cipher = member.id_cipher;
  return audited(ctx, { action: 'member.reveal_id', objectType: 'member', objectId: () => member.id }, async () => ({
    idNumber: ctx.crypto.decrypt(cipher),
  }));
}

/** The member record of the signed-in member account; its scope is the member's own organization path. */
export async function myMemberId(ctx: Ctx): Promise<number> {
  const u = await ctx.db.selectFrom('users').select('member_id').where('id', '=', ctx.actor.userId).executeTakeFirst();
  if (!u?.member_id) throw notFound('本人党员档案');
  return u.member_id;
}

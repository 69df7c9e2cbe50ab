// The 学时 archive (issue 14 point 6): a person's hours of a year by source (approved rows only, a marked
// duplicate counted once), their requirement from the versioned table, the shortfall and the online
// floor; per organization who is behind and the completion share; a closed year's frozen snapshot.
import { sql } from 'kysely';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';
import {
  completionShare,
  onlineFloor,
  requirementOf,
  round1,
  shortfall,
  type RequirementVersion,
} from '../../../domain/rules/learning-hours.js';
import type { TArchive, TBehind, TBySource, TShares } from '../../../domain/schemas/learning-hours.js';
import { CREDIT_SOURCES } from '../../../domain/schemas/learning-hours.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/engine.js';
import { conflict, notFound } from '../../errors.js';
import { keptRequirementSql, loadVersions, requiredSql, requirementDate, subtreeDone, yearNumbers } from './year-requirements.js';

export interface LearnerRef {
  memberId: number | null;
  cadreId: number | null;
}

const num = (v: unknown) => round1(Number(v ?? 0));
const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : String(d));

/**
 * A year's totals by source (t.total, t.online_total, t.<source>_h) of the people in `req` (requiredSql): the summary
 * learning_year_totals (migration 040, kept by the ledger's triggers), not the ledger summed again.
 */
const totalsOf = (year: number) => sql`learning_year_totals t on t.member_id = req.id and t.year = ${year}`;

async function orgPathOf(db: Db, orgId: number): Promise<{ path: string; name: string }> {
  const o = await db.selectFrom('orgs').select(['path', 'name']).where('id', '=', orgId).executeTakeFirst();
  if (!o) throw notFound('组织');
  return { path: String(o.path), name: o.name };
}

export async function behindOf(ctx: Ctx, orgId: number, year: number, offset: number, limit: number): Promise<TBehind> {
  const { path } = await orgPathOf(ctx.db, orgId);
  const n = yearNumbers(await loadVersions(ctx.db), year);
  const { all } = await subtreeDone(ctx.db, { id: orgId, path }, [], year, n);
  // The page walks the organizations in order and each one's members by its index, until the page is full: the
  // first pages read a few organizations, not the subtree. Past the last one behind there is nothing to walk for.
  const total = all.people - all.done;
  if (offset >= total) return { year, total, items: [] };
  const r = await sql<{ id: number; name: string; org_name: string; required: string; total: string; online_total: string }>`
    select b.id, b.name, o.name as org_name, b.required, b.total, b.online_total
      from (select id, name, sort_key from orgs where path <@ ${path}::ltree order by sort_key, id) o
      cross join lateral (
        select m.id, m.name, m.sort_key, coalesce(t.total, 0) as total, coalesce(t.online_total, 0) as online_total, q.required
          from members m
          left join learning_year_totals t on t.member_id = m.id and t.year = ${year}
          cross join lateral (select ${keptRequirementSql(year, n)} as required) q
         where m.org_id = o.id and m.status = any(${[...COUNTED_STATUSES]}::text[]) and coalesce(t.total, 0) < q.required
         order by m.sort_key, m.id
      ) b
     order by o.sort_key, o.id, b.sort_key, b.id
     limit ${limit} offset ${offset}`.execute(ctx.db);
  return {
    year,
    total,
    items: r.rows.map((x) => ({
      memberId: Number(x.id),
      name: x.name,
      orgName: x.org_name,
      required: num(x.required),
      total: num(x.total),
      shortfall: shortfall(num(x.required), num(x.total)),
      onlineTotal: num(x.online_total),
    })),
  };
}

export const SHARE_DEFINITION =
  '完成率 = 本年度已认定学时（已审核通过；同一培训多个来源的记录只计一次）达到本人学时要求的党员人数 ÷ 本组织及下级组织的党员人数（正常、流动、失去联系的党员）。只按组织统计，不对个人排名。';

export async function sharesOf(ctx: Ctx, orgId: number, year: number): Promise<TShares> {
  const { path, name } = await orgPathOf(ctx.db, orgId);
  const n = yearNumbers(await loadVersions(ctx.db), year);
  const children = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where('parent_id', '=', orgId)
    .where('status', '=', 'active')
    .orderBy('sort_key')
    .orderBy('id')
    .execute();
  const d = await subtreeDone(
    ctx.db,
    { id: orgId, path },
    children.map((c) => Number(c.id)),
    year,
    n,
  );
  return {
    year,
    definition: SHARE_DEFINITION,
    all: { orgId, name, ...d.all, share: completionShare(d.all.done, d.all.people) },
    items: children.map((ch) => {
      const x = d.children.get(Number(ch.id))!;
      return { orgId: Number(ch.id), name: ch.name, ...x, share: completionShare(x.done, x.people) };
    }),
  };
}

/** Everyone of the subtree with their totals by source (the export and the snapshot of a closed year). */
export async function rowsOf(db: Db, path: string, year: number, versions: RequirementVersion[]) {
  const n = yearNumbers(versions, year);
  const r = await sql<Record<string, string | number | null>>`
    with ${requiredSql(path, year, n)}
    select req.id, req.name, o.name as org_name, req.required, ${sql.join(
      [...CREDIT_SOURCES.map((s) => `${s}_h`), 'total', 'online_total'].map((c) => sql`coalesce(t.${sql.ref(c)}, 0) as ${sql.ref(c)}`),
      sql`, `,
    )}
      from req left join ${totalsOf(year)} join orgs o on o.id = req.org_id
     order by o.sort_key, o.id, req.sort_key, req.id`.execute(db);
  return r.rows.map((x) => ({
    memberId: Number(x.id),
    name: String(x.name),
    orgName: String(x.org_name),
    required: num(x.required),
    bySource: Object.fromEntries(CREDIT_SOURCES.map((s) => [s, num(x[`${s}_h`])])) as TBySource,
    total: num(x.total),
    onlineTotal: num(x.online_total),
  }));
}

// ——— One person's archive ———

interface PersonRow {
  name: string;
  path: string;
  committee: boolean;
  level: string | null;
}

async function personOf(db: Db, l: LearnerRef, year: number): Promise<PersonRow> {
  const r =
    l.memberId != null
      ? await sql<PersonRow>`select m.name, m.org_path::text as path, c.level,
            exists (select 1 from org_committee_members oc join orgs oo on oo.id = oc.org_id
                     where oc.person_name = m.name and oo.path @> m.org_path
                       and (oc.term_end is null or oc.term_end >= ${`${year}-01-01`}::date)) as committee
            from members m left join cadres c on c.member_id = m.id where m.id = ${l.memberId}`.execute(db)
      : await sql<PersonRow>`select name, manager_path::text as path, level, false as committee from cadres where id = ${l.cadreId}`.execute(
          db,
        );
  if (!r.rows[0]) throw notFound('学习者');
  return r.rows[0];
}

/** One person's archive of a year. */
export async function archiveOf(ctx: Ctx, l: LearnerRef, year: number): Promise<TArchive> {
  const person = await personOf(ctx.db, l, year);
  const versions = await loadVersions(ctx.db);
  const req = requirementOf(
    versions,
    { member: l.memberId != null, committee: person.committee, cadreLevel: person.level },
    requirementDate(year),
  );
  const closure = await sql<{ closed_at: Date; total: string | null; required: string | null }>`
    select c.closed_at, s.total, s.required from learning_year_closures c join orgs o on o.id = c.org_id
      left join learning_year_snapshots s on s.closure_id = c.id and s.member_id = ${l.memberId}
     where c.year = ${year} and o.path @> ${person.path}::ltree order by c.closed_at limit 1`.execute(ctx.db);
  const closedAt = closure.rows[0]?.closed_at ?? null;
  let q = ctx.db
    .selectFrom('learning_credits')
    .select(['id', 'source', 'title', 'hours', 'earned_on', 'online', 'status', 'duplicate_of', 'created_at'])
    .where('year', '=', year);
  q = l.memberId != null ? q.where('member_id', '=', l.memberId) : q.where('cadre_id', '=', l.cadreId!);
  const credits = (await q.orderBy('earned_on').orderBy('id').execute()).map((c) => ({
    id: c.id,
    source: c.source,
    title: c.title,
    hours: num(c.hours),
    earnedOn: String(c.earned_on),
    online: c.online,
    status: c.status,
    duplicateOf: c.duplicate_of,
    late: closedAt != null && new Date(c.created_at) > new Date(closedAt),
  }));
  const counted = credits.filter((c) => c.status === 'approved' && c.duplicateOf == null);
  const bySource = Object.fromEntries(
    CREDIT_SOURCES.map((s) => [s, round1(counted.filter((c) => c.source === s).reduce((a, c) => a + c.hours, 0))]),
  ) as TBySource;
  const total = round1(counted.reduce((a, c) => a + c.hours, 0));
  const onlineTotal = round1(counted.filter((c) => c.online).reduce((a, c) => a + c.hours, 0));
  const floor = onlineFloor(req.onlineHours, onlineTotal);
  return {
    year,
    name: person.name,
    memberId: l.memberId,
    cadreId: l.cadreId,
    audience: req.audience,
    required: req.hours,
    periodYears: req.periodYears,
    sources: req.sources,
    tags: req.tags,
    bySource,
    total,
    shortfall: shortfall(req.hours, total),
    onlineTotal,
    onlineFloor: req.onlineHours,
    onlineShortfall: floor.shortfall,
    pending: round1(credits.filter((c) => c.status === 'pending').reduce((a, c) => a + c.hours, 0)),
    credits,
    closed: closedAt
      ? { closedAt: iso(closedAt), total: num(closure.rows[0].total), required: num(closure.rows[0].required ?? req.hours) }
      : null,
  };
}

/** The learner behind a cadre's file: the member record for a cadre who is a member (one archive per person). */
export async function learnerOfCadre(db: Db, cadreId: number): Promise<LearnerRef> {
  const c = await db.selectFrom('cadres').select(['id', 'member_id']).where('id', '=', cadreId).executeTakeFirst();
  if (!c) throw notFound('干部');
  return c.member_id != null ? { memberId: c.member_id, cadreId: null } : { memberId: null, cadreId: c.id };
}

/**
 * Approved 学时 (duplicates counted once) of a member or a cadre between two dates inclusive: for other
 * modules (the cadre selection's training requirement). A cadre who is a member earns under the member record.
 */
export async function approvedHoursOf(
  ctx: Pick<Ctx, 'db'>,
  who: { memberId: number } | { cadreId: number },
  from: string,
  to: string,
): Promise<number> {
  const l: LearnerRef = 'memberId' in who ? { memberId: who.memberId, cadreId: null } : await learnerOfCadre(ctx.db, who.cadreId);
  const r = await sql<{ h: string | null }>`select sum(hours) as h from learning_credits
     where ${l.memberId != null ? sql`member_id = ${l.memberId}` : sql`cadre_id = ${l.cadreId}`}
       and status = 'approved' and duplicate_of is null and earned_on between ${from}::date and ${to}::date`.execute(ctx.db);
  return num(r.rows[0]?.h);
}

// ——— Closing a year ———

/** Closes a year for the actor's organization subtree: each member's totals are frozen in a snapshot. */
export async function closeYear(ctx: Ctx, orgId: number, year: number): Promise<{ id: number; people: number }> {
  const { path } = await orgPathOf(ctx.db, orgId);
  const n = yearNumbers(await loadVersions(ctx.db), year);
  const c = await ctx.db
    .insertInto('learning_year_closures')
    // The database's clock, as the ledger's created_at: a credit is late when it was written after this.
    .values({ org_id: orgId, year, closed_at: sql<Date>`now()`, closed_by: ctx.actor.userId })
    .onConflict((oc) => oc.columns(['org_id', 'year']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!c) throw conflict(`${year} 年度已经关闭`, 'year');
  // One set-based statement: a city's members are frozen without a round trip each.
  const cols = [...CREDIT_SOURCES.map((s) => `${s}_h`), 'total', 'online_total'];
  const r = await sql`insert into learning_year_snapshots (closure_id, member_id, required, ${sql.join(cols.map((x) => sql.ref(x)))})
    with ${requiredSql(path, year, n)}
    select ${c.id}::bigint, req.id, req.required, ${sql.join(cols.map((x) => sql`coalesce(t.${sql.ref(x)}, 0)`))}
      from req left join ${totalsOf(year)}`.execute(ctx.db);
  const people = Number(r.numAffectedRows ?? 0);
  await ctx.db.updateTable('learning_year_closures').set({ people }).where('id', '=', c.id).execute();
  return { id: c.id, people };
}

export async function closuresIn(ctx: Ctx) {
  const r = await sql<{ id: number; org_id: number; org_name: string; year: number; closed_at: Date; people: number }>`
    select c.id, c.org_id, o.name as org_name, c.year, c.closed_at, c.people from learning_year_closures c join orgs o on o.id = c.org_id
     where o.path <@ ${ctx.actor.scopePath}::ltree or o.path @> ${ctx.actor.scopePath}::ltree order by c.year desc, c.id`.execute(ctx.db);
  return r.rows.map((x) => ({
    id: Number(x.id),
    orgId: Number(x.org_id),
    orgName: x.org_name,
    year: x.year,
    closedAt: iso(x.closed_at),
    people: x.people,
  }));
}

// The 学时 archive (issue 14 point 6): a person's hours of a year by source (approved rows only, a marked
// duplicate counted once), their requirement from the versioned table, the shortfall and the online
// floor; per organization who is behind and the completion share; a closed year's frozen snapshot.
import { sql } from 'kysely';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';
import { CADRE_LEVELS, atOrAbove } from '../../../domain/rules/cadre-levels.js';
import {
  completionShare,
  onlineFloor,
  requirementOf,
  round1,
  shortfall,
  type Audience,
  type PersonFacts,
  type RequirementVersion,
} from '../../../domain/rules/learning-hours.js';
import type { TArchive, TBehind, TBySource, TRequirement, TShares } from '../../../domain/schemas/learning-hours.js';
import { CREDIT_SOURCES } from '../../../domain/schemas/learning-hours.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/engine.js';
import { conflict, notFound } from '../../errors.js';

export interface LearnerRef {
  memberId: number | null;
  cadreId: number | null;
}

const num = (v: unknown) => round1(Number(v ?? 0));
const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : String(d));

export async function listRequirements(db: Db): Promise<TRequirement[]> {
  const rows = await db.selectFrom('learning_requirements').selectAll().orderBy('audience').orderBy('effective_from').execute();
  return rows.map((r) => ({
    id: r.id,
    audience: r.audience as Audience,
    hours: num(r.hours),
    periodYears: r.period_years,
    effectiveFrom: String(r.effective_from),
    source: r.source,
    tag: r.tag as 'V' | 'R' | 'L',
    createdAt: iso(r.created_at),
  }));
}

export async function loadVersions(db: Db): Promise<RequirementVersion[]> {
  return (await listRequirements(db)).map((r) => ({
    audience: r.audience,
    hours: r.hours,
    periodYears: r.periodYears,
    effectiveFrom: r.effectiveFrom,
    source: r.source,
    tag: r.tag,
  }));
}

/** The date a year's requirement is read on: its last day (a version that took effect during the year applies to it). */
export const requirementDate = (year: number) => `${year}-12-31`;

/** The yearly number of each audience combination for a year, for the set-based queries below. */
export function yearNumbers(versions: RequirementVersion[], year: number) {
  const d = requirementDate(year);
  const of = (p: PersonFacts) => requirementOf(versions, p, d).hours;
  return {
    member: of({ member: true, committee: false, cadreLevel: null }),
    committee: of({ member: true, committee: true, cadreLevel: null }),
    county: of({ member: true, committee: false, cadreLevel: '正处' }),
    township: of({ member: true, committee: false, cadreLevel: '副科' }),
  };
}

const COUNTY_LEVELS = CADRE_LEVELS.filter((l) => atOrAbove(l, '县处级'));

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

/**
 * The people of a subtree with their requirement for the year: counted members (正常, 流动, 失联), `base` with their
 * total (materialized: read once), `req` with their requirement. A member sits on a committee when a committee of
 * their organization or one above it lists their name for a term running in the year (org_committee_members keeps
 * names only); a member who is a cadre owes their level's number. The seats are matched in one join by name, then
 * by path, never member by member (that was 4 of the 5 seconds of /hours/behind on the demo city).
 *
 * `exact: false` is for deciding who is behind or done only: whoever is under the members' number is behind and
 * whoever reaches the highest number is not, whatever else they are, so only the people between the two get their
 * seats and cadre level; the others' `required` is the members' number. `under: true` leaves out whoever reaches
 * the highest number. At the bench city (549,000 members) the shares went 6.0 → 1.4–1.5 s.
 */
function requiredSql(path: string, year: number, n: ReturnType<typeof yearNumbers>, o: { exact: boolean; under: boolean }) {
  const top = Math.max(n.member, n.committee, n.county, n.township);
  const facts = o.exact ? sql`true` : sql`base.total >= ${n.member}::numeric and base.total < ${top}::numeric`;
  return sql`base as materialized (
      select m.id, m.org_id, m.org_path, m.sort_key, m.name, coalesce(t.total, 0) as total, coalesce(t.online_total, 0) as online_total
        from members m left join learning_year_totals t on t.member_id = m.id and t.year = ${year}
       where m.org_path <@ ${path}::ltree and m.status = any(${[...COUNTED_STATUSES]}::text[])
       ${o.under ? sql`and coalesce(t.total, 0) < ${top}::numeric` : sql``}
    ),
    seat as (
      select distinct base.id from base
        join org_committee_members oc on oc.person_name = base.name
        join orgs oo on oo.id = oc.org_id
       where ${facts} and oo.path @> base.org_path
         and (oc.term_end is null or oc.term_end >= ${`${year}-01-01`}::date)
    ),
    req as (
      select base.*, greatest(${n.member}::numeric,
               case when seat.id is not null then ${n.committee}::numeric else 0 end,
               case when c.level = any(${[...COUNTY_LEVELS]}::text[]) then ${n.county}::numeric
                    when c.level is not null then ${n.township}::numeric else 0 end) as required
        from base left join seat on seat.id = base.id left join cadres c on c.member_id = base.id and ${facts}
    )`;
}

/** One member's requirement (as requiredSql's, exact), for a page's few rows: `m` is a members row. */
function requiredOfSql(year: number, n: ReturnType<typeof yearNumbers>) {
  return sql`greatest(${n.member}::numeric,
      case when exists (select 1 from org_committee_members oc join orgs oo on oo.id = oc.org_id
                         where oc.person_name = m.name and oo.path @> m.org_path
                           and (oc.term_end is null or oc.term_end >= ${`${year}-01-01`}::date))
           then ${n.committee}::numeric else 0 end,
      coalesce((select case when c.level = any(${[...COUNTY_LEVELS]}::text[]) then ${n.county}::numeric
                            when c.level is not null then ${n.township}::numeric else 0 end
                  from cadres c where c.member_id = m.id), 0))`;
}

export async function behindOf(ctx: Ctx, orgId: number, year: number, offset: number, limit: number): Promise<TBehind> {
  const { path } = await orgPathOf(ctx.db, orgId);
  const n = yearNumbers(await loadVersions(ctx.db), year);
  // Who is behind is counted on narrow rows; names are joined for the page only.
  const r = await sql<{ id: number; name: string; org_name: string; required: string; total: string; online_total: string; n: string }>`
    with ${requiredSql(path, year, n, { exact: false, under: true })},
    b as (select req.id, req.org_id, req.sort_key, req.required, req.total, req.online_total, count(*) over () as n
            from req where req.total < req.required),
    page as (
      select b.*, o.name as org_name, o.sort_key as org_sort from b join orgs o on o.id = b.org_id
       order by o.sort_key, o.id, b.sort_key, b.id
       limit ${limit} offset ${offset}
    )
    select page.id, m.name, page.org_name, ${requiredOfSql(year, n)} as required, page.total, page.online_total, page.n
      from page join members m on m.id = page.id
     order by page.org_sort, page.org_id, page.sort_key, page.id`.execute(ctx.db);
  return {
    year,
    total: Number(r.rows[0]?.n ?? 0),
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
  const depth = path.split('.').length;
  // One pass over the subtree's people, each counted under the direct child holding it (null: the organization's own).
  const r = await sql<{ child: string | null; people: number; done: number }>`
    with ${requiredSql(path, year, n, { exact: false, under: false })}
    select case when nlevel(req.org_path) > ${depth} then subpath(req.org_path, ${depth}, 1)::text end as child,
           count(*)::int as people, count(*) filter (where req.total >= req.required)::int as done
      from req group by 1`.execute(ctx.db);
  const byChild = new Map(r.rows.map((x) => [x.child === null ? null : Number(x.child), x]));
  const children = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where('parent_id', '=', orgId)
    .where('status', '=', 'active')
    .orderBy('sort_key')
    .orderBy('id')
    .execute();
  const a = r.rows.reduce((s, x) => ({ people: s.people + x.people, done: s.done + x.done }), { people: 0, done: 0 });
  return {
    year,
    definition: SHARE_DEFINITION,
    all: { orgId, name, people: a.people, done: a.done, share: completionShare(a.done, a.people) },
    items: children.map((ch) => {
      const x = byChild.get(Number(ch.id)) ?? { people: 0, done: 0 };
      return {
        orgId: Number(ch.id),
        name: ch.name,
        people: x.people,
        done: x.done,
        share: completionShare(x.done, x.people),
      };
    }),
  };
}

/** Everyone of the subtree with their totals by source (the export and the snapshot of a closed year). */
export async function rowsOf(db: Db, path: string, year: number, versions: RequirementVersion[]) {
  const n = yearNumbers(versions, year);
  const r = await sql<Record<string, string | number | null>>`
    with ${requiredSql(path, year, n, { exact: true, under: false })}
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
    with ${requiredSql(path, year, n, { exact: true, under: false })}
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

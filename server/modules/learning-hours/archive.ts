// The 学时 archive (issue 14 point 6): a person's hours of a year by source (approved rows only, a marked
// duplicate counted once), their requirement from the versioned table, the shortfall and the online
// floor; per organization who is behind and the completion share; a closed year's frozen snapshot.
import { sql, type RawBuilder } from 'kysely';
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
import { readCells, sumWhere } from '../statistics/cells.js';

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
 * A member's requirement for the year: the members' number, the committee's for a seat (`seat`), a cadre level's
 * (`level`: the member's cadre level, null for none). One formula for the scan and the summaries' readers.
 */
function requirementSql(n: ReturnType<typeof yearNumbers>, seat: RawBuilder<boolean>, level: RawBuilder<string | null>) {
  return sql<string>`greatest(${n.member}::numeric,
      case when ${seat} then ${n.committee}::numeric else 0 end,
      case when ${level} = any(${[...COUNTY_LEVELS]}::text[]) then ${n.county}::numeric
           when ${level} is not null then ${n.township}::numeric else 0 end)`;
}

/**
 * The scan: the people of a subtree with their requirement for the year, counted members (正常, 流动, 失联) as
 * `base` with their totals, `req` with their requirement. A member sits on a committee when a committee of their
 * organization or one above it lists their name for a term running in the year (org_committee_members keeps
 * names only); a member who is a cadre owes their level's number. The seats are matched in one join by name,
 * then by path. The export and the year's snapshot read this; who is behind and the shares read the summaries
 * kept from the same facts (keptRequirementSql, subtreeDone), and the tests check them against it.
 */
function requiredSql(path: string, year: number, n: ReturnType<typeof yearNumbers>) {
  return sql`base as materialized (
      select m.id, m.org_id, m.org_path, m.sort_key, m.name, coalesce(t.total, 0) as total, coalesce(t.online_total, 0) as online_total
        from members m left join learning_year_totals t on t.member_id = m.id and t.year = ${year}
       where m.org_path <@ ${path}::ltree and m.status = any(${[...COUNTED_STATUSES]}::text[])
    ),
    seat as (
      select distinct base.id from base
        join org_committee_members oc on oc.person_name = base.name
        join orgs oo on oo.id = oc.org_id
       where oo.path @> base.org_path and (oc.term_end is null or oc.term_end >= ${`${year}-01-01`}::date)
    ),
    req as (
      select base.*, ${requirementSql(n, sql`seat.id is not null`, sql`c.level`)} as required
        from base left join seat on seat.id = base.id left join cadres c on c.member_id = base.id
    )`;
}

/** One member's requirement (`m` a members row) from the kept seats (learning_seats, migration 047). */
function keptRequirementSql(year: number, n: ReturnType<typeof yearNumbers>) {
  return requirementSql(
    n,
    sql`exists (select 1 from learning_seats s where s.member_id = m.id and s.until >= ${`${year}-01-01`}::date)`,
    sql`(select c.level from cadres c where c.member_id = m.id)`,
  );
}

/**
 * The year's cells (migration 047) kept for the members' number read now: when the number kept for the year is
 * another (a version of the requirement took effect) or none (the year's first reading), the cells are counted
 * afresh in one transaction that holds off every writer of totals and members (EXCLUSIVE on the bounds).
 */
async function yearCellsReady(db: Db, year: number, memberHours: number): Promise<void> {
  const kept = async (q: Db) =>
    (await sql<{ h: string }>`select member_hours as h from learning_year_bounds where year = ${year}`.execute(q)).rows[0];
  const k = await kept(db);
  if (k && Number(k.h) === memberHours) return;
  await db.transaction().execute(async (trx) => {
    await sql`lock table learning_year_bounds in exclusive mode`.execute(trx);
    const again = await kept(trx);
    if (again && Number(again.h) === memberHours) return;
    await sql`select learning_year_cells_rebuild(${year}::int, ${memberHours}::numeric)`.execute(trx);
  });
}

interface Done {
  people: number;
  done: number;
}

/**
 * Counted members and those done, per direct child of the organization at `path` (null: held by the organization
 * itself), from summaries: the people from the statistics' cells (migration 008); the done are the members whose
 * total reaches the members' number (the year's cells) less those of them who owe more (a seat, a cadre level)
 * and are short of it, a few thousand people read one by one (a members' number of 0 is reached by everyone,
 * those without hours too). At the bench city (549,860 members) the city's shares took 1.2–1.3 s read from every
 * member, now 0.23–0.30 s.
 */
async function subtreeDone(db: Db, org: { id: number; path: string }, childIds: number[], year: number, n: ReturnType<typeof yearNumbers>) {
  await yearCellsReady(db, year, n.member);
  const depth = org.path.split('.').length;
  const childOf = (col: RawBuilder<unknown>) => sql`case when nlevel(${col}) > ${depth} then subpath(${col}, ${depth}, 1)::text end`;
  const [cells, reached, owing] = await Promise.all([
    readCells(db, [org.id, ...childIds], ['status']),
    sql<{ child: string | null; n: number }>`
      select ${childOf(sql`o.path`)} as child, sum(c.reached)::int as n
        from learning_year_cells c join orgs o on o.id = c.org_id
       where c.year = ${year} and c.reached <> 0 and o.path <@ ${org.path}::ltree group by 1`.execute(db),
    // Those who owe more: the seat holders and cadres (some 60,000 at the bench city), their totals looked up in
    // member order, then the few with enough hours looked up in members (each kept apart by `offset 0`): the
    // planner's own choice, hash joins over the whole totals and members tables, took 0.5 s.
    sql<{ child: string | null; n: number }>`
      select ${childOf(sql`m.org_path`)} as child, count(*)::int as n
        from (select w.member_id, coalesce((select t.total from learning_year_totals t where t.year = ${year} and t.member_id = w.member_id), 0) as total
                from (select member_id from learning_seats where until >= ${`${year}-01-01`}::date
                      union select member_id from cadres where member_id is not null and level is not null order by 1) w
              offset 0) x
        cross join lateral (select m.id, m.org_path, m.status from members m where m.id = x.member_id offset 0) m
       where x.total >= ${n.member}::numeric and m.org_path <@ ${org.path}::ltree and m.status = any(${[...COUNTED_STATUSES]}::text[])
         and x.total < ${keptRequirementSql(year, n)}
       group by 1`.execute(db),
  ]);
  const counted = (v: string) => (COUNTED_STATUSES as readonly string[]).includes(v);
  const byChild = (rows: { child: string | null; n: number }[]) =>
    new Map(rows.map((x) => [x.child === null ? null : Number(x.child), x.n]));
  const [r, o] = [byChild(reached.rows), byChild(owing.rows)];
  const sum = (m: Map<number | null, number>) => [...m.values()].reduce((a, x) => a + x, 0);
  const peopleOf = (id: number) => sumWhere(cells, id, 'status', counted);
  const everyone = n.member <= 0;
  const all: Done = { people: peopleOf(org.id), done: (everyone ? peopleOf(org.id) : sum(r)) - sum(o) };
  const children = new Map(
    childIds.map((id) => [id, { people: peopleOf(id), done: (everyone ? peopleOf(id) : (r.get(id) ?? 0)) - (o.get(id) ?? 0) }]),
  );
  return { all, children };
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

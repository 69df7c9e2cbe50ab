// Who owes how many 学时 in a year and who is done (issue 14 point 6): the requirement of each audience from the
// versioned table (domain/rules/learning-hours.ts), a member's requirement in SQL, the scan that works out every
// member's (the export and a closed year's snapshot), and the summaries' reading of a subtree (migration 047) that
// who is behind and the completion shares use.
import { sql, type RawBuilder } from 'kysely';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';
import { CADRE_LEVELS, atOrAbove } from '../../../domain/rules/cadre-levels.js';
import { requirementOf, round1, type Audience, type PersonFacts, type RequirementVersion } from '../../../domain/rules/learning-hours.js';
import type { TRequirement } from '../../../domain/schemas/learning-hours.js';
import type { Db } from '../../db/engine.js';
import { readCells, sumWhere } from '../statistics/cells.js';

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
export function requiredSql(path: string, year: number, n: ReturnType<typeof yearNumbers>) {
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
export function keptRequirementSql(year: number, n: ReturnType<typeof yearNumbers>) {
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
export async function subtreeDone(
  db: Db,
  org: { id: number; path: string },
  childIds: number[],
  year: number,
  n: ReturnType<typeof yearNumbers>,
) {
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

// Units, the 配备一览表 and teams on a Ctx. The managing organization of a filter has passed the scope
// check (the route declares `query.managerOrgId` as an organization) or is the caller's own.
import type { Ctx } from '../../context.js';
import { levelRank } from '../../../domain/cadre-codes.js';
import type { Db } from '../../db/engine.js';
import { notFound } from '../../errors.js';
import { decodeCursor, encodeCursor } from '../../http/keyset-cursor.js';
import { checkTeam, requirementSetOn, structureOf, type Finding, cadreAge } from '../../../domain/rules/team-structure.js';
import type {
  TRosterPage,
  TRosterQuery,
  TRosterUnit,
  TStructure,
  TTeamListQuery,
  TTeamPage,
  TTeamRow,
  TUnitDetail,
} from '../../../domain/schemas/cadre-units.js';
import {
  allUnits,
  findUnit,
  holdersOf,
  holdersOfFilter,
  postsOf,
  rosterUnits,
  teamsOf,
  teamsOfFilter,
  unitColumns,
  unitsFrom,
  type HolderRow,
  type UnitFilter,
  type UnitRow,
} from './queries.js';
import { presentHolder, presentMember, presentPost, presentTerm, presentUnit, renewalState, structurePerson } from './presenters.js';

export interface FilterInput {
  managerOrgId?: number;
  below?: 'true' | 'false';
  kind?: string;
  level?: string;
  unitId?: number;
}

/** The filter of a request: the managing organization given (scope-checked by the route) or the caller's own. */
export async function resolveFilter(ctx: Ctx, q: FilterInput): Promise<UnitFilter> {
  const orgId = q.managerOrgId ?? ctx.actor.orgId;
  const org = await ctx.db.selectFrom('orgs').select(['id', 'path']).where('id', '=', orgId).executeTakeFirstOrThrow();
  return { managerOrgId: org.id, managerPath: org.path, below: q.below === 'true', kind: q.kind, level: q.level, unitId: q.unitId };
}

/** Loads a unit the route has scope-checked. */
export async function unitOf(db: Db, id: number): Promise<UnitRow> {
  const u = await findUnit(db, id);
  if (!u) throw notFound('单位');
  return u;
}

export async function unitDetail(db: Db, id: number): Promise<TUnitDetail> {
  const unit = await unitOf(db, id);
  const [posts, children] = await Promise.all([
    postsOf(db, [id], true),
    unitsFrom(db).select(unitColumns).where('u.parent_unit_id', '=', id).orderBy('u.sort').orderBy('u.id').execute(),
  ]);
  return { unit: presentUnit(unit), posts: posts.map(presentPost), children: children.map(presentUnit) };
}

const groupBy = <T, K>(xs: readonly T[], key: (x: T) => K) => {
  const m = new Map<K, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
};

/** The roster rows of some units: per post its quota and holders, flagged over or vacant; per unit the totals. */
export async function rosterOf(db: Db, units: readonly UnitRow[], onDate: string): Promise<TRosterUnit[]> {
  const ids = units.map((u) => u.id);
  const [posts, holders, teams] = await Promise.all([postsOf(db, ids), holdersOf(db, ids), teamsOf(db, ids)]);
  const postsByUnit = groupBy(posts, (p) => p.unit_id);
  const holdersByPost = groupBy(holders, (h) => h.post_id);
  const teamByUnit = new Map(teams.map((t) => [t.unit_id, t.id]));
  return units.map((u) => {
    const rows = (postsByUnit.get(u.id) ?? []).map((p) => {
      const hs = holdersByPost.get(p.id) ?? [];
      return {
        id: p.id,
        title: p.title,
        level: p.level,
        principal: p.principal,
        line: p.line,
        quota: p.quota,
        holders: hs.map((h) => presentHolder(h, onDate)),
        over: hs.length > p.quota,
        vacant: hs.length < p.quota,
      };
    });
    const sum = (principal: boolean) => {
      const xs = rows.filter((r) => r.principal === principal);
      return { quota: xs.reduce((s, r) => s + r.quota, 0), actual: xs.reduce((s, r) => s + r.holders.length, 0) };
    };
    return {
      unit: presentUnit(u),
      teamId: teamByUnit.get(u.id) ?? null,
      posts: rows,
      principal: sum(true),
      deputy: sum(false),
      overPosts: rows.filter((r) => r.over).length,
      vacantPosts: rows.filter((r) => r.vacant).length,
    };
  });
}

export async function rosterPage(ctx: Ctx, q: TRosterQuery): Promise<TRosterPage> {
  const f = await resolveFilter(ctx, q);
  const c = decodeCursor(q.cursor);
  const after = c ? { sort: Number(c.key), id: c.id } : null;
  const units = await rosterUnits(ctx.db, f, q.flag, after, q.limit + 1);
  const page = units.slice(0, q.limit);
  const last = page[page.length - 1];
  const onDate = ctx.today();
  return {
    items: await rosterOf(ctx.db, page, onDate),
    nextCursor: units.length > q.limit ? encodeCursor({ sort_key: String(last.sort), id: last.id }) : null,
    onDate,
  };
}

/** The people of a set of units, one per cadre: their highest post in the set decides level and years in post. */
export function peopleOf(holders: readonly HolderRow[]): HolderRow[] {
  const best = new Map<number, HolderRow>();
  const rank = (h: HolderRow) => [Number(h.concurrent), levelRank(h.level), Number(!h.principal)];
  const before = (a: HolderRow, b: HolderRow) => {
    const [x, y] = [rank(a), rank(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i];
    return a.decided_on < b.decided_on;
  };
  for (const h of holders) {
    const cur = best.get(h.cadre_id);
    if (!cur || before(h, cur)) best.set(h.cadre_id, h);
  }
  return [...best.values()];
}

export function structureFrom(people: readonly HolderRow[], onDate: string): TStructure {
  return { onDate, total: people.length, dims: structureOf(people.map(structurePerson), onDate) };
}

export function findingsOf(unitKind: string, people: readonly HolderRow[], onDate: string): Finding[] {
  return checkTeam({ unitKind, members: people.map(structurePerson) }, requirementSetOn(onDate), onDate);
}

export async function teamPage(ctx: Ctx, unitId: number, onDate = ctx.today()): Promise<TTeamPage> {
  const unit = await unitOf(ctx.db, unitId);
  const [holders, [team]] = await Promise.all([holdersOf(ctx.db, [unitId]), teamsOf(ctx.db, [unitId])]);
  const people = peopleOf(holders);
  const set = requirementSetOn(onDate);
  return {
    unit: presentUnit(unit),
    term: team ? presentTerm(team) : null,
    renewal: renewalState(team?.renew_due_on, ctx.today()),
    members: holders.map((h) => presentMember(h, onDate)),
    structure: structureFrom(people, onDate),
    findings: findingsOf(unit.kind, people, onDate),
    requirementSet: { version: set.version, title: set.title },
  };
}

/** Every team of the filter with its term, renewal state and shortfalls. */
export async function teamRows(db: Db, f: UnitFilter, today: string, months?: number): Promise<TTeamRow[]> {
  const [units, holders, teams] = await Promise.all([allUnits(db, f), holdersOfFilter(db, f), teamsOfFilter(db, f)]);
  const byUnit = groupBy(holders, (h) => h.unit_id);
  const teamByUnit = new Map(teams.map((t) => [t.unit_id, t]));
  return units.map((u) => {
    const people = peopleOf(byUnit.get(u.id) ?? []);
    const ages = people.map((p) => cadreAge(p.birth, today)).filter((a): a is number => a !== null);
    const team = teamByUnit.get(u.id);
    return {
      unitId: u.id,
      unitName: u.name,
      kind: u.kind,
      level: u.level,
      managerOrgName: u.manager_org_name,
      term: team ? presentTerm(team) : null,
      renewal: renewalState(team?.renew_due_on, today, months),
      members: people.length,
      women: people.filter((p) => p.sex === '女').length,
      averageAge: ages.length ? Math.round((ages.reduce((s, a) => s + a, 0) / ages.length) * 10) / 10 : null,
      shortfalls: findingsOf(u.kind, people, today).filter((x) => !x.ok),
    };
  });
}

export async function teamList(ctx: Ctx, q: TTeamListQuery) {
  const f = await resolveFilter(ctx, q);
  const today = ctx.today();
  let items = await teamRows(ctx.db, f, today, q.months);
  if (q.renewal) items = items.filter((t) => t.renewal === q.renewal);
  if (q.short === 'true') items = items.filter((t) => t.shortfalls.length > 0);
  return { items, onDate: today };
}

/** The people (one per cadre) of the filter's units, for the structure analysis and its tables. */
export async function peopleOfFilter(db: Db, f: UnitFilter): Promise<HolderRow[]> {
  return peopleOf(await holdersOfFilter(db, f));
}

// One to-do list per user: the work of the user's own organization for which they hold the action,
// the requests their organization is the nearest higher level to decide, and a member's own items.
// Everything is computed from the data on each call, per acting organization, never stored.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { can, type Action, type Role } from '../../../domain/permissions.js';
import { TODO_KIND_ORDER, TODO_KINDS, type TodoKind } from '../../../domain/todo-kinds.js';
import { todayCn } from '../../dates.js';
import { coveredPaths, routedTo } from './routing.js';
import { withOrgNames } from './item.js';
import type { FoundItem, MemberRef, OrgRef, TodoContext, TodoItem, TodoProvider } from './types.js';
import { developmentTodos } from './providers/development.js';
import { transferTodos } from './providers/transfers.js';
import { duesTodos } from './providers/dues.js';
import { meetingTodos } from './providers/meetings.js';
import { termTodos } from './providers/terms.js';
import { standardTodos } from './providers/standards.js';
import { jointTaskTodos } from './providers/joint-tasks.js';
import { cadreTeamTodos } from './providers/cadre-teams.js';
import { cadreAssessmentTodos } from './providers/cadre-assessments.js';
import { cadreSelectionTodos } from './providers/cadre-selections.js';
import { cadreSupervisionTodos } from './providers/cadre-supervision.js';
import { talentPolicyTodos } from './providers/talent-policies.js';
import { learningTodos } from './providers/learning.js';
import { talentAgreementTodos } from './providers/talent-agreements.js';

export const PROVIDERS: readonly TodoProvider[] = [
  developmentTodos,
  transferTodos,
  duesTodos,
  meetingTodos,
  termTodos,
  standardTodos,
  jointTaskTodos,
  cadreTeamTodos,
  cadreAssessmentTodos,
  cadreSelectionTodos,
  cadreSupervisionTodos,
  talentPolicyTodos,
  learningTodos,
  talentAgreementTodos,
];

export const contextOf = (db: Db, now: Date): TodoContext => ({ db, now, today: todayCn(now) });

export interface TodoUser {
  roles: readonly Role[];
  org: OrgRef;
  /** The member record linked to the account and the organization holding it (a Party member's own items). */
  member: MemberRef | null;
}

const kindsOf = (p: TodoProvider, actor: 'self' | 'higher') =>
  (Object.keys(TODO_KINDS) as TodoKind[]).filter((k) => TODO_KINDS[k].area === p.area && TODO_KINDS[k].actor === actor);

const KIND_RANK = new Map(TODO_KIND_ORDER.map((k, i) => [k, i]));
// The titles' order is localeCompare's (the process's default locale), with one collator made once:
// a city's digest drill-down sorts some 100,000 items.
const TITLE_ORDER = new Intl.Collator();
/** Dates are YYYY-MM-DD: their order is the strings' code-unit order. */
const byDate = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Overdue first, then by deadline (none last), then in the kinds' display order. */
export function sortItems<T extends TodoItem>(items: T[]): T[] {
  return items.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      byDate(a.dueOn ?? '9999', b.dueOn ?? '9999') ||
      KIND_RANK.get(a.kind)! - KIND_RANK.get(b.kind)! ||
      TITLE_ORDER.compare(a.title, b.title),
  );
}

/** The user's own list. */
export async function todosOf(ctx: TodoContext, user: TodoUser): Promise<FoundItem[]> {
  const may = (k: TodoKind) => can(user.roles, TODO_KINDS[k].action);
  // One accounts query per approving action, shared by the providers that need it.
  const covered = new Map<Action, Promise<Set<string>>>();
  const coveredFor = (action: Action) => covered.get(action) ?? covered.set(action, coveredPaths(ctx.db, user.org, action)).get(action)!;
  const jobs: Promise<FoundItem[]>[] = [];
  for (const p of PROVIDERS) {
    if (kindsOf(p, 'self').some(may)) jobs.push(p.own(ctx, { org: user.org }).then((xs) => xs.filter((x) => may(x.kind))));
    if (p.approvals && kindsOf(p, 'higher').some(may))
      jobs.push(p.approvals(ctx, user.org.path).then((xs) => routeApprovals(user, xs, coveredFor)));
    if (p.mine && user.member && can(user.roles, 'member.self')) jobs.push(p.mine(ctx, user.member));
  }
  return sortItems(await withOrgNames(ctx.db, (await Promise.all(jobs)).flat()));
}

/** Keeps the requests the user's organization is the nearest level to decide. */
async function routeApprovals(user: TodoUser, items: FoundItem[], coveredFor: (a: Action) => Promise<Set<string>>): Promise<FoundItem[]> {
  const out: FoundItem[] = [];
  for (const x of items) {
    const def = TODO_KINDS[x.kind];
    if (def.actor !== 'higher' || !can(user.roles, def.action)) continue;
    if (routedTo(user.org.path, x.orgPath, await coveredFor(def.action))) out.push(x);
  }
  return out;
}

/**
 * Every counted to-do of a subtree (the digest): the organizations' own work and the requests they raised.
 * Unsorted: the digest only counts them; a drill-down sorts the few it shows (digestItems).
 */
export async function subtreeItems(ctx: TodoContext, root: OrgRef): Promise<FoundItem[]> {
  const parts = await Promise.all(
    PROVIDERS.flatMap((p) => [p.own(ctx, { subtree: root }), p.approvals ? p.approvals(ctx, root.path) : Promise.resolve([])]),
  );
  return withOrgNames(
    ctx.db,
    parts.flat().filter((x) => TODO_KINDS[x.kind].digest && TODO_KINDS[x.kind].actor !== 'member'),
  );
}

/** The organization an account belongs to, as the providers need it. */
export async function orgRef(db: Db, id: number): Promise<OrgRef> {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'kind', sql<string>`path::text`.as('path')])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export async function memberOf(db: Db, userId: number): Promise<MemberRef | null> {
  const m = await db
    .selectFrom('users as u')
    .innerJoin('members as m', 'm.id', 'u.member_id')
    .select(['m.id', 'm.org_id'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  return m ? { memberId: m.id, orgId: m.org_id } : null;
}

/** Drops the internal path before an item leaves the server. */
export const presentItem = ({ orgPath: _path, ...item }: FoundItem): TodoItem => item;

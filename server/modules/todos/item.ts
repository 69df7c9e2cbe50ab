// Building one to-do: severity and overdue follow from the deadline, the same way for every provider.
import dayjs from 'dayjs';
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { TODO_KINDS, todoSeverity, type TodoKind } from '../../../domain/todo-kinds.js';
import type { FoundItem, TodoContext } from './types.js';

export interface ItemFields {
  /** What is due, without the organization: withOrgNames() puts its name in front. */
  title: string;
  dueOn: string | null;
  link: string;
  ref: string | number;
  rule?: string | null;
  /** Defaults to "the deadline has passed". */
  overdue?: boolean;
}

export function makeItem(ctx: TodoContext, kind: TodoKind, org: { id: number; name: string; path: string }, f: ItemFields): FoundItem {
  const overdue = f.overdue ?? (f.dueOn !== null && f.dueOn < ctx.today);
  return {
    kind,
    orgId: org.id,
    orgName: org.name,
    orgPath: org.path,
    title: f.title,
    dueOn: f.dueOn,
    overdue,
    severity: todoSeverity(f.dueOn, ctx.today, overdue),
    link: f.link,
    ref: String(f.ref),
    rule: f.rule ?? null,
  };
}

/** A date `days` after today (YYYY-MM-DD). */
export const daysAfter = (today: string, days: number) => dayjs(today).add(days, 'day').format('YYYY-MM-DD');
export const monthsAfter = (today: string, months: number) => dayjs(today).add(months, 'month').format('YYYY-MM-DD');

/**
 * Puts the organization's short name in front of each title ("明珠社区党支部：本季度党课尚未开展"),
 * read once for all the items; a member's own items need none.
 */
export async function withOrgNames(db: Db, items: FoundItem[]): Promise<FoundItem[]> {
  const ids = [...new Set(items.filter((x) => TODO_KINDS[x.kind].actor !== 'member').map((x) => x.orgId))];
  if (ids.length === 0) return items;
  const rows = await db
    .selectFrom('orgs')
    .select(['id', sql<string>`coalesce(nullif(short_name, ''), name)`.as('label')])
    // One array parameter, not one parameter per id (a city's digest names some 20,000 organizations).
    .where(sql<boolean>`id = any(${ids}::bigint[])`)
    .execute();
  const label = new Map(rows.map((r) => [r.id, r.label]));
  for (const x of items) if (TODO_KINDS[x.kind].actor !== 'member') x.title = `${label.get(x.orgId) ?? x.orgName}：${x.title}`;
  return items;
}

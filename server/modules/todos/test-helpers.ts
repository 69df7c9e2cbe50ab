// Helpers shared by the to-do tests: a user's list, accounts at other organizations, dates around today.
import dayjs from 'dayjs';
import { json, type TestApp } from '../../test/test-app.js';
import { todayCn } from '../../dates.js';

export interface ListedItem {
  kind: string;
  ref: string;
  orgId: number;
  title: string;
  dueOn: string | null;
  overdue: boolean;
  severity: string;
  link: string;
  rule: string | null;
}

export async function listOf(
  t: TestApp,
  cookie: string,
): Promise<{ total: number; overdue: number; items: ListedItem[]; groups: { kind: string; count: number }[] }> {
  const res = await t.call(cookie, 'GET', '/api/todos');
  if (res.statusCode !== 200) throw new Error(`GET /api/todos: ${res.statusCode} ${res.body}`);
  return json(res);
}

/** The item of a kind about an object, or undefined. */
export async function itemOf(t: TestApp, cookie: string, kind: string, ref: string | number): Promise<ListedItem | undefined> {
  return (await listOf(t, cookie)).items.find((x) => x.kind === kind && x.ref === String(ref));
}

export const todayOf = (t: TestApp) => todayCn(t.clock.now());
export const dayFrom = (t: TestApp, days: number) => dayjs(todayOf(t)).add(days, 'day').format('YYYY-MM-DD');
export const monthFrom = (t: TestApp, months: number) => dayjs(todayOf(t)).add(months, 'month').format('YYYY-MM-DD');

const PASSWORD = 'Zx!9qRt#2026';

/** Creates an account through the security administrator and signs it in. */
export async function accountAt(t: TestApp, username: string, orgId: number, roles: string[]): Promise<string> {
  const sec = await t.login('secadmin');
  const res = await t.call(sec, 'POST', '/api/users', { username, displayName: username, orgId, roles, password: PASSWORD });
  if (res.statusCode !== 201) throw new Error(`create ${username}: ${res.statusCode} ${res.body}`);
  return t.login(username, PASSWORD);
}

/** Members of an organization in normal standing, oldest record first. */
export async function membersOf(t: TestApp, orgId: number) {
  return t.db
    .selectFrom('members')
    .select(['id', 'name', 'category'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'normal')
    .orderBy('id')
    .execute();
}

// Issue 11.8: every refusal is audited by one mechanism. Walks every route: a role without the
// route's action gets 403 and one `denied` row (the auth hook); an id of the route's declared
// resource outside the caller's subtree gets 404 and one `denied` row naming it (the scope primitive).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Action, type Role } from '../../domain/permissions.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { RESOURCES, type Resource } from '../scope/resources.js';

const ACCOUNTS: [string, Role][] = [
  ['member', 'member'],
  ['sysadmin', 'sysadmin'],
  ['auditor', 'auditor'],
  ['secadmin', 'secadmin'],
  ['cadre', 'cadre'],
  ['branch-admin', 'org_admin'],
  ['district-admin', 'org_dept_admin'],
];

let t: TestApp;
const cookies = new Map<string, string>();
beforeAll(async () => {
  t = await createTestApp({ areaDemos: true });
  for (const [u] of ACCOUNTS) cookies.set(u, await t.login(u));
});
afterAll(async () => {
  await t?.close();
});

const denied = async (actor: string, action: string, objectType?: string, objectId?: number) => {
  let q = t.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('result', '=', 'denied')
    .where('actor_name', '=', actor)
    .where('action', '=', action);
  if (objectType) q = q.where('object_type', '=', objectType).where('object_id', '=', String(objectId));
  return Number((await q.executeTakeFirstOrThrow()).n);
};

const scopeOf = async (username: string) =>
  (
    await sql<{
      path: string;
    }>`select o.path::text as path from users u join orgs o on o.id = u.org_id where u.username = ${username}`.execute(t.db)
  ).rows[0].path;

/** An existing record of the resource that lies wholly outside the subtree. */
async function outside(resource: Resource, scopePath: string): Promise<number | null> {
  const def = RESOURCES[resource];
  const inside = sql.join(
    def.paths.map((p) => sql`coalesce(${sql.raw(p)} <@ ${scopePath}::ltree, false)`),
    sql` or `,
  );
  const r = await sql<{ id: string }>`select t.id from ${sql.raw(def.from)} where not (${inside}) order by t.id limit 1`.execute(t.db);
  return r.rows[0] ? Number(r.rows[0].id) : null;
}

describe('refusals', () => {
  it('by role: 403 and one denied row for every route and a role without its action', async () => {
    const bad: string[] = [];
    let checked = 0;
    for (const r of t.app.deps.routes.filter((x) => x.action)) {
      const account = ACCOUNTS.find(([, role]) => !can([role], r.action as Action));
      if (!account) continue;
      const [user] = account;
      const before = await denied(user, r.action!);
      const res = await t.call(cookies.get(user)!, r.method, r.url.replace(/:\w+/g, '1'));
      const after = await denied(user, r.action!);
      checked++;
      if (res.statusCode !== 403 || after !== before + 1)
        bad.push(`${r.method} ${r.url} as ${user}: ${res.statusCode}, ${after - before} rows`);
    }
    expect(checked).toBeGreaterThan(80);
    expect(bad).toEqual([]);
  });

  it('by scope: 404 and one denied row naming the record for every route id outside the subtree', async () => {
    const bad: string[] = [];
    let checked = 0;
    for (const r of t.app.deps.routes.filter((x) => x.action && x.scope)) {
      const params = Object.entries(r.scope!).filter(([loc, res]) => loc.startsWith('params.') && res && res !== 'none') as [
        string,
        Resource,
      ][];
      if (!params.length) continue;
      const account = (['branch-admin', 'district-admin'] as const).find((u) =>
        can([u === 'branch-admin' ? 'org_admin' : 'org_dept_admin'], r.action!),
      );
      if (!account) continue;
      const scope = await scopeOf(account);
      let url = r.url;
      const ids: [Resource, number][] = [];
      for (const [loc, res] of params) {
        const id = await outside(res, scope);
        if (id === null) break;
        ids.push([res, id]);
        url = url.replace(`:${loc.slice('params.'.length)}`, String(id));
      }
      if (ids.length < params.length) continue;
      const [firstRes, firstId] = ids[0];
      const before = await denied(account, r.action!, firstRes, firstId);
      const res = await t.call(cookies.get(account)!, r.method, url, r.method === 'GET' ? undefined : {});
      const after = await denied(account, r.action!, firstRes, firstId);
      checked++;
      if (res.statusCode !== 404 || after !== before + 1)
        bad.push(`${r.method} ${url} as ${account}: ${res.statusCode}, ${after - before} rows`);
    }
    expect(checked).toBeGreaterThan(45);
    expect(bad).toEqual([]);
  });
});

// The one scope primitive and its route declaration: undeclared path ids stop the server at start,
// declared ids and any orgId in the input are checked before the handler, refusals audited once.
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../test/test-app.js';
import { registerScopeHook } from './scope-hook.js';
import { requireAccess } from '../scope/access.js';
import type { Ctx } from '../context.js';
import { todayCn } from '../dates.js';
import './deps.js';

describe('route declarations', () => {
  // Fastify runs onRoute hooks as the route is added: the declaration is checked right there.
  const build = (config: Record<string, unknown>) => () => {
    const app = Fastify();
    registerScopeHook(app);
    app.get('/api/things/:id', { config }, async () => ({}));
  };

  it('refuses to start a route whose path id has no declared scope', () => {
    expect(build({ action: 'member.read' })).toThrow(/does not declare the scope of :id/);
  });

  it('refuses an unknown resource and accepts a declared one or an explicit none', () => {
    expect(build({ action: 'member.read', scope: { 'params.id': 'planet' } })).toThrow(/unknown scope resource planet/);
    expect(build({ action: 'member.read', scope: { 'params.id': 'member' } })).not.toThrow();
    expect(build({ action: 'member.read', scope: { 'params.id': 'none' } })).not.toThrow();
  });
});

describe('checks before the handler', () => {
  let t: TestApp;
  let branchAdmin: string;
  beforeAll(async () => {
    t = await createTestApp({ orgCount: 60 });
    branchAdmin = await t.login('branch-admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const deniedRows = (objectType: string, id: number) =>
    t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'detail'])
      .where('result', '=', 'denied')
      .where('object_type', '=', objectType)
      .where('object_id', '=', String(id))
      .execute();

  it('answers 404 for an orgId of another branch in a query, audited once under the route action', async () => {
    const other = t.city.sampleIds.otherBranch;
    const res = await t.call(branchAdmin, 'GET', `/api/members?orgId=${other}`);
    expect(res.statusCode).toBe(404);
    expect(json(res).error.code).toBe('NOT_FOUND');
    const rows = await deniedRows('org', other);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'member.read', actor_name: 'branch-admin' });
  });

  it('answers 404 for an orgId of another branch in a body and changes nothing', async () => {
    const other = t.city.sampleIds.otherBranch;
    const before = await t.db
      .selectFrom('meetings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await t.call(branchAdmin, 'POST', '/api/meetings', {
      orgId: other,
      status: 'held',
      kinds: ['theme_day'],
      heldOn: todayCn(t.clock.now()),
      startTime: '09:30',
      place: '党员活动室',
      topic: '越权测试',
      host: '王书记',
      recorder: '李委员',
      attendance: [],
    });
    expect(res.statusCode).toBe(404);
    const after = await t.db
      .selectFrom('meetings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await deniedRows('org', other)).some((r) => r.action === 'life.write')).toBe(true);
  });

  it('refuses a set of ids unless every one is in scope, auditing only the existing ones outside', async () => {
    const session = await t.db
      .selectFrom('users')
      .select(['id', 'org_id'])
      .where('username', '=', 'branch-admin')
      .executeTakeFirstOrThrow();
    const own = await t.db.selectFrom('orgs').select('path').where('id', '=', session.org_id).executeTakeFirstOrThrow();
    const ctx: Ctx = {
      db: t.db,
      actor: {
        userId: Number(session.id),
        username: 'branch-admin',
        displayName: '',
        roles: ['org_admin'],
        orgId: Number(session.org_id),
        scopePath: own.path,
        sessionId: 'x',
        mustChangePassword: false,
      },
      clock: t.clock,
      today: () => todayCn(t.clock.now()),
      crypto: t.app.deps.idCrypto,
      settings: t.app.deps.settings,
      engineKind: t.app.deps.engineKind,
      origin: { ip: '127.0.0.1', requestId: 'scope-test', url: '/test' },
    };
    await expect(requireAccess(ctx, 'org.read', 'org', [Number(session.org_id)])).resolves.toBeUndefined();
    const other = t.city.sampleIds.district;
    const before = (await deniedRows('org', other)).length;
    await expect(requireAccess(ctx, 'org.read', 'org', [Number(session.org_id), other, 987654321])).rejects.toMatchObject({ status: 404 });
    expect((await deniedRows('org', other)).length).toBe(before + 1);
    expect(await deniedRows('org', 987654321)).toHaveLength(0);
  });
});

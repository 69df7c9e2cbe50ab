// The 学时 ledger's one writer: a repeated source record updates its row instead of counting twice,
// hours are kept to 0.1, and a learner must be exactly one of a member or a non-member cadre.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../auth/actor.js';
import type { Ctx } from '../../context.js';
import { openTestEngine, type TestEngine } from '../../test/test-engine.js';
import { buildMember, buildOrg } from '../../test/factories.js';
import { upsertCredit, upsertCredits } from './credits.js';

let te: TestEngine;
let ctx: Ctx;
let memberId: number;

beforeAll(async () => {
  te = await openTestEngine('city');
  const root = await te.engine.db.selectFrom('orgs').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
  const rootId = root.id;
  const org = await buildOrg(te.engine.db, { parentId: rootId });
  memberId = (await buildMember(te.engine.db, { orgId: org.id })).id;
  ctx = { db: te.engine.db, actor: { userId: null } as unknown as Actor } as Ctx;
});
afterAll(async () => {
  await te?.dispose();
});

it('keeps one row per learner, source and source record, with hours to 0.1', async () => {
  const base = { memberId, cadreId: null, source: 'online' as const, sourceRef: 'material:1', title: '学习材料', earnedOn: '2026-03-02' };
  const a = await upsertCredit(ctx, { ...base, hours: 0.26 });
  const b = await upsertCredit(ctx, { ...base, hours: 0.54, online: true });
  expect(b).toBe(a);
  const rows = await te.engine.db.selectFrom('learning_credits').selectAll().where('member_id', '=', memberId).execute();
  expect(rows.map((r) => [Number(r.hours), r.year, r.online])).toEqual([[0.5, 2026, true]]);
});

it('refuses a learner that is neither or both', async () => {
  const base = { source: 'self' as const, sourceRef: 'x', title: 't', earnedOn: '2026-01-01', hours: 1 };
  await expect(upsertCredit(ctx, { ...base, memberId: null, cadreId: null })).rejects.toMatchObject({ field: 'learner' });
  await expect(upsertCredit(ctx, { ...base, memberId, cadreId: 1 })).rejects.toMatchObject({ field: 'learner' });
  await expect(upsertCredit(ctx, { ...base, memberId, cadreId: null, hours: -1 })).rejects.toMatchObject({ field: 'hours' });
});

it('writes many records at once as one call after another would, and nothing when one input is bad', async () => {
  const base = { memberId, cadreId: null, source: 'assigned' as const, title: '调训', earnedOn: '2026-04-01' };
  const bad = upsertCredits(ctx, [
    { ...base, sourceRef: 'many:1', hours: 2 },
    { ...base, sourceRef: 'many:2', hours: 2001 },
  ]);
  await expect(bad).rejects.toMatchObject({ field: 'hours' });
  const n = await upsertCredits(ctx, [
    { ...base, sourceRef: 'many:1', hours: 2 },
    // Text the arrays must carry as it is: quotes, a comma, braces, a backslash, and the word NULL.
    { ...base, sourceRef: 'many:2', hours: 3.04, title: 'NULL' },
    { ...base, sourceRef: 'many:1', hours: 4.26, title: '调训"更正", {乙} \\' },
  ]);
  expect(n).toBe(2);
  const rows = await te.engine.db
    .selectFrom('learning_credits')
    .select(['source_ref', 'title', 'hours'])
    .where('member_id', '=', memberId)
    .where('source', '=', 'assigned')
    .orderBy('source_ref')
    .execute();
  expect(rows.map((r) => [r.source_ref, r.title, Number(r.hours)])).toEqual([
    ['many:1', '调训"更正", {乙} \\', 4.3],
    ['many:2', 'NULL', 3],
  ]);
});

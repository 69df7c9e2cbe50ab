// The one writer of member records: the row and its history together, a stale version refused, a
// history-only fact; and no other module writes a member row or a history row by hand.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../../test/test-engine.js';
import { changeMember, writerOf } from './changes.js';

let te: TestEngine;
let memberId: number;
const at = new Date('2026-05-06T02:00:00Z');

beforeAll(async () => {
  te = await openTestEngine();
  const db = te.engine.db;
  await db
    .insertInto('orgs')
    .values([
      { id: 1, path: '1', name: '市委', code: 'C1', kind: 'city_committee' },
      { id: 2, parent_id: 1, path: '1.2', name: '第一党支部', code: 'C2', kind: 'branch' },
      { id: 3, parent_id: 1, path: '1.3', name: '第二党支部', code: 'C3', kind: 'branch' },
    ] as never)
    .execute();
  ({ id: memberId } = await db
    .insertInto('members')
    .values({ org_id: 2, name: '张三', gender: '男', category: 'probationary', phone: '13000000000' })
    .returning('id')
    .executeTakeFirstOrThrow());
});
afterAll(async () => {
  await te?.dispose();
});

const history = () => te.engine.db.selectFrom('member_history').selectAll().where('member_id', '=', memberId).orderBy('id').execute();
const member = () => te.engine.db.selectFrom('members').selectAll().where('id', '=', memberId).executeTakeFirstOrThrow();

describe('changeMember', () => {
  it('sets the columns, bumps the version and keeps before and after with the actor and time in one history row', async () => {
    await te.engine.db.transaction().execute((trx) =>
      changeMember(writerOf(trx, 7, at), memberId, {
        action: 'transfer',
        set: { org_id: 3, name: '张叁' },
        after: { letterNo: 'L-1' },
      }),
    );
    const m = await member();
    expect(m).toMatchObject({ org_id: 3, org_path: '1.3', name: '张叁', version: 2 });
    expect(m.name_initials).not.toBe('');
    const [h] = await history();
    expect(h).toMatchObject({
      action: 'transfer',
      actor_id: 7,
      before: { org_id: 2, name: '张三' },
      after: { org_id: 3, name: '张叁', letterNo: 'L-1' },
    });
    expect(new Date(h.at as Date).toISOString()).toBe(at.toISOString());
    expect(Object.keys(h.after as object)).not.toContain('sort_key');
  });

  it('refuses a stale version and changes nothing', async () => {
    await expect(
      changeMember(writerOf(te.engine.db, 7, at), memberId, { action: 'update', set: { phone: '13900000000' }, version: 1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT', field: 'version' });
    expect((await member()).phone).toBe('13000000000');
    expect(await history()).toHaveLength(1);
  });

  it('keeps a fact that changes no column in the history only', async () => {
    await changeMember(writerOf(te.engine.db, null, at), memberId, { action: 'extend_probation', after: { extensionMonths: 6 } });
    expect((await member()).version).toBe(2);
    expect((await history()).at(-1)).toMatchObject({
      action: 'extend_probation',
      actor_id: null,
      before: null,
      after: { extensionMonths: 6 },
    });
  });
});

describe('one write path per member record', () => {
  // Bulk writers of generated or imported rows, one statement for thousands: allowed by name.
  // The spreadsheet import writes its staged rows with their history in one statement (import/stage.ts writeStaged).
  const BULK = [
    'modules/members/insert-member.ts',
    'modules/members/import/stage.ts',
    'modules/members/demo.ts',
    'modules/transfers/demo.ts',
  ];
  const WRITES =
    /updateTable\(\s*'members(?: as \w+)?'\s*\)|insertInto\(\s*'member_history'\s*\)|insertInBatches\(\s*[\w.]+,\s*'member_history'|update\s+members\b|insert\s+into\s+member_history\b/i;

  it('leaves every write of a member row or a history row to changes.ts', () => {
    const root = join(import.meta.dirname, '../..');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const writers = files
      .filter((f) => WRITES.test(readFileSync(join(root, f), 'utf8')))
      .map((f) => relative(root, join(root, f)))
      .sort();
    expect(writers).toEqual(['modules/members/changes.ts', ...BULK].sort());
  });
});

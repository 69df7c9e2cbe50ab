// The two engines behave as one: a long query never stalls the HTTP server, and a transaction
// never swallows another request's statements (STACK-NOTES.md "PGlite traps").
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('engine', () => {
  it('keeps the event loop free during a long query', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = Date.now();
    const long = sql`select pg_sleep(0.6)`.execute(t.db);
    const health = await t.call(null, 'GET', '/api/health');
    const healthMs = Date.now() - started;
    await long;
    clearInterval(timer);
    expect(health.statusCode).toBe(200);
    expect(healthMs).toBeLessThan(300);
    expect(ticks).toBeGreaterThan(20);
  });

  it('does not roll back another request’s write together with a failed transaction', async () => {
    const id = t.city.sampleIds.township;
    const failing = t.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('orgs').set({ short_name: 'tx-temp' }).where('id', '=', id).execute();
        await new Promise((r) => setTimeout(r, 200));
        throw new Error('abort');
      })
      .catch(() => 'rolled back');
    // Issued while the transaction is open: it must not become part of it.
    const other = t.db.updateTable('orgs').set({ short_name: 'autocommit' }).where('id', '=', t.city.sampleIds.district).execute();
    expect(await failing).toBe('rolled back');
    await other;
    const rows = await t.db.selectFrom('orgs').select(['id', 'short_name']).where('id', 'in', [id, t.city.sampleIds.district]).execute();
    expect(rows.find((r) => r.id === t.city.sampleIds.district)?.short_name).toBe('autocommit');
    expect(rows.find((r) => r.id === id)?.short_name).not.toBe('tx-temp');
  });

  it('finds Chinese names through the trigram index on both engines', async () => {
    const r = await sql<{ n: number }>`select count(*)::int as n from orgs where name like ${'%党支部%'}`.execute(t.db);
    expect(r.rows[0].n).toBeGreaterThan(0);
    const trgm = await sql<{ t: string[] }>`select show_trgm('建国路') as t`.execute(t.db);
    expect(trgm.rows[0].t.length).toBeGreaterThan(0);
  });
});

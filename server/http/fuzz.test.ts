// Fuzz driven by the OpenAPI document (issue 11.2): for every route, inputs of the wrong type, with
// NUL and other control characters, impossible calendar dates, huge numbers and huge strings. Each
// answer must be a 4xx (never a 5xx, never a success) and nothing may change. The budget is bounded:
// a fixed, seeded set of mutations per route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../test/test-app.js';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  pattern?: string;
  format?: string;
  minimum?: number;
  minLength?: number;
};
type Operation = {
  parameters?: { in: string; name: string; schema: Schema; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema: Schema }> };
};

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp({ orgCount: 50 });
  cookie = await t.login('city-admin');
});
afterAll(async () => {
  await t?.close();
});

const first = (s: Schema): Schema => s.anyOf?.find((x) => x.type !== 'null') ?? s.oneOf?.[0] ?? s;
const typeOf = (s: Schema): string => {
  const f = first(s);
  return [f.type].flat().find((x) => x !== 'null') ?? (f.properties ? 'object' : 'string');
};
const isDateLike = (s: Schema) => /\\d\{4\}-|date/i.test(`${first(s).pattern ?? ''}${first(s).format ?? ''}`);

/** A plausible value: the first enum member, a date, 1, true, an object of its required fields. */
function sample(s: Schema): unknown {
  const f = first(s);
  if (f.enum) return f.enum[0];
  switch (typeOf(f)) {
    case 'integer':
    case 'number':
      return Math.max(1, f.minimum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return [sample(f.items ?? {})];
    case 'object':
      return Object.fromEntries((f.required ?? []).map((k) => [k, sample(f.properties?.[k] ?? {})]));
    default:
      return isDateLike(f) ? '2026-05-06' : 'a'.repeat(Math.max(2, f.minLength ?? 2));
  }
}

/** Values that are wrong for the field: each must be refused. */
function wrong(s: Schema): unknown[] {
  const ty = typeOf(s);
  if (ty === 'integer' || ty === 'number') return ['x\u0000', 1e308, 2 ** 64, -1.5];
  if (ty === 'boolean') return ['\u0000', 7];
  if (ty === 'array' || ty === 'object') return ['\u0000', 12345];
  const out: unknown[] = ['\u0000', `a\u0000b`, 'x'.repeat(100_000), { a: 1 }];
  if (isDateLike(s)) out.push('2026-02-30', '2026-13-01');
  return out;
}

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await sql<{ t: string }>`select table_name as t from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
      and table_name not in ('audit_log', 'sessions', 'stat_deltas', 'stat_cells', 'stat_year_cells', 'stat_ref_cells', 'stat_refs', 'users')`.execute(
    t.db,
  );
  const out: Record<string, number> = {};
  for (const { t: name } of tables.rows) {
    const r = await sql<{ n: string }>`select count(*) as n from ${sql.table(name)}`.execute(t.db);
    out[name] = Number(r.rows[0].n);
  }
  return out;
}

describe('every route, fed wrong input', () => {
  // One test over every route: its time grows with the route table, so it has its own limit.
  it('answers 4xx and changes nothing', { timeout: 300_000 }, async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const before = await rowCounts();
    const bad: string[] = [];
    let sent = 0;
    const send = async (method: string, url: string, payload: unknown, what: string) => {
      sent++;
      const res = await t.app.inject({ method: method.toUpperCase() as 'POST', url, headers: { cookie }, payload: payload as object });
      if (res.statusCode < 400 || res.statusCode >= 500)
        bad.push(`${method.toUpperCase()} ${url.slice(0, 80)} ${what} → ${res.statusCode} ${res.body.slice(0, 120)}`);
    };
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (path.startsWith('/api/auth/logout') || path.startsWith('/api/docs')) continue;
      for (const [method, op] of Object.entries(ops)) {
        const params = op.parameters ?? [];
        const pathParams = params.filter((p) => p.in === 'path');
        const query = params.filter((p) => p.in === 'query');
        const realPath = (over?: [string, string]) =>
          pathParams.reduce(
            (u, p) => u.replace(`{${p.name}}`, encodeURIComponent(over?.[0] === p.name ? over[1] : String(sample(p.schema)))),
            path,
          );
        const baseQuery = Object.fromEntries(query.filter((p) => p.required).map((p) => [p.name, String(sample(p.schema))]));
        const qs = (q: Record<string, string>) => (Object.keys(q).length ? `?${new URLSearchParams(q)}` : '');
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;
        const body = bodySchema ? sample(bodySchema) : undefined;
        // Path parameters: NUL, text, a number past bigint, a negative one.
        for (const p of pathParams) {
          for (const v of ['\u0000', 'abc', '99999999999999999999999', '-3'])
            await send(method, realPath([p.name, v]) + qs(baseQuery), body, `path ${p.name}`);
        }
        // Query parameters: each one wrong in turn (the others as required).
        for (const p of query) {
          for (const v of wrong(p.schema).filter((x) => typeof x !== 'object')) {
            await send(method, realPath() + qs({ ...baseQuery, [p.name]: String(v) }), body, `query ${p.name}`);
          }
        }
        // Body fields: each top-level field wrong in turn; the body itself of the wrong type.
        if (bodySchema && method !== 'get') {
          const b = (body ?? {}) as Record<string, unknown>;
          for (const [k, s] of Object.entries(first(bodySchema).properties ?? {})) {
            for (const v of wrong(s)) await send(method, realPath() + qs(baseQuery), { ...b, [k]: v }, `body ${k}`);
          }
          await send(method, realPath() + qs(baseQuery), [1, 2], 'body array');
        }
      }
    }
    expect(sent).toBeGreaterThan(500);
    expect(bad).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });
});

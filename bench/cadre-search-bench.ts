// The cadre search part of `npm run bench` (issue 12 point 9): 60,000 synthetic cadres (a fifth
// managed by the city, the rest by its districts) with units, 简历 and about four posts each; typical
// searches through the API (as the city's and a district's cadre officer) beside the bare SQL that
// gives the same answer (the page and, on a first page, the count).
import { sql } from 'kysely';
import type { Db, Engine } from '../server/db/engine.js';
import { migrate } from '../server/db/migrate.js';
import { buildApp } from '../server/app.js';
import { generateCity } from '../server/demo/generate-city.js';
import { deriveKeys } from '../server/crypto/keys.js';
import { hashPassword } from '../server/auth/password.js';
import { createRng, type Rng } from '../server/demo/prng.js';
import { personName } from '../server/demo/names.js';
import { pinyinInitials, pinyinSortKey } from '../server/modules/orgs/pinyin.js';
import { countCadres, searchPage } from '../server/modules/cadre-search/queries.js';
import { resolveQuery } from '../server/modules/cadre-search/service.js';
import { decodeCursor } from '../server/http/keyset-cursor.js';
import { todayCn } from '../server/dates.js';
import { BACKGROUNDS, LEVELS, UNIT_KINDS } from '../domain/cadre-codes.js';
import { ZCadreQuery, type TCadreQueryInput } from '../domain/schemas/cadre-search.js';
import { fmt, measure, sample, type Stat } from './stats.js';

const CADRES = Number(process.env.BENCH_CADRES_COUNT ?? 60_000);
const ORGS = Number(process.env.BENCH_CADRE_ORGS ?? 2_000);
const SAMPLES = Number(process.env.BENCH_CADRE_SAMPLES ?? 100);
const LIMIT = 50;

export interface CadreSearchRow {
  engine: string;
  call: string;
  api: Stat;
  sql: Stat;
}

async function insertJson(db: Db, table: string, columns: string, types: string, rows: object[]) {
  for (let i = 0; i < rows.length; i += 5000) {
    await sql`insert into ${sql.table(table)} (${sql.raw(columns)})
      select * from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 5000))}::jsonb) as v(${sql.raw(types)})`.execute(db);
  }
}

const month = (rng: Rng, from: number, to: number) => `${rng.int(from, to)}-${String(rng.int(1, 12)).padStart(2, '0')}`;
const GRASSROOTS_LINES = [
  '某县青石镇党委委员、副镇长',
  '某区东湖街道党工委副书记',
  '某县柳河乡人民政府乡长',
  '某村党支部书记（驻村第一书记）',
];
const OTHER_LINES = [
  '示范市城乡建设局科员',
  '示范市财政局预算科副科长',
  '示范市委办公室秘书',
  '示范大学经济学院学习',
  '示范市乡镇企业局办事员',
];

/** Units and cadres with posts held, set-based in batches; returns the city's and one district's organization ids. */
export async function seedCadres(db: Db, cityId: number, districtIds: number[], count: number): Promise<void> {
  const rng = createRng(60_000, 12);
  const managers = [cityId, ...districtIds];
  const units: { id: number; manager_org_id: number; name: string; kind: string; level: string; sort: number }[] = [];
  let uid = 1;
  for (const m of managers) {
    const n = m === cityId ? 300 : Math.max(40, Math.round(1000 / districtIds.length));
    for (let i = 0; i < n; i++) {
      const kind = m !== cityId && i % 6 === 0 ? '乡镇街道' : rng.pick(UNIT_KINDS.filter((k) => k !== '乡镇街道'));
      units.push({ id: uid++, manager_org_id: m, name: `单位${m}-${i}`, kind, level: m === cityId ? '正处' : '正科', sort: i });
    }
  }
  await insertJson(
    db,
    'cadre_units',
    'id, manager_org_id, name, kind, level, sort',
    'id bigint, manager_org_id bigint, name text, kind text, level text, sort int',
    units,
  );
  await sql`select setval('cadre_units_id_seq', ${uid})`.execute(db);
  const unitsOf = new Map<number, typeof units>();
  for (const u of units) unitsOf.set(u.manager_org_id, [...(unitsOf.get(u.manager_org_id) ?? []), u]);

  const cadres: object[] = [];
  const appointments: object[] = [];
  for (let id = 1; id <= count; id++) {
    const city = id % 5 === 0;
    const manager = city ? cityId : districtIds[id % districtIds.length];
    const sex = rng.next() < 0.7 ? '男' : '女';
    const name = personName(rng, sex);
    // 正处 副处 for the city's cadres, 正科 副科 for the districts' (a few 副处 in each).
    const levelIx = city ? rng.int(4, 5) : rng.next() < 0.05 ? 5 : rng.int(6, 7);
    const level = LEVELS[levelIx];
    const unit = rng.pick(unitsOf.get(manager)!);
    const since = `${month(rng, 2012, 2026)}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    const resume = Array.from({ length: rng.int(3, 7) }, () => ({
      from: month(rng, 1985, 2020),
      to: null,
      text: rng.next() < 0.12 ? rng.pick(GRASSROOTS_LINES) : rng.pick(OTHER_LINES),
      sub: [],
    }));
    cadres.push({
      id,
      manager_org_id: manager,
      name,
      name_initials: pinyinInitials(name),
      sort_key: pinyinSortKey(name),
      sex,
      birth: rng.next() < 0.3 ? `${month(rng, 1962, 1998)}-${String(rng.int(1, 28)).padStart(2, '0')}` : month(rng, 1962, 1998),
      edu_rank: rng.pick([1, 2, 2, 3, 3, 3, 3, 4, 4, 5]),
      background: rng.pick(BACKGROUNDS),
      political: rng.next() < 0.92 ? '中共党员' : rng.pick(['民盟盟员', '九三学社社员', '无党派人士', '群众']),
      level,
      current_unit_id: unit.id,
      current_title: level.startsWith('正')
        ? rng.pick(['局长', '主任', '党委书记', '镇长', '主席'])
        : rng.pick(['副局长', '副主任', '副书记', '副镇长']),
      current_since: since,
      resume,
      grassroots_months: rng.next() < 0.1 ? rng.int(6, 120) : null,
    });
    // Two to five earlier posts, mostly at the level below, then the current one.
    const earlier = rng.int(2, 5);
    for (let k = 0; k < earlier; k++) {
      const u = rng.next() < 0.6 ? rng.pick(unitsOf.get(manager)!) : rng.pick(units);
      appointments.push({
        cadre_id: id,
        unit_id: u.id,
        title: rng.pick(['副局长', '科长', '副镇长', '副主任', '主任科员']),
        level: LEVELS[Math.min(7, levelIx + (rng.next() < 0.7 ? 1 : 0))],
        decided_on: `${2000 + k * 3}-0${rng.int(1, 9)}-15`,
        ended_on: `${2003 + k * 3}-0${rng.int(1, 9)}-15`,
      });
    }
    appointments.push({ cadre_id: id, unit_id: unit.id, title: 'current', level, decided_on: since, ended_on: null });
  }
  await insertJson(
    db,
    'cadres',
    'id, manager_org_id, name, name_initials, sort_key, sex, birth, edu_rank, background, political, level, current_unit_id, current_title, current_since, resume, grassroots_months',
    'id bigint, manager_org_id bigint, name text, name_initials text, sort_key text, sex text, birth text, edu_rank smallint, background text, political text, level text, current_unit_id bigint, current_title text, current_since date, resume jsonb, grassroots_months int',
    cadres,
  );
  await sql`select setval('cadres_id_seq', ${count + 1})`.execute(db);
  await insertJson(
    db,
    'cadre_appointments',
    'cadre_id, unit_id, title, level, decided_on, ended_on',
    'cadre_id bigint, unit_id bigint, title text, level text, decided_on date, ended_on date',
    appointments,
  );
}

async function addOfficer(db: Db, username: string, orgId: number, hash: string): Promise<void> {
  const u = await db
    .insertInto('users')
    .values({ username, display_name: username, org_id: orgId, password_hash: hash, password_changed_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('user_roles').values({ user_id: u.id, role: 'cadre_officer' }).execute();
  await db.insertInto('password_history').values({ user_id: u.id, password_hash: hash, created_at: new Date() }).execute();
}

export async function benchCadreSearch(
  kind: 'pglite' | 'postgres',
  open: () => Promise<{ engine: Engine; cleanup: () => Promise<void> }>,
): Promise<CadreSearchRow[]> {
  const { engine, cleanup } = await open();
  try {
    const db = engine.db;
    await migrate(db);
    const city = await generateCity(db, { seed: 12, orgCount: ORGS, demoAccounts: true });
    const districtKind = await db.selectFrom('orgs').select('kind').where('id', '=', city.sampleIds.district).executeTakeFirstOrThrow();
    const districts = (
      await db.selectFrom('orgs').select('id').where('kind', '=', districtKind.kind).where('parent_id', '=', city.sampleIds.city).execute()
    ).map((o) => Number(o.id));
    const t0 = performance.now();
    await seedCadres(db, city.sampleIds.city, districts, CADRES);
    await sql`analyze`.execute(db);
    console.log(
      `[${kind}] ${CADRES.toLocaleString()} cadres, ${districts.length} districts seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const password = 'Bench#Cadre2026';
    await addOfficer(db, 'bench-district-cadre', city.sampleIds.district, await hashPassword(password));

    const app = await buildApp({ engine, keys: deriveKeys('bench'), demo: true, logLevel: 'silent', loginRateLimit: 1_000_000 });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const login = async (username: string, pw: string) => {
      const r = await fetch(`${address}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: pw }),
      });
      if (!r.ok) throw new Error(`login ${username}: ${r.status}`);
      return r.headers.get('set-cookie')!.split(';')[0];
    };
    const cityCookie = await login('cadre-officer', 'Demo@2026');
    const districtCookie = await login('bench-district-cadre', password);
    const paths = new Map<number, string>();
    for (const o of await db
      .selectFrom('orgs')
      .select(['id', 'path'])
      .where('id', 'in', [city.sampleIds.city, city.sampleIds.district])
      .execute())
      paths.set(Number(o.id), o.path);
    const today = todayCn(new Date());

    const api = async (cookie: string, query: TCadreQueryInput, cursor?: string) => {
      const r = await fetch(`${address}/api/cadre-search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query, cursor, limit: LIMIT }),
      });
      if (!r.ok) throw new Error(`search: ${r.status} ${await r.text()}`);
      return (await r.json()) as { items: unknown[]; nextCursor: string | null };
    };
    // The same work as the service: one page (limit + 1) and, on a first page that is full, the count.
    const bare = async (scopeOrg: number, query: TCadreQueryInput, cursor?: string) => {
      const f = resolveQuery(ZCadreQuery.parse(query), paths.get(scopeOrg)!, today);
      const rows = await searchPage(db, f, decodeCursor(cursor), LIMIT + 1);
      if (!cursor && rows.length > LIMIT) await countCadres(db, f);
      return rows;
    };

    const names = await db.selectFrom('cadres').select(['name', 'name_initials']).execute();
    const picks = sample(names, SAMPLES, 3);
    const rows: CadreSearchRow[] = [];
    const run = async (call: string, cookie: string, scopeOrg: number, queries: { q: TCadreQueryInput; cursor?: string }[]) => {
      rows.push({
        engine: kind,
        call,
        api: await measure(queries, (x) => api(cookie, x.q, x.cursor)),
        sql: await measure(queries, (x) => bare(scopeOrg, x.q, x.cursor)),
      });
      console.log(`[${kind}] ${call}: done`);
    };
    const c = city.sampleIds.city;
    const range = (n: number, f: (i: number) => TCadreQueryInput) => Array.from({ length: SAMPLES }, (_, i) => ({ q: f(i % n) }));

    await run(
      'name infix (2 characters)',
      cityCookie,
      c,
      picks.map((p) => ({ q: { q: p.name.slice(-2) } })),
    );
    await run(
      'pinyin initials (2 letters)',
      cityCookie,
      c,
      picks.map((p) => ({ q: { q: p.name_initials.slice(0, 2) } })),
    );
    await run(
      '县处级 women ≤ N years old with grassroots experience',
      cityCookie,
      c,
      range(10, (i) => ({ levelBand: '县处级', sex: '女', ageMax: 40 + i, grassroots: true })),
    );
    await run(
      '县处级 with two posts at the level below, ≥ N years in post, by age',
      cityCookie,
      c,
      range(5, (i) => ({ levelBand: '县处级', twoPostsBelow: true, yearsInPostMin: 1 + i, sort: 'age' })),
    );
    await run(
      '乡镇街道 units, 本科+, posts in ≥ 2 kinds of unit (district officer)',
      districtCookie,
      city.sampleIds.district,
      range(4, (i) => ({ unitKinds: ['乡镇街道'], eduRankMax: 3, unitKindsMin: 2 + (i % 2), sort: i < 2 ? 'pinyin' : 'level' })),
    );
    await run(
      'everyone in scope, first page with count (district officer)',
      districtCookie,
      city.sampleIds.district,
      range(1, () => ({})),
    );
    // A deep page: the cursor of page 20 of the city's whole list, by pinyin.
    let cursor: string | undefined;
    for (let p = 0; p < 20; p++) cursor = (await api(cityCookie, {}, cursor)).nextCursor ?? undefined;
    await run(
      'page 21 of everyone (keyset)',
      cityCookie,
      c,
      Array.from({ length: SAMPLES }, () => ({ q: {}, cursor })),
    );
    await app.close();
    return rows;
  } finally {
    await cleanup();
  }
}

export function printCadreSearch(rows: CadreSearchRow[]): void {
  console.log(`\nCadre search: ${CADRES.toLocaleString()} cadres, ${SAMPLES} calls per row, pages of ${LIMIT} (ms)\n`);
  console.log('| engine | search | API p50 | API p95 | bare SQL p50 | bare SQL p95 |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const r of rows)
    console.log(`| ${r.engine} | ${r.call} | ${fmt(r.api.p50)} | ${fmt(r.api.p95)} | ${fmt(r.sql.p50)} | ${fmt(r.sql.p95)} |`);
}

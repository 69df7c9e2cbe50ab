// The demo cadres on the demo city itself (2,000 organizations, seed 2026, as a first start builds it),
// generated once for the whole file; determinism on two small cities (same seed → same digest).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../../db/engine.js';
import { openTestEngine, type TestEngine } from '../../../test/test-engine.js';
import { TEST_KEYS } from '../../../test/test-app.js';
import { generateCity, DEFAULT_AS_OF } from '../../../demo/generate-city.js';
import { DEMO_ORG_COUNT, DEMO_SEED } from '../../../demo/seed-demo.js';
import { seedMembersDemo } from '../../members/demo.js';
import { IdCrypto } from '../../../crypto/id-crypto.js';
import { checkIdNumber } from '../../../../domain/rules/id-number.js';
import { seedCadresDemo, type CadresDemoResult } from './seed.js';

async function demoCity(orgCount: number): Promise<{ te: TestEngine; result: CadresDemoResult }> {
  const te = await openTestEngine();
  const city = await generateCity(te.engine.db, { seed: DEMO_SEED, orgCount, demoAccounts: true });
  await seedMembersDemo(te.engine.db, city, TEST_KEYS);
  const result = await seedCadresDemo(te.engine.db, city, TEST_KEYS);
  return { te, result };
}

/** Everything the cadre demo writes, in id order, but the times of writing and the ciphertexts (random IVs: their hashes stand in). */
async function digest(db: Db): Promise<string> {
  const hash = createHash('sha256');
  const skip = new Set(['created_at', 'updated_at', 'id_cipher']);
  for (const table of [
    'cadre_units',
    'cadre_posts',
    'cadres',
    'cadre_appointments',
    'cadre_ranks',
    'cadre_rewards',
    'cadre_family',
    'cadre_reviews',
    'cadre_teams',
    'cadre_corrections',
  ]) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by id`.execute(db)).rows;
    hash.update(JSON.stringify(rows.map((r) => Object.entries(r).filter(([k]) => !skip.has(k)))));
  }
  hash.update(JSON.stringify((await sql`select * from cadre_assessments order by cadre_id, year`.execute(db)).rows));
  return hash.digest('hex');
}

let big: TestEngine;
let result: CadresDemoResult;
let db: Db;
const digests: string[] = [];
const small: TestEngine[] = [];

beforeAll(async () => {
  const d = await demoCity(DEMO_ORG_COUNT);
  big = d.te;
  result = d.result;
  db = big.engine.db;
  for (let i = 0; i < 2; i++) {
    const s = await demoCity(200);
    small.push(s.te);
    digests.push(await digest(s.te.engine.db));
  }
}, 600_000);

afterAll(async () => {
  await big?.dispose();
  for (const s of small) await s.dispose();
});

const one = async <T>(q: ReturnType<typeof sql<T>>): Promise<T> => (await q.execute(db)).rows[0];

describe('the demo cadres', () => {
  it('number about 3,000, about 600 of them managed by the city, most of them Party members', async () => {
    const n = await one(sql<{ all: number; city: number; members: number }>`select count(*)::int as all,
        count(*) filter (where manager_org_id = (select id from orgs where parent_id is null))::int as city,
        count(member_id)::int as members from cadres`);
    expect(n.all).toBe(result.cadres);
    expect(n.all).toBeGreaterThan(2600);
    expect(n.all).toBeLessThan(3400);
    expect(n.city).toBe(result.cityManaged);
    expect(n.city).toBeGreaterThan(500);
    expect(n.city).toBeLessThan(700);
    expect(n.members / n.all).toBeGreaterThan(0.78);
    expect(n.members / n.all).toBeLessThan(0.92);
    // Managed by the city means the city's path; a district's cadres lie under that district.
    const paths = await one(sql<{ bad: number }>`select count(*)::int as bad from cadres c join orgs o on o.id = c.manager_org_id
      where c.manager_path::text <> o.path::text or o.kind not in ('city_committee', 'county_committee')`);
    expect(paths.bad).toBe(0);
  });

  it('keep every cadre’s current post, level and date equal to the one open appointment, and the 简历 ending in it', async () => {
    const r = await one(sql<{ open_not_one: number; mismatched: number; resume_bad: number; order_bad: number }>`select
        (select count(*)::int from cadres c where (select count(*) from cadre_appointments a where a.cadre_id = c.id and a.ended_on is null and not a.concurrent) <> 1) as open_not_one,
        (select count(*)::int from cadres c join cadre_appointments a on a.cadre_id = c.id and a.ended_on is null and not a.concurrent
          where a.unit_id is distinct from c.current_unit_id or a.title <> c.current_title or a.decided_on is distinct from c.current_since or a.level is distinct from c.level) as mismatched,
        (select count(*)::int from cadres c where c.resume -> -1 ->> 'to' is not null or c.resume -> -1 ->> 'text' <> c.current_title
          or c.resume -> -1 ->> 'from' <> to_char(c.current_since, 'YYYY-MM')) as resume_bad,
        (select count(*)::int from cadre_appointments a where a.ended_on < a.decided_on
          or (a.probation_until is not null and a.probation_until <> a.decided_on + interval '1 year' and a.probation_until <> a.decided_on + interval '1 year' - interval '1 day')) as order_bad`);
    expect(r).toEqual({ open_not_one: 0, mismatched: 0, resume_bad: 0, order_bad: 0 });
    // 文号 like 示组干〔2023〕12号; ranks end where the next begins; ages of serving cadres 25–59.
    const d = await one(sql<{ docs: number; ranks: number; ages: number }>`select
        (select count(*)::int from cadre_appointments where doc_no !~ '^.组干〔\\d{4}〕\\d+号$') as docs,
        (select count(*)::int from cadres c where (select count(*) from cadre_ranks r where r.cadre_id = c.id and r.ended_on is null) <> 1) as ranks,
        (select count(*)::int from cadres where birth::date > ${DEFAULT_AS_OF}::date - interval '25 years' or birth::date <= ${DEFAULT_AS_OF}::date - interval '60 years') as ages`);
    expect(d).toEqual({ docs: 0, ranks: 0, ages: 0 });
  });

  it('fill the posts to their 职数, with some posts over it and some vacant', async () => {
    const r = await one(sql<{ posts: number; over: number; vacant: number; exact: number }>`select count(*)::int as posts,
        count(*) filter (where n > quota)::int as over, count(*) filter (where n < quota)::int as vacant, count(*) filter (where n = quota)::int as exact
      from (select p.id, p.quota, (select count(*) from cadre_appointments a where a.post_id = p.id and a.ended_on is null) as n from cadre_posts p) x`);
    expect(r.posts).toBe(result.posts);
    expect(r.over).toBeGreaterThan(0);
    expect(r.vacant).toBeGreaterThan(0);
    expect(r.exact / r.posts).toBeGreaterThan(0.8);
    // The units: the city's departments at 正处, districts' four teams managed by the city, townships by their district.
    const kinds = await one(sql<{ kinds: number; team_not_city: number; towns_not_district: number }>`select
        (select count(distinct kind)::int from cadre_units) as kinds,
        (select count(*)::int from cadre_units u join orgs o on o.id = u.manager_org_id where u.kind = '党委政府' and o.kind <> 'city_committee') as team_not_city,
        (select count(*)::int from cadre_units u join orgs o on o.id = u.manager_org_id where u.kind = '乡镇街道' and o.kind <> 'county_committee') as towns_not_district`);
    expect(kinds).toEqual({ kinds: 11, team_not_city: 0, towns_not_district: 0 });
  });

  it('give every unit a team with a five-year term, some due within six months and some overdue', async () => {
    const r = await one(sql<{ units: number; teams: number; overdue: number; due: number }>`select
        (select count(*)::int from cadre_units) as units, count(*)::int as teams,
        count(*) filter (where renew_due_on < ${DEFAULT_AS_OF}::date)::int as overdue,
        count(*) filter (where renew_due_on >= ${DEFAULT_AS_OF}::date and renew_due_on < ${DEFAULT_AS_OF}::date + interval '6 months')::int as due
      from cadre_teams where term_years = 5 and renew_due_on = term_started_on + interval '5 years'`);
    expect(r.teams).toBe(r.units);
    expect(r.overdue).toBeGreaterThan(0);
    expect(r.due).toBeGreaterThan(r.overdue);
    expect(r.due / r.teams).toBeLessThan(0.5);
  });

  it('link the demo cadre account to its member’s cadre file, with one pending correction', async () => {
    const me = await one(sql<{
      name: string;
      display_name: string;
      member_name: string;
      member_org: number;
      user_org: number;
      pending: number;
      requested_by: number;
    }>`
      select c.name, u.display_name, m.name as member_name, m.org_id::int as member_org, u.org_id::int as user_org,
        (select count(*)::int from cadre_corrections k where k.cadre_id = c.id and k.status = 'pending') as pending,
        (select min(requested_by)::int from cadre_corrections k where k.cadre_id = c.id) as requested_by
      from users u join cadres c on c.user_id = u.id join members m on m.id = c.member_id and m.id = u.member_id where u.username = 'cadre'`);
    expect(me).toBeDefined();
    expect(me.name).toBe(me.member_name);
    expect(me.display_name).toBe(me.member_name);
    expect(me.member_org).toBe(me.user_org);
    expect(me.pending).toBe(1);
    const user = await db.selectFrom('users').select('id').where('username', '=', 'cadre').executeTakeFirstOrThrow();
    expect(me.requested_by).toBe(user.id);
    // The district officer's scope: the demo district holds the demo cadre.
    const scope = await one(sql<{ n: number }>`select count(*)::int as n from cadres c join users u on u.username = 'cadre-officer-district'
      join orgs o on o.id = u.org_id where c.manager_path <@ o.path and c.user_id is not null`);
    expect(scope.n).toBe(1);
  });

  it('take a member cadre’s identity from the member record, and seal a non-member’s identity number', async () => {
    const bad = await one(sql<{ n: number }>`select count(*)::int as n from cadres c join members m on m.id = c.member_id
      where c.name <> m.name or c.sex <> m.gender or c.birth <> to_char(m.birth_date, 'YYYY-MM-DD') or c.id_hash is distinct from m.id_hash or c.political not like '中共%'`);
    expect(bad.n).toBe(0);
    const crypto = new IdCrypto(TEST_KEYS);
    const others = await db
      .selectFrom('cadres')
      .select(['birth', 'sex', 'id_cipher', 'id_hash', 'political', 'sort_key'])
      .where('member_id', 'is', null)
      .execute();
    expect(others.length).toBeGreaterThan(100);
    for (const c of others) {
      const id = crypto.decrypt(c.id_cipher!);
      expect(checkIdNumber(id)).toMatchObject({ ok: true, birthDate: c.birth, gender: c.sex });
      expect(c.id_hash).toBe(crypto.hash(id));
      expect(c.political.startsWith('中共')).toBe(false);
      expect(c.sort_key).not.toBe('');
    }
  });

  it('hold education, family, three years of assessments within the 优秀 quota, rewards and small photos', async () => {
    const r = await one(sql<{
      no_edu: number;
      no_family: number;
      abroad: number;
      not_three: number;
      excellent: number;
      grades: number;
      rewards: number;
      hidden: number;
      big_photo: number;
      photos: number;
      reviewed: number;
    }>`select
        (select count(*)::int from cadres where edu_rank is null or edu_full_time ->> 'level' is null or jsonb_array_length(resume) < 2) as no_edu,
        (select count(*)::int from cadres c where not exists (select 1 from cadre_family f where f.cadre_id = c.id)) as no_family,
        (select count(distinct cadre_id)::int from cadre_family where abroad_country is not null) as abroad,
        (select count(*)::int from cadres c where (select count(*) from cadre_assessments a where a.cadre_id = c.id and a.year between 2023 and 2025) <> 3) as not_three,
        (select count(*)::int from cadre_assessments where grade = '优秀') as excellent,
        (select count(*)::int from cadre_assessments) as grades,
        (select count(*)::int from cadre_rewards) as rewards,
        (select count(*)::int from cadre_rewards where not on_form) as hidden,
        (select count(*)::int from cadres where octet_length(photo) > 2048 or (photo is not null and substring(photo from 2 for 3) <> 'PNG'::bytea)) as big_photo,
        (select count(photo)::int from cadres) as photos,
        (select count(distinct cadre_id)::int from cadre_reviews) as reviewed`);
    expect(r).toMatchObject({ no_edu: 0, no_family: 0, not_three: 0, big_photo: 0 });
    expect(r.abroad).toBeGreaterThan(5);
    expect(r.excellent / r.grades).toBeGreaterThan(0.12);
    expect(r.excellent / r.grades).toBeLessThanOrEqual(0.2);
    expect(r.rewards).toBeGreaterThan(100);
    expect(r.hidden).toBeGreaterThan(0);
    expect(r.photos / result.cadres).toBeGreaterThan(0.9);
    expect(r.reviewed / result.cadres).toBeGreaterThan(0.25);
    const quota = await one(sql<{ over: number; poor: number }>`select
        (select count(*)::int from (select c.manager_org_id, a.year from cadre_assessments a join cadres c on c.id = a.cadre_id
          group by 1, 2 having count(*) filter (where a.grade = '优秀') > 0.2 * count(*)) x) as over,
        (select count(*)::int from cadre_assessments where grade in ('基本称职', '不称职')) as poor`);
    expect(quota.over).toBe(0);
    expect(quota.poor).toBeGreaterThan(0);
  });

  it('come out the same for the same seed', () => {
    expect(digests).toHaveLength(2);
    expect(digests[0]).toBe(digests[1]);
  });
});

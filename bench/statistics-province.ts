// A province for the statistics bench, generated set-based in SQL (generate_series, random() with a
// fixed seed): 203,729 organizations in six levels and 5,000,000 members with the fields the
// statistics use. Only on PostgreSQL, into its own database. The name-search (trigram) indexes
// are dropped there: they are not used by statistics and would triple the load time.
import pg from 'pg';
import { EDUCATION_LEVELS, OCCUPATIONS } from '../domain/member-fields.js';
import { UNIT_TYPES } from '../domain/org-kinds.js';
import { hashPassword } from '../server/auth/password.js';

// Children per parent at each level below the province: cities, districts, townships, committees, branches.
const FAN = [16, 12, 20, 13, 3] as const;
export const PROVINCE_MEMBERS = Number(process.env.BENCH_PROVINCE_MEMBERS ?? 5_000_000);

/** First id and count of each level (level 0 = the province). */
export function levels(): { first: number; count: number }[] {
  const out = [{ first: 1, count: 1 }];
  for (const f of FAN) {
    const prev = out[out.length - 1];
    out.push({ first: prev.first + prev.count, count: prev.count * f });
  }
  return out;
}

const KINDS = ['city_committee', 'county_committee', 'county_committee', 'township_committee', 'party_committee', 'branch'];
const arr = (xs: readonly string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]`;

export async function generateProvince(url: string, log: (s: string) => void): Promise<{ orgs: number; members: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const lv = levels();
    const t0 = performance.now();
    await c.query(`select setseed(0.2026)`);
    // Statistics triggers and the per-row org_path lookup are off while loading; the summaries are rebuilt after.
    await c.query(`alter table members disable trigger user; alter table orgs disable trigger user`);
    await c.query(`drop index if exists members_name_trgm, members_initials_trgm, orgs_name_trgm, orgs_initials_trgm`);
    await c.query(`insert into orgs (id, parent_id, path, name, code, kind, unit_type, established_on, child_count)
      values (1, null, '1', '示范省委', 'P1', 'city_committee', 'organ', '1949-10-01', ${FAN[0]})`);
    for (let l = 1; l < lv.length; l++) {
      const { first, count } = lv[l];
      const parentFirst = lv[l - 1].first;
      const kind =
        l === 4
          ? `case when g % 5 = 0 then 'general_branch' else 'party_committee' end`
          : l === 5
            ? `case when g % 17 = 0 then 'joint_branch' else 'branch' end`
            : `'${KINDS[l]}'`;
      await c.query(`insert into orgs (id, parent_id, path, name, code, kind, unit_type, established_on, child_count)
        select ${first} + g, p.id, p.path || (${first} + g)::text, '示范省组织' || (${first} + g), 'P' || (${first} + g), ${kind},
          (${arr(UNIT_TYPES)})[1 + (g * 7 + ${l}) % ${UNIT_TYPES.length}], date '1950-01-01' + ((g * 37) % 26000), ${FAN[l] ?? 0}
        from generate_series(0, ${count - 1}) g join orgs p on p.id = ${parentFirst} + g / ${FAN[l - 1]}`);
    }
    await c.query(`select setval('orgs_id_seq', (select max(id) from orgs))`);
    log(`  orgs ${lv.reduce((a, x) => a + x.count, 0).toLocaleString()} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // Members: indexes other than the key are dropped for the load and built again after it.
    const idx = (
      await c.query<{ indexname: string; indexdef: string }>(
        `select indexname, indexdef from pg_indexes where tablename = 'members' and indexname <> 'members_pkey'`,
      )
    ).rows;
    for (const i of idx) await c.query(`drop index ${i.indexname}`);
    const t1 = performance.now();
    const b = lv[5];
    // The branch's path follows from its id: each level's parent is first + (index / fan-out).
    const path = `'1.' || (${lv[1].first} + x.d / ${FAN[1]}) || '.' || (${lv[2].first} + x.t / ${FAN[2]}) || '.' || (${lv[3].first} + x.k / ${FAN[3]}) || '.' || (${lv[4].first} + x.bi / ${FAN[4]}) || '.' || (${b.first} + x.bi)`;
    await c.query(`insert into members (org_id, org_path, name, gender, category, status, ethnicity, birth_date, edu_fulltime, edu_inservice,
        occupation, admitted_on, full_on, status_since)
      select ${b.first} + x.bi, (${path})::ltree, '党员' || x.i, x.gender, x.category, x.status, x.eth, x.birth, x.edu, x.edu2, x.occ,
        x.admitted, case when x.category = 'full' then (x.admitted + interval '1 year')::date end, x.admitted
      from (
        select y.*, y.bi / ${FAN[4]} as k, y.bi / ${FAN[4] * FAN[3]} as t, y.bi / ${FAN[4] * FAN[3] * FAN[2]} as d,
          -- probationary: admitted within the last year; full: between 18 and 58, at least 400 days ago
          case when y.category = 'probationary' then current_date - (1 + floor(random() * 360))::int
            else (y.birth + interval '18 years')::date
              + floor(random() * least(40 * 365, greatest(1, (current_date - 400) - (y.birth + interval '18 years')::date)))::int end as admitted
        from (
          select g as i, floor(random() * ${b.count})::int as bi,
            case when random() < 0.28 then '女' else '男' end as gender,
            case when random() < 0.06 then 'probationary' else 'full' end as category,
            (array['normal','normal','normal','normal','normal','normal','normal','normal','normal','normal','normal','normal','normal','normal','normal','normal','normal','normal','normal','normal',
              'normal','normal','normal','normal','normal','normal','normal','normal','normal','normal','normal','normal','normal','normal','normal','normal','flowing','lost_contact','left','deceased'])[1 + floor(random() * 40)::int] as status,
            case when random() < 0.93 then '汉族' else (array['回族','满族','蒙古族','壮族','苗族','朝鲜族','彝族','土家族','维吾尔族','藏族'])[1 + floor(random() * 10)::int] end as eth,
            date '1930-01-01' + floor(random() * 28000)::int as birth,
            (${arr(EDUCATION_LEVELS)})[1 + floor(random() * ${EDUCATION_LEVELS.length})::int] as edu,
            case when random() < 0.2 then 'bachelor' end as edu2,
            case when random() < 0.03 then null else (${arr(OCCUPATIONS)})[1 + floor(random() * ${OCCUPATIONS.length})::int] end as occ
          from generate_series(1, ${PROVINCE_MEMBERS}) g
        ) y
      ) x`);
    log(`  members ${PROVINCE_MEMBERS.toLocaleString()} in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    const t2 = performance.now();
    for (const i of idx) if (!i.indexname.includes('trgm')) await c.query(i.indexdef);
    log(`  member indexes rebuilt in ${((performance.now() - t2) / 1000).toFixed(1)} s`);
    await c.query(`alter table members enable trigger user; alter table orgs enable trigger user`);

    const hash = await hashPassword('Demo@2026');
    await c.query(
      // Demo accounts: the bench signs in with the password alone (a real administrator's account asks for TOTP too).
      `insert into users (username, display_name, org_id, password_hash, demo_account)
       values ('province-admin', '省委组织部', 1, $1, true), ('city-admin', '第一市委组织部', 2, $1, true)`,
      [hash],
    );
    await c.query(`insert into user_roles (user_id, role) select id, 'org_dept_admin' from users`);
    return { orgs: lv.reduce((a, x) => a + x.count, 0), members: PROVINCE_MEMBERS };
  } finally {
    await c.end();
  }
}

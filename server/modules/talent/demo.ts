// The registry's demo (issue 15 point 9), fictional throughout: two tier sets (the 2019 特级 + 一至四类 set,
// superseded on 2024-01-01, and the 2024 A–E set in force) with their expert criteria, employers in every
// district, and about 2,000 registered talents spread over tiers, fields, industries, employers and districts,
// most with a card (some still under the superseded set, some expired and due for renewal). A few hundred are
// Party members or cadres: linked to that record, their identity is never typed again. The demo account `talent`
// gets a full record of its own. Everything goes through the registry's writer (changes.ts: insertTalents, set-
// based, and insertTalent for the account's record), deterministic by seed and cheap on a first start.
import { createHash } from 'node:crypto';
import dayjs from 'dayjs';
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Keys } from '../../crypto/keys.js';
import { IdCrypto } from '../../crypto/id-crypto.js';
import { createRng, type Rng } from '../../demo/prng.js';
import { personName } from '../../demo/names.js';
import { idNumberFor } from '../members/id-numbers.js';
import { cardExpiry, cardNumber } from '../../../domain/rules/talent-card.js';
import type { TDegree, TTitle } from '../../../domain/schemas/talent.js';
import { changeTalent, insertTalent, insertTalents, type NewTalent } from './changes.js';
import { EMPLOYER_BRANDS, INDUSTRIES, SCHOOLS, TIER_SETS, type Industry } from './demo-catalog.js';

export const DEMO_TALENTS = 2000;
const SEED = 2026_15;

interface Place {
  id: number;
  name: string;
  path: string;
}
interface Employer {
  id: number;
  district: number;
  industry: Industry;
  verified: boolean;
}

/** Tier sets with their tiers and criteria; returns tier ids by set code and tier code. */
async function seedTierSets(db: Db): Promise<Map<string, { id: number; years: number }>> {
  const tiers = new Map<string, { id: number; years: number }>();
  for (const s of TIER_SETS) {
    const { id } = await db
      .insertInto('talent_tier_sets')
      .values({
        code: s.code,
        name: s.name,
        effective_on: s.effectiveOn,
        superseded_on: s.supersededOn,
        source: s.source,
        publicity_days: s.publicityDays,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = await db
      .insertInto('talent_tiers')
      .values(
        s.tiers.map((t, i) => ({
          set_id: id,
          code: t.code,
          name: t.name,
          rank: i + 1,
          card_years: t.years,
          expert_review: i < 3,
          description: t.description,
        })),
      )
      .returning(['id', 'code', 'card_years'])
      .execute();
    for (const r of rows) tiers.set(`${s.code}:${r.code}`, { id: r.id, years: r.card_years });
    await db
      .insertInto('talent_review_criteria')
      .values(s.criteria.map(([code, name, weight]) => ({ set_id: id, code, name, weight })))
      .execute();
  }
  return tiers;
}

async function seedEmployers(db: Db, rng: Rng, districts: Place[]): Promise<Employer[]> {
  const values = districts.flatMap((d, k) => {
    const short = /示范市(.+?[区县])/.exec(d.name)?.[1] ?? d.name;
    const list = [
      { name: `${short}人民医院`, industry: INDUSTRIES.find((i) => i.code === 'health')!, kind: '医疗卫生' },
      { name: `示范市${short}实验学校`, industry: INDUSTRIES.find((i) => i.code === 'education')!, kind: '机关事业' },
    ];
    for (let j = 0; j < 5; j++) {
      const industry = INDUSTRIES[(k * 5 + j) % (INDUSTRIES.length - 2)];
      list.push({ name: `示范市${EMPLOYER_BRANDS[(k * 7 + j * 3) % EMPLOYER_BRANDS.length]}${industry.suffix}`, industry, kind: '企业' });
    }
    if (k % 3 === 0) list.push({ name: `示范市${short}产业技术研究院`, industry: INDUSTRIES[k % 4], kind: '科研院所' });
    return list.map((e, j) => ({
      name: e.name,
      credit_code: `91SF${String(d.id).padStart(6, '0')}${String(j).padStart(2, '0')}DEMO`.slice(0, 18),
      district_org_id: d.id,
      industry: e.industry.name,
      kind: e.kind,
      contact_name: '人事部（演示）',
      contact_phone: `0571-8${String(1000000 + k * 100 + j).slice(1)}`,
      // One employer in eight is not yet verified as registered and taxed in its district (a policy condition).
      verified_on: rng.chance(0.125) ? null : `2025-0${1 + (j % 9)}-1${j % 10}`,
      ind: e.industry,
    }));
  });
  const rows = await db
    .insertInto('talent_employers')
    .values(values.map(({ ind: _i, ...v }) => ({ ...v, district_path: '' }) as never))
    .returning(['id', 'district_org_id'])
    .execute();
  return rows.map((r, i) => ({ id: r.id, district: r.district_org_id, industry: values[i].ind, verified: values[i].verified_on !== null }));
}

const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');

/** Degrees of a fictional talent: the highest first, abroad for some (with the date they came back). */
function degreesFor(rng: Rng, birthYear: number): { degrees: TDegree[]; returnedOn: string | null; top: string } {
  const r = rng.next();
  const top = r < 0.36 ? '博士' : r < 0.78 ? '硕士' : '学士';
  const abroad = top !== '学士' && rng.chance(0.28);
  const list: TDegree[] = [];
  const at = (years: number) => `${birthYear + years}-0${rng.int(6, 7)}-${rng.int(10, 28)}`;
  const home = () => rng.pick(SCHOOLS.home);
  list.push({ level: '学士', degree: '', school: home(), country: '', abroad: false, obtainedOn: at(22) });
  if (top !== '学士') {
    const [school, country] = abroad && top === '硕士' ? rng.pick(SCHOOLS.abroad) : [home(), ''];
    list.unshift({ level: '硕士', degree: '', school, country, abroad: abroad && top === '硕士', obtainedOn: at(25) });
  }
  if (top === '博士') {
    const [school, country] = abroad ? rng.pick(SCHOOLS.abroad) : [home(), ''];
    list.unshift({ level: '博士', degree: '', school, country, abroad, obtainedOn: at(29) });
  }
  const back = abroad ? dayjs(list[0].obtainedOn!).add(rng.int(2, 30), 'month') : null;
  return { degrees: list, returnedOn: back ? day(back) : null, top };
}

function titlesFor(rng: Rng, age: number, field: string): TTitle[] {
  if (age < 30) return [];
  const level = age >= 48 ? '正高' : age >= 38 ? '副高' : '中级';
  const name = { 正高: '研究员', 副高: '副研究员', 中级: '工程师' }[level];
  return [{ title: `${name}（${field}）`, level, obtainedOn: `${2026 - Math.max(1, age - (level === '中级' ? 30 : 38))}-12-01` }];
}

/** The tier of a carded talent: most in the set in force, one in eight still under the superseded one. */
function cardFor(rng: Rng, tiers: Map<string, { id: number; years: number }>, age: number, today: dayjs.Dayjs) {
  const r = rng.next();
  const senior = age >= 45;
  const old = rng.chance(0.125);
  const set = old ? TIER_SETS[0] : TIER_SETS[1];
  // ranks 1..5 weighted towards the lower tiers; the highest only for senior people
  const rank = r < (senior ? 0.02 : 0) ? 0 : r < (senior ? 0.09 : 0.03) ? 1 : r < 0.18 ? 2 : r < 0.5 ? 3 : 4;
  const tier = tiers.get(`${set.code}:${set.tiers[rank].code}`)!;
  const from = old ? dayjs('2019-09-01') : dayjs(set.effectiveOn);
  const until = old ? dayjs('2023-12-20') : today.subtract(10, 'day');
  const issued = from.add(rng.int(0, Math.max(0, until.diff(from, 'day'))), 'day');
  return { tier_id: tier.id, card_issued_on: day(issued), card_expires_on: cardExpiry(day(issued), tier.years) };
}

const AREAS = ['330106', '330108', '330110', '320102', '420111', '510107', '610113', '440305'];

/** A fictional, unlinked talent. */
function personFor(rng: Rng, n: number, e: Employer, today: dayjs.Dayjs): NewTalent & { top: string } {
  const sex = rng.chance(0.38) ? '女' : '男';
  const age = rng.int(26, rng.chance(0.2) ? 62 : 45);
  const birth = day(dayjs(`${today.year() - age}-01-01`).add(rng.int(0, 360), 'day'));
  const field = rng.pick(e.industry.fields);
  const d = degreesFor(rng, today.year() - age);
  return {
    name: personName(rng, sex),
    sex,
    birth,
    id_number: idNumberFor(rng.pick(AREAS), birth, n, sex),
    phone: `139${String(10_000_000 + n * 37).slice(-8)}`,
    employer_id: e.id,
    field,
    industry: e.industry.name,
    recruitment: rng.chance(0.1) ? 'flexible' : 'full_time',
    degrees: d.degrees,
    titles: titlesFor(rng, age, field),
    returned_on: d.returnedOn,
    top: d.top,
  };
}

/** Party members with a postgraduate degree and district cadres, per district: talents linked to their record. */
async function linkable(db: Db, districts: Place[]) {
  const members = await sql<{ id: number; district: number; degree: string | null }>`
    select m.id, d.id as district, m.degree_fulltime as degree
    from unnest(${sql.val(districts.map((d) => d.id))}::bigint[]) as dd(id)
    join orgs d on d.id = dd.id
    join lateral (select id, degree_fulltime from members m
      where m.org_path <@ d.path and m.status = 'normal' and m.edu_highest = 'postgraduate'
        and not exists (select 1 from cadres c where c.member_id = m.id)
      order by m.id limit 14) m on true`.execute(db);
  const cadres = await sql<{ id: number; district: number }>`
    select c.id, d.id as district
    from unnest(${sql.val(districts.map((d) => d.id))}::bigint[]) as dd(id)
    join orgs d on d.id = dd.id
    join lateral (select id from cadres c where c.manager_path <@ d.path and c.status = 'active' order by c.id limit 4) c on true`.execute(
    db,
  );
  return { members: members.rows, cadres: cadres.rows };
}

export async function seedTalentDemo(db: Db, keys: Keys, now: Date = new Date(), count = DEMO_TALENTS): Promise<void> {
  if (await db.selectFrom('talent_tier_sets').select('id').limit(1).executeTakeFirst()) return;
  const root = await db.selectFrom('orgs').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
  if (!root) return;
  const districts = await db
    .selectFrom('orgs')
    .select(['id', 'name', sql<string>`path::text`.as('path')])
    .where('parent_id', '=', root.id)
    .where('kind', '=', 'county_committee')
    .orderBy('id')
    .execute();
  if (districts.length === 0) return;
  const rng = createRng(SEED);
  const today = dayjs(now);
  const w = { db, actor: null, clock: { now: () => now }, crypto: new IdCrypto(keys) };
  await db.transaction().execute(async (trx) => {
    const tw = { ...w, db: trx };
    const tiers = await seedTierSets(trx);
    const employers = await seedEmployers(trx, rng, districts);
    const byDistrict = new Map<number, Employer[]>();
    for (const e of employers) byDistrict.set(e.district, [...(byDistrict.get(e.district) ?? []), e]);
    const links = await linkable(trx, districts);
    const rows: NewTalent[] = [];
    const carded = (r: NewTalent, age: number) => (rng.chance(0.9) ? { ...r, ...cardFor(rng, tiers, age, today) } : r);
    // Linked talents: the employer is one of their district's; degrees and titles are the registry's own facts.
    for (const m of links.members) {
      const e = rng.pick(byDistrict.get(m.district)!);
      const level = m.degree === 'doctorate' ? '博士' : '硕士';
      const field = rng.pick(e.industry.fields);
      rows.push(
        carded(
          {
            member_id: m.id,
            employer_id: e.id,
            field,
            industry: e.industry.name,
            degrees: [{ level, degree: '', school: rng.pick(SCHOOLS.home), country: '', abroad: false, obtainedOn: null }],
            titles: titlesFor(rng, 40, field),
          },
          40,
        ),
      );
    }
    for (const c of links.cadres) {
      const list = byDistrict.get(c.district)!;
      const e = list.find((x) => x.industry.code === 'health' || x.industry.code === 'education') ?? list[0];
      rows.push(
        carded(
          {
            cadre_id: c.id,
            employer_id: e.id,
            field: e.industry.fields[0],
            industry: e.industry.name,
            degrees: [{ level: '硕士', degree: '', school: rng.pick(SCHOOLS.home), country: '', abroad: false, obtainedOn: null }],
            titles: titlesFor(rng, 50, e.industry.fields[0]),
          },
          50,
        ),
      );
    }
    for (let n = rows.length; n < count; n++) {
      // Larger employers: a skewed pick, so the structure by employer is not flat.
      const e = employers[Math.floor(employers.length * rng.next() ** 1.6)];
      const { top: _t, ...p } = personFor(rng, n, e, today);
      rows.push(carded(p, today.year() - Number(p.birth!.slice(0, 4))));
    }
    // A few have left (the registry keeps them, the structure counts the active ones).
    for (let n = 37; n < rows.length; n += 97) Object.assign(rows[n], { status: 'left', left_on: day(today.subtract(n % 300, 'day')) });
    await insertTalents(tw, rows);
    await seedOwnRecord(tw, byDistrict, tiers, today);
  });
}

/** The demo account `talent`: a full record (identity, degrees abroad, title, card), and a degree certificate. */
async function seedOwnRecord(
  w: Parameters<typeof insertTalent>[0],
  byDistrict: Map<number, Employer[]>,
  tiers: Map<string, { id: number; years: number }>,
  today: dayjs.Dayjs,
): Promise<void> {
  const user = await w.db.selectFrom('users').select(['id', 'display_name']).where('username', '=', 'talent').executeTakeFirst();
  if (!user) return;
  const e = [...byDistrict.values()][0].find((x) => x.verified && x.industry.code !== 'health' && x.industry.code !== 'education')!;
  const tier = tiers.get(`${TIER_SETS[1].code}:D`)!;
  const issued = day(today.subtract(20, 'month'));
  const birth = `${today.year() - 34}-04-16`;
  const id = await insertTalent(w, {
    user_id: user.id,
    name: user.display_name,
    sex: '女',
    birth,
    id_number: idNumberFor('330106', birth, 7, '女'),
    phone: '13900001200',
    email: 'talent.demo@example.cn',
    employer_id: e.id,
    field: e.industry.fields[0],
    industry: e.industry.name,
    recruitment: 'full_time',
    degrees: [
      {
        level: '博士',
        degree: '工学博士',
        school: '新加坡国立大学',
        country: '新加坡',
        abroad: true,
        obtainedOn: day(today.subtract(3, 'year')),
      },
      { level: '学士', degree: '工学学士', school: '浙江大学', country: '', abroad: false, obtainedOn: `${today.year() - 12}-06-30` },
    ],
    titles: [{ title: '高级工程师', level: '副高', obtainedOn: day(today.subtract(1, 'year')) }],
    returned_on: day(today.subtract(30, 'month')),
  });
  await changeTalent(w, id, {
    change: 'card.issue',
    set: {
      tier_id: tier.id,
      card_no: cardNumber(Number(issued.slice(0, 4)), id),
      card_issued_on: issued,
      card_expires_on: cardExpiry(issued, tier.years),
    },
    after: { tierName: TIER_SETS[1].tiers[3].name, tierSet: TIER_SETS[1].name, note: '演示数据' },
  });
  // A one-page PDF standing in for the scanned certificate (fictional).
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
  await w.db
    .insertInto('talent_documents')
    .values({
      person_id: id,
      kind: '学位证书',
      file_name: '博士学位证书（演示）.pdf',
      mime: 'application/pdf',
      size_bytes: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      content: pdf,
      uploaded_by: user.id,
    })
    .execute();
}

// The cadre part of `npm run bench` (issue 12 point 9): the bench city (20,000 organizations, about
// 500,000 members with their details) with 60,000 cadres written by the demo generator at scale
// (seedCadresBench: units, posts, 内设机构 past the demo's units, careers, family, assessments…, JSON
// batches in one transaction). Prints how long the seeding takes; `buildCadreBenchCity` hands the
// engine to the search and structure measurements.
import { sql } from 'kysely';
import type { Engine } from '../server/db/engine.js';
import { migrate } from '../server/db/migrate.js';
import { generateCity, type CityResult } from '../server/demo/generate-city.js';
import { deriveKeys } from '../server/crypto/keys.js';
import { seedMembersDemo } from '../server/modules/members/demo.js';
import { seedCadresBench, type CadresDemoResult } from '../server/modules/cadres/demo/seed.js';

const ORGS = Number(process.env.BENCH_CADRE_ORGS ?? 20_000);
const PER_BRANCH = (process.env.BENCH_MEMBERS_PER_BRANCH ?? '10,70').split(',').map(Number) as [number, number];
export const BENCH_CADRES = Number(process.env.BENCH_CADRES_N ?? 60_000);

export interface CadreBenchCity {
  city: CityResult;
  cadres: CadresDemoResult;
  /** Seconds: the city with its members, then the cadres alone. */
  citySeconds: number;
  cadreSeconds: number;
}

export async function buildCadreBenchCity(kind: string, engine: Engine): Promise<CadreBenchCity> {
  const db = engine.db;
  await migrate(db);
  const keys = deriveKeys('bench');
  const t0 = performance.now();
  const city = await generateCity(db, { seed: 20_000, orgCount: ORGS, membersPerBranch: PER_BRANCH, demoAccounts: true });
  await seedMembersDemo(db, city, keys);
  const t1 = performance.now();
  const cadres = await seedCadresBench(db, keys, BENCH_CADRES);
  const t2 = performance.now();
  await sql`analyze`.execute(db);
  const out = { city, cadres, citySeconds: (t1 - t0) / 1000, cadreSeconds: (t2 - t1) / 1000 };
  console.log(
    `[${kind}] ${city.members.toLocaleString()} members in ${city.orgs.toLocaleString()} organizations (${out.citySeconds.toFixed(1)} s); ` +
      `${cadres.cadres.toLocaleString()} cadres (${cadres.cityManaged.toLocaleString()} managed by the city, ${cadres.memberLinked.toLocaleString()} members) ` +
      `in ${cadres.units.toLocaleString()} units with ${cadres.posts.toLocaleString()} posts seeded in ${out.cadreSeconds.toFixed(1)} s`,
  );
  return out;
}

export async function benchCadreSeeding(
  kind: string,
  open: () => Promise<{ engine: Engine; cleanup: () => Promise<void> }>,
): Promise<CadreBenchCity> {
  const { engine, cleanup } = await open();
  try {
    return await buildCadreBenchCity(kind, engine);
  } finally {
    await cleanup();
  }
}

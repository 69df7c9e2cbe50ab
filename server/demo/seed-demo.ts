// Demo mode: on the first start with an empty database, generate 示范市 deterministically.
import type { Db } from '../db/engine.js';
import { generateCity, type CityResult } from './generate-city.js';

export const DEMO_SEED = 2026;
export const DEMO_ORG_COUNT = 2000;

export async function seedDemoIfEmpty(db: Db): Promise<CityResult | null> {
  if (await db.selectFrom('orgs').select('id').limit(1).executeTakeFirst()) return null;
  return generateCity(db, { seed: DEMO_SEED, orgCount: DEMO_ORG_COUNT, demoAccounts: true });
}

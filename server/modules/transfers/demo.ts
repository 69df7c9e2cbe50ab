// Demo data of this area for 示范市 (called by server/demo/seed-demo.ts).
import type { Db } from '../../db/engine.js';
import type { Keys } from '../../crypto/keys.js';
import type { CityResult } from '../../demo/generate-city.js';

export async function seedTransfersDemo(_db: Db, _city: CityResult, _keys: Keys): Promise<void> {
  // Filled in by the area's implementation.
}

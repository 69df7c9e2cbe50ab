// Placeholder: the terms demo data (issue 4), written by the area's owner.
import type { Db } from '../../db/engine.js';
import type { CityResult } from '../../demo/generate-city.js';
import type { Keys } from '../../crypto/keys.js';

export async function seedTermsDemo(_db: Db, _city: CityResult, _keys: Keys): Promise<void> {}

// Dues settings (RULES.md §2): rounding (no national rule, R), the province's farmer amount (art. 6)
// and the arrears warning thresholds (党章第九条, R). One JSON row in `settings`, defaults merged in.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { DUES_DEFAULTS, DUES_RULES, type DuesOptions } from '../../../domain/rules/dues.js';
import { ZDuesSettingsSchema, type TDuesSettings } from '../../../domain/schemas/dues.js';
import { readSetting, writeSetting } from '../system/json-settings.js';

const KEY = 'dues';

export const DEFAULT_DUES_SETTINGS: TDuesSettings = {
  rounding: DUES_DEFAULTS.rounding,
  farmerFen: DUES_DEFAULTS.farmerFen,
  warnMonths: DUES_RULES.warnMonths,
  urgentMonths: DUES_RULES.urgentMonths,
  lapseMonths: DUES_RULES.lapseMonths,
};

export async function getDuesSettings(db: Kysely<DB>): Promise<TDuesSettings> {
  const parsed = ZDuesSettingsSchema.safeParse(await readSetting(db, KEY, DEFAULT_DUES_SETTINGS));
  return parsed.success ? parsed.data : DEFAULT_DUES_SETTINGS;
}

export const putDuesSettings = (db: Kysely<DB>, value: TDuesSettings, now: Date): Promise<void> => writeSetting(db, KEY, value, now);

export const duesOptions = (s: TDuesSettings): DuesOptions => ({ rounding: s.rounding, farmerFen: s.farmerFen });

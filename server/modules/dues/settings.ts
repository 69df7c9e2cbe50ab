// Dues settings (RULES.md §2): rounding (no national rule, R), the province's farmer amount (art. 6)
// and the arrears warning thresholds (党章第九条, R). One JSON row in `settings`, defaults merged in.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { DUES_DEFAULTS, DUES_RULES, type DuesOptions } from '../../../domain/rules/dues.js';
import { ZDuesSettingsSchema, type TDuesSettings } from '../../../domain/schemas/dues.js';

const KEY = 'dues';

export const DEFAULT_DUES_SETTINGS: TDuesSettings = {
  rounding: DUES_DEFAULTS.rounding,
  farmerFen: DUES_DEFAULTS.farmerFen,
  warnMonths: DUES_RULES.warnMonths,
  urgentMonths: DUES_RULES.urgentMonths,
  lapseMonths: DUES_RULES.lapseMonths,
};

export async function getDuesSettings(db: Kysely<DB>): Promise<TDuesSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  const parsed = ZDuesSettingsSchema.safeParse({ ...DEFAULT_DUES_SETTINGS, ...((row?.value as Partial<TDuesSettings>) ?? {}) });
  return parsed.success ? parsed.data : DEFAULT_DUES_SETTINGS;
}

export async function putDuesSettings(db: Kysely<DB>, value: TDuesSettings, now: Date): Promise<void> {
  const json = JSON.stringify(value);
  await db.insertInto('settings').values({ key: KEY, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now })).execute();
}

export const duesOptions = (s: TDuesSettings): DuesOptions => ({ rounding: s.rounding, farmerFen: s.farmerFen });

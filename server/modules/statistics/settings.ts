// Statistics settings (RULES.md §6: the age bands changed between years, so their bounds are a
// setting): one JSON row in `settings`, the default from domain/rules/members.ts.
import type { Db } from '../../db/engine.js';
import { DEFAULT_AGE_BANDS } from '../../../domain/rules/members.js';
import { ZStatsSettings, type TStatsSettings } from '../../../domain/schemas/statistics.js';
import { readSetting, writeSetting } from '../system/json-settings.js';

const KEY = 'statistics';

export const DEFAULT_STATS_SETTINGS: TStatsSettings = { ageBands: [...DEFAULT_AGE_BANDS] };

export async function getStatsSettings(db: Db): Promise<TStatsSettings> {
  const parsed = ZStatsSettings.safeParse(await readSetting(db, KEY, DEFAULT_STATS_SETTINGS));
  return parsed.success ? parsed.data : DEFAULT_STATS_SETTINGS;
}

export const putStatsSettings = (db: Db, value: TStatsSettings, now: Date): Promise<void> => writeSetting(db, KEY, value, now);

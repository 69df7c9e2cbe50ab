// The late-record threshold (RULES.md §9: local practice, so a setting with a default), one JSON row.
import type { Db } from '../../db/engine.js';
import { MEETING_RECORD_DEFAULTS } from '../../../domain/rules/meeting-records.js';
import { ZMeetingSettingsSchema, type TMeetingSettings } from '../../../domain/schemas/meetings.js';
import { readSetting, writeSetting } from '../system/json-settings.js';

const KEY = 'meetings';
export const DEFAULT_MEETING_SETTINGS: TMeetingSettings = { lateAfterDays: MEETING_RECORD_DEFAULTS.lateAfterDays };

export async function getMeetingSettings(db: Db): Promise<TMeetingSettings> {
  const parsed = ZMeetingSettingsSchema.safeParse(await readSetting(db, KEY, DEFAULT_MEETING_SETTINGS));
  return parsed.success ? parsed.data : DEFAULT_MEETING_SETTINGS;
}

export async function putMeetingSettings(db: Db, value: TMeetingSettings, now: Date): Promise<TMeetingSettings> {
  await writeSetting(db, KEY, value, now);
  return value;
}

// Letter validity settings (RULES.md §5: local practice, so a setting with defaults), one JSON row.
import type { Db } from '../../db/engine.js';
import { DEFAULT_TRANSFER_SETTINGS, type TransferSettings } from '../../../domain/rules/transfers.js';
import { readSetting, writeSetting } from '../system/json-settings.js';

const KEY = 'transfers';

export const getTransferSettings = (db: Db): Promise<TransferSettings> => readSetting(db, KEY, DEFAULT_TRANSFER_SETTINGS);

export async function putTransferSettings(db: Db, value: TransferSettings, now: Date): Promise<TransferSettings> {
  await writeSetting(db, KEY, value, now);
  return value;
}

// Letter validity settings (RULES.md §5: local practice, so a setting with defaults), one JSON row.
import type { Db } from '../../db/engine.js';
import type { Trx } from '../../audit/audit-log.js';
import { DEFAULT_TRANSFER_SETTINGS, type TransferSettings } from '../../../domain/rules/transfers.js';

const KEY = 'transfers';

export async function getTransferSettings(db: Db | Trx): Promise<TransferSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  // Stored values merge over the defaults, so a setting added later gets its default on old data.
  return { ...DEFAULT_TRANSFER_SETTINGS, ...((row?.value as Partial<TransferSettings>) ?? {}) };
}

export async function putTransferSettings(trx: Trx, value: TransferSettings, now: Date): Promise<TransferSettings> {
  const json = JSON.stringify(value);
  await trx.insertInto('settings').values({ key: KEY, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now })).execute();
  return value;
}

// Settings rows: one JSON value per key in `settings`. Stored values merge over the defaults, so a
// setting added later gets its default on old data. Used by security, transfer and dues settings.
import type { Db } from '../../db/engine.js';

export async function readSetting<T extends object>(db: Db, key: string, defaults: T): Promise<T> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return { ...defaults, ...((row?.value as Partial<T>) ?? {}) };
}

export async function writeSetting<T>(db: Db, key: string, value: T, now: Date): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now }))
    .execute();
}

// Security settings: stored as one JSON row, read through a small cache that a write refreshes.
import { DEFAULT_SETTINGS, ZSettingsSchema, type TSettings } from '../../../domain/security/settings.js';
import type { Db } from '../../db/engine.js';

const KEY = 'security';

export class SettingsStore {
  private cached: TSettings | undefined;
  constructor(private readonly db: Db) {}

  async get(): Promise<TSettings> {
    if (this.cached) return this.cached;
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
    // Stored values merge over the defaults so that a new setting gets its default on old data.
    const merged = { ...DEFAULT_SETTINGS, ...((row?.value as Partial<TSettings>) ?? {}) };
    this.cached = ZSettingsSchema.parse(merged);
    return this.cached;
  }

  async put(db: Db, value: TSettings): Promise<TSettings> {
    const json = JSON.stringify(value);
    await db
      .insertInto('settings')
      .values({ key: KEY, value: json })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: new Date() }))
      .execute();
    this.cached = undefined;
    return value;
  }
}

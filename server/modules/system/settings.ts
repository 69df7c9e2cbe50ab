// Security settings: one JSON row (json-settings.ts), read through a small cache that a write refreshes.
import { DEFAULT_SETTINGS, ZSettingsSchema, type TSettings } from '../../../domain/security/settings.js';
import type { Db } from '../../db/engine.js';
import { readSetting, writeSetting } from './json-settings.js';

const KEY = 'security';

export class SettingsStore {
  private cached: TSettings | undefined;
  constructor(private readonly db: Db) {}

  async get(): Promise<TSettings> {
    if (this.cached) return this.cached;
    this.cached = ZSettingsSchema.parse(await readSetting(this.db, KEY, DEFAULT_SETTINGS));
    return this.cached;
  }

  async put(db: Db, value: TSettings): Promise<TSettings> {
    await writeSetting(db, KEY, value, new Date());
    this.cached = undefined;
    return value;
  }
}

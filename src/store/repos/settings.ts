/** @module Settings SPOSA keeps for itself in the database, such as a generated secret every replica must share. */
import type { Db } from '../db.js';

export interface SettingsStore {
  /** The value under `key`, created from `create()` by whichever replica asks first; every replica gets the same. */
  getOrCreate(key: string, create: () => string): Promise<string>;
}

export function settingsStore(db: Db): SettingsStore {
  return {
    async getOrCreate(key, create) {
      await db.query('insert into settings (key, value) values ($1, $2) on conflict (key) do nothing', [key, create()]);
      const [row] = await db.query<{ value: string }>('select value from settings where key = $1', [key]);
      if (!row) throw new Error(`setting ${key} could not be stored`);
      return row.value;
    },
  };
}

// Per-store settings over their defaults (src/common/settings.ts).
import type { Settings } from '../../common/api';
import { settingsSchema } from '../../common/api-schema';
import { DEFAULT_SETTINGS } from '../../common/settings';
import type { Db } from './db';

export { DEFAULT_SETTINGS };

export function readSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM setting').all() as { key: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const r of rows) if (Object.hasOwn(DEFAULT_SETTINGS, r.key)) stored[r.key] = JSON.parse(r.value) as unknown;
  const merged = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...stored });
  return merged.success ? merged.data : DEFAULT_SETTINGS;
}

export function writeSettings(db: Db, patch: Partial<Settings>): Settings {
  const upsert = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) upsert.run(k, JSON.stringify(v));
  })();
  return readSettings(db);
}

// The store's backups as the app shows them (Settings): written into a backups folder beside the
// store unless the investigator chose another place (the desktop app's save dialog), and listed
// from that folder and from the audit log, which records every backup the app wrote.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupView } from '../../common/api/store';
import type { Db } from './db';
import { keyFilePath } from './store-key';

export const BACKUP_ACTION = 'store_backup';

export function backupsFolderOf(store: string): string {
  return path.join(path.dirname(path.resolve(store)), 'backups');
}

/** A new backup's name in the backups folder: the store's name and the time, to the second. */
export function backupName(store: string, now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${path.basename(store, path.extname(store))}-backup-${stamp}${path.extname(store) || '.db'}`;
}

function view(file: string): BackupView | null {
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || !fs.existsSync(keyFilePath(file))) return null;
    return { file, bytes: st.size, at: st.mtime.toISOString() };
  } catch {
    return null;
  }
}

/** The backups that still exist (each with its key file beside it), newest first. */
export function listBackups(db: Db, store: string): BackupView[] {
  const files = new Set<string>();
  const folder = backupsFolderOf(store);
  if (fs.existsSync(folder)) {
    for (const name of fs.readdirSync(folder)) {
      if (!name.endsWith('.key') && !name.startsWith('.') && fs.existsSync(path.join(folder, `${name}.key`)))
        files.add(path.join(folder, name));
    }
  }
  const rows = db.prepare('SELECT detail FROM audit_log WHERE action = ? ORDER BY id').all(BACKUP_ACTION) as { detail: string | null }[];
  for (const { detail } of rows) {
    try {
      const file = (JSON.parse(detail ?? 'null') as { file?: unknown } | null)?.file;
      if (typeof file === 'string' && path.isAbsolute(file)) files.add(file);
    } catch {
      // An entry without a file names no backup.
    }
  }
  return [...files]
    .map(view)
    .filter((b): b is BackupView => b !== null)
    .sort((a, b) => b.at.localeCompare(a.at) || a.file.localeCompare(b.file));
}

// The browser host's exports (case bundles, money-flow workbooks and graphs): each in a folder named by a random id under the download
// root, one file per folder; the host serves it at /api/download/<id>. Ids are 32 hex characters,
// so a request can never name a path of its own. The backend writes them sealed under the launch's
// staging key (sealed-staging.ts), so an unredacted bundle waiting to be fetched is never in the
// clear on disk; the host serves it decrypted, as often as the link is followed (the folder goes
// when the host stops, and a file left by a crash is unreadable, its key gone with the process).
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { openImportSized } from '../import/sealed-staging';

function downloadFile(root: string, id: string): string | null {
  if (!/^[0-9a-f]{32}$/.test(id)) return null;
  const dir = path.join(root, id);
  if (!fs.existsSync(dir)) return null;
  const names = fs.readdirSync(dir);
  return names.length === 1 ? path.join(dir, names[0] as string) : null;
}

export interface Download {
  /** The file's name, as the browser saves it. */
  readonly name: string;
  /** Its length in the clear. */
  readonly size: number;
  /**
   * Its bytes in the clear, through the same opening of the file that gave its length; the file is
   * closed when the stream ends, fails or is destroyed, so the caller must read it or destroy it.
   */
  readonly stream: Readable;
}

/** The download by its id, opened once (its length read, its stream ready), or null when there is none. */
export function openDownload(root: string, id: string): Download | null {
  const file = downloadFile(root, id);
  if (file === null) return null;
  const { size, stream } = openImportSized(file);
  return { name: path.basename(file), size, stream };
}

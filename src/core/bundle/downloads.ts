// The browser host's exports (case bundles, money-flow workbooks and graphs): each in a folder named by a random id under the download
// root, one file per folder; the host serves it at /api/download/<id>. Ids are 32 hex characters,
// so a request can never name a path of its own.
import fs from 'node:fs';
import path from 'node:path';

export function downloadFile(root: string, id: string): string | null {
  if (!/^[0-9a-f]{32}$/.test(id)) return null;
  const dir = path.join(root, id);
  if (!fs.existsSync(dir)) return null;
  const names = fs.readdirSync(dir);
  return names.length === 1 ? path.join(dir, names[0] as string) : null;
}

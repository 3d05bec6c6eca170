// The at-rest tests' look at a disk as an attacker who copied it would: every regular file under
// the folders, read whole, searched for each value as UTF-8 and as UTF-16LE bytes. Folders that do
// not exist are skipped; symbolic links (to files or folders), sockets, pipes and devices are not
// followed or read, only real files and folders.
import fs from 'node:fs';
import path from 'node:path';

/** Each value found as bytes in a file under the folders, as "value in file" (once per encoding found). */
export function secretsOnDisk(dirs: readonly string[], values: readonly string[]): string[] {
  const needles = values.flatMap((value) => [
    { value, bytes: Buffer.from(value, 'utf8') },
    { value, bytes: Buffer.from(value, 'utf16le') },
  ]);
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const bytes = fs.readFileSync(p);
        for (const n of needles) if (bytes.includes(n.bytes)) found.push(`${n.value} in ${p}`);
      }
    }
  };
  for (const d of dirs) if (fs.existsSync(d)) walk(d);
  return found;
}

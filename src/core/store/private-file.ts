// Key files next to the store (the token vault's key, the workstation's signing key): created
// once, atomically and private. The content goes to a 0600 temporary file that is then linked
// into place, so a reader never sees half a key, and when two processes race the first one wins
// and the other uses its file.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Create `file` with `content` unless it exists; true when this call created it. */
export function createPrivateFileOnce(file: string, content: string | Buffer): boolean {
  if (fs.existsSync(file)) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, content, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (e) {
    // Another process created it first: theirs stands.
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return false;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

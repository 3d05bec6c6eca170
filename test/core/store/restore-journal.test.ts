// The moments of a restore and a backup that a random kill rarely hits, reproduced file by file
// on real stores: a restore stopped between its moves is undone by the next open (the replaced
// store back, with its own key), one stopped after its commit is completed; a backup stopped
// between its key file and its link leaves a key file the next backup of the same store replaces.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupStore } from '../../../src/core/store/backup';
import { openStore } from '../../../src/core/store/db';
import { writeRestoreJournal } from '../../../src/core/store/restore-journal';
import { forgetKey, keyFilePath, readKeyFile, sealWithPassphrase, storeKey, writeKeyFile } from '../../../src/core/store/store-key';
import { tempDir } from '../../support/tmp';

const PASS = process.env['CASEGRAPH_PASSPHRASE'] as string;

function makeStore(file: string, name: string): void {
  const db = openStore(file);
  db.prepare("INSERT INTO setting (key, value) VALUES ('which', ?)").run(name);
  db.close();
}

function which(file: string): string {
  forgetKey(file);
  const db = openStore(file);
  try {
    return db.prepare("SELECT value FROM setting WHERE key = 'which'").pluck().get() as string;
  } finally {
    db.close();
  }
}

/** A restore of store A's backup over store B, stopped after `step` of its moves. */
function stoppedRestore(dir: string, step: 'main-moved' | 'all-moved-key-written' | 'committed'): { target: string; replaced: string } {
  const a = path.join(dir, 'a.db');
  const target = path.join(dir, 'store.db');
  makeStore(a, 'A');
  makeStore(target, 'B');
  const db = openStore(a);
  backupStore(db, a, path.join(dir, 'a.backup'), PASS);
  db.close();
  const partial = path.join(dir, '.store.db.restoring.999999.abcd');
  fs.copyFileSync(path.join(dir, 'a.backup'), partial);
  const replaced = `${target}.replaced-20261203T120000Z`;
  writeRestoreJournal(target, { partial, replaced });
  fs.renameSync(target, replaced);
  if (step === 'main-moved') return { target, replaced };
  for (const s of ['-wal', '-shm', '.key']) if (fs.existsSync(`${target}${s}`)) fs.renameSync(`${target}${s}`, `${replaced}${s}`);
  writeKeyFile(target, readKeyFile(path.join(dir, 'a.backup'))!);
  if (step === 'committed') fs.renameSync(partial, target);
  return { target, replaced };
}

describe('a restore stopped half-way', () => {
  it('after moving the store aside: the next open puts it back, and nothing is kept as replaced', () => {
    const dir = tempDir();
    const { target, replaced } = stoppedRestore(dir, 'main-moved');
    expect(which(target)).toBe('B');
    expect(fs.existsSync(replaced)).toBe(false);
    expect(fs.existsSync(`${target}.restoring`)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.store.db.'))).toEqual([]);
  });

  it("after its key file was written: the store of before comes back with its own key, the backup's goes", () => {
    const dir = tempDir();
    const { target, replaced } = stoppedRestore(dir, 'all-moved-key-written');
    expect(which(target)).toBe('B');
    for (const s of ['', '.key']) expect(fs.existsSync(`${replaced}${s}`)).toBe(false);
  });

  it('after its commit: the next open completes it, the replaced store kept with its key', () => {
    const dir = tempDir();
    const { target, replaced } = stoppedRestore(dir, 'committed');
    expect(which(target)).toBe('A');
    expect(which(replaced)).toBe('B');
    expect(fs.existsSync(`${target}.restoring`)).toBe(false);
  });
});

describe('a backup stopped between its key file and the backup', () => {
  it("leaves a key file that the next backup of the same store replaces; another store's stays refused", () => {
    const dir = tempDir();
    const store = path.join(dir, 'store.db');
    makeStore(store, 'S');
    const out = path.join(dir, 'store.backup');
    const k = storeKey(store, { create: false });
    writeKeyFile(out, {
      version: 1,
      cipher: { name: 'sqlcipher', legacy: 4, page_size: k.pageSize },
      slots: [sealWithPassphrase(k.key, PASS)],
    });
    const db = openStore(store);
    try {
      expect(backupStore(db, store, out, PASS).file).toBe(out);
      expect(which(out)).toBe('S');
      // A key file of another store at the name is someone's: refused, untouched.
      const other = path.join(dir, 'other.backup');
      const otherKey = storeKey(path.join(dir, 'x.db'), { create: true });
      writeKeyFile(other, {
        version: 1,
        cipher: { name: 'sqlcipher', legacy: 4, page_size: otherKey.pageSize },
        slots: [sealWithPassphrase(otherKey.key, PASS)],
      });
      const before = fs.readFileSync(keyFilePath(other), 'utf8');
      expect(() => backupStore(db, store, other, PASS)).toThrow(/exists already; choose another name/);
      expect(fs.readFileSync(keyFilePath(other), 'utf8')).toBe(before);
    } finally {
      db.close();
    }
  });
});

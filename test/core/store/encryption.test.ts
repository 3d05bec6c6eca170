// The store at rest: encrypted from its first write, the WAL included, reopened with the key its
// key file seals under the passphrase; a wrong or missing key is one sentence; a plain store
// from an earlier version is encrypted in place, its data kept. Real files, looked at as bytes.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/core/store/migrations';
import { StoreError, openStore } from '../../../src/core/store/db';
import { storeFileKind } from '../../../src/core/store/encrypt-in-place';
import { finishBulkLoad, startBulkLoad } from '../../../src/core/store/bulk-load';
import { forgetKey, keyFilePath, readKeyFile, setKeySources } from '../../../src/core/store/store-key';
import { tempDir } from '../../support/tmp';

const PHONE = '13912345678';
const NAME = '罗晓明';

function bytesOf(file: string): Buffer {
  return fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0);
}

function holds(file: string, text: string): boolean {
  return bytesOf(file).includes(Buffer.from(text, 'utf8'));
}

afterEach(() => setKeySources({}));

describe('the encrypted store', () => {
  it('is encrypted from its first write, WAL included, and reopens; FTS5 trigram and fts5vocab work in it', () => {
    const file = path.join(tempDir(), 'store.db');
    const db = openStore(file);
    db.exec(`CREATE TABLE secret (v TEXT); CREATE VIRTUAL TABLE secret_text USING fts5 (body, tokenize = 'trigram');
             CREATE VIRTUAL TABLE secret_vocab USING fts5vocab (secret_text, 'row');`);
    db.prepare('INSERT INTO secret VALUES (?)').run(`${NAME} ${PHONE}`);
    db.prepare('INSERT INTO secret_text (body) VALUES (?)').run(`受害人${NAME}，电话${PHONE}`);
    expect(db.prepare("SELECT count(*) FROM secret_text WHERE secret_text MATCH '晓明，电'").pluck().get()).toBe(1);
    expect(db.prepare("SELECT count(*) FROM secret_vocab WHERE term = '345'").pluck().get()).toBe(1);
    expect(db.pragma('page_size', { simple: true })).toBe(16384);
    // Before any checkpoint the rows are in the WAL only: it must be ciphertext too.
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    for (const f of [file, `${file}-wal`]) {
      expect(holds(f, PHONE), f).toBe(false);
      expect(holds(f, NAME), f).toBe(false);
    }
    expect(storeFileKind(file)).toBe('encrypted');
    db.close();
    expect(holds(file, PHONE)).toBe(false);

    const kf = readKeyFile(file);
    expect(kf).toMatchObject({ version: 1, cipher: { name: 'sqlcipher', legacy: 4, page_size: 16384 } });
    expect(kf?.slots.map((s) => s.kind)).toEqual(['passphrase']);
    expect(fs.statSync(keyFilePath(file)).mode & 0o777).toBe(0o600);
    // Reopened from the key file and the passphrase (nothing remembered in this process).
    forgetKey(file);
    const again = openStore(file, { readonly: true });
    expect(again.prepare('SELECT v FROM secret').pluck().get()).toBe(`${NAME} ${PHONE}`);
    expect(again.prepare('SELECT count(*) FROM secret_text WHERE secret_text MATCH ?').pluck().get(PHONE.slice(3, 9))).toBe(1);
    again.close();
    // A bare SQLite connection without the key sees noise.
    const bare = new Database(file, { readonly: true });
    expect(() => bare.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    bare.close();
  });

  it('keeps sorts and temporary tables in memory (the cipher does not encrypt temporary files), bulk-load index builds too', () => {
    const db = openStore(path.join(tempDir(), 'store.db'));
    try {
      expect(db.pragma('temp_store', { simple: true })).toBe(2);
      const pragmas: string[] = [];
      const pragma = db.pragma.bind(db);
      db.pragma = ((source: string, options?: { simple?: boolean }) => {
        pragmas.push(source);
        return pragma(source, options);
      }) as typeof db.pragma;
      startBulkLoad(db);
      finishBulkLoad(db);
      expect(pragmas.filter((p) => /temp_store\s*=/i.test(p))).toEqual([]);
      expect(pragma('temp_store', { simple: true })).toBe(2);
    } finally {
      db.close();
    }
  });

  it('says in one sentence that the passphrase is wrong, or that it or the key file is missing', () => {
    const dir = tempDir();
    const file = path.join(dir, 'store.db');
    openStore(file).close();
    forgetKey(file);
    setKeySources({ passphrase: 'not the passphrase' });
    expect(() => openStore(file)).toThrow(new StoreError(`the passphrase does not open the store ${file}`));
    forgetKey(file);
    const saved = process.env['CASEGRAPH_PASSPHRASE'];
    delete process.env['CASEGRAPH_PASSPHRASE'];
    setKeySources({});
    try {
      expect(() => openStore(file)).toThrow(
        `the store ${file} is encrypted: give its passphrase in CASEGRAPH_PASSPHRASE, or run on a terminal to be asked for it`,
      );
      expect(() => openStore(path.join(dir, 'new.db'))).toThrow(/^a new store needs a passphrase to seal its key/);
      expect(fs.existsSync(path.join(dir, 'new.db'))).toBe(false);
    } finally {
      process.env['CASEGRAPH_PASSPHRASE'] = saved;
    }
    fs.renameSync(keyFilePath(file), `${file}.key.elsewhere`);
    expect(() => openStore(file)).toThrow(/^the key file of the store .* is missing, and the store cannot be opened without it$/);
    // Another store's key file: never "file is not a database".
    const other = path.join(dir, 'other.db');
    openStore(other).close();
    fs.copyFileSync(keyFilePath(other), keyFilePath(file));
    let message = '';
    try {
      openStore(file);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^the key in store\.db\.key does not open the store .*: the key file belongs to another store/);
    expect(message).not.toMatch(/file is not a database/);
  });

  it('encrypts a plain store from an earlier version in place: data kept, no plaintext left, progress told', () => {
    const dir = tempDir();
    const file = path.join(dir, 'store.db');
    // A store as the previous version left it: plain SQLite, WAL, migrated, with a victim's phone.
    const plain = new Database(file);
    plain.pragma('journal_mode = WAL');
    plain.exec(`CREATE TABLE victim (name TEXT, phone TEXT)`);
    const insert = plain.prepare('INSERT INTO victim VALUES (?, ?)');
    plain.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`${NAME}${i}`, `${PHONE}`);
    })();
    plain.pragma(`user_version = 0`);
    plain.close();
    expect(holds(file, PHONE)).toBe(true);
    expect(storeFileKind(file)).toBe('plain');

    // Left by an encryption killed before it finished: removed by the next one.
    fs.writeFileSync(path.join(dir, '.store.db.encrypted.999.dead'), 'part of a copy');
    fs.writeFileSync(path.join(dir, 'store.db.encrypting'), '999999999');
    const said: string[] = [];
    const db = openStore(file, { onProgress: (m) => said.push(m) });
    expect(said[0]).toMatch(/^encrypting the store .* \(\d+\.\d MB\)/);
    expect(said.at(-1)).toBe('the store is encrypted');
    expect(db.prepare('SELECT count(*) FROM victim').pluck().get()).toBe(2000);
    expect(db.prepare('SELECT name FROM victim WHERE rowid = 1').pluck().get()).toBe(`${NAME}0`);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('page_size', { simple: true })).toBe(16384);
    db.close();
    expect(storeFileKind(file)).toBe('encrypted');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(holds(f, PHONE), f).toBe(false);
    // Nothing else beside it: no plain copy, no lock, no temporary file.
    expect(fs.readdirSync(dir).sort()).toEqual(['store.db', 'store.db.key']);
    forgetKey(file);
    const again = openStore(file);
    expect(again.prepare('SELECT count(*) FROM victim').pluck().get()).toBe(2000);
    again.close();
  });

  it('leaves a plain store written by a newer Casegraph exactly as it is', () => {
    const file = path.join(tempDir(), 'store.db');
    const plain = new Database(file);
    plain.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    plain.close();
    const before = bytesOf(file);
    expect(() => openStore(file)).toThrow(/written by a newer Casegraph/);
    expect(bytesOf(file).equals(before)).toBe(true);
    expect(fs.existsSync(keyFilePath(file))).toBe(false);
  });
});

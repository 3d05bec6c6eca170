// The bulk path of an import (store/bulk-load.ts): secondary indexes dropped while loading and
// built at the end, full-text merging held back. It must store exactly what the ordinary path
// stores, keep imports idempotent, leave search working at once, and a store left mid-load (a
// killed import) must be repaired by the next open.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { queryReports } from '../../../src/core/report/queries';
import { importFiles } from '../../../src/core/import/import-files';
import { bulkLoadPending, startBulkLoad } from '../../../src/core/store/bulk-load';
import { openStore, type Db } from '../../../src/core/store/db';
import { mixedStream, writeNdjson } from '../../feed-server/fixtures';
import { tempDir } from '../../support/tmp';
import { storeState } from '../sync/store-state';

const P = 'SZ-FUTIAN';
const DEFERRED = ['identifier_domain', 'identifier_link', 'report_category', 'report_loss', 'report_reported'];

const indexes = (db: Db): string[] =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").pluck().all() as string[];
// The full-text settings in effect (crisismerge unset is its default, 16).
const ftsConfig = (db: Db): Record<string, number> => ({
  crisismerge: 16,
  ...Object.fromEntries(db.prepare("SELECT k, v FROM report_text_config WHERE k <> 'version'").raw().all() as [string, number][]),
});
const find = (db: Db, text: string): string[] =>
  queryReports(db, { text, offset: 0, limit: 50 })
    .rows.map((r) => r.id)
    .sort();
const rec = (id: string, version: number, narrative: string): Record<string, unknown> => ({
  id,
  version,
  precinct: P,
  reported_at: '2024-05-01T09:00:00+08:00',
  category: 'impersonation',
  narrative,
});

async function imported(dir: string, name: string, files: readonly string[], bulk: boolean): Promise<Db> {
  const db = openStore(path.join(dir, `${name}.db`));
  for (const f of files) await importFiles(db, [{ path: f }], { bulk });
  return db;
}

describe('bulk import', () => {
  it('stores what an ordinary import stores: versions, updates, tombstones, quarantine, search; indexes and settings restored', async () => {
    const dir = tempDir();
    const records = mixedStream(P, 3000);
    const half = Math.floor(records.length / 2);
    const a = writeNdjson(path.join(dir, 'a.ndjson'), records.slice(0, half));
    const b = writeNdjson(path.join(dir, 'b.ndjson'), records.slice(half));
    const plain = await imported(dir, 'plain', [a, b], false);
    const bulk = await imported(dir, 'bulk', [a, b], true);
    expect(storeState(bulk)).toEqual(storeState(plain));
    expect(indexes(bulk)).toEqual(indexes(plain));
    for (const name of DEFERRED) expect(indexes(bulk)).toContain(name);
    expect(ftsConfig(bulk)).toEqual(ftsConfig(plain));
    expect(bulkLoadPending(bulk)).toBe(false);
    expect(bulk.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(() => bulk.exec("INSERT INTO report_text (report_text) VALUES ('integrity-check')")).not.toThrow();
    // Queries use the rebuilt indexes.
    const plan = bulk.prepare("EXPLAIN QUERY PLAN SELECT rid FROM identifier WHERE kind = 'phone' AND value = '+8613800138000'").all();
    expect(JSON.stringify(plan)).toContain('identifier_link');
    plain.close();
    bulk.close();
  });

  it('is idempotent: the same file again through the bulk path changes nothing', async () => {
    const dir = tempDir();
    const file = writeNdjson(path.join(dir, 'a.ndjson'), mixedStream(P, 1500));
    const db = await imported(dir, 'store', [file], true);
    const before = storeState(db);
    const again = await importFiles(db, [{ path: file }], { bulk: true });
    expect(again).toMatchObject({ new: 0, updated: 0, withdrawn: 0 });
    expect(again.unchanged).toBeGreaterThan(1500);
    expect(storeState(db)).toEqual(before);
    db.close();
  });

  it('finds Chinese text right after a bulk import, following updates and tombstones across imports', async () => {
    const dir = tempDir();
    const first = [rec('B1', 1, '冒充客服要求退款'), rec('B2', 1, '网贷平台收取保证金'), rec('B1', 2, '刷单返利先垫付')];
    for (let i = 0; i < 8000; i++) first.push(rec(`F${i}`, 1, `填充记录第${i}条，内容无关紧要。`.padEnd(120, '。')));
    first.push(rec('B3', 1, '杀猪盘投资平台'));
    const db = await imported(dir, 'store', [writeNdjson(path.join(dir, 'a.ndjson'), first)], true);
    expect(find(db, '冒充客服')).toEqual([]);
    expect(find(db, '刷单返利')).toEqual(['B1']);
    expect(find(db, '保证金')).toEqual(['B2']);
    expect(find(db, '杀猪盘投资')).toEqual(['B3']);
    const second = [rec('B1', 3, '冒充公检法'), { id: 'B2', version: 2, deleted: true }, rec('B4', 1, '刷单返利新报案')];
    const r = await importFiles(db, [{ path: writeNdjson(path.join(dir, 'b.ndjson'), second) }], { bulk: true });
    expect(r).toMatchObject({ new: 1, updated: 1, withdrawn: 1 });
    expect(find(db, '刷单返利')).toEqual(['B4']);
    expect(find(db, '冒充公检法')).toEqual(['B1']);
    expect(db.prepare("SELECT withdrawn FROM report WHERE id = 'B2'").pluck().get()).toBe(1);
    expect(() => db.exec("INSERT INTO report_text (report_text) VALUES ('integrity-check')")).not.toThrow();
    db.close();
  });

  it('a cancelled bulk import commits whole records and reports done only with its indexes built again', async () => {
    const dir = tempDir();
    const records = [];
    for (let i = 0; i < 12_000; i++) records.push(rec(`C${i}`, 1, `冒充客服退款诈骗第${i}号。`.padEnd(120, '。')));
    const file = writeNdjson(path.join(dir, 'a.ndjson'), records);
    const db = openStore(path.join(dir, 'store.db'));
    const abort = new AbortController();
    const r = await importFiles(db, [{ path: file }], { bulk: true, signal: abort.signal, onProgress: () => abort.abort() });
    expect(r.cancelled).toBe(true);
    expect(r.new).toBeGreaterThan(0);
    expect(r.new).toBeLessThan(12_000);
    expect(bulkLoadPending(db)).toBe(false);
    for (const name of DEFERRED) expect(indexes(db)).toContain(name);
    expect(queryReports(db, { text: '客服退款', offset: 0, limit: 1 }).total).toBe(r.new);
    db.close();
  });

  it('a store left mid-load (indexes dropped, loading settings) is repaired by the next open, keeping the committed records', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'store.db');
    const reference = openStore(path.join(dir, 'reference.db'));
    const expected = { indexes: indexes(reference), fts: ftsConfig(reference) };
    reference.close();
    let db = openStore(file);
    startBulkLoad(db);
    for (const name of DEFERRED) expect(indexes(db)).not.toContain(name);
    expect(bulkLoadPending(db)).toBe(true);
    // Records committed while loading, then the process "dies": the connection is closed as is.
    await importFiles(db, [{ path: writeNdjson(path.join(dir, 'a.ndjson'), [rec('K1', 1, '冒充客服要求退款')]) }], { bulk: false });
    db.close();
    db = openStore(file);
    expect(bulkLoadPending(db)).toBe(false);
    expect(indexes(db)).toEqual(expected.indexes);
    expect(ftsConfig(db)).toEqual(expected.fts);
    expect(find(db, '客服')).toEqual(['K1']);
    db.close();
  });

  it('another connection opened while a bulk import holds the store leaves the repair to the import', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'store.db');
    const importing = openStore(file);
    startBulkLoad(importing);
    importing.exec('BEGIN IMMEDIATE');
    const other = openStore(file);
    expect(bulkLoadPending(other)).toBe(true);
    other.close();
    importing.exec('COMMIT');
    importing.close();
    const next = openStore(file);
    expect(bulkLoadPending(next)).toBe(false);
    for (const name of DEFERRED) expect(indexes(next)).toContain(name);
    next.close();
  }, 20_000);
});

// Updates inside one import and across imports: the search index follows the current version
// (its writes are held back to the end of each transaction, see PendingText).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { queryReports } from '../../../src/core/report/queries';
import { importFiles } from '../../../src/core/import/import-files';
import { openStore, type Db } from '../../../src/core/store/db';
import { tempDir, writeFile } from '../../support/tmp';

const base = { precinct: 'NJ-GULOU', reported_at: '2024-04-01T08:00:00+08:00', category: 'loan' };
const rec = (id: string, version: number, narrative: string): Record<string, unknown> => ({ id, version, ...base, narrative });
const ndjson = (records: readonly unknown[]): string => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const find = (db: Db, text: string): string[] =>
  queryReports(db, { text, offset: 0, limit: 50 })
    .rows.map((r) => r.id)
    .sort();

describe('search after updates', () => {
  it('finds only the current text of a report revised within the same file and in a later one', async () => {
    const dir = tempDir();
    const db = openStore(path.join(dir, 'store.db'));
    const first = [
      rec('U1', 1, '冒充客服要求退款'),
      rec('U2', 1, '网贷平台收取保证金'),
      rec('U1', 2, '刷单返利先垫付'),
      rec('U3', 1, '杀猪盘投资平台'),
    ];
    // Enough filler for the file to span several chunks and transactions.
    for (let i = 0; i < 12_000; i++) first.push(rec(`F${i}`, 1, `填充记录第${i}条，内容无关紧要。`.padEnd(120, '。')));
    first.push(rec('U2', 2, '游戏账号交易诈骗'), rec('U3', 2, '杀猪盘投资平台（补充）'));
    expect(await importFiles(db, [{ path: writeFile(dir, 'a.ndjson', ndjson(first)) }])).toMatchObject({ new: 12_003, updated: 3 });
    expect(find(db, '冒充客服')).toEqual([]);
    expect(find(db, '刷单返利')).toEqual(['U1']);
    expect(find(db, '保证金')).toEqual([]);
    expect(find(db, '游戏账号')).toEqual(['U2']);
    expect(find(db, '杀猪盘投资')).toEqual(['U3']);

    const second = [rec('U1', 3, '冒充公检法'), { id: 'U2', version: 3, deleted: true }, rec('N1', 1, '刷单返利新报案')];
    expect(await importFiles(db, [{ path: writeFile(dir, 'b.ndjson', ndjson(second)) }])).toMatchObject({
      new: 1,
      updated: 1,
      withdrawn: 1,
    });
    expect(find(db, '刷单返利')).toEqual(['N1']);
    expect(find(db, '冒充公检法')).toEqual(['U1']);
    expect(find(db, '游戏账号')).toEqual([]);
    // The index is consistent with itself after deletes of rows written in other segments.
    expect(() => db.exec("INSERT INTO report_text (report_text) VALUES ('integrity-check')")).not.toThrow();
    db.close();
  });
});

// An incremental run must end where a full relink of the same data ends: same series, same ids.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateLabelled } from '../../../src/core/linking/eval/generate';
import { linkStore } from '../../../src/core/linking/store-io';
import { openStore, type Db } from '../../../src/core/store/db';
import { ingest, testStore } from './support';

const partition = (db: Db): string[] =>
  (db.prepare('SELECT m.series_id, group_concat(r.id) FROM series_member m JOIN report r ON r.rid = m.rid GROUP BY m.series_id ORDER BY m.series_id').raw().all() as [string, string][]).map(
    ([s, ids]) => `${s}:${ids.split(',').sort().join(',')}`,
  );

describe('incremental linking', () => {
  it('gives the same series and ids as a full relink after new, updated and withdrawn reports', () => {
    const { db, file } = testStore();
    const corpus = generateLabelled(1600, 11).map((x) => x.record);
    ingest(db, corpus.slice(0, 1400));
    linkStore(db);
    // New reports, revisions that change identifiers, and withdrawals.
    const revised = corpus.slice(0, 60).map((r, k) => ({ ...r, version: 2, identifiers: k % 2 === 0 ? [] : [...(r.identifiers ?? []), ...(corpus[k + 700]?.identifiers ?? [])] }));
    const withdrawn = corpus.slice(100, 130).map((r) => ({ id: r.id, version: 2, deleted: true as const }));
    ingest(db, [...corpus.slice(1400), ...revised, ...withdrawn]);
    const inc = linkStore(db);
    expect(inc.mode).toBe('incremental');
    const incremental = partition(db);
    db.close();
    const copy = `${file}.copy`;
    fs.copyFileSync(file, copy);
    const again = openStore(copy);
    expect(linkStore(again, { full: true }).mode).toBe('full');
    expect(partition(again)).toEqual(incremental);
    again.close();
  });
});

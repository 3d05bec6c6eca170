// An incremental run must end where a full relink of the same data ends: same series, same ids.
import { describe, expect, it } from 'vitest';
import { generateLabelled } from '../../../src/core/linking/eval/generate';
import { linkStore } from '../../../src/core/linking/store-io';
import { openStore } from '../../../src/core/store/db';
import { card, ingest, report, testStore, partition } from './support';
import { copyStore } from '../../support/raw-store';

describe('incremental linking', () => {
  it('gives the same series and ids as a full relink after new, updated and withdrawn reports', () => {
    const { db, file } = testStore();
    const corpus = generateLabelled(1600, 11).map((x) => x.record);
    ingest(db, corpus.slice(0, 1400));
    linkStore(db);
    // New reports, revisions that change identifiers, and withdrawals.
    const revised = corpus.slice(0, 60).map((r, k) => ({
      ...r,
      version: 2,
      identifiers: k % 2 === 0 ? [] : [...(r.identifiers ?? []), ...(corpus[k + 700]?.identifiers ?? [])],
    }));
    const withdrawn = corpus.slice(100, 130).map((r) => ({ id: r.id, version: 2, deleted: true as const }));
    ingest(db, [...corpus.slice(1400), ...revised, ...withdrawn]);
    const inc = linkStore(db);
    expect(inc.mode).toBe('incremental');
    const incremental = partition(db);
    db.close();
    const copy = `${file}.copy`;
    copyStore(file, copy);
    const again = openStore(copy);
    expect(linkStore(again, { full: true }).mode).toBe('full');
    expect(partition(again)).toEqual(incremental);
    again.close();
  });

  it('writes only the difference: relinking to the same result rewrites no link or membership', () => {
    const { db } = testStore();
    const corpus = generateLabelled(800, 12).map((x) => x.record);
    ingest(db, corpus);
    linkStore(db);
    const before = partition(db);
    const links = db.prepare('SELECT count(*) FROM link').pluck().get() as number;
    // Count every row written to the tables a relink would rewrite.
    db.exec(`CREATE TEMP TABLE writes (tbl TEXT)`);
    for (const t of ['link', 'series_member', 'series']) {
      for (const op of ['INSERT', 'UPDATE', 'DELETE'])
        db.exec(`CREATE TEMP TRIGGER count_${t}_${op} AFTER ${op} ON main.${t} BEGIN INSERT INTO writes VALUES ('${t}'); END`);
    }
    const writes = (): Record<string, number> =>
      Object.fromEntries(db.prepare('SELECT tbl, count(*) FROM writes GROUP BY tbl').raw().all() as [string, number][]);
    // Series members revised without a change that matters: their series are relinked whole.
    const member = db
      .prepare('SELECT r.id FROM series_member m JOIN report r ON r.rid = m.rid ORDER BY m.series_id, r.id LIMIT 3')
      .pluck()
      .all() as string[];
    ingest(
      db,
      corpus.filter((r) => member.includes(r.id)).map((r) => ({ ...r, version: 2 })),
    );
    const run = linkStore(db);
    expect(run.mode).toBe('incremental');
    expect(run.reports).toBeGreaterThan(3);
    expect(partition(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM link').pluck().get()).toBe(links);
    const w = writes();
    expect(w['link'] ?? 0).toBe(0);
    expect(w['series_member'] ?? 0).toBe(0);
    // Only the series holding the revised reports get their figures again.
    expect(w['series']).toBeGreaterThan(0);
    expect(w['series']).toBeLessThanOrEqual(3);
  });

  it('searches indexes for what the change touches and never scans a large table', () => {
    const { db } = testStore();
    const corpus = generateLabelled(600, 13).map((x) => x.record);
    ingest(db, corpus.slice(0, 500));
    linkStore(db);
    ingest(db, [...corpus.slice(500), { ...(corpus[7] as (typeof corpus)[number]), version: 2 }]);
    const statements = new Set<string>();
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      statements.add(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    expect(linkStore(db).mode).toBe('incremental');
    db.prepare = prepare;
    expect(statements.size).toBeGreaterThan(10);
    const scans: string[] = [];
    for (const sql of statements) {
      if (/@\w/.test(sql) || !/^\s*(SELECT|DELETE|UPDATE|INSERT)/i.test(sql)) continue;
      const params = (sql.match(/\?/g) ?? []).map(() => null);
      for (const p of db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]) {
        if (/^SCAN (report|identifier|message|link|series|series_member|text_sig)\b/.test(p.detail)) scans.push(`${p.detail} in ${sql}`);
      }
    }
    expect(scans).toEqual([]);
  });

  it('stays incremental when a withdrawn report held a value that weighs nothing, however common', () => {
    const { db } = testStore();
    // An app name every victim mentions (kind other: never evidence), in more reports than a hub's cap.
    const app = { kind: 'other' as const, value: '国家反诈中心', role: 'mentioned' };
    const many = Array.from({ length: 2100 }, (_, k) =>
      report(`APP-${k}`, { identifiers: k < 2 ? [app, card('6222020200112233445')] : [app] }),
    );
    ingest(db, many);
    expect(linkStore(db).mode).toBe('full');
    ingest(db, [{ id: 'APP-7', version: 2, deleted: true }, report('APP-NEW', { identifiers: [app, card('6222020200112233445')] })]);
    const run = linkStore(db);
    expect(run.mode).toBe('incremental');
    expect(run.reports).toBeLessThan(100);
    const members = db
      .prepare(
        "SELECT r.id FROM series_member m JOIN report r ON r.rid = m.rid WHERE m.series_id = (SELECT series_id FROM series_member WHERE rid = (SELECT rid FROM report WHERE id = 'APP-0')) ORDER BY r.id",
      )
      .pluck()
      .all();
    expect(members).toEqual(['APP-0', 'APP-1', 'APP-NEW']);
  });
});

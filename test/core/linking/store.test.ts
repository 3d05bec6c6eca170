// Linking a real SQLite store: full and incremental runs, stable ids through relinks, merges and
// splits, notes that survive, the ignore list, threshold crossings and explain.
import { describe, expect, it } from 'vitest';
import { explain, formatExplanation } from '../../../src/core/linking/explain';
import { listSeries } from '../../../src/core/linking/series-list';
import { addIgnored, removeIgnored } from '../../../src/core/linking/ignore-edit';
import { linkStore } from '../../../src/core/linking/store-io';
import { openStore, type Db } from '../../../src/core/store/db';
import { generateLabelled } from '../../../src/core/linking/eval/generate';
import { copyStore } from '../../support/raw-store';
import { card, ingest, phone, report, testStore } from './support';

const seriesOf = (db: Db, id: string): string | undefined =>
  db.prepare<[string], string>('SELECT m.series_id FROM series_member m JOIN report r ON r.rid = m.rid WHERE r.id = ?').pluck().get(id);

function gangs(db: Db): void {
  ingest(db, [
    report('A1', { identifiers: [card('6222 0212 3456 7890 128')] }),
    report('A2', { identifiers: [card('6222-0212-3456-7890-128'), phone('+86 138-0013-8000')] }),
    report('A3', { identifiers: [phone('0086 13800138000')] }),
    report('B1', { category: 'loan', identifiers: [card('6217000012345678901')] }),
    report('B2', { category: 'loan', identifiers: [card('6217 0000 1234 5678 901')] }),
    report('L1', { identifiers: [phone('95588')] }),
    report('L2', { identifiers: [phone('95588')] }),
  ]);
}

describe('linking a store', () => {
  it('links, lists series largest loss first, and flags the threshold', () => {
    const { db } = testStore();
    gangs(db);
    const s = linkStore(db);
    expect(s.mode).toBe('full');
    expect(s.series).toBe(2);
    expect(s.overThreshold).toBe(1);
    const list = listSeries(db);
    expect(list.map((x) => x.reports)).toEqual([
      ['A1', 'A2', 'A3'],
      ['B1', 'B2'],
    ]);
    expect(list[0]).toMatchObject({ loss: { CNY: '3000.00' }, over_threshold: true, over_by: 'A3' });
    expect(listSeries(db, { overThreshold: true }).map((x) => x.id)).toEqual([list[0]?.id]);
    const all = listSeries(db, { all: true });
    expect(
      all
        .filter((x) => x.single)
        .map((x) => x.reports[0])
        .sort(),
    ).toEqual(['L1', 'L2']);
    expect(seriesOf(db, 'L1')).toBeUndefined();
  });

  it('gives the same ids on a full relink, and keeps notes', () => {
    const { db } = testStore();
    gangs(db);
    linkStore(db);
    const before = listSeries(db).map((x) => x.id);
    db.prepare("INSERT INTO series_note (series_id, at, author, text) VALUES (?, '2025-01-01', 'li', '主犯在缅北')").run(before[0]);
    linkStore(db, { full: true });
    expect(listSeries(db).map((x) => x.id)).toEqual(before);
    const note = db.prepare('SELECT n.text FROM series_note n JOIN series s ON s.id = n.series_id WHERE s.active = 1').pluck().get();
    expect(note).toBe('主犯在缅北');
  });

  it('links new reports incrementally and keeps ids; a merge keeps the larger part id', () => {
    const { db } = testStore();
    gangs(db);
    linkStore(db);
    const a = seriesOf(db, 'A1');
    const b = seriesOf(db, 'B1');
    ingest(db, [report('A4', { identifiers: [phone('13800138000')] })]);
    const inc = linkStore(db);
    expect(inc.mode).toBe('incremental');
    // The last report of the previous run is looked at again (the watermark is inclusive).
    expect(inc.changed).toBeLessThanOrEqual(2);
    expect(seriesOf(db, 'A4')).toBe(a);
    // A report carrying both gangs' values in the same category joins them: A (4) is larger than B (2).
    ingest(db, [
      report('X', { category: 'loan', identifiers: [card('6217000012345678901'), phone('13800138000'), card('6222021234567890128')] }),
    ]);
    linkStore(db);
    expect(seriesOf(db, 'X')).toBe(a);
    expect(seriesOf(db, 'B1')).toBe(a);
    expect(db.prepare('SELECT active FROM series WHERE id = ?').pluck().get(b)).toBe(0);
  });

  it('splits when a bridging report is withdrawn: the larger part keeps the id', () => {
    const { db } = testStore();
    ingest(db, [
      report('P1', { identifiers: [card('6222021234567890128')] }),
      report('P2', { identifiers: [card('6222021234567890128')] }),
      report('P3', { identifiers: [card('6222021234567890128'), phone('13900000000')] }),
      report('BR', { identifiers: [phone('13900000000'), phone('13700000000')] }),
      report('Q1', { identifiers: [phone('13700000000')] }),
      report('Q2', { identifiers: [phone('13700000000')] }),
    ]);
    linkStore(db);
    const id = seriesOf(db, 'P1');
    expect(seriesOf(db, 'Q1')).toBe(id);
    ingest(db, [{ id: 'BR', version: 2, deleted: true }]);
    const inc = linkStore(db);
    expect(inc.mode).toBe('incremental');
    expect(seriesOf(db, 'BR')).toBeUndefined();
    expect(seriesOf(db, 'P1')).toBe(id);
    expect(seriesOf(db, 'Q1')).not.toBe(id);
    expect(seriesOf(db, 'Q1')).toBe(seriesOf(db, 'Q2'));
    // A full relink of the same data gives the same ids.
    const ids = listSeries(db).map((x) => x.id);
    linkStore(db, { full: true });
    expect(listSeries(db).map((x) => x.id)).toEqual(ids);
  });

  it('re-links what an ignore-list change affects', () => {
    const { db } = testStore();
    gangs(db);
    linkStore(db);
    expect(seriesOf(db, 'B1')).toBeDefined();
    addIgnored(db, 'bank_card', '6217000012345678901', { reason: 'bank test card' });
    linkStore(db);
    expect(seriesOf(db, 'B1')).toBeUndefined();
    removeIgnored(db, 'bank_card', '6217000012345678901');
    linkStore(db);
    expect(seriesOf(db, 'B1')).toBe(seriesOf(db, 'B2'));
  });

  it('explains the chain of evidence, and why reports are not linked', () => {
    const { db } = testStore();
    gangs(db);
    linkStore(db);
    const e = explain(db, 'A1', 'A3');
    expect(e.linked).toBe(true);
    expect(e.chain.map((h) => [h.from, h.to])).toEqual([
      ['A1', 'A2'],
      ['A2', 'A3'],
    ]);
    const terms = e.chain[1]?.evidence ?? [];
    expect(terms.map((t) => t.type)).toEqual(['prior', 'identifier', 'category_time']);
    expect(terms[1]).toMatchObject({ type: 'identifier', kind: 'phone', value: '+8613800138000', origin: 'reported' });
    // Every hop's weight is its terms' sum, in bits, over what a series link needs.
    for (const h of e.chain) {
      expect(Math.abs(h.evidence.reduce((x, t) => x + t.weight, 0) - h.weight)).toBeLessThan(0.05);
      expect(h.weight).toBeGreaterThanOrEqual(e.series_bits);
    }
    expect(formatExplanation(e).join('\n')).toMatch(/same phone \+8613800138000[^:\n]*: \+\d+\.\d bits/);
    const no = explain(db, 'L1', 'L2');
    expect(no.linked).toBe(false);
    expect(no.reasons.join('\n')).toMatch(/95588/);
    expect(explain(db, 'A1', 'B1').reasons.join('\n')).toMatch(/share no identifier that is evidence/);
    expect(() => explain(db, 'A1', 'NOPE')).toThrow(/no report/);
  });

  it('a full relink writes only what changed, and ends where a relink of a fresh copy ends', () => {
    const { db, file } = testStore();
    const corpus = generateLabelled(900, 21).map((x) => x.record);
    ingest(db, corpus);
    linkStore(db, { full: true });
    const tables = ['link', 'series_member', 'text_sig'] as const;
    const dump = (): string[] =>
      tables.flatMap((t) =>
        (db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).raw().all() as unknown[][]).map((r) => `${t}:${JSON.stringify(r)}`),
      );
    db.exec('CREATE TEMP TABLE writes (tbl TEXT)');
    for (const t of tables)
      for (const op of ['INSERT', 'UPDATE', 'DELETE'])
        db.exec(`CREATE TEMP TRIGGER count_${t}_${op} AFTER ${op} ON main.${t} BEGIN INSERT INTO writes VALUES ('${t}'); END`);
    const writes = (): number => db.prepare('SELECT count(*) FROM writes').pluck().get() as number;
    const before = dump();
    expect(before.length).toBeGreaterThan(500);
    linkStore(db, { full: true });
    expect(writes()).toBe(0);
    expect(dump()).toEqual(before);
    // Withdraw a fifth: links, members and signatures go; what stays is not rewritten.
    ingest(
      db,
      corpus.filter((_, k) => k % 5 === 0).map((r) => ({ id: r.id, version: 2, deleted: true as const })),
    );
    linkStore(db, { full: true });
    const after = dump();
    expect(writes()).toBeGreaterThan(0);
    expect(writes()).toBeLessThan(before.length);
    // The same run on a copy whose link rows and signatures were emptied first writes them all.
    db.close();
    const copy = `${file}.copy`;
    copyStore(file, copy);
    const again = openStore(copy);
    again.exec('DELETE FROM link; DELETE FROM text_sig; DELETE FROM link_run WHERE id = (SELECT max(id) FROM link_run)');
    linkStore(again, { full: true });
    const fresh = tables.flatMap((t) =>
      (again.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).raw().all() as unknown[][]).map((r) => `${t}:${JSON.stringify(r)}`),
    );
    again.close();
    expect(after).toEqual(fresh);
  });
});

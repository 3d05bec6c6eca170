// Migration 011: report.occurred_ms (occurred_at in epoch milliseconds, a generated column) read
// by the linking engine through report_link without touching the wide rows; series.only_together
// and occurred_reports. A store linked before it has its series figured again, on occurrence
// dates, by a full run at its next link.
import { MIGRATIONS } from '../../../src/core/store/migrations';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDemo } from '../../../src/core/import/import-demo';
import { linkStore } from '../../../src/core/linking/store-io';
import { hasUnfiguredSeries } from '../../../src/core/linking/store-write';
import { parseRfc3339 } from '../../../src/core/report/rfc3339';
import { openStore, schemaVersion, type Db } from '../../../src/core/store/db';
import { tempDir } from '../../support/tmp';
import { card, ingest, report } from '../linking/support';

const plan = (db: Db, sql: string): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' | ');

/**
 * Whether a statement reads any column of the report table's rows rather than of the index: with
 * a generated column in it, SQLite opens the table too (a deferred seek), but reads nothing there
 * unless a column is missing from the index.
 */
function readsTableRows(db: Db, sql: string): boolean {
  const root = (name: string): number => db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').pluck().get(name) as number;
  const program = db.prepare(`EXPLAIN ${sql}`).all() as { opcode: string; p1: number; p2: number }[];
  const table = program.filter((op) => op.opcode === 'OpenRead' && op.p2 === root('report')).map((op) => op.p1);
  const index = program.filter((op) => op.opcode === 'OpenRead' && op.p2 === root('report_link')).map((op) => op.p1);
  expect(index.length).toBeGreaterThan(0);
  return program.some((op) => (op.opcode === 'Column' || op.opcode === 'Rowid') && table.includes(op.p1));
}

/** Timestamps as the report format allows them: separators, fractions, leap seconds, offsets. */
function timestamps(n: number): string[] {
  let seed = 11;
  const rnd = (k: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  const two = (v: number): string => String(v).padStart(2, '0');
  const out = [
    '2017-06-02T20:40:00+08:00',
    '2017-06-02t20:40:00+08:00',
    '2017-06-02 20:40:60Z',
    '2016-12-31T23:59:60.5-05:30',
    '2024-02-29T00:00:00.123456789+14:00',
    '1999-01-01T00:00:00.9z',
  ];
  while (out.length < n) {
    const frac = rnd(3) === 0 ? '' : `.${String(rnd(10 ** (1 + rnd(9)))).padStart(1 + rnd(3), '0')}`;
    const offset = rnd(4) === 0 ? 'Z' : `${rnd(2) === 0 ? '+' : '-'}${two(rnd(24))}:${two(rnd(60))}`;
    out.push(
      `${1970 + rnd(60)}-${two(1 + rnd(12))}-${two(1 + rnd(28))}${'Tt '[rnd(3)]}${two(rnd(24))}:${two(rnd(60))}:${two(rnd(61))}${frac}${offset}`,
    );
  }
  return out;
}

describe('migration 011 occurred-and-together', () => {
  it('reads occurred_at as the import does, through the linking index, and figures old series again by a full run', async () => {
    const file = path.join(tempDir(), 'store.db');
    const old = openStore(file, { migrations: MIGRATIONS.slice(0, 10) });
    await importDemo(old, { reports: 1500, seed: 4 });
    const stamps = timestamps(2000);
    ingest(
      old,
      stamps.map((t, k) => report(`T-${k}`, { occurred_at: t })),
    );
    // Four small frauds on one card within a week, reported a year later: only together.
    ingest(
      old,
      [1, 2, 3, 4].map((k) =>
        report(`W-${k}`, {
          reported_at: `2021-03-0${k}T10:00:00+08:00`,
          occurred_at: `2020-03-0${k}T10:00:00+08:00`,
          identifiers: [card('6222021234567890128')],
          loss: { amount: '900.00', currency: 'CNY' },
        }),
      ),
    );
    // A series and a run as an earlier Casegraph stored them.
    old.exec(
      `INSERT INTO series (id, canonical, size, loss, sort_cents, over_threshold, created_run, updated_run) VALUES ('S-OLD', 'W-1', 2, '{"CNY":"1800.00"}', 180000, 0, 1, 1)`,
    );
    old.exec(`INSERT INTO series_member (rid, series_id) SELECT rid, 'S-OLD' FROM report WHERE id IN ('W-1', 'W-2')`);
    old.exec(
      `INSERT INTO link_run (mode, started_at, finished_at, watermark, reports, changed, series, over_threshold, elapsed_ms) VALUES ('full', '2025-01-01T00:00:00Z', '2025-01-01T00:00:01Z', '9999', 1, 1, 1, 0, 1)`,
    );
    old.close();

    const db = openStore(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    // Every occurrence date reads as the import's RFC 3339 parser reads it; no date, no number.
    const rows = db.prepare('SELECT id, occurred_at, occurred_ms FROM report WHERE withdrawn = 0').raw().all() as [
      string,
      string | null,
      number | null,
    ][];
    expect(rows.filter(([, text]) => text !== null).length).toBeGreaterThan(stamps.length + 1000);
    for (const [id, text, ms] of rows) {
      const parsed = text === null ? null : parseRfc3339(text);
      expect(ms, `${id} ${text}`).toBe(parsed !== null && 'ms' in parsed ? parsed.ms : null);
    }
    expect(
      db.prepare('SELECT count(*) FROM report WHERE occurred_at IS NULL AND withdrawn = 0 AND reported_at IS NOT NULL').pluck().get(),
    ).toBeGreaterThan(0);

    // The linking engine's reads find the occurrence dates in its covering index, never in the rows.
    expect((db.prepare("SELECT name FROM pragma_index_info('report_link')").pluck().all() as string[]).at(-1)).toBe('occurred_ms');
    const full =
      'SELECT rid, id, category, precinct, reported_ms, loss_cents, currency, withdrawn, occurred_ms FROM report INDEXED BY report_link';
    const some = `${full} WHERE rid IN (SELECT value FROM json_each('[1,2,3]'))`;
    const members =
      'SELECT m.series_id, r.id, r.reported_ms, r.loss_cents, r.currency, r.occurred_ms FROM series_member m JOIN report r INDEXED BY report_link ON r.rid = m.rid WHERE m.series_id IN (SELECT value FROM json_each(\'["S-OLD"]\'))';
    for (const sql of [full, some, members]) expect(readsTableRows(db, sql), sql).toBe(false);
    // (The check sees a read of the rows when there is one.)
    expect(readsTableRows(db, `SELECT rid, narrative FROM report INDEXED BY report_link`)).toBe(true);

    // Series counts and the filter come from an index.
    expect(plan(db, 'SELECT count(*) FROM series WHERE active = 1 AND only_together = 1')).toContain('series_by_together');
    expect(
      plan(
        db,
        'SELECT id FROM series s WHERE s.active = 1 AND s.only_together = 1 ORDER BY s.over_threshold DESC, s.sort_cents DESC, s.id DESC LIMIT 100',
      ),
    ).toMatch(/series_by_together(?!.*TEMP B-TREE)/);
    expect(plan(db, 'SELECT 1 FROM series WHERE active = 1 AND occurred_reports IS NULL LIMIT 1')).toContain(
      'SEARCH series USING INDEX series_unfigured (active=?)',
    );

    // The old series was figured on report dates: the next link run is a full one and figures all.
    expect(db.prepare("SELECT only_together, occurred_reports FROM series WHERE id = 'S-OLD'").get()).toEqual({
      only_together: 0,
      occurred_reports: null,
    });
    expect(hasUnfiguredSeries(db)).toBe(true);
    expect(linkStore(db).mode).toBe('full');
    expect(hasUnfiguredSeries(db)).toBe(false);
    const tally = db
      .prepare(
        'SELECT count(*) AS n, sum(only_together) AS together, sum(occurred_reports) AS occurred, sum(size) AS size FROM series WHERE active = 1',
      )
      .get() as Record<string, number>;
    expect(tally['n']).toBeGreaterThan(10);
    expect(tally['together']).toBeGreaterThan(0);
    expect(tally['occurred']).toBeGreaterThan(0);
    expect(tally['occurred']).toBeLessThan(tally['size'] as number);
    // The old series, grown by the other two frauds on its card, reaches the threshold only together.
    const cardSeries = db
      .prepare(
        "SELECT s.id, s.size, s.over_threshold, s.only_together, s.occurred_reports, s.over_report, s.over_at_ms FROM series s JOIN series_member m ON m.series_id = s.id JOIN report r ON r.rid = m.rid WHERE r.id = 'W-1'",
      )
      .get();
    expect(cardSeries).toEqual({
      id: 'S-OLD',
      size: 4,
      over_threshold: 1,
      only_together: 1,
      occurred_reports: 4,
      over_report: 'W-4',
      over_at_ms: Date.parse('2020-03-04T10:00:00+08:00'),
    });
    expect(linkStore(db).mode).toBe('incremental');
    db.close();
  });
});

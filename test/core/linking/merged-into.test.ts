// A series retired because its reports joined another records where they went
// (series.merged_into), in full and incremental runs alike; a split keeps no such pointer on
// the part that keeps the id.
import { describe, expect, it } from 'vitest';
import { linkStore } from '../../../src/core/linking/store-io';
import type { Db } from '../../../src/core/store/db';
import { card, clock, ingest, phone, report, testStore } from './support';

const seriesOf = (db: Db, id: string): string =>
  db.prepare('SELECT m.series_id FROM series_member m JOIN report r ON r.rid = m.rid WHERE r.id = ?').pluck().get(id) as string;

function twoSeries(db: Db): { small: string; large: string } {
  ingest(db, [
    report('A1', { identifiers: [phone('13800000001'), card('6222021234567890128')] }),
    report('A2', { identifiers: [phone('13800000001'), card('6222021234567890128')] }),
    report('A3', { identifiers: [phone('13800000001'), card('6222021234567890128')] }),
    report('B1', { identifiers: [phone('13900000002'), card('6217000012345678901')] }),
    report('B2', { identifiers: [phone('13900000002'), card('6217000012345678901')] }),
  ]);
  linkStore(db, { full: true, now: clock });
  return { large: seriesOf(db, 'A1'), small: seriesOf(db, 'B1') };
}

describe('merged_into', () => {
  for (const full of [false, true]) {
    it(`points a series merged away to its successor (${full ? 'full' : 'incremental'} run)`, () => {
      const { db } = testStore();
      const { small, large } = twoSeries(db);
      expect(small).not.toBe(large);
      // A report carrying both gangs' values joins the two series; the larger keeps its id.
      ingest(db, [
        report('C1', {
          identifiers: [phone('13800000001'), card('6222021234567890128'), phone('13900000002'), card('6217000012345678901')],
        }),
      ]);
      expect(linkStore(db, { full, now: clock }).mode).toBe(full ? 'full' : 'incremental');
      expect(seriesOf(db, 'B1')).toBe(large);
      expect(db.prepare('SELECT id, active, merged_into FROM series ORDER BY active DESC').all()).toEqual([
        { id: large, active: 1, merged_into: null },
        { id: small, active: 0, merged_into: large },
      ]);
      db.close();
    });
  }

  it('leaves it empty for a series dissolved without a successor', () => {
    const { db } = testStore();
    const { small } = twoSeries(db);
    ingest(db, [{ id: 'B2', version: 2, deleted: true }]);
    linkStore(db, { now: clock });
    expect(db.prepare('SELECT active, merged_into FROM series WHERE id = ?').get(small)).toEqual({ active: 0, merged_into: null });
    db.close();
  });
});

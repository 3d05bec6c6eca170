// The threshold's window on a real store: it counts when each fraud happened (occurred_at, read
// through report.occurred_ms), report dates where a report does not say; each series stores
// whether it was reached only together and how many of its reports gave an occurrence date; and
// an incremental run stores exactly what a full relink of the same data stores.
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../../src/common/model';
import { generateLabelled } from '../../../src/core/linking/eval/generate';
import { linkStore } from '../../../src/core/linking/store-io';
import { openStore, type Db } from '../../../src/core/store/db';
import { card, ingest, report, testStore } from './support';
import { copyStore } from '../../support/raw-store';

const DAY = 86_400_000;
const stamp = (ms: number): string => new Date(ms).toISOString().replace('.000Z', '+00:00');
const T0 = Date.UTC(2025, 0, 1);

interface Figures {
  readonly id: string;
  readonly size: number;
  readonly over: number;
  readonly together: number;
  readonly occurred: number | null;
  readonly overReport: string | null;
  readonly overAt: number | null;
  readonly members: string;
}

function figures(db: Db): Figures[] {
  return db
    .prepare(
      `SELECT s.id, s.size, s.over_threshold AS over, s.only_together AS together, s.occurred_reports AS occurred, s.over_report AS overReport,
              s.over_at_ms AS overAt, (SELECT group_concat(id) FROM (SELECT r.id FROM series_member m JOIN report r ON r.rid = m.rid WHERE m.series_id = s.id ORDER BY r.id)) AS members
       FROM series s WHERE s.active = 1 ORDER BY s.id`,
    )
    .all() as Figures[];
}

const byMembers = (db: Db): Map<string, Figures> => new Map(figures(db).map((f) => [f.members, f]));

/** A report on a card, `amount` CNY, reported on day `day` and with its fraud on `occurred` (a day, or none). */
function on(cardNo: string, id: string, amount: string, day: number, occurred: number | null): ReportRecord {
  return report(id, {
    reported_at: stamp(T0 + day * DAY),
    ...(occurred === null ? {} : { occurred_at: stamp(T0 + occurred * DAY) }),
    identifiers: [card(cardNo)],
    loss: { amount, currency: 'CNY' },
  });
}

const CARD_A = '6222021234567890128';
const CARD_B = '6217000012345678901';
const CARD_C = '6228480402564890018';

describe('the threshold window on occurrence dates, in the store', () => {
  it('stores over_threshold, only_together and the dates counted, and an incremental run stores what a full one does', () => {
    const { db, file } = testStore();
    ingest(db, [
      // Three small frauds on one card within a week, one report not saying when: over only together.
      on(CARD_A, 'A1', '1200.00', 10, 8),
      on(CARD_A, 'A2', '1200.00', 12, 11),
      on(CARD_A, 'A3', '1200.00', 14, null),
      // One fraud reaches the threshold alone: over, not only together.
      on(CARD_B, 'B1', '5000.00', 10, 9),
      on(CARD_B, 'B2', '100.00', 11, 10),
      // Reported ten days apart, but the frauds happened 800 days apart: not over.
      on(CARD_C, 'C1', '2000.00', 900, 100),
      on(CARD_C, 'C2', '2000.00', 910, 900),
    ]);
    expect(linkStore(db).mode).toBe('full');
    let s = byMembers(db);
    expect(s.get('A1,A2,A3')).toMatchObject({ over: 1, together: 1, occurred: 2, overReport: 'A3', overAt: T0 + 14 * DAY });
    expect(s.get('B1,B2')).toMatchObject({ over: 1, together: 0, occurred: 2, overReport: 'B1', overAt: T0 + 9 * DAY });
    expect(s.get('C1,C2')).toMatchObject({ over: 0, together: 0, occurred: 2, overReport: null });

    // A fraud on card C near C2's pushes that series over, only together; A1's revision moves its
    // fraud two and a half years back, leaving A below the threshold; a large fraud joins B.
    ingest(db, [
      on(CARD_C, 'C3', '1500.00', 915, 905),
      { ...on(CARD_A, 'A1', '1200.00', 10, -900), version: 2 },
      on(CARD_B, 'B3', '50.00', 20, null),
    ]);
    expect(linkStore(db).mode).toBe('incremental');
    s = byMembers(db);
    expect(s.get('A1,A2,A3')).toMatchObject({ over: 0, together: 0, occurred: 2, overReport: null });
    expect(s.get('B1,B2,B3')).toMatchObject({ over: 1, together: 0, occurred: 2 });
    expect(s.get('C1,C2,C3')).toMatchObject({ over: 1, together: 1, occurred: 3, overReport: 'C3', overAt: T0 + 905 * DAY });
    const incremental = figures(db);
    db.close();

    const copy = `${file}.copy`;
    copyStore(file, copy);
    const again = openStore(copy);
    expect(linkStore(again, { full: true }).mode).toBe('full');
    expect(figures(again)).toEqual(incremental);
    again.close();
  });

  it('stores the same figures incrementally as a full relink on a labelled corpus with revised occurrence dates', () => {
    const { db, file } = testStore();
    // Losses mostly below the threshold (so that many series reach it only together) and frauds
    // a few days before their report, some 800 days before (out of the window), some undated.
    const dated = (r: ReportRecord, k: number): ReportRecord => {
      const reported = Date.parse(r.reported_at);
      const { occurred_at: _none, ...rest } = r;
      const lag = k % 10 === 0 ? null : k % 10 === 1 ? 800 : k % 5;
      return {
        ...rest,
        loss: { amount: k % 9 === 0 ? '4000.00' : `${300 + ((k * 37) % 2500)}.00`, currency: 'CNY' },
        ...(lag === null ? {} : { occurred_at: new Date(reported - lag * DAY).toISOString().replace('.000Z', '+00:00') }),
      };
    };
    const corpus = generateLabelled(1600, 11).map((x, k) => dated(x.record, k));
    ingest(db, corpus.slice(0, 1400));
    linkStore(db);
    const first = figures(db);
    expect(first.filter((f) => f.together === 1).length).toBeGreaterThan(10);
    expect(first.filter((f) => f.over === 1 && f.together === 0).length).toBeGreaterThan(10);
    expect(first.filter((f) => f.occurred !== null && f.occurred < f.size).length).toBeGreaterThan(10);
    // New reports; revisions that move a fraud out of the window, date an undated one or undate
    // a dated one; withdrawals.
    const revised = corpus.slice(0, 90).map((r, k) => {
      const { occurred_at: _old, ...rest } = r;
      const occurred =
        k % 3 === 0
          ? new Date(Date.parse(r.reported_at) - 900 * DAY).toISOString()
          : k % 3 === 1
            ? new Date(Date.parse(r.reported_at) - DAY).toISOString()
            : null;
      return { ...rest, version: 2, ...(occurred === null ? {} : { occurred_at: occurred.replace('.000Z', '+00:00') }) };
    });
    const withdrawn = corpus.slice(100, 130).map((r) => ({ id: r.id, version: 2, deleted: true as const }));
    ingest(db, [...corpus.slice(1400), ...revised, ...withdrawn]);
    expect(linkStore(db).mode).toBe('incremental');
    const incremental = figures(db);
    expect(incremental).not.toEqual(first);
    db.close();
    const copy = `${file}.copy`;
    copyStore(file, copy);
    const again = openStore(copy);
    expect(linkStore(again, { full: true }).mode).toBe('full');
    expect(figures(again)).toEqual(incremental);
    again.close();
  });
});

// Cancellation inside long stages: the engine polls its AbortSignal every `checkEvery` items, so a
// cancel lands in the middle of a stage, and a cancelled link run — full or incremental, at any
// point from the first read to the last write — leaves the store exactly as it was.
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/linking/corpus-load';
import { Cancelled, runEngine } from '../../../src/core/linking/engine';
import { generateLabelled } from '../../../src/core/linking/eval/generate';
import { addIgnored } from '../../../src/core/linking/ignore-edit';
import { readIgnoreList } from '../../../src/core/linking/ignore-store';
import { linkStore } from '../../../src/core/linking/store-io';
import type { Db } from '../../../src/core/store/db';
import { ingest, testStore } from './support';

const TABLES = ['series', 'series_member', 'link', 'link_hub', 'text_sig', 'link_dirty', 'link_run', 'ignore_value'];

/** Every row the linking writes, as text. */
const snapshot = (db: Db): string =>
  JSON.stringify(
    Object.fromEntries(
      TABLES.map((t) => [
        t,
        db
          .prepare(`SELECT * FROM ${t}`)
          .raw()
          .all()
          .map((r) => JSON.stringify(r))
          .sort(),
      ]),
    ),
  );

interface Progress {
  readonly stage: string;
  readonly done: number;
  readonly total: number | null;
}

/** Progress callbacks of a run that is not cancelled. */
function ticksOf(run: (onProgress: (stage: string, done: number, total: number | null) => void) => void): Progress[] {
  const seen: Progress[] = [];
  run((stage, done, total) => seen.push({ stage, done, total }));
  return seen;
}

describe('cancelling the engine', () => {
  it('stops in the middle of a stage, at the next check after the signal is aborted', () => {
    const { db } = testStore();
    ingest(
      db,
      generateLabelled(900, 3).map((x) => x.record),
    );
    const c = loadCorpus(db);
    const ignore = readIgnoreList(db);
    const all = ticksOf((onProgress) => runEngine(c, { ignore, checkEvery: 16, onProgress }));
    const stages = new Set(all.map((p) => p.stage));
    expect([...stages]).toEqual(
      expect.arrayContaining(['postings', 'hubs', 'groups', 'strong', 'weighing', 'text buckets', 'suggestions']),
    );
    // Abort at a point inside each stage that has one (0 < done < total).
    let tried = 0;
    for (const stage of stages) {
      const at = all.findIndex((p) => p.stage === stage && p.done > 0 && p.total !== null && p.done < p.total);
      if (at === -1) continue;
      tried++;
      const controller = new AbortController();
      const seen: Progress[] = [];
      const run = (): unknown =>
        runEngine(c, {
          ignore,
          checkEvery: 16,
          signal: controller.signal,
          onProgress: (s, done, total) => {
            seen.push({ stage: s, done, total });
            if (seen.length === at + 1) controller.abort();
          },
        });
      expect(run).toThrow(Cancelled);
      // The run stopped at the very check that saw the abort: mid-stage, nothing after it.
      expect(seen).toEqual(all.slice(0, at + 1));
    }
    expect(tried).toBeGreaterThanOrEqual(5);
  });

  it('runs to the end when the signal is never aborted, with the same result as without one', () => {
    const { db } = testStore();
    ingest(
      db,
      generateLabelled(300, 4).map((x) => x.record),
    );
    const c = loadCorpus(db);
    const ignore = readIgnoreList(db);
    const plain = runEngine(c, { ignore });
    const watched = runEngine(c, { ignore, checkEvery: 1, signal: new AbortController().signal });
    expect([...watched.group]).toEqual([...plain.group]);
  });
});

describe('cancelling a link run', () => {
  /** Cancels a run at its progress points in turn; the store must never change. */
  function cancelEverywhere(db: Db, full: boolean): number {
    const before = snapshot(db);
    const total = ticksOf((onProgress) => {
      // Count the progress points on a run that is rolled back afterwards.
      db.exec('SAVEPOINT count_ticks');
      try {
        linkStore(db, { full, checkEvery: 8, onProgress });
      } finally {
        db.exec('ROLLBACK TO count_ticks');
        db.exec('RELEASE count_ticks');
      }
    }).length;
    expect(snapshot(db)).toBe(before);
    // Every point would take minutes: a spread of them, and each of the last (the writes).
    const step = Math.max(1, Math.floor(total / 60));
    for (let k = 1; k <= total; k++) {
      if (k % step !== 0 && k < total - 12) continue;
      const controller = new AbortController();
      let calls = 0;
      const onProgress = (): void => {
        if (++calls === k) controller.abort();
      };
      expect(
        () => linkStore(db, { full, checkEvery: 8, signal: controller.signal, onProgress }),
        `cancelled at progress point ${k} of ${total}`,
      ).toThrow(Cancelled);
      expect(snapshot(db), `store after a cancel at progress point ${k} of ${total}`).toBe(before);
    }
    return total;
  }

  it('leaves series, links, hubs, signatures and the run history as they were: full run', () => {
    const { db } = testStore();
    const corpus = generateLabelled(500, 7).map((x) => x.record);
    ingest(db, corpus.slice(0, 400));
    linkStore(db);
    ingest(db, corpus.slice(400));
    const points = cancelEverywhere(db, true);
    expect(points).toBeGreaterThan(20);
    // Not cancelled, the same run does write.
    const before = snapshot(db);
    expect(linkStore(db, { full: true }).mode).toBe('full');
    expect(snapshot(db)).not.toBe(before);
  });

  it('leaves the store as it was, marked reports still marked: incremental run', () => {
    const { db } = testStore();
    const corpus = generateLabelled(500, 8).map((x) => x.record);
    ingest(db, corpus.slice(0, 400));
    linkStore(db);
    const revised = corpus.slice(0, 20).map((r, k) => ({
      ...r,
      version: 2,
      identifiers: k % 2 === 0 ? [] : [...(r.identifiers ?? []), ...(corpus[k + 200]?.identifiers ?? [])],
    }));
    ingest(db, [...corpus.slice(400), ...revised, { id: corpus[30]?.id as string, version: 2, deleted: true }]);
    const holder = corpus.slice(100, 400).find((r) => (r.identifiers ?? []).some((i) => i.kind === 'bank_card'));
    const cardValue = holder?.identifiers?.find((i) => i.kind === 'bank_card')?.value as string;
    expect(addIgnored(db, 'bank_card', cardValue).relink).toBeGreaterThan(0);
    const points = cancelEverywhere(db, false);
    expect(points).toBeGreaterThan(10);
    expect(linkStore(db).mode).toBe('incremental');
    expect(db.prepare('SELECT count(*) FROM link_dirty').pluck().get()).toBe(0);
  });
});

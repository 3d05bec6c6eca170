// Everything a link run writes (series, memberships, links, suggestions, what is left to link),
// read from a store with its key as one comparable value: a store killed mid-run must hold the
// value of before the run or that of an uninterrupted run, nothing between.
import { expect } from 'vitest';
import { forgetKey } from '../../src/core/store/store-key';
import { rawStore } from './raw-store';

export function linkState(db: string, options: { runs?: boolean; dirty?: boolean } = {}): string {
  forgetKey(db);
  const raw = rawStore(db, { readonly: true });
  try {
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    const members = raw
      .prepare('SELECT series_id, group_concat(rid) AS rids FROM (SELECT * FROM series_member ORDER BY series_id, rid) GROUP BY series_id')
      .all();
    const figures = raw.prepare('SELECT id, size, loss, active FROM series ORDER BY id').all();
    const links = raw.prepare('SELECT count(*) AS n, total(a * 31 + b) AS sum FROM link').get();
    const suggestions = raw.prepare('SELECT group_concat(id) FROM (SELECT id FROM link_suggestion ORDER BY id)').pluck().get();
    const dirty = options.dirty === false ? null : raw.prepare('SELECT count(*) FROM link_dirty').pluck().get();
    const runs = options.runs === false ? null : raw.prepare('SELECT count(*) FROM link_run').pluck().get();
    return JSON.stringify({ members, figures, links, suggestions, dirty, runs });
  } finally {
    raw.close();
  }
}

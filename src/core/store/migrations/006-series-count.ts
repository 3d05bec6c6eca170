// Every link run reports how many series are active and how many are over the filing threshold.
// Counted from the table that is a scan of every series row (tens of milliseconds at a million
// reports, most of an incremental run's budget); from this index it is a few.
import type { Migration } from './migration';

export const m006SeriesCount: Migration = {
  version: 6,
  name: 'series-count',
  up: `
    CREATE INDEX series_active_over ON series (active, over_threshold);
  `,
};

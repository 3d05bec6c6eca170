// What the investigator UI reads many times a minute on stores of a million reports:
// - the series list in each of its orders (over threshold first, loss, size, first/last report,
//   newest crossings) straight from an index, never a sort of every series;
// - a retired series' successors (series.merged_into), so a case follows its series;
// - per-series figures the linking engine does not keep (distinct victims, categories), cached
//   per series and recomputed only for series a link run touched (series.updated_run);
// - the overview's store-wide figures (losses over time, by category, most-seen identifiers),
//   cached under a stamp of the store's state and recomputed only after it changed;
// - the series an investigator's correction was made in.
import type { Migration } from './migration';

export const m008Analysis: Migration = {
  version: 8,
  name: 'analysis',
  up: `
    CREATE INDEX series_merged_into ON series (merged_into) WHERE merged_into IS NOT NULL;
    CREATE INDEX series_by_over ON series (active, over_threshold, sort_cents);
    CREATE INDEX series_by_over_at ON series (active, over_threshold, over_at_ms);
    CREATE INDEX series_by_size ON series (active, size);
    CREATE INDEX series_by_first ON series (active, first_ms);
    CREATE INDEX series_by_last ON series (active, last_ms);

    CREATE TABLE series_stat (
      series_id  TEXT PRIMARY KEY,
      -- series.updated_run these figures were computed for.
      run        INTEGER NOT NULL,
      victims    INTEGER NOT NULL,
      -- JSON array of the categories of its reports, most reports first.
      categories TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX series_stat_victims ON series_stat (victims);

    CREATE TABLE analysis_cache (
      key   TEXT PRIMARY KEY,
      stamp TEXT NOT NULL,
      body  TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE INDEX audit_log_actor ON audit_log (actor, id);

    -- The series a correction was made in (a report split off is no longer in it, yet the series'
    -- page lists the correction).
    ALTER TABLE link_override ADD COLUMN series_id TEXT;
    CREATE INDEX link_override_series ON link_override (series_id) WHERE series_id IS NOT NULL;
  `,
};

// The filing threshold's window counts when each fraud happened (src/core/linking/threshold.ts):
// - report.occurred_ms: occurred_at in epoch milliseconds, a VIRTUAL generated column. SQLite
//   computes it from the stored text wherever it is read or indexed, so every import fills it
//   without a line of import code, and adding it rewrites no report row (a stored column would
//   rewrite the whole table, narratives and all, to fill one number). occurred_at passed the
//   import's RFC 3339 check (report/parse.ts); the expression reads it as that check does: a
//   date, a time (a leap second read as :59), an optional fraction (milliseconds, truncated) and
//   Z or an offset, which SQLite's own date functions would not all accept (a 't' separator, :60).
// - report_link, the covering index the linking engine reads every report through, carries it;
//   the index is built again (one pass over the table, no row rewritten).
// - series.only_together: over the threshold although none of its reports reaches it alone.
// - series.occurred_reports: how many of its reports say when their fraud happened (the window
//   counted those dates and report dates for the rest). NULL until a link run has figured the
//   series so: the next link run is a full one and figures every series (store-io.ts).
import type { Migration } from './migration';

const ZULU = "substr(occurred_at, -1) IN ('Z', 'z')";
/** Offset east of UTC in seconds. */
const OFFSET = `CASE WHEN ${ZULU} THEN 0 ELSE (CASE substr(occurred_at, -6, 1) WHEN '-' THEN -60 ELSE 60 END) * (60 * substr(occurred_at, -5, 2) + substr(occurred_at, -2, 2)) END`;
/** The fraction's first three digits (the digits lie between the seconds and the offset). */
const MILLIS = `CASE WHEN substr(occurred_at, 20, 1) = '.' THEN CAST(substr(substr(occurred_at, 21, length(occurred_at) - CASE WHEN ${ZULU} THEN 21 ELSE 26 END) || '00', 1, 3) AS INTEGER) ELSE 0 END`;
const WALL = "unixepoch(substr(occurred_at, 1, 10) || ' ' || substr(occurred_at, 12, 6) || min(substr(occurred_at, 18, 2), '59'))";
export const OCCURRED_MS = `CASE WHEN occurred_at IS NULL THEN NULL ELSE (${WALL} - ${OFFSET}) * 1000 + ${MILLIS} END`;

export const m011OccurredAndTogether: Migration = {
  version: 11,
  name: 'occurred-and-together',
  up: `
    ALTER TABLE report ADD COLUMN occurred_ms INTEGER GENERATED ALWAYS AS (${OCCURRED_MS}) VIRTUAL;
    DROP INDEX report_link;
    CREATE INDEX report_link ON report (rid, withdrawn, id, category, precinct, reported_ms, loss_cents, currency, occurred_ms);

    ALTER TABLE series ADD COLUMN only_together INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE series ADD COLUMN occurred_reports INTEGER;
    -- The overview's count and the series list's filter, in the list's default order.
    CREATE INDEX series_by_together ON series (active, only_together, over_threshold, sort_cents);
    -- Series not yet figured on occurrence dates (no active one after the first link run).
    CREATE INDEX series_unfigured ON series (active) WHERE occurred_reports IS NULL;
  `,
};

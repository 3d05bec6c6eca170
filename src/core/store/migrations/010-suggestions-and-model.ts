// Two tiers of linking (src/core/linking/engine.ts): identifier evidence over the series
// threshold forms series; weaker leads are kept as suggestions for an investigator to accept (a
// merge correction) or reject (never suggested again between those reports' series).
// - link_suggestion: the leads as the last link runs found them, one row per carrying report
//   pair (a < b, rids); read filtered by what the series are now;
// - suggestion_decision: investigators' decisions, revocable like corrections;
// - link_model: the Fellegi–Sunter parameters estimated from the store (m and u per comparison),
//   which every run uses until a full run estimates them again;
// - link_value_groups: per value, how many distinct groups of reports carry it (a value's weight
//   falls with it) and its local count (src/core/linking/groups.ts), where either is two or more;
// - link_dirty_value: values whose holders changed by a revision or a withdrawal, whose group
//   counts the next incremental run computes again (triggers below);
// - identifier_link, the covering index a full run reads every shared value through, also covers
//   where each holder has the value (origin): a value listed by the citizen, one in the
//   fraudster's message and one mentioned in a narrative are different evidence.
import type { Migration } from './migration';

export const m010SuggestionsAndModel: Migration = {
  version: 10,
  name: 'suggestions-and-model',
  up: `
    DROP INDEX identifier_link;
    CREATE INDEX identifier_link ON identifier (kind, value, rid, subtype, domain, origin);

    CREATE TABLE link_suggestion (
      id       TEXT PRIMARY KEY,
      a        INTEGER NOT NULL,
      b        INTEGER NOT NULL,
      -- log2 of the posterior odds that the two reports are one gang's (bits).
      score    REAL NOT NULL,
      -- JSON array of evidence terms (src/core/linking/link-graph.ts), each with its bits.
      evidence TEXT NOT NULL,
      run      INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX link_suggestion_a ON link_suggestion (a);
    CREATE INDEX link_suggestion_b ON link_suggestion (b);

    CREATE TABLE suggestion_decision (
      id         INTEGER PRIMARY KEY,
      suggestion TEXT NOT NULL,
      a          INTEGER NOT NULL,
      b          INTEGER NOT NULL,
      decision   TEXT NOT NULL CHECK (decision = 'accepted' OR decision = 'rejected'),
      -- The merge correction an acceptance made (link_override).
      correction INTEGER REFERENCES link_override (id),
      -- The suggestion as the investigator saw it.
      score      REAL NOT NULL,
      evidence   TEXT NOT NULL,
      reason     TEXT NOT NULL,
      actor      TEXT NOT NULL,
      at         TEXT NOT NULL,
      revoked_at TEXT,
      revoked_by TEXT
    );
    CREATE INDEX suggestion_decision_live ON suggestion_decision (suggestion) WHERE revoked_at IS NULL;
    CREATE INDEX suggestion_decision_a ON suggestion_decision (a) WHERE revoked_at IS NULL;
    CREATE INDEX suggestion_decision_b ON suggestion_decision (b) WHERE revoked_at IS NULL;

    CREATE TABLE link_model (
      id           INTEGER PRIMARY KEY CHECK (id = 1),
      estimated_at TEXT NOT NULL,
      reports      INTEGER NOT NULL,
      groups       INTEGER NOT NULL,
      params       TEXT NOT NULL
    );

    CREATE TABLE link_value_groups (
      kind   TEXT NOT NULL,
      value  TEXT NOT NULL,
      groups INTEGER NOT NULL,
      -- Its holders' components when joined only by values they share directly (groups.ts).
      local  INTEGER NOT NULL,
      PRIMARY KEY (kind, value)
    ) WITHOUT ROWID;

    CREATE TABLE link_dirty_value (
      kind  TEXT NOT NULL,
      value TEXT NOT NULL,
      PRIMARY KEY (kind, value)
    ) WITHOUT ROWID;
    CREATE TRIGGER identifier_gone_dirty AFTER DELETE ON identifier BEGIN
      INSERT OR IGNORE INTO link_dirty_value (kind, value) VALUES (OLD.kind, OLD.value);
      INSERT OR IGNORE INTO link_dirty_value (kind, value) SELECT 'domain', OLD.domain WHERE OLD.domain IS NOT NULL;
    END;
    CREATE TRIGGER report_withdrawn_dirty AFTER UPDATE OF withdrawn ON report WHEN NEW.withdrawn = 1 AND OLD.withdrawn = 0 BEGIN
      INSERT OR IGNORE INTO link_dirty_value (kind, value) SELECT kind, value FROM identifier WHERE rid = NEW.rid;
      INSERT OR IGNORE INTO link_dirty_value (kind, value) SELECT 'domain', domain FROM identifier WHERE rid = NEW.rid AND domain IS NOT NULL;
    END;
  `,
};

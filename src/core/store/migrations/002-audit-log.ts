// An append-only log of who did what. Triggers refuse UPDATE and DELETE so that no code path,
// ours or a later one, can rewrite history.
import type { Migration } from './migration';

export const m002AuditLog: Migration = {
  version: 2,
  name: 'audit-log',
  up: `
    CREATE TABLE audit_log (
      id      INTEGER PRIMARY KEY,
      at      TEXT NOT NULL,
      actor   TEXT NOT NULL,
      action  TEXT NOT NULL,
      subject TEXT,
      detail  TEXT
    );
    CREATE INDEX audit_log_action ON audit_log (action, at);
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;
  `,
};

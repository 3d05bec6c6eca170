// What an export leaves in the store: the case's export record (when the bundle is of a case) and
// the audit entry naming the file, the redaction (with the hashes a redacted bundle keeps) and the
// manifest's hash. Both the CLI and the backend record an export this way.
import os from 'node:os';
import path from 'node:path';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/db';
import type { ExportResult } from './write-bundle';

export function recordExport(db: Db, r: ExportResult, file: string): void {
  db.transaction(() => {
    if (r.caseId) {
      db.prepare(
        'INSERT INTO case_export (case_id, series_id, at, actor, file_name, manifest_sha256, redaction, reports, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        r.caseId,
        r.seriesId,
        new Date().toISOString(),
        os.userInfo().username,
        path.basename(file),
        r.manifestSha256,
        r.redaction,
        r.reports,
        r.bytes,
      );
    }
    appendAudit(db, {
      action: 'export',
      subject: r.seriesId,
      detail: {
        caseId: r.caseId,
        file: path.basename(file),
        redaction: r.redaction,
        hashes: r.manifest.redaction.hashes,
        reports: r.reports,
        manifestSha256: r.manifestSha256,
      },
    });
  })();
}

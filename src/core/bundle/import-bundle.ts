// Importing a bundle from another bureau: verified first (verify.ts), rejected whole with the
// reasons when anything fails, before a single write. An intact bundle is merged in one
// transaction through the ordinary ingest path (idempotent on report id and version), its
// provenance kept: a source row of kind 'bundle' that every stored version points at, and a
// bundle_import row (issuing bureau, workstation, signer, trust, redaction). A bundle already
// imported (same manifest hash) changes nothing. Linking the new reports is the caller's step
// (the CLI runs it; the backend's job end triggers its incremental link run).
import type { BundleCheck, BundleImportSummary } from '../../common/api';
import { Ingestor, emptyCounts, count } from '../ingest/ingest';
import { appendAudit, currentActor } from '../store/audit';
import type { Db } from '../store/db';
import { mergeFlow, type FlowImportCounts } from './flow-import';
import { DEFAULT_LIMITS, type ReadLimits } from './read-bundle';
import { verifyBundleFile } from './verify';

export class BundleRejectedError extends Error {
  override readonly name = 'BundleRejectedError';
  constructor(readonly check: BundleCheck) {
    super(`bundle rejected, nothing was stored: ${check.problems.join('; ')}`);
  }
}

export interface ImportBundleOptions {
  readonly actor?: string;
  readonly limits?: ReadLimits;
  readonly onProgress?: (phase: string, done: number, total: number | null) => void;
}

export async function importBundle(db: Db, file: string, options: ImportBundleOptions = {}): Promise<BundleImportSummary> {
  const started = performance.now();
  const progress = options.onProgress ?? ((): void => {});
  progress('verify', 0, null);
  const verified = await verifyBundleFile(db, file, options.limits ?? DEFAULT_LIMITS);
  const { check, manifest, manifestSha256 } = verified;
  if (!check.intact || !manifest || !manifestSha256) throw new BundleRejectedError(check);
  const actor = options.actor ?? currentActor();
  const total = verified.records.length;
  const counts = emptyCounts();
  let flow: FlowImportCounts | null = null;
  const already = db.transaction((): boolean => {
    if (db.prepare('SELECT 1 FROM bundle_import WHERE manifest_sha256 = ?').get(manifestSha256) !== undefined) return true;
    const now = new Date().toISOString();
    const name = `${manifest.bureau || 'unnamed bureau'} · ${manifest.case_id ?? manifest.series_id} · ${manifestSha256.slice(0, 12)}`;
    const sourceId = Number(
      db.prepare("INSERT INTO source (kind, name, created_at, last_run_at) VALUES ('bundle', ?, ?, ?)").run(name, now, now).lastInsertRowid,
    );
    const ingestor = new Ingestor(db, sourceId);
    let done = 0;
    for (const { parsed, line } of verified.records) {
      count(counts, ingestor.apply(parsed.record, parsed.reportedMs, line));
      if (++done % 500 === 0) progress('merge', done, total);
    }
    if (verified.flow) flow = mergeFlow(db, verified.flow, manifestSha256, name, now);
    db.prepare(
      `INSERT INTO bundle_import (manifest_sha256, source_id, bureau, workstation, case_id, title, signer_fingerprint, trusted, redaction, created_at, imported_at, imported_by, reports)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      manifestSha256,
      sourceId,
      manifest.bureau,
      manifest.workstation,
      manifest.case_id,
      manifest.title,
      check.fingerprint,
      check.signer === 'trusted' ? 1 : 0,
      manifest.redaction.level,
      manifest.created_at,
      now,
      actor,
      total,
    );
    appendAudit(db, {
      action: 'bundle_import',
      subject: manifestSha256,
      detail: {
        bureau: manifest.bureau,
        signer: check.fingerprint,
        trusted: check.signer === 'trusted',
        reports: total,
        new: counts.new,
        updated: counts.updated,
        unchanged: counts.unchanged,
        ...(flow ? { flow_transactions: flow.transactions, flow_new: flow.new } : {}),
      },
      actor,
    });
    return false;
  })();
  progress('merge', total, total);
  if (already) counts.unchanged = total;
  // Assigned inside the transaction's closure, which the compiler does not follow.
  const merged = flow as FlowImportCounts | null;
  return {
    ...counts,
    check,
    alreadyImported: already,
    ...(merged
      ? { flow: { accounts: merged.accounts, transactions: merged.transactions, new: merged.new, duplicates: merged.duplicates } }
      : {}),
    elapsedMs: Math.round(performance.now() - started),
  };
}

export interface BundleImportRow {
  readonly manifestSha256: string;
  readonly bureau: string;
  readonly title: string | null;
  readonly signerFingerprint: string;
  readonly trusted: boolean;
  readonly redaction: 'none' | 'victims';
  readonly importedAt: string;
  readonly reports: number;
}

export function listBundleImports(db: Db): BundleImportRow[] {
  const rows = db
    .prepare(
      'SELECT manifest_sha256, bureau, title, signer_fingerprint, trusted, redaction, imported_at, reports FROM bundle_import ORDER BY imported_at DESC, manifest_sha256',
    )
    .all() as {
    manifest_sha256: string;
    bureau: string;
    title: string | null;
    signer_fingerprint: string;
    trusted: number;
    redaction: 'none' | 'victims';
    imported_at: string;
    reports: number;
  }[];
  return rows.map((r) => ({
    manifestSha256: r.manifest_sha256,
    bureau: r.bureau,
    title: r.title,
    signerFingerprint: r.signer_fingerprint,
    trusted: r.trusted === 1,
    redaction: r.redaction,
    importedAt: r.imported_at,
    reports: r.reports,
  }));
}

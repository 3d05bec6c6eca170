// Case bundles behind the API contract: export as a job of kind 'export' (to the path the
// Electron save dialog chose, or, in the browser host, into a private download folder served at
// /api/download/<id>), verify, import as a job of kind 'bundle' (the job's end triggers the
// backend's incremental link run), the list of imported bundles, this workstation's key, the
// sharing key (sealed by the host's vault) and the trust list. Everything is audited.
import { fail, JOB_BUSY, ok } from '../../../common/result';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BundleImportSummary, CasegraphApi, ExportSummary } from '../../../common/api';
import { BundleError } from '../../bundle/collect';
import { IdentityError, groupedFingerprint, loadOrCreateIdentity, type Identity } from '../../bundle/identity';
import { BundleRejectedError, importBundle, listBundleImports } from '../../bundle/import-bundle';
import { loadSharingKey, setSharingKey, sharingKeySet } from '../../bundle/sharing-key';
import { addTrusted, listTrusted, removeTrusted } from '../../bundle/trust';
import { verifyBundleFile } from '../../bundle/verify';
import { recordExport } from '../../bundle/record-export';
import { writeBundle } from '../../bundle/write-bundle';
import { appendAudit } from '../../store/audit';
import type { Db } from '../../store/db';
import { TokenVaultError, type TokenVault } from '../../sync/token-vault';
import type { Jobs } from '../jobs';
import { readSettings } from '../../store/settings';

export type BundleHandlers = Pick<
  CasegraphApi,
  | 'bundle.export'
  | 'bundle.verify'
  | 'bundle.import'
  | 'bundle.imports'
  | 'keys.get'
  | 'sharingKey.set'
  | 'trust.list'
  | 'trust.add'
  | 'trust.remove'
>;

export interface BundleDeps {
  readonly db: Db;
  readonly dbPath: string;
  readonly vault: TokenVault;
  readonly jobs: Jobs;
  /** Why the host may not read this file (browser host: not uploaded this session), or null. */
  readonly fileProblem: (file: string) => string | null;
  /** After an import: the files the browser host staged for it are removed (nothing elsewhere is touched). */
  readonly doneWith?: (files: readonly string[]) => void;
  /** Browser host: exports without a `file` go to <downloadRoot>/<id>/<name>. */
  readonly downloadRoot?: string;
}

function bureau(db: Db): string {
  const name = (readSettings(db).bureauName ?? '').trim();
  return name !== '' ? name : `unnamed bureau (${os.hostname()})`;
}

function expectedMessage(e: unknown): string | null {
  if (e instanceof BundleError || e instanceof IdentityError || e instanceof TokenVaultError || e instanceof BundleRejectedError)
    return e.message;
  return null;
}

export function bundleHandlers(deps: BundleDeps): BundleHandlers {
  const { db, vault, jobs } = deps;
  let identity: Promise<Identity> | null = null;
  const getIdentity = (): Promise<Identity> => {
    identity ??= loadOrCreateIdentity(deps.dbPath, vault).catch((e: unknown) => {
      identity = null;
      throw e;
    });
    return identity;
  };
  return {
    'bundle.export': async ({ seriesId, caseId, redact, file }) => {
      let out: string;
      let downloadId: string | null = null;
      const name = `${(caseId ?? seriesId).replace(/[^\w.-]/g, '_')}${redact ? '-redacted' : ''}.casebundle`;
      if (file !== undefined && deps.downloadRoot) {
        // The browser host never writes where a web page says: it offers a download.
        return fail('invalid_argument', 'in the browser the bundle is offered as a download; leave out the file');
      } else if (file !== undefined) {
        out = path.resolve(file);
        if (!fs.existsSync(path.dirname(out)))
          return fail('invalid_argument', `cannot write ${path.basename(out)}: the folder does not exist`);
      } else if (deps.downloadRoot) {
        downloadId = crypto.randomBytes(16).toString('hex');
        out = path.join(deps.downloadRoot, downloadId, name);
      } else {
        return fail('invalid_argument', 'bundle.export needs the file to write');
      }
      if (db.prepare('SELECT 1 FROM series WHERE id = ?').get(seriesId) === undefined)
        return fail('not_found', `no series with id ${seriesId}`);
      const started = jobs.start('export', async (ctx): Promise<ExportSummary> => {
        const t0 = performance.now();
        if (downloadId) fs.mkdirSync(path.dirname(out), { recursive: true, mode: 0o700 });
        try {
          const id = await getIdentity();
          const sharingKey = redact ? await loadSharingKey(db, vault) : null;
          const r = await writeBundle(db, {
            seriesId,
            caseId: caseId ?? null,
            redact,
            sharingKey,
            identity: id,
            bureau: bureau(db),
            out,
            sealed: downloadId !== null,
            onProgress: (phase, done, total) => ctx.progress(phase, done, total),
          });
          recordExport(db, r, out);
          return {
            seriesId: r.seriesId,
            caseId: r.caseId,
            file: downloadId ?? out,
            downloadId,
            bytes: r.bytes,
            reports: r.reports,
            redaction: r.redaction,
            manifestSha256: r.manifestSha256,
            elapsedMs: Math.round(performance.now() - t0),
          };
        } catch (e) {
          if (downloadId) fs.rmSync(path.dirname(out), { recursive: true, force: true });
          const message = expectedMessage(e);
          throw message !== null ? new Error(message) : e;
        }
      });
      return started ? ok({ jobId: started }) : fail('busy', JOB_BUSY);
    },
    'bundle.verify': async ({ file }) => {
      const problem = deps.fileProblem(file);
      if (problem) return fail('invalid_argument', problem);
      return ok((await verifyBundleFile(db, path.resolve(file))).check);
    },
    'bundle.import': async ({ file }) => {
      const problem = deps.fileProblem(file);
      if (problem) return fail('invalid_argument', problem);
      const started = jobs.start('bundle', async (ctx): Promise<BundleImportSummary> => {
        try {
          return await importBundle(db, path.resolve(file), { onProgress: (phase, done, total) => ctx.progress(phase, done, total) });
        } catch (e) {
          if (e instanceof BundleRejectedError) {
            appendAudit(db, {
              action: 'bundle_import',
              subject: path.basename(file),
              detail: { rejected: e.check.problems, signer: e.check.fingerprint },
            });
          }
          const message = expectedMessage(e);
          throw message !== null ? new Error(message) : e;
        } finally {
          deps.doneWith?.([file]);
        }
      });
      return started ? ok({ jobId: started }) : fail('busy', JOB_BUSY);
    },
    'bundle.imports': async () => ok(listBundleImports(db)),
    'keys.get': async () => {
      try {
        const id = await getIdentity();
        return ok({ publicPem: id.publicPem, fingerprint: groupedFingerprint(id.fingerprint), sharingKeySet: sharingKeySet(db) });
      } catch (e) {
        const message = expectedMessage(e);
        if (message !== null) return fail('unavailable', message);
        throw e;
      }
    },
    'sharingKey.set': async ({ key }) => {
      try {
        return ok({ sharingKeySet: await setSharingKey(db, vault, key) });
      } catch (e) {
        if (e instanceof TokenVaultError) return fail('unavailable', e.message);
        throw e;
      }
    },
    'trust.list': async () => ok(listTrusted(db)),
    'trust.add': async ({ publicPem, name }) => {
      try {
        return ok(addTrusted(db, publicPem, name));
      } catch (e) {
        if (e instanceof IdentityError) return fail('invalid_argument', `publicPem: ${e.message}`);
        throw e;
      }
    },
    'trust.remove': async ({ fingerprint }) => ok({ removed: removeTrusted(db, fingerprint) }),
  };
}

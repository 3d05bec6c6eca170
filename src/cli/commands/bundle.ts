// Case bundles from the command line (case-bundle.md): export, verify, import-bundle, keys, trust.
// The CLI's vault is the key file beside the store (as for feed tokens), so the workstation key
// made by the CLI or `casegraph serve` is the same; a key sealed by the desktop app's safeStorage
// opens only there (the command says so).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BundleCheck } from '../../common/api';
import { BundleError } from '../../core/bundle/collect';
import { IdentityError, groupedFingerprint, loadOrCreateIdentity } from '../../core/bundle/identity';
import { BundleRejectedError, importBundle } from '../../core/bundle/import-bundle';
import { loadSharingKey, setSharingKey, sharingKeySet } from '../../core/bundle/sharing-key';
import { addTrusted, listTrusted, removeTrusted } from '../../core/bundle/trust';
import { verifyBundleFile } from '../../core/bundle/verify';
import { recordExport } from '../../core/bundle/record-export';
import { writeBundle } from '../../core/bundle/write-bundle';
import { readSettings, writeSettings } from '../../core/store/settings';
import { openStore, type Db } from '../../core/store/db';
import { FileTokenVault, tokenKeyPathFor } from '../../core/sync/file-token-vault';
import { TokenVaultError } from '../../core/sync/token-vault';
import { CliError, UsageError, progressReporter, type Command } from '../cli-kit';
import { linkCommand } from './link';

async function expected<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof BundleError || e instanceof IdentityError || e instanceof TokenVaultError) throw new CliError(e.message);
    throw e;
  }
}

/** The bureau named in bundles: the setting, or the machine's name until one is set. */
export function bureauName(db: Db): string {
  const name = readSettings(db).bureauName ?? '';
  return name.trim() !== '' ? name.trim() : `unnamed bureau (${os.hostname()})`;
}

function checkLines(c: BundleCheck): string[] {
  return [
    c.signer === 'trusted'
      ? `intact, signed by trusted key "${c.signerName ?? ''}"`
      : 'intact, self-consistent: signed by a key that is NOT in the trust list',
    `  signer fingerprint ${groupedFingerprint(c.fingerprint ?? '')}`,
    `  bureau ${c.bureau ?? ''}${c.caseId ? `, case ${c.caseId}` : ''}${c.title ? `: ${c.title}` : ''}`,
    `  ${c.reports} reports, redaction: ${c.redaction ?? 'none'}`,
  ];
}

export const exportCommand: Command = {
  name: 'export',
  summary: "write a signed case bundle of a series (--redact removes victims' personal data)",
  usage: 'casegraph export SERIES_ID --out FILE [--redact] [--case CASE_ID] [--bureau NAME] [--db PATH] [--json]',
  options: { out: { type: 'string' }, redact: { type: 'boolean' }, case: { type: 'string' }, bureau: { type: 'string' } },
  async run(ctx) {
    if (ctx.positionals.length !== 1) throw new UsageError('export takes exactly one series id');
    const out = ctx.values['out'];
    if (typeof out !== 'string' || out === '') throw new UsageError('export needs --out FILE');
    if (!fs.existsSync(path.dirname(path.resolve(out)))) throw new CliError(`cannot write ${out}: the folder does not exist`);
    const db = openStore(ctx.db);
    try {
      const vault = new FileTokenVault(tokenKeyPathFor(ctx.db));
      const bureau = ctx.values['bureau'];
      if (typeof bureau === 'string') {
        if (bureau.trim() === '') throw new UsageError('--bureau must not be empty');
        writeSettings(db, { bureauName: bureau.trim() });
      }
      const seriesId = ctx.positionals[0] as string;
      if (db.prepare('SELECT 1 FROM series WHERE id = ?').get(seriesId) === undefined) throw new CliError(`no series with id ${seriesId}`);
      const redact = ctx.values['redact'] === true;
      const caseId = typeof ctx.values['case'] === 'string' ? ctx.values['case'] : null;
      const bar = progressReporter('exporting');
      const r = await expected(async () => {
        const identity = await loadOrCreateIdentity(ctx.db, vault);
        const sharingKey = redact ? await loadSharingKey(db, vault) : null;
        if (redact && sharingKey === null)
          ctx.err(
            "no sharing key is set: victims' data is replaced by plain markers, not keyed hashes (set one with casegraph keys --set-sharing-key)",
          );
        return writeBundle(db, {
          seriesId,
          caseId,
          redact,
          sharingKey,
          identity,
          bureau: bureauName(db),
          out,
          onProgress: (phase, done, total) => bar.update(done, total, ` ${phase}`),
        });
      }).finally(() => bar.end());
      recordExport(db, r, out);
      if (ctx.json)
        ctx.out(
          JSON.stringify({
            file: r.file,
            bytes: r.bytes,
            reports: r.reports,
            seriesId: r.seriesId,
            caseId: r.caseId,
            redaction: r.redaction,
            manifestSha256: r.manifestSha256,
            counts: r.manifest.counts,
          }),
        );
      else
        ctx.out(
          `wrote ${r.file}: ${r.reports} reports, ${(r.bytes / 1024).toFixed(0)} KiB, redaction ${r.redaction}${redact ? ` (${r.manifest.redaction.hashes === 'none' ? 'no keyed hashes' : 'keyed hashes'})` : ''}${r.manifest.counts.flow_transactions === undefined ? '' : `; money flow ${r.manifest.counts.flow_accounts} accounts, ${r.manifest.counts.flow_transactions} transactions`}`,
        );
    } finally {
      db.close();
    }
  },
};

export const verifyCommand: Command = {
  name: 'verify',
  summary: "check a bundle's hashes, signature and format; exit 0 only when it is intact",
  usage: 'casegraph verify FILE [--db PATH] [--json]',
  options: {},
  async run(ctx) {
    if (ctx.positionals.length !== 1) throw new UsageError('verify takes exactly one bundle file');
    const file = ctx.positionals[0] as string;
    const db = fs.existsSync(ctx.db) ? openStore(ctx.db, { readonly: true }) : null;
    try {
      const { check } = await verifyBundleFile(db, file);
      if (ctx.json) ctx.out(JSON.stringify(check));
      else if (check.intact) for (const line of checkLines(check)) ctx.out(line);
      if (!check.intact) throw new CliError(`the bundle is not intact: ${check.problems.join('; ')}`);
    } finally {
      db?.close();
    }
  },
};

export const importBundleCommand: Command = {
  name: 'import-bundle',
  summary: 'verify, then merge a bundle from another bureau (provenance kept), then link incrementally',
  usage: 'casegraph import-bundle FILE [--db PATH] [--json]',
  options: {},
  async run(ctx) {
    if (ctx.positionals.length !== 1) throw new UsageError('import-bundle takes exactly one bundle file');
    const db = openStore(ctx.db);
    let summary;
    try {
      const bar = progressReporter('importing');
      summary = await importBundle(db, ctx.positionals[0] as string, {
        onProgress: (phase, done, total) => bar.update(done, total, ` ${phase}`),
      })
        .catch((e: unknown) => {
          if (e instanceof BundleRejectedError) throw new CliError(e.message);
          throw e;
        })
        .finally(() => bar.end());
    } finally {
      db.close();
    }
    const c = summary.check;
    if (!ctx.json) {
      ctx.out(
        summary.alreadyImported
          ? 'this bundle was imported before: nothing changed'
          : `new ${summary.new}, updated ${summary.updated}, unchanged ${summary.unchanged}, withdrawn ${summary.withdrawn}`,
      );
      if (summary.flow)
        ctx.out(
          `money flow: ${summary.flow.accounts} accounts, ${summary.flow.transactions} transactions (${summary.flow.new} new, ${summary.flow.duplicates} already stored)`,
        );
      ctx.out(
        `from ${c.bureau ?? ''} (${c.signer === 'trusted' ? `trusted key "${c.signerName ?? ''}"` : 'self-consistent: signer not in the trust list'}), redaction ${c.redaction ?? 'none'}`,
      );
    }
    if (!summary.alreadyImported && summary.new + summary.updated + summary.withdrawn > 0) {
      // The new reports join local series where the evidence says so.
      await linkCommand.run({ ...ctx, values: {}, positionals: [], json: false, out: ctx.json ? () => {} : ctx.out });
    }
    if (ctx.json) ctx.out(JSON.stringify(summary));
  },
};

export const keysCommand: Command = {
  name: 'keys',
  summary:
    "print this workstation's public key (PEM) and its fingerprint; --set-sharing-key reads the redaction sharing key from $CASEGRAPH_SHARING_KEY",
  usage: 'casegraph keys [--set-sharing-key | --clear-sharing-key] [--db PATH] [--json]',
  options: { 'set-sharing-key': { type: 'boolean' }, 'clear-sharing-key': { type: 'boolean' } },
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError('keys takes no positional arguments');
    const db = openStore(ctx.db);
    try {
      const vault = new FileTokenVault(tokenKeyPathFor(ctx.db));
      if (ctx.values['set-sharing-key'] === true) {
        const key = process.env['CASEGRAPH_SHARING_KEY'];
        if (!key || key.length < 16)
          throw new UsageError(
            '--set-sharing-key reads the key from $CASEGRAPH_SHARING_KEY (at least 16 characters; never on the command line)',
          );
        await expected(() => setSharingKey(db, vault, key));
      } else if (ctx.values['clear-sharing-key'] === true) {
        await expected(() => setSharingKey(db, vault, null));
      }
      const id = await expected(() => loadOrCreateIdentity(ctx.db, vault));
      const set = sharingKeySet(db);
      if (ctx.json) ctx.out(JSON.stringify({ publicPem: id.publicPem, fingerprint: id.fingerprint, sharingKeySet: set }));
      else {
        ctx.out(id.publicPem.trimEnd());
        ctx.out(`fingerprint (SHA-256 of the public key): ${groupedFingerprint(id.fingerprint)}`);
        ctx.out(`sharing key for redaction: ${set ? 'set' : 'not set'}`);
      }
    } finally {
      db.close();
    }
  },
};

export const trustCommand: Command = {
  name: 'trust',
  summary: 'manage the bureaus whose bundles this workstation trusts: add FILE.pem --name NAME, list, remove FINGERPRINT',
  usage: 'casegraph trust add FILE.pem --name NAME | trust list | trust remove FINGERPRINT [--db PATH] [--json]',
  options: { name: { type: 'string' } },
  async run(ctx) {
    const [op, arg, ...rest] = ctx.positionals;
    if (rest.length > 0) throw new UsageError('too many arguments');
    const db = openStore(ctx.db);
    try {
      if (op === 'add') {
        if (!arg) throw new UsageError("trust add needs the bureau's public key file (PEM)");
        const name = ctx.values['name'];
        if (typeof name !== 'string' || name.trim() === '') throw new UsageError('trust add needs --name NAME');
        let pem: string;
        try {
          pem = fs.readFileSync(arg, 'utf8');
        } catch {
          throw new CliError(`cannot read ${arg}: no such file`);
        }
        let v;
        try {
          v = addTrusted(db, pem, name);
        } catch (e) {
          if (e instanceof IdentityError) throw new CliError(`${arg}: ${e.message}`);
          throw e;
        }
        if (ctx.json) ctx.out(JSON.stringify(v));
        else ctx.out(`trusted "${v.name}": ${groupedFingerprint(v.fingerprint)}`);
      } else if (op === 'list') {
        if (arg) throw new UsageError('trust list takes no arguments');
        const list = listTrusted(db);
        if (ctx.json) ctx.out(JSON.stringify(list));
        else if (list.length === 0) ctx.out('no trusted keys');
        else for (const t of list) ctx.out(`${t.fingerprint}  ${t.name}  (added ${t.addedAt})`);
      } else if (op === 'remove') {
        if (!arg) throw new UsageError('trust remove needs a fingerprint (see trust list)');
        const removed = removeTrusted(db, arg);
        if (!removed) throw new CliError(`no trusted key with fingerprint ${arg}`);
        if (ctx.json) ctx.out(JSON.stringify({ removed }));
        else ctx.out('removed');
      } else {
        throw new UsageError(op ? `unknown trust operation "${op}" (add, list, remove)` : 'trust needs an operation: add, list or remove');
      }
    } finally {
      db.close();
    }
  },
};

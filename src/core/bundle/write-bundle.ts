// Writing a case bundle (case-bundle.md): the entries are built in memory from the collected,
// possibly redacted, series (collect.ts), hashed into the manifest, the manifest's exact bytes
// signed with the workstation's Ed25519 key, and everything zipped with fixed timestamps and a
// fixed entry order. The file appears whole or not at all: written beside the target, then renamed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { createSealedFile } from '../import/sealed-staging';
import type { Db } from '../store/db';
import { collectSeries, type SeriesContent } from './collect';
import { csvTables } from './csv-tables';
import { flowEntries } from './flow-tables';
import { graphml } from './graphml';
import type { Identity } from './identity';
import { BUNDLE_FORMAT, FORMAT_VERSION, MANIFEST, SIGNATURE, SIGNER, type Manifest } from './manifest';
import { summaryPdf } from './summary-pdf';

export interface ExportOptions {
  readonly seriesId: string;
  readonly caseId?: string | null;
  readonly redact: boolean;
  readonly sharingKey: string | null;
  readonly identity: Identity;
  readonly bureau: string;
  readonly workstation?: string;
  readonly out: string;
  readonly now?: Date;
  /** false: an uncompressed PDF (tests search its text). */
  readonly compressPdf?: boolean;
  /** Written sealed under the launch's staging key (the browser host's downloads, served decrypted). */
  readonly sealed?: boolean;
  readonly onProgress?: (phase: string, done: number, total: number) => void;
}

export interface ExportResult {
  readonly file: string;
  readonly bytes: number;
  readonly reports: number;
  readonly manifestSha256: string;
  readonly manifest: Manifest;
  readonly seriesId: string;
  readonly caseId: string | null;
  readonly redaction: 'none' | 'victims';
}

const sha = (b: Buffer): string => crypto.createHash('sha256').update(b).digest('hex');

export async function buildEntries(
  content: SeriesContent,
  options: Pick<ExportOptions, 'bureau' | 'compressPdf'> & { readonly createdAt: Date },
): Promise<[string, Buffer][]> {
  const entries: [string, Buffer][] = [];
  entries.push(['reports.ndjson', Buffer.from(content.reports.map((r) => `${r.line}\n`).join(''), 'utf8')]);
  entries.push(['graph.graphml', Buffer.from(graphml(content), 'utf8')]);
  for (const [name, text] of Object.entries(csvTables(content))) entries.push([name, Buffer.from(text, 'utf8')]);
  if (content.flow) for (const [name, text] of flowEntries(content.flow, content.seriesId)) entries.push([name, Buffer.from(text, 'utf8')]);
  entries.push(['notes.json', Buffer.from(`${JSON.stringify(content.notes, null, 2)}\n`, 'utf8')]);
  entries.push([
    'summary.pdf',
    await summaryPdf(content, {
      createdAt: options.createdAt,
      bureau: options.bureau,
      ...(options.compressPdf === false ? { compress: false } : {}),
    }),
  ]);
  return entries;
}

export async function writeBundle(db: Db, options: ExportOptions): Promise<ExportResult> {
  const progress = options.onProgress ?? ((): void => {});
  progress('collect', 0, 4);
  const content = collectSeries(db, {
    seriesId: options.seriesId,
    caseId: options.caseId ?? null,
    redact: options.redact,
    sharingKey: options.sharingKey,
  });
  const createdAt = options.now ?? new Date();
  progress('write', 1, 4);
  const entries = await buildEntries(content, {
    bureau: options.bureau,
    createdAt,
    ...(options.compressPdf === false ? { compressPdf: false } : {}),
  });
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    format_version: FORMAT_VERSION,
    bureau: options.bureau,
    workstation: options.workstation ?? os.hostname(),
    signer_fingerprint: options.identity.fingerprint,
    created_at: createdAt.toISOString(),
    case_id: content.caseId,
    series_id: content.seriesId,
    title: content.title,
    counts: {
      reports: content.reports.length,
      identifiers: new Set(content.reports.flatMap((r) => r.identifiers.map((i) => `${i.kind}\u0000${i.value}`))).size,
      links: content.links.length,
      notes: content.notes.length,
      ...(content.flow ? { flow_accounts: content.flow.accounts.length, flow_transactions: content.flow.transactions.length } : {}),
    },
    redaction: { level: content.redaction, hashes: content.hashes },
    entries: entries.map(([name, data]) => ({ path: name, size: data.length, sha256: sha(data) })),
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const signature = crypto.sign(null, manifestBytes, options.identity.privateKey);
  progress('zip', 2, 4);
  const zip = new yazl.ZipFile();
  // A fixed time (the DOS epoch) keeps the archive's bytes a function of its content.
  const mtime = new Date(1980, 0, 1);
  const add = (name: string, data: Buffer): void =>
    zip.addBuffer(data, name, { mtime, mode: 0o100644, compress: !name.endsWith('.pdf') || options.compressPdf === false });
  add(MANIFEST, manifestBytes);
  add(SIGNATURE, signature);
  add(SIGNER, Buffer.from(options.identity.publicPem, 'utf8'));
  for (const [name, data] of entries) add(name, data);
  zip.end();
  const dir = path.dirname(path.resolve(options.out));
  const tmp = path.join(dir, `.${path.basename(options.out)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  let bytes: number;
  try {
    if (options.sealed) {
      const sealed = createSealedFile(tmp);
      zip.outputStream.pipe(sealed.input);
      zip.outputStream.on('error', (e: Error) => sealed.input.destroy(e));
      bytes = await sealed.done;
    } else {
      await pipeline(zip.outputStream, fs.createWriteStream(tmp, { mode: 0o600 }));
      bytes = fs.statSync(tmp).size;
    }
    fs.renameSync(tmp, options.out);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  progress('done', 4, 4);
  return {
    file: options.out,
    bytes,
    reports: content.reports.length,
    manifestSha256: sha(manifestBytes),
    manifest,
    seriesId: content.seriesId,
    caseId: content.caseId,
    redaction: content.redaction,
  };
}

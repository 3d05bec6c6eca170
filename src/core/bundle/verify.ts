// Checking a bundle (case-bundle.md, Trust): the signer's key, the Ed25519 signature over the
// exact bytes of manifest.json, the manifest's shape and format version, every listed entry's
// size and SHA-256, no entry left unlisted, and the content of the required entries (every
// NDJSON line a valid report-format v1 record, the GraphML well formed). Every problem is
// collected, each as one sentence; a bundle is intact only with none. The signer is 'trusted'
// when its fingerprint is in the trust list, else 'self-consistent'.
import crypto from 'node:crypto';
import type { BundleCheck } from '../../common/api';
import type { ParsedRecord } from '../report/parse';
import { parseRecord } from '../report/parse';
import type { Db } from '../store/db';
import type { BundleFlow } from './flow-content';
import { FLOW_ACCOUNTS, FLOW_GRAPHML, FLOW_TRANSACTIONS, FlowTableError, parseFlowTables } from './flow-tables';
import { graphmlProblem } from './graphml-check';
import { IdentityError, publicKeyFromPem } from './identity';
import { FORMAT_VERSION, MANIFEST, REQUIRED_LISTED, SIGNATURE, SIGNER, manifestSchema, type Manifest } from './manifest';
import { DEFAULT_LIMITS, UnsafeBundleError, readBundleEntries, type ReadLimits } from './read-bundle';
import { trustedName } from './trust';

export interface VerifiedBundle {
  readonly check: BundleCheck;
  /** Present only when intact. */
  readonly manifest: Manifest | null;
  readonly manifestSha256: string | null;
  readonly records: readonly { readonly parsed: ParsedRecord; readonly line: string }[];
  /** The money flow the bundle carries (flow/*), parsed and checked; null when it has none. */
  readonly flow: BundleFlow | null;
}

const sha = (b: Buffer): string => crypto.createHash('sha256').update(b).digest('hex');

function failed(problems: string[], partial: Partial<BundleCheck> = {}): VerifiedBundle {
  return {
    check: {
      intact: false,
      signer: 'invalid',
      signerName: null,
      fingerprint: null,
      bureau: null,
      caseId: null,
      title: null,
      reports: 0,
      redaction: null,
      ...partial,
      problems,
    },
    manifest: null,
    manifestSha256: null,
    records: [],
    flow: null,
  };
}

export async function verifyBundleFile(db: Db | null, file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<VerifiedBundle> {
  let entries: Map<string, Buffer>;
  try {
    entries = await readBundleEntries(file, limits);
  } catch (e) {
    if (e instanceof UnsafeBundleError) return failed([e.message]);
    throw e;
  }
  return verifyEntries(db, entries);
}

export function verifyEntries(db: Db | null, entries: ReadonlyMap<string, Buffer>): VerifiedBundle {
  const problems: string[] = [];
  for (const name of [MANIFEST, SIGNATURE, SIGNER]) if (!entries.has(name)) problems.push(`${name} is missing`);
  if (problems.length > 0) return failed(problems);
  const manifestBytes = entries.get(MANIFEST) as Buffer;
  const signature = entries.get(SIGNATURE) as Buffer;

  let fingerprint: string;
  let key: crypto.KeyObject;
  try {
    ({ key, fingerprint } = publicKeyFromPem((entries.get(SIGNER) as Buffer).toString('utf8')));
  } catch (e) {
    return failed([`signer.pem: ${e instanceof IdentityError ? e.message : 'unreadable'}`]);
  }
  const partial: Partial<BundleCheck> = { fingerprint };
  if (signature.length !== 64) return failed([`manifest.sig is ${signature.length} bytes, not a 64-byte Ed25519 signature`], partial);
  if (!crypto.verify(null, manifestBytes, key, signature))
    return failed(
      ['the signature does not match manifest.json and signer.pem (the manifest was altered or signed by another key)'],
      partial,
    );

  let manifest: Manifest;
  try {
    const json = JSON.parse(manifestBytes.toString('utf8')) as unknown;
    const version = (json as { format_version?: unknown } | null)?.format_version;
    if (typeof version === 'number' && version !== FORMAT_VERSION)
      return failed([`bundle format version ${version} is not supported (this workstation reads version ${FORMAT_VERSION})`], partial);
    const parsed = manifestSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return failed([`manifest.json: ${issue ? `${issue.path.join('.') || 'top level'}: ${issue.message}` : 'invalid'}`], partial);
    }
    manifest = parsed.data;
  } catch {
    return failed(['manifest.json is not valid JSON'], partial);
  }
  Object.assign(partial, {
    bureau: manifest.bureau,
    caseId: manifest.case_id,
    title: manifest.title,
    reports: manifest.counts.reports,
    redaction: manifest.redaction.level,
  });
  if (manifest.signer_fingerprint !== fingerprint) problems.push('the manifest names another signer than signer.pem');

  const listed = new Set<string>();
  for (const e of manifest.entries) {
    if (listed.has(e.path)) problems.push(`manifest.json lists ${e.path} twice`);
    listed.add(e.path);
    if (e.path === MANIFEST || e.path === SIGNATURE || e.path === SIGNER) {
      problems.push(`manifest.json lists ${e.path}, which cannot be hashed in itself`);
      continue;
    }
    const data = entries.get(e.path);
    if (!data) problems.push(`${e.path} is listed in the manifest but missing`);
    else if (data.length !== e.size) problems.push(`${e.path} is ${data.length} bytes, the manifest says ${e.size}`);
    else if (sha(data) !== e.sha256) problems.push(`${e.path} does not match its SHA-256 in the manifest (altered)`);
  }
  for (const name of entries.keys()) {
    if (name !== MANIFEST && name !== SIGNATURE && name !== SIGNER && !listed.has(name))
      problems.push(`${name} is in the archive but not listed in the manifest`);
  }
  for (const name of REQUIRED_LISTED) if (!listed.has(name)) problems.push(`${name} is missing`);

  const records: { parsed: ParsedRecord; line: string }[] = [];
  const ndjson = entries.get('reports.ndjson');
  if (problems.length === 0 && ndjson) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(ndjson);
    } catch {
      text = '';
      problems.push('reports.ndjson is not valid UTF-8');
    }
    const lines = text.split('\n');
    const ids = new Set<string>();
    for (let i = 0; i < lines.length && problems.length < 5; i++) {
      const line = (lines[i] as string).replace(/\r$/, '');
      if (line.trim() === '') continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        problems.push(`reports.ndjson line ${i + 1} is not valid JSON`);
        continue;
      }
      const r = parseRecord(json);
      if (!r.ok) {
        problems.push(`reports.ndjson line ${i + 1}${r.error.id ? ` (${r.error.id})` : ''}: ${r.error.field}: ${r.error.reason}`);
        continue;
      }
      if (ids.has(r.value.record.id)) problems.push(`reports.ndjson line ${i + 1}: report ${r.value.record.id} appears twice`);
      ids.add(r.value.record.id);
      records.push({ parsed: r.value, line });
    }
    if (problems.length === 0 && records.length !== manifest.counts.reports)
      problems.push(`reports.ndjson has ${records.length} reports, the manifest says ${manifest.counts.reports}`);
  }
  const gml = entries.get('graph.graphml');
  if (problems.length === 0 && gml) {
    const p = graphmlProblem(gml.toString('utf8'));
    if (p) problems.push(p);
  }
  const flow = problems.length === 0 ? checkFlow(entries, manifest, listed, problems) : null;
  if (problems.length > 0) return failed(problems, partial);
  const name = db ? trustedName(db, fingerprint) : null;
  return {
    check: {
      ...(partial as BundleCheck),
      intact: true,
      signer: name !== null ? 'trusted' : 'self-consistent',
      signerName: name,
      problems: [],
    },
    manifest,
    manifestSha256: sha(manifestBytes),
    records,
    flow,
  };
}

/** The flow entries: all three or none, the tables well formed, their counts the manifest's. */
function checkFlow(
  entries: ReadonlyMap<string, Buffer>,
  manifest: Manifest,
  listed: ReadonlySet<string>,
  problems: string[],
): BundleFlow | null {
  const names = [FLOW_ACCOUNTS, FLOW_TRANSACTIONS, FLOW_GRAPHML];
  const present = names.filter((n) => listed.has(n));
  const counted = manifest.counts.flow_accounts !== undefined || manifest.counts.flow_transactions !== undefined;
  if (present.length === 0 && !counted) return null;
  if (present.length !== names.length || manifest.counts.flow_accounts === undefined || manifest.counts.flow_transactions === undefined) {
    problems.push(`the money flow is incomplete: a bundle carries ${names.join(', ')} and their counts together, or none of them`);
    return null;
  }
  let flow: BundleFlow;
  try {
    flow = parseFlowTables(entries.get(FLOW_ACCOUNTS) as Buffer, entries.get(FLOW_TRANSACTIONS) as Buffer);
  } catch (e) {
    if (e instanceof FlowTableError) {
      problems.push(e.message);
      return null;
    }
    throw e;
  }
  if (flow.accounts.length !== manifest.counts.flow_accounts)
    problems.push(`${FLOW_ACCOUNTS} has ${flow.accounts.length} accounts, the manifest says ${manifest.counts.flow_accounts}`);
  if (flow.transactions.length !== manifest.counts.flow_transactions)
    problems.push(
      `${FLOW_TRANSACTIONS} has ${flow.transactions.length} transactions, the manifest says ${manifest.counts.flow_transactions}`,
    );
  const p = graphmlProblem((entries.get(FLOW_GRAPHML) as Buffer).toString('utf8'));
  if (p) problems.push(`${FLOW_GRAPHML}: ${p}`);
  return problems.length === 0 ? flow : null;
}

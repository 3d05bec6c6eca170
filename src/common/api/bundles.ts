// The API contract: case bundles, keys and trusted bureaus. Combined in ../api.ts.

import type { ImportCounts } from './reports';

export type BundleRedaction = 'none' | 'victims';

export interface ExportSummary {
  readonly seriesId: string;
  readonly caseId: string | null;
  /** Where the bundle was written (Electron: the path chosen; browser host: a download id). */
  readonly file: string;
  readonly downloadId: string | null;
  readonly bytes: number;
  readonly reports: number;
  readonly redaction: BundleRedaction;
  readonly manifestSha256: string;
  readonly elapsedMs: number;
}

export interface BundleCheck {
  readonly intact: boolean;
  /** 'trusted': the signer is in the trust list (with its name); 'self-consistent': intact, signer unknown. */
  readonly signer: 'trusted' | 'self-consistent' | 'invalid';
  readonly signerName: string | null;
  readonly fingerprint: string | null;
  readonly bureau: string | null;
  readonly caseId: string | null;
  readonly title: string | null;
  readonly reports: number;
  readonly redaction: BundleRedaction | null;
  /** Why it is not intact, one sentence each. */
  readonly problems: readonly string[];
}

export interface BundleImportSummary extends ImportCounts {
  readonly check: BundleCheck;
  /** True when this bundle had been imported before: nothing changed. */
  readonly alreadyImported: boolean;
  /** The money flow the bundle carried, when it had one: its accounts and transactions, how many were new here. */
  readonly flow?: { readonly accounts: number; readonly transactions: number; readonly new: number; readonly duplicates: number };
  readonly elapsedMs: number;
}

export interface KeyInfo {
  readonly publicPem: string;
  /** SHA-256 of the DER SubjectPublicKeyInfo, hex in groups. */
  readonly fingerprint: string;
  /** Whether a sharing key (for keyed hashes in redacted bundles) is configured; never the key. */
  readonly sharingKeySet: boolean;
}

export interface TrustedKeyView {
  readonly fingerprint: string;
  readonly name: string;
  readonly addedAt: string;
}

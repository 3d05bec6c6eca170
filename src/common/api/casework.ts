// The API contract: case files, the audit log, the ignore list and reference sites. Combined in ../api.ts.

import type { ReferenceCategory } from '../model';
import type { BundleRedaction } from './bundles';
import type { CaseStatus, LossByCurrency, SeriesRow } from './series';

export interface CaseRow {
  readonly id: string;
  readonly title: string;
  readonly status: CaseStatus;
  readonly assignee: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly series: readonly string[];
  readonly reports: number;
  readonly loss: LossByCurrency;
  readonly noteCount: number;
}

export interface CaseNote {
  readonly id: number;
  readonly at: string;
  readonly author: string;
  readonly text: string;
}

export interface CaseExportView {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly fileName: string;
  readonly seriesId: string;
  readonly redaction: BundleRedaction;
  readonly reports: number;
  readonly bytes: number;
  readonly manifestSha256: string;
}

export interface CaseDetail extends CaseRow {
  /** The series as they are now (a series merged away by a relink is followed to its successor). */
  readonly currentSeries: readonly SeriesRow[];
  readonly notes: readonly CaseNote[];
  readonly exports: readonly CaseExportView[];
}

export interface AuditEntryView {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  /**
   * 'import', 'demo', 'sync', 'link' (subject 'full' or 'incremental'), 'reveal' (subject: report id), 'export', 'bundle_import',
   * 'merge' / 'split' / 'wrong_evidence' (detail.correction: its id), 'revoke' (subject 'correction #id'), 'ignore_add',
   * 'ignore_remove', 'reference_add', 'reference_remove' (subject: the host), 'case' (detail.event 'create' | 'update'),
   * 'note' (subject: case id), 'settings', 'trust'...
   */
  readonly action: string;
  readonly subject: string | null;
  readonly detail: string | null;
}

export interface IgnoreEntryView {
  readonly kind: string;
  readonly value: string;
  /** True: ignored (an investigator's entry or a shipped default); false: a shipped default turned off here. */
  readonly ignored: boolean;
  readonly shipped: boolean;
  readonly note: string | null;
  readonly addedAt: string | null;
}

/**
 * A reference site: cited in reports (a scan, a forum thread, an app-store page), never a
 * fraudster identifier. The entry covers its host and every host under it.
 */
export interface ReferenceDomainView {
  /** A host in canonical form ("virustotal.com", "tieba.baidu.com", "gov.cn"). */
  readonly domain: string;
  readonly category: ReferenceCategory;
  /** True: in force (an investigator's entry or a shipped one); false: a shipped one turned off here. */
  readonly enabled: boolean;
  readonly shipped: boolean;
  /** What a shipped entry is, in each UI language; null for the investigator's own. */
  readonly about: { readonly en: string; readonly 'zh-CN': string } | null;
  /** The investigator's words: why they added the entry, or turned a shipped one off. */
  readonly reason: string | null;
  /** When the investigator added the entry or turned the shipped one off. */
  readonly changedAt: string | null;
}

// The API contract: reports, their detail, imports, the quarantine and the settings. Combined in ../api.ts.

import type { Category, IdentifierKind, IdentifierOrigin, Money, ReportLocation, ReportMessage, Victim } from '../model';

export interface StoreInfo {
  readonly path: string;
  readonly schemaVersion: number;
  readonly reports: number;
  readonly withdrawn: number;
  readonly quarantined: number;
  readonly totalLoss: Readonly<Record<string, string>>;
  readonly firstReportedAt: string | null;
  readonly lastReportedAt: string | null;
}

export type SortKey = 'reported_at' | 'loss' | 'id';

export interface ReportQuery {
  /** Full-text search over narratives, message texts and identifiers (Chinese works). */
  readonly text?: string;
  readonly categories?: readonly Category[];
  /** Inclusive, YYYY-MM-DD in the report's own offset. */
  readonly from?: string;
  readonly to?: string;
  /** Decimal strings in the report currency. */
  readonly minLoss?: string;
  readonly maxLoss?: string;
  readonly includeWithdrawn?: boolean;
  readonly sort?: SortKey;
  readonly desc?: boolean;
  readonly offset: number;
  readonly limit: number;
}

export interface ReportRow {
  readonly id: string;
  readonly version: number;
  readonly withdrawn: boolean;
  readonly precinct: string;
  readonly reportedAt: string;
  readonly category: Category;
  readonly loss: Money | null;
  /** First line of the narrative or message, for the table. */
  readonly summary: string;
}

export interface ReportPage {
  readonly total: number;
  readonly offset: number;
  readonly rows: readonly ReportRow[];
}

export interface IdentifierView {
  readonly kind: IdentifierKind;
  readonly raw: string;
  readonly value: string;
  readonly subtype?: string;
  readonly domain?: string;
  readonly luhn?: boolean;
  readonly role?: string;
  readonly origin: IdentifierOrigin;
}

export interface ReportVersionView {
  readonly version: number;
  readonly deleted: boolean;
  readonly receivedAt: string;
  readonly source: string;
}

export interface ReportDetail {
  readonly id: string;
  readonly version: number;
  readonly withdrawn: boolean;
  readonly precinct: string;
  readonly reportedAt: string;
  readonly occurredAt: string | null;
  readonly category: Category;
  readonly categoryOriginal: string | null;
  readonly loss: Money | null;
  /** Victim data is personal data: name, phone and ID number come masked (src/common/victim-mask.ts); `reports.revealVictim` gives them whole and logs it. */
  readonly victim: Victim | null;
  readonly location: ReportLocation | null;
  readonly narrative: string;
  readonly messages: readonly ReportMessage[];
  readonly identifiers: readonly IdentifierView[];
  readonly versions: readonly ReportVersionView[];
}

export interface ImportCounts {
  readonly new: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly withdrawn: number;
  readonly rejected: number;
}

export interface Rejection {
  /** `line 12` or the record id. */
  readonly where: string;
  readonly field: string;
  readonly reason: string;
}

export interface ImportSummary extends ImportCounts {
  readonly files: readonly string[];
  readonly elapsedMs: number;
  /** True when the investigator cancelled: what was committed before stays, whole records only. */
  readonly cancelled: boolean;
  /** The first rejections (all are in the quarantine). */
  readonly rejections: readonly Rejection[];
}

export interface QuarantineRow {
  readonly id: number;
  readonly source: string;
  readonly where: string;
  readonly field: string;
  readonly reason: string;
  readonly receivedAt: string;
}

export interface Settings {
  readonly language: 'zh-CN' | 'en';
  readonly theme: 'light' | 'dark';
  /** Filing threshold as a decimal string, and its currency. */
  readonly thresholdAmount: string;
  readonly thresholdCurrency: string;
  readonly lookbackDays: number;
  /** Background feed sync every this many minutes (0: off). */
  readonly syncIntervalMinutes: number;
  /** This bureau's name, written into the case bundles it issues ('' until set). */
  readonly bureauName?: string;
}

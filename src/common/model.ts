// Domain types shared by every layer. This file runs anywhere: no node:, electron or DOM imports.

export const CATEGORIES = [
  'part_time_job',
  'fake_customer_service',
  'impersonating_officials',
  'loan',
  'investment_romance',
  'impersonating_acquaintance',
  'online_shopping',
  'game_trading',
  'fake_prize',
  'credit_record',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const IDENTIFIER_KINDS = [
  'phone',
  'bank_card',
  'bank_account',
  'iban',
  'alipay',
  'wechat',
  'qq',
  'url',
  'email',
  'ip',
  'device',
  'crypto',
  'other',
] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/**
 * What a reference site is (resources/reference-domains.json): a site that narratives and notes
 * cite but that says nothing about the fraudster, so a URL on it is no fraudster identifier.
 */
export const REFERENCE_CATEGORIES = [
  'scanner',
  'url_check',
  'forum',
  'search',
  'encyclopedia',
  'news',
  'social',
  'explorer',
  'app_store',
  'government',
  'paste',
  'software',
  'hosting',
  'other',
] as const;
export type ReferenceCategory = (typeof REFERENCE_CATEGORIES)[number];

/** Where a case file stands (the one list: the API, its schema, the renderer's filters). */
export const CASE_STATUSES = ['new', 'under_review', 'filed', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const MESSAGE_CHANNELS = ['sms', 'call', 'im', 'web', 'email', 'app'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** A money amount exactly as the report format carries it: a decimal string, never a float. */
export interface Money {
  readonly amount: string;
  readonly currency: string;
}

export interface Victim {
  readonly name?: string;
  readonly phone?: string;
  readonly id_number?: string;
  readonly age?: number;
  readonly gender?: string;
  readonly district?: string;
}

export interface ReportLocation {
  readonly district?: string;
  readonly lat?: number;
  readonly lon?: number;
}

export interface ReportMessage {
  readonly channel: MessageChannel;
  readonly sender?: string;
  readonly text: string;
  readonly at?: string;
}

export interface ReportedIdentifier {
  readonly kind: IdentifierKind;
  readonly value: string;
  readonly role?: string;
}

/** A live report record, report-format.md v1, after validation. */
export interface ReportRecord {
  readonly id: string;
  readonly version: number;
  readonly deleted?: false;
  readonly precinct: string;
  readonly reported_at: string;
  readonly occurred_at?: string | null;
  readonly category: Category;
  /** The original category code when it was not one we know (then `category` is `other`). */
  readonly category_original?: string;
  readonly loss?: Money | null;
  readonly victim?: Victim;
  readonly location?: ReportLocation;
  readonly narrative?: string;
  readonly messages?: readonly ReportMessage[];
  readonly identifiers?: readonly ReportedIdentifier[];
}

/** A tombstone: the report was withdrawn. */
export interface Tombstone {
  readonly id: string;
  readonly version: number;
  readonly deleted: true;
}

export type IncomingRecord = ReportRecord | Tombstone;

/** Where a normalised identifier came from: the citizen's list, or found inside a text. */
export type IdentifierOrigin = 'reported' | 'narrative' | 'message';

/** An identifier after normalisation: `value` is the canonical form two reports are compared on. */
export interface NormalisedIdentifier {
  readonly kind: IdentifierKind;
  /** Canonical form: E.164 for mobiles, digits for cards, canonical URL, lower-cased email... */
  readonly value: string;
  /** Finer classification, e.g. 'mobile', 'service', 'landline' for phones; 'short_link' for URLs. */
  readonly subtype?: string;
  /** Registrable domain for URLs and emails (e.g. example.com.cn). */
  readonly domain?: string;
  /** Luhn check result for bank cards. */
  readonly luhn?: boolean;
}

export interface StoredIdentifier extends NormalisedIdentifier {
  readonly raw: string;
  readonly role?: string;
  readonly origin: IdentifierOrigin;
}

// Vocabularies the UI translates beyond the model's own lists (categories, identifier kinds,
// channels, origins). Values outside these lists are shown as the data has them.

/** Typical identifier roles (report-format.md). */
export const ROLES = ['caller', 'sender', 'payee', 'payer', 'link', 'site', 'contact', 'app'] as const;
export type Role = (typeof ROLES)[number];

/** Identifier subtypes the normaliser assigns (src/core/normalise: phone, chat-id, bank-card, url, crypto, ip). */
export const SUBTYPES = [
  'mobile',
  'landline',
  'service',
  'sms_gateway',
  'foreign',
  'unknown',
  'short_link',
  'app_link',
  'ip',
  'wxid',
  'phone',
  'qq',
  'email',
  'user_id',
  'masked',
  'bad_length',
  'invalid',
  'group',
  'tron',
  'eth',
  'btc',
  'v4',
  'v6',
] as const;
export type Subtype = (typeof SUBTYPES)[number];

/** Error codes with a translated explanation; any other code falls back to `failed`. */
export const ERROR_CODES = [
  'offline',
  'unauthorized',
  'bad_response',
  'no_path',
  'not_found',
  'invalid_argument',
  'cancelled',
  'busy',
  'store_busy',
  'disk_full',
  'no_token',
  'token_unreadable',
  'conflict',
  'unavailable',
  'store_locked',
  'wrong_passphrase',
  'failed',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isSubtype(value: string): value is Subtype {
  return (SUBTYPES as readonly string[]).includes(value);
}

export function isErrorCode(value: string): value is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(value);
}

/** Why a sync stopped (SyncErrorCode); any other code reads as `failed`. */
export const SYNC_ERROR_CODES = [
  'unauthorised',
  'not_found',
  'bad_page',
  'unavailable',
  'throttled',
  'redirect',
  'http_error',
  'network',
  'concurrent',
] as const;

export function isSyncErrorCode(value: string): value is (typeof SYNC_ERROR_CODES)[number] {
  return (SYNC_ERROR_CODES as readonly string[]).includes(value);
}

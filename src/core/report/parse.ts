// The edge where untrusted report records (files, feed pages, bundles) become typed values.
// Every rejection names the field and the reason, so the investigator can fix the source.
// Unknown top-level fields are ignored (the raw record is kept in the store as received).

import {
  CATEGORIES,
  IDENTIFIER_KINDS,
  MESSAGE_CHANNELS,
  type Category,
  type IdentifierKind,
  type IncomingRecord,
  type MessageChannel,
  type Money,
  type ReportedIdentifier,
  type ReportLocation,
  type ReportMessage,
  type ReportRecord,
  type Victim,
} from '../../common/model';
import { isDecimalAmount } from '../../common/money';
import { parseRfc3339 } from './rfc3339';

export interface ParsedRecord {
  readonly record: IncomingRecord;
  /** reported_at in epoch milliseconds (tombstones: null). */
  readonly reportedMs: number | null;
}

export interface RecordError {
  /** The record's id when it had a usable one. */
  readonly id: string | null;
  readonly field: string;
  readonly reason: string;
}

export type ParseResult = { readonly ok: true; readonly value: ParsedRecord } | { readonly ok: false; readonly error: RecordError };

class FieldError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORIES);
const KIND_SET: ReadonlySet<string> = new Set(IDENTIFIER_KINDS);
const CHANNEL_SET: ReadonlySet<string> = new Set(MESSAGE_CHANNELS);
const CURRENCY = /^[A-Z]{3}$/;
// ISO 4217 codes as this runtime's ICU data knows them (the currencies in use; no test or
// precious-metal codes such as XXX or XAU, which no loss is counted in).
const ISO_4217: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
// C0 and C1 controls, and the bidirectional overrides and isolates that make an id display as
// another one ("Trojan source"): an id is compared, shown and written to files as it is.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const MAX_TEXT = 100_000;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'number' ? `the number ${String(v)}` : `a ${typeof v}`;
}

function str(obj: Record<string, unknown>, key: string, field: string, required: boolean, max = MAX_TEXT): string | undefined {
  const v = obj[key];
  if (v === undefined || (v === null && !required)) {
    if (required) throw new FieldError(field, 'is required');
    return undefined;
  }
  if (typeof v !== 'string') throw new FieldError(field, `must be a string, got ${describe(v)}`);
  if (v.length > max) throw new FieldError(field, `is longer than ${max} characters`);
  return v;
}

function timestamp(obj: Record<string, unknown>, key: string, field: string, required: boolean): { text: string; ms: number } | undefined {
  const text = str(obj, key, field, required, 64);
  if (text === undefined) return undefined;
  const parsed = parseRfc3339(text);
  if ('error' in parsed) throw new FieldError(field, `"${text}" ${parsed.error}`);
  return { text, ms: parsed.ms };
}

function num(obj: Record<string, unknown>, key: string, field: string, min: number, max: number, integer: boolean): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new FieldError(field, `must be a number, got ${describe(v)}`);
  if (integer && !Number.isInteger(v)) throw new FieldError(field, `must be an integer, got ${v}`);
  if (v < min || v > max) throw new FieldError(field, `must be between ${min} and ${max}, got ${v}`);
  return v;
}

function parseLoss(v: unknown): Money | null | undefined {
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (!isObject(v)) throw new FieldError('loss', `must be an object {amount, currency} or null, got ${describe(v)}`);
  const amount = v['amount'];
  if (typeof amount === 'number') throw new FieldError('loss.amount', `must be a decimal string like "1234.50", not the number ${amount}`);
  if (typeof amount !== 'string')
    throw new FieldError('loss.amount', amount === undefined ? 'is required' : `must be a decimal string, got ${describe(amount)}`);
  if (!isDecimalAmount(amount)) throw new FieldError('loss.amount', `"${amount}" is not a non-negative decimal with at most 2 decimals`);
  const currency = v['currency'];
  if (typeof currency !== 'string' || !CURRENCY.test(currency)) {
    throw new FieldError(
      'loss.currency',
      currency === undefined ? 'is required' : `${JSON.stringify(currency)} is not an ISO 4217 code like "CNY"`,
    );
  }
  if (!ISO_4217.has(currency))
    throw new FieldError('loss.currency', `"${currency}" is not a currency of ISO 4217 (for example CNY, HKD, USD)`);
  return { amount, currency };
}

function parseVictim(v: unknown): Victim | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw new FieldError('victim', `must be an object, got ${describe(v)}`);
  const victim: { -readonly [K in keyof Victim]: Victim[K] } = {};
  for (const key of ['name', 'phone', 'id_number', 'gender', 'district'] as const) {
    const s = str(v, key, `victim.${key}`, false, 200);
    if (s !== undefined) victim[key] = s;
  }
  const age = num(v, 'age', 'victim.age', 0, 150, true);
  if (age !== undefined) victim.age = age;
  return victim;
}

function parseLocation(v: unknown): ReportLocation | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw new FieldError('location', `must be an object, got ${describe(v)}`);
  const loc: { -readonly [K in keyof ReportLocation]: ReportLocation[K] } = {};
  const district = str(v, 'district', 'location.district', false, 200);
  if (district !== undefined) loc.district = district;
  const lat = num(v, 'lat', 'location.lat', -90, 90, false);
  if (lat !== undefined) loc.lat = lat;
  const lon = num(v, 'lon', 'location.lon', -180, 180, false);
  if (lon !== undefined) loc.lon = lon;
  return loc;
}

function parseMessages(v: unknown): ReportMessage[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw new FieldError('messages', `must be an array, got ${describe(v)}`);
  return v.map((m: unknown, i): ReportMessage => {
    const f = `messages[${i}]`;
    if (!isObject(m)) throw new FieldError(f, `must be an object, got ${describe(m)}`);
    const channel = str(m, 'channel', `${f}.channel`, true, 16) as string;
    if (!CHANNEL_SET.has(channel)) throw new FieldError(`${f}.channel`, `"${channel}" is not one of ${MESSAGE_CHANNELS.join(', ')}`);
    const text = str(m, 'text', `${f}.text`, true) as string;
    const sender = str(m, 'sender', `${f}.sender`, false, 200);
    const at = timestamp(m, 'at', `${f}.at`, false);
    return {
      channel: channel as MessageChannel,
      text,
      ...(sender !== undefined ? { sender } : {}),
      ...(at !== undefined ? { at: at.text } : {}),
    };
  });
}

function parseIdentifiers(v: unknown): ReportedIdentifier[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw new FieldError('identifiers', `must be an array, got ${describe(v)}`);
  return v.map((x: unknown, i): ReportedIdentifier => {
    const f = `identifiers[${i}]`;
    if (!isObject(x)) throw new FieldError(f, `must be an object, got ${describe(x)}`);
    const kind = str(x, 'kind', `${f}.kind`, true, 32) as string;
    const value = str(x, 'value', `${f}.value`, true, 2048) as string;
    if (value.trim() === '') throw new FieldError(`${f}.value`, 'is empty');
    const role = str(x, 'role', `${f}.role`, false, 64);
    // The spec lists the kinds but says nothing of others; a new kind from the platform
    // should not cost the investigator the whole report, so it is kept as `other`.
    const known = KIND_SET.has(kind);
    return {
      kind: (known ? kind : 'other') as IdentifierKind,
      value,
      ...(role !== undefined ? { role } : known ? {} : { role: kind }),
    };
  });
}

function parseFields(input: Record<string, unknown>): ParsedRecord {
  const id = str(input, 'id', 'id', true, 128) as string;
  if (id.length === 0) throw new FieldError('id', 'must not be empty');
  const control = CONTROL.exec(id);
  if (control !== null)
    throw new FieldError(
      'id',
      `must not contain control characters (U+${(control[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')} at position ${control.index + 1})`,
    );
  const versionRaw = input['version'];
  if (versionRaw === undefined) throw new FieldError('version', 'is required');
  if (typeof versionRaw !== 'number' || !Number.isSafeInteger(versionRaw) || versionRaw < 1) {
    throw new FieldError('version', `must be an integer >= 1, got ${describe(versionRaw)}`);
  }
  const deleted = input['deleted'];
  if (deleted !== undefined && typeof deleted !== 'boolean')
    throw new FieldError('deleted', `must be true or false, got ${describe(deleted)}`);
  if (deleted === true) return { record: { id, version: versionRaw, deleted: true }, reportedMs: null };

  const precinct = str(input, 'precinct', 'precinct', true, 128) as string;
  if (precinct.trim() === '') throw new FieldError('precinct', 'must not be empty');
  const reported = timestamp(input, 'reported_at', 'reported_at', true);
  const occurred = timestamp(input, 'occurred_at', 'occurred_at', false);
  const categoryRaw = str(input, 'category', 'category', true, 64) as string;
  const known = CATEGORY_SET.has(categoryRaw);
  const loss = parseLoss(input['loss']);
  const victim = parseVictim(input['victim']);
  const location = parseLocation(input['location']);
  const narrative = str(input, 'narrative', 'narrative', false);
  const messages = parseMessages(input['messages']);
  const identifiers = parseIdentifiers(input['identifiers']);

  const record: ReportRecord = {
    id,
    version: versionRaw,
    precinct,
    reported_at: (reported as { text: string }).text,
    ...(occurred !== undefined ? { occurred_at: occurred.text } : input['occurred_at'] === null ? { occurred_at: null } : {}),
    category: (known ? categoryRaw : 'other') as Category,
    ...(known ? {} : { category_original: categoryRaw }),
    ...(loss !== undefined ? { loss } : {}),
    ...(victim !== undefined ? { victim } : {}),
    ...(location !== undefined ? { location } : {}),
    ...(narrative !== undefined ? { narrative } : {}),
    ...(messages !== undefined ? { messages } : {}),
    ...(identifiers !== undefined ? { identifiers } : {}),
  };
  return { record, reportedMs: (reported as { ms: number }).ms };
}

/** Validate one decoded JSON value as a report record (report-format.md v1). */
export function parseRecord(input: unknown): ParseResult {
  if (!isObject(input))
    return { ok: false, error: { id: null, field: '(record)', reason: `must be a JSON object, got ${describe(input)}` } };
  try {
    return { ok: true, value: parseFields(input) };
  } catch (e) {
    if (!(e instanceof FieldError)) throw e;
    const rawId = input['id'];
    // An id with control characters is not repeated in the message (it could drive the terminal).
    const id = typeof rawId === 'string' && rawId.length > 0 && rawId.length <= 128 && !CONTROL.test(rawId) ? rawId : null;
    return { ok: false, error: { id, field: e.field, reason: e.reason } };
  }
}

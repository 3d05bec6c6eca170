// Phone numbers. Chinese numbers (the bulk of every import) are classified by hand-written
// rules on the bare digits; only numbers written with a foreign country code reach
// libphonenumber, which is two orders of magnitude slower than this path.
import type { NormalisedIdentifier } from '../../common/model';
import { normaliseForeignPhone } from './phone-foreign';
import { MASK_RUN_SOURCE, isExampleDigits } from './placeholder';
import { nfkc } from './text';

export type PhoneSubtype = 'mobile' | 'landline' | 'service' | 'sms_gateway' | 'foreign' | 'unknown';

export interface PhoneIdentifier extends NormalisedIdentifier {
  readonly kind: 'phone';
  readonly subtype: PhoneSubtype;
}

const MOBILE = /^1[3-9]\d{9}$/;
// Area codes: 10 and 2x take 8-digit local numbers, 0[3-9]xx take 7 or 8. A local number
// never starts with 0 (that would be another trunk prefix).
const LANDLINE_NATIONAL = /^0(?:(?:10|2\d)[1-9]\d{7}|[3-9]\d{2}[1-9]\d{6,7})$/;
const SERVICE_400_800 = /^[48]00\d{7}$/;
// 95xxx/96xxx: banks, insurers, carriers (95588, 95555); some run to 8 digits (95105555).
const SERVICE_95_96 = /^9[56]\d{3,6}$/;
// 110, 120, 10086, 10010, 10000, 12315, 12306, 125xxx value-added lines.
const SERVICE_1XX = /^1[0-2]\d{1,4}$/;
// SMS gateway sender codes: 106 + operator/enterprise digits, up to 20 digits in all.
const SMS_GATEWAY = /^106\d{5,17}$/;

const MIN_DIGITS = 3;
const MAX_DIGITS = 20;

function phone(value: string, subtype: PhoneSubtype): PhoneIdentifier {
  return { kind: 'phone', value, subtype };
}

/**
 * Classify a national Chinese number written without the country code (a leading 0 for
 * landlines, none for mobiles). Returns null when no Chinese pattern fits.
 */
function classifyChinaNational(digits: string): PhoneIdentifier | null {
  const first = digits.charCodeAt(0);
  if (first === 49 /* 1 */) {
    if (MOBILE.test(digits)) return phone(`+86${digits}`, 'mobile');
    if (SMS_GATEWAY.test(digits)) return phone(digits, 'sms_gateway');
    if (SERVICE_1XX.test(digits)) return phone(digits, 'service');
    return null;
  }
  if (first === 48 /* 0 */) {
    if (LANDLINE_NATIONAL.test(digits)) return phone(`+86${digits.slice(1)}`, 'landline');
    // Callers often dial a 0 before an out-of-town mobile.
    if (digits.length === 12 && MOBILE.test(digits.slice(1))) return phone(`+86${digits.slice(1)}`, 'mobile');
    return null;
  }
  if (SERVICE_400_800.test(digits) || SERVICE_95_96.test(digits)) return phone(digits, 'service');
  return null;
}

/** Classify the digits that followed +86 / 0086 / 86. */
function classifyChinaInternational(nsn: string): PhoneIdentifier | null {
  if (MOBILE.test(nsn)) return phone(`+86${nsn}`, 'mobile');
  if (SERVICE_400_800.test(nsn)) return phone(nsn, 'service');
  // Landlines before hotlines and gateways: "+86 10 6552 9988" is Beijing, even though
  // "1065529988" alone would read as an SMS gateway. "+86 (0)755 …": the trunk 0 is written
  // by habit; the national rules expect it.
  const national = nsn.startsWith('0') ? nsn : `0${nsn}`;
  return classifyChinaNational(national) ?? classifyChinaNational(nsn);
}

/**
 * Classify a digit string (no separators). `international` means it was written with a
 * leading +; a leading 00 is recognised here.
 */
export function classifyPhoneDigits(digits: string, international: boolean): PhoneIdentifier | null {
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) return null;
  if (!international && digits.startsWith('00') && digits.length > 4) {
    return classifyPhoneDigits(digits.slice(2), true);
  }
  if (international) {
    if (digits.startsWith('86')) {
      return classifyChinaInternational(digits.slice(2)) ?? phone(`+${digits}`, 'unknown');
    }
    const foreign = normaliseForeignPhone(digits);
    if (foreign !== null) return phone(foreign.e164, 'foreign');
    return digits.length >= 7 ? phone(`+${digits}`, 'unknown') : null;
  }
  const national = classifyChinaNational(digits);
  if (national !== null) return national;
  // "86-138…" and "86 10 …" written without the plus.
  if (digits.startsWith('86') && digits.length >= 11) {
    // Only a mobile or landline: "86" before a bare hotline number is more likely coincidence.
    const international86 = classifyChinaInternational(digits.slice(2));
    if (international86 !== null && (international86.subtype === 'mobile' || international86.subtype === 'landline')) {
      return international86;
    }
  }
  return phone(digits, 'unknown');
}

// Characters that may sit between the digits of one written number: spaces, dashes of every
// width, dots, brackets around area codes and country codes.
const INSIDE_NUMBER = new Set([
  ' ',
  '\t',
  '-',
  '.',
  '(',
  ')',
  '[',
  ']',
  '【',
  '】',
  '「',
  '」',
  '〔',
  '〕',
  '·',
  '・',
  '\u2010',
  '\u2011',
  '\u2012',
  '\u2013',
  '\u2014',
  '\u2015',
  '\u00a0',
]);

interface ScannedPhone {
  readonly digits: string;
  readonly plus: boolean;
  /** Offset of the first digit (-1 when there is none) and of the character that ended the number. */
  readonly start: number;
  readonly end: number;
}

/**
 * Pull the first written number out of a field: leading labels ("电话：", "tel:") are skipped,
 * and the number ends at the first character that cannot be inside one (an extension marker
 * "转", a slash before a second number, a note like "（微信同号）").
 */
function scanPhone(text: string): ScannedPhone {
  let digits = '';
  let plus = false;
  let start = -1;
  let i = 0;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      // Past the longest number there is, the value is garbage; stop reading it.
      if (digits.length > MAX_DIGITS) break;
      if (start < 0) start = i;
      digits += text[i];
      continue;
    }
    const ch = text[i] as string;
    if (digits.length === 0) {
      // A plus counts only when nothing but brackets or spaces stands between it and the digits.
      if (ch === '+') plus = true;
      else if (!INSIDE_NUMBER.has(ch)) plus = false;
      continue;
    }
    if (!INSIDE_NUMBER.has(ch)) break;
  }
  return { digits, plus, start, end: i };
}

// A number with a mask beside it ("138****1234", "****1234", "138-XXXX-1234") is a shown part of
// one, not a number: what was read is only its head or its tail.
const MASK_BEFORE = new RegExp(`${MASK_RUN_SOURCE}[\\s\\-.]*$`);
const MASK_AFTER = new RegExp(`^${MASK_RUN_SOURCE}`);
// Digits glued to a Latin word or an underscore are part of a name ("@Kusama_Support044",
// "noreply2023@…"), unless the word is a label people glue to a number.
const GLUED_NAME = /[A-Za-z_]$/;
const GLUED_LABEL = /(?:^|[^A-Za-z])(?:tel|phone|mobile|mob|cell|call|fax|sms|no)$/i;

/** Whether the field is a handle, an e-mail address or a masked number rather than a number. */
function notANumber(text: string, scanned: ScannedPhone, found: PhoneIdentifier | null): boolean {
  // The common field is the number alone, or a label and the number: decide it without slicing.
  if (scanned.start > 0) {
    const before = text.slice(0, scanned.start);
    if (before.includes('@')) return true;
    if (GLUED_NAME.test(before) && !GLUED_LABEL.test(before)) return true;
    if (scanned.start >= 2 && MASK_BEFORE.test(before)) return true;
  }
  if (scanned.end >= text.length) return false;
  // A number written before an "@" is the name of a mailbox; only a full number is still a number.
  if (text.includes('@', scanned.end) && (found === null || !FULL_NUMBER.has(found.subtype))) return true;
  return MASK_AFTER.test(text.slice(scanned.end));
}

export function normalisePhone(raw: string): PhoneIdentifier | null {
  const text = nfkc(raw);
  const scanned = scanPhone(text);
  const { digits, plus } = scanned;
  // Example values ("12345678", "88888888", "1234567890") are placeholders, not numbers.
  if (digits.length === 0 || isExampleDigits(digits)) return null;
  const whole = classifyPhoneDigits(digits, plus);
  if (notANumber(text, scanned, whole)) return null;
  if (whole !== null && whole.subtype !== 'unknown') return whole;
  return firstOfSeveral(text) ?? whole;
}

/**
 * A field holding two numbers side by side ("13800138000 13900139000") reads as one long
 * digit run; take the shortest leading stretch of its space-separated chunks that is a full
 * subscriber number (a short prefix like "123" reading as a hotline does not count).
 */
const FULL_NUMBER: ReadonlySet<PhoneSubtype> = new Set(['mobile', 'landline', 'foreign']);

function firstOfSeveral(text: string): PhoneIdentifier | null {
  const chunks = text.trim().split(/\s+/);
  if (chunks.length < 2) return null;
  let prefix = '';
  for (let i = 0; i < chunks.length - 1; i++) {
    prefix += `${chunks[i] as string} `;
    const { digits, plus } = scanPhone(prefix);
    if (digits.length > MAX_DIGITS) break;
    const found = classifyPhoneDigits(digits, plus);
    if (found !== null && FULL_NUMBER.has(found.subtype)) return found;
  }
  return null;
}

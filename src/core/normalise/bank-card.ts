// Bank cards and bank accounts. A card number is its digits; the Luhn check is recorded, not
// enforced, because a mistyped card is still what the victim paid to. Digit-only accounts of
// card length are treated as cards, so "bank_card" and "bank_account" reports of the same
// number meet.
import type { NormalisedIdentifier } from '../../common/model';
import { classifyIban, type IbanIdentifier } from './iban';
import { hasMaskSymbol, isExampleDigits, isMaskOnly } from './placeholder';
import { nfkc } from './text';

export type BankCardSubtype = 'masked' | 'bad_length';

export interface BankCardIdentifier extends NormalisedIdentifier {
  readonly kind: 'bank_card';
  readonly luhn: boolean;
  /** 'masked' for "6222 **** **** 1234"; 'bad_length' when the digits are not 12–19 long. */
  readonly subtype?: BankCardSubtype;
}

export interface BankAccountIdentifier extends NormalisedIdentifier {
  readonly kind: 'bank_account';
}

const CARD_MIN = 12;
const CARD_MAX = 19;
// Fewer digits than this are a tail ("尾号1234"), not an identifier; more is not a number
// anyone could pay to.
const KEEP_MIN = 6;
const KEEP_MAX = 30;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Digits already stripped of separators. */
export function classifyCardDigits(digits: string): BankCardIdentifier | null {
  if (digits.length < KEEP_MIN || digits.length > KEEP_MAX) return null;
  if (digits.length < CARD_MIN || digits.length > CARD_MAX) {
    return { kind: 'bank_card', value: digits, luhn: false, subtype: 'bad_length' };
  }
  return { kind: 'bank_card', value: digits, luhn: luhnValid(digits) };
}

// Not '/': it stands between two numbers, not inside one.
const SEPARATORS = /[\s\-.·_]/g;
// Banks and apps mask a card with these; letters count as a mask only between digits.
const MASK_SYMBOLS = /[*•●]/g;
const MASK_LETTERS = /(?<=\d)[xX×]+(?=\d)/g;

function compactNumber(raw: string): string {
  return nfkc(raw).replace(SEPARATORS, '');
}

export function normaliseBankCard(raw: string): BankCardIdentifier | IbanIdentifier | null {
  const compact = compactNumber(raw);
  const iban = classifyIban(compact.toUpperCase());
  if (iban !== null && iban.subtype !== 'invalid') return iban;
  // The longest run of digits and mask characters; labels ("卡号：", "(工商银行)") fall away.
  const runs =
    compact
      .replace(MASK_LETTERS, '*')
      .replace(MASK_SYMBOLS, '*')
      .match(/[\d*]*\d[\d*]*/g) ?? [];
  const run = runs.reduce((best, r) => (r.length > best.length ? r : best), '');
  if (run.includes('*')) {
    // Star counts differ between apps; what identifies the card is the visible head and tail.
    const value = run.replace(/\*+/g, '****');
    const visible = value.replace(/\*/g, '').length;
    return visible >= 4 ? { kind: 'bank_card', value, luhn: false, subtype: 'masked' } : null;
  }
  // "1234 5678 9012 3456", "0000 0000 0000 0000", "4111 1111 1111 1111": examples (placeholder.ts).
  if (isExampleDigits(run)) return null;
  return classifyCardDigits(run);
}

const ACCOUNT_LABEL = /^[^0-9]*?[:：]\s*/;
const TRAILING_NOTE = /\s*[（(【[].*$/;

export function normaliseBankAccount(raw: string): BankAccountIdentifier | BankCardIdentifier | IbanIdentifier | null {
  const text = nfkc(raw).trim().replace(ACCOUNT_LABEL, '').replace(TRAILING_NOTE, '');
  // A masked account ("6222 **** 0128", "6222XXXX0128") is read as a card is, its mask kept:
  // dropping the stars would make another number. Nothing but a mask is no account at all.
  const compact = text.replace(SEPARATORS, '');
  if (isMaskOnly(compact)) return null;
  if (hasMaskSymbol(compact) || /\d[xX×]+\d/.test(compact)) {
    const card = normaliseBankCard(text);
    return card !== null && card.kind === 'bank_card' && card.subtype === 'masked' ? card : null;
  }
  const value = text
    .replace(SEPARATORS, '')
    .replace(/[^0-9A-Za-z]/g, '')
    .toUpperCase();
  if (value.length < 4 || value.length > 40) return null;
  const iban = classifyIban(value);
  if (iban !== null && iban.subtype !== 'invalid') return iban;
  // What the symbols around it hid ("1^x5F") reads as a mask once they are gone ("1X5F"): judged
  // as the value itself would be, so that a stored value normalises to itself.
  if (/\d[X×]+\d/.test(value)) {
    const card = normaliseBankCard(value);
    return card !== null && card.kind === 'bank_card' && card.subtype === 'masked' ? card : null;
  }
  if (/^\d+$/.test(value) && isExampleDigits(value)) return null;
  if (/^\d+$/.test(value) && value.length >= CARD_MIN && value.length <= CARD_MAX) {
    return { kind: 'bank_card', value, luhn: luhnValid(value) };
  }
  return { kind: 'bank_account', value };
}

// International bank account numbers. ibantools knows each country's length and format and
// checks the mod-97 digits; the canonical value is its electronic format (no spaces, upper case).
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import type { NormalisedIdentifier } from '../../common/model';
import { nfkc } from './text';

export interface IbanIdentifier extends NormalisedIdentifier {
  readonly kind: 'iban';
  /** 'invalid' when the country format or check digits fail; absent when valid. */
  readonly subtype?: 'invalid';
}

const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/;

/** An IBAN already stripped of separators and upper-cased, or null if it is not IBAN-shaped. */
export function classifyIban(compact: string): IbanIdentifier | null {
  if (!IBAN_SHAPE.test(compact)) return null;
  return isValidIBAN(compact) ? { kind: 'iban', value: compact } : { kind: 'iban', value: compact, subtype: 'invalid' };
}

export function normaliseIban(raw: string): IbanIdentifier | null {
  const text = nfkc(raw)
    .trim()
    .replace(/^IBAN\s*[:：]?\s*/i, '');
  const compact = (electronicFormatIBAN(text) ?? '').replace(/[\s.]/g, '');
  return classifyIban(compact);
}

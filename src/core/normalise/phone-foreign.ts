// Numbers with a non-Chinese country code. libphonenumber knows every country's numbering
// plan, which we cannot keep by hand; it is slow, so only this rare path loads it.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

export interface ForeignPhone {
  readonly e164: string;
  /** True when the number fits the country's plan exactly, not just its lengths. */
  readonly valid: boolean;
}

/** `digits` start with the country code (the + already removed). */
export function normaliseForeignPhone(digits: string): ForeignPhone | null {
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  if (parsed === undefined || !parsed.isPossible()) return null;
  return { e164: parsed.number, valid: parsed.isValid() };
}

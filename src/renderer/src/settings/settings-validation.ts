// Validation of the settings form. Each parser returns the value to store, or null when the
// text is not acceptable (the form then shows why and saves nothing).

import { isDecimalAmount } from '../../../common/money';

/** A money amount ≥ 0 with at most two decimals: "5000", "5000.5", "5000.50". */
export function parseAmount(text: string): string | null {
  const value = text.trim();
  return isDecimalAmount(value) ? value : null;
}

/** A positive whole number of days, at most 100 years. */
export function parseDays(text: string): number | null {
  const value = text.trim();
  if (!/^\d+$/.test(value)) return null;
  const days = Number(value);
  return Number.isSafeInteger(days) && days >= 1 && days <= 36_500 ? days : null;
}

/** Background sync interval: whole minutes 0–1440 (0: off). */
export function parseInterval(text: string): number | null {
  const value = text.trim();
  if (!/^\d{1,4}$/.test(value)) return null;
  const minutes = Number(value);
  return minutes <= 1440 ? minutes : null;
}

// Resident identity numbers (GB 11643-1999): six digits of region, the birth date, a three-digit
// sequence whose last digit is odd for men and even for women, and an ISO 7064 MOD 11-2 check
// character (0–9 or X). The demo only makes valid ones; tests use the validator.

import type { Rng } from './prng';
import { two } from './time';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK[sum % 11] as string;
}

const THREE = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

export function makeIdNumber(rng: Rng, region: string, year: number, month: number, day: number, male: boolean): string {
  const serial = rng.int(0, 99) * 10 + (male ? 2 * rng.int(0, 4) + 1 : 2 * rng.int(0, 4));
  const first17 = `${region}${year}${two(month)}${two(day)}${THREE[serial] as string}`;
  return first17 + idCheckChar(first17);
}

/** Format, a real calendar date and the check character. */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return idCheckChar(id.slice(0, 17)) === id[17];
}

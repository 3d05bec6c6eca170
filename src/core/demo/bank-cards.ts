// Chinese bank cards: real issuer prefixes (BINs) of the big banks, their card lengths and their
// public hotlines, and the Luhn check digit every genuine card number ends with.

export interface Bin {
  readonly prefix: string;
  readonly length: number;
}

export interface Bank {
  readonly name: string;
  /** The name people write in a hurry: 工行, 建行… */
  readonly short: string;
  /** The bank's real customer-service number: quoted by victims, spoofed by fake base stations. */
  readonly hotline: string;
  readonly bins: readonly Bin[];
}

export const BANKS: readonly Bank[] = [
  {
    name: '工商银行',
    short: '工行',
    hotline: '95588',
    bins: [
      { prefix: '622202', length: 19 },
      { prefix: '621226', length: 19 },
      { prefix: '621558', length: 19 },
    ],
  },
  {
    name: '建设银行',
    short: '建行',
    hotline: '95533',
    bins: [
      { prefix: '621700', length: 19 },
      { prefix: '623668', length: 19 },
      { prefix: '622700', length: 19 },
    ],
  },
  {
    name: '农业银行',
    short: '农行',
    hotline: '95599',
    bins: [
      { prefix: '622848', length: 19 },
      { prefix: '623052', length: 19 },
    ],
  },
  {
    name: '中国银行',
    short: '中行',
    hotline: '95566',
    bins: [
      { prefix: '621661', length: 19 },
      { prefix: '621785', length: 19 },
    ],
  },
  { name: '交通银行', short: '交行', hotline: '95559', bins: [{ prefix: '622262', length: 19 }] },
  {
    name: '邮储银行',
    short: '邮储',
    hotline: '95580',
    bins: [
      { prefix: '621799', length: 19 },
      { prefix: '622188', length: 19 },
    ],
  },
  {
    name: '招商银行',
    short: '招行',
    hotline: '95555',
    bins: [
      { prefix: '622588', length: 16 },
      { prefix: '621483', length: 16 },
    ],
  },
  { name: '兴业银行', short: '兴业', hotline: '95561', bins: [{ prefix: '622908', length: 18 }] },
  { name: '平安银行', short: '平安', hotline: '95511', bins: [{ prefix: '623058', length: 19 }] },
];

/** The Luhn check digit for a card number without it. */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  // Walking from the right, the digit next to the check digit is doubled first.
  for (let i = body.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = body.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function isLuhnValid(card: string): boolean {
  return /^\d{12,19}$/.test(card) && luhnCheckDigit(card.slice(0, -1)) === card[card.length - 1];
}

/**
 * A Luhn-valid card for a BIN: the account part ends in `unique8` (eight digits that never repeat
 * between calls, so no two gangs share a card by accident) after `filler` digits.
 */
export function cardNumber(bin: Bin, unique8: string, filler: number): string {
  const fill = String(filler % 10 ** (bin.length - bin.prefix.length - 9)).padStart(bin.length - bin.prefix.length - 9, '0');
  const body = bin.prefix + fill + unique8;
  return body + luhnCheckDigit(body);
}

// Exact money. Amounts travel as decimal strings with at most two decimals and are stored as
// integer hundredths ("cents") of the currency unit; floats never touch an amount.

const DECIMAL = /^(\d{1,15})(?:\.(\d{1,2}))?$/;

/** Hundredths of the unit for a decimal string like "1234.5", or null when it is not one. */
export function decimalToCents(amount: string): number | null {
  const m = DECIMAL.exec(amount);
  if (!m) return null;
  const whole = Number(m[1]);
  const frac = Number((m[2] ?? '').padEnd(2, '0'));
  const cents = whole * 100 + frac;
  return Number.isSafeInteger(cents) ? cents : null;
}

/** "1234.50" for 123450. */
export function centsToDecimal(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

export function isDecimalAmount(amount: string): boolean {
  return DECIMAL.test(amount);
}

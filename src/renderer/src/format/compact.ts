// Short figures for chart axes and tooltips: "¥1.2万" / "¥12K", "3,400" reports.
// Amounts arrive as decimal strings; charts need numbers, and an axis tick is an estimate anyway.

import { intlLocale, type Language } from './locale';

const compactMoney = new Map<string, Intl.NumberFormat>();

export function formatCompactMoney(amount: number, currency: string, language: Language): string {
  const key = `${language} ${currency}`;
  let format = compactMoney.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(intlLocale(language), {
        style: 'currency',
        currency,
        currencyDisplay: 'narrowSymbol',
        notation: 'compact',
        maximumFractionDigits: 1,
      });
    } catch {
      format = new Intl.NumberFormat(intlLocale(language), { notation: 'compact', maximumFractionDigits: 1 });
    }
    compactMoney.set(key, format);
  }
  return format.format(amount);
}

/** A decimal amount string as a number for plotting (0 when unreadable). */
export function amountNumber(amount: string | undefined | null): number {
  if (amount === undefined || amount === null) return 0;
  const n = Number(amount);
  return Number.isFinite(n) ? n : 0;
}

// Money as the investigator reads it: "¥12,500.00". The decimal string goes to Intl as a
// string, so an amount is never rounded through a float.

import type { Money } from '../../../common/model';
import { isDecimalAmount } from '../../../common/money';
import { intlLocale, type Language } from './locale';

const formatters = new Map<string, Intl.NumberFormat | null>();

function currencyFormat(language: Language, currency: string): Intl.NumberFormat | null {
  const key = `${language} ${currency}`;
  let format = formatters.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(intlLocale(language), { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
    } catch {
      format = null; // not an ISO 4217 code Intl knows
    }
    formatters.set(key, format);
  }
  return format;
}

export function formatMoney(money: Readonly<Money>, language: Language): string {
  const format = currencyFormat(language, money.currency);
  if (format === null || !isDecimalAmount(money.amount)) return `${money.amount} ${money.currency}`;
  return format.format(money.amount as `${number}`);
}

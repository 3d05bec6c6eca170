// Amounts by currency as one line of text in the UI language.

import type { LossByCurrency } from '../../../common/api';
import type { Format } from '../format/formatter';

export function formatLoss(loss: LossByCurrency, fmt: Format, none: string): string {
  const parts = Object.entries(loss)
    .filter(([, amount]) => amount !== '' && Number(amount) !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => fmt.money({ amount, currency }));
  return parts.length === 0 ? none : parts.join(' + ');
}
